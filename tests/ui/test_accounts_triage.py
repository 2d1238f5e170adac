"""Portfolio triage on the home screen: the order cycles with a key, and "needs attention"."""

from __future__ import annotations

import random

import pytest

from checkin.core.health import Band
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.widgets.account_list import AccountList
from tests.conftest import NOW


@pytest.fixture
def demo() -> Workspace:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(7))
    with ws.transaction():
        seed_demo(ws, NOW)
    return ws


def names(table: AccountList, ws: Workspace) -> list[str]:
    by_id = {a.id: a.name for a in ws.accounts()}
    return [by_id[key] for key in table.keys]


def header(app: CheckinApp) -> str:
    table = app.screen.query_one(AccountList)
    return table.render_line(0).text


async def test_sort_cycles_and_needs_attention_filters(demo: Workspace) -> None:
    app = CheckinApp(demo)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(AccountList)
        status = app.screen.query_one("#status")
        assert names(table, demo) == sorted(names(table, demo))  # by name to start with
        assert "Account ↓" in header(app) and app.screen.sub_title == "Accounts · sorted by name"

        await pilot.press("ctrl+s")  # health, weakest first
        health = {a.name: demo.health(a) for a in demo.accounts()}
        shown = names(table, demo)
        ranks = [(health[n].band.rank, health[n].score) for n in shown]
        assert ranks == sorted(ranks)
        assert health[shown[0]].band is Band.AT_RISK
        assert "Health ↓" in header(app)
        assert app.screen.sub_title == "Accounts · sorted by health, weakest first"
        # The row says why an account is at risk.
        why = str(table._cells[table.keys[0]][2])
        assert why == health[shown[0]].why and why

        await pilot.press("ctrl+s")  # next due, soonest first
        dues = [demo.summary(demo.account(key)).next_due for key in table.keys]
        assert dues == sorted(dues) and "Next due ↓" in header(app)

        await pilot.press("ctrl+s")  # renewal, soonest first (the column shows while sorted)
        renewals = [demo.account(key).renewal for key in table.keys]
        assert renewals == sorted(renewals) and "Renewal ↓" in header(app)

        await pilot.press("ctrl+s")  # back to name
        assert names(table, demo) == sorted(names(table, demo))

        await pilot.press("ctrl+s", "ctrl+f")  # health order, needs attention only
        shown = names(table, demo)
        assert shown == ["Bluefin Insurance", "Cobalt Retail Group", "Acme Health", "Tessera Bank"]
        assert str(status.content).startswith(f"{len(shown)} of 7 accounts")
        assert app.screen.sub_title.endswith("· needing attention")
        # Typing narrows the attention list further; ctrl+f again shows every account.
        await pilot.press(*"blue")
        assert names(table, demo) == ["Bluefin Insurance"]
        await pilot.press("escape", "ctrl+f")
        assert table.row_count == 7


async def test_the_sort_is_offered_in_the_command_palette(demo: Workspace) -> None:
    app = CheckinApp(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        commands = {title: run for title, _help, run in app.screen.palette_commands()}
        assert "Accounts: Sort by name" not in commands  # the current order
        commands["Accounts: Sort by health, weakest first"]()
        commands["Accounts: Show only those needing attention"]()
        await pilot.pause()
        table = app.screen.query_one(AccountList)
        assert names(table, demo)[0] == "Bluefin Insurance"
        assert table.row_count == 4
