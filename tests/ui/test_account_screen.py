"""Driving the accounts and account screens with keys; asserting on what was stored."""

from __future__ import annotations

from checkin.core import IssueStatus, Severity
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.form import FormModal
from checkin.ui.screens.account import AccountScreen
from checkin.ui.screens.accounts import AccountsScreen
from checkin.ui.widgets.bars import KeyBar
from checkin.ui.widgets.facts import FactsLine


async def test_filter_by_typing_and_open(app: CheckinApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AccountsScreen)
        await pilot.press(*"glo")
        table = app.screen.query_one("#accounts")
        assert table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        assert app.screen.account.slug == "globex"


async def test_new_issue_from_the_account_screen_is_stored(app: CheckinApp, ws: Workspace) -> None:
    acme = ws.account("acme")
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_account(acme)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
        app.screen.query_one("#field-title").value = "Invoices [red]missing[/] in export"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Severity is required: the form stays open and says so.
        assert isinstance(app.screen, FormModal)
        app.screen.query_one("#field-severity").value = Severity.HIGH
        app.screen.query_one("#field-due").value = "2026-11-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
        error = app.screen.query_one("#error-due").content
        assert "before the opened date" in str(error)
        app.screen.query_one("#field-due").value = "fri"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
    stored = [i for i in ws.issues(acme.id) if i.title.startswith("Invoices")]
    assert len(stored) == 1
    assert stored[0].title == "Invoices [red]missing[/] in export"
    assert stored[0].severity is Severity.HIGH and stored[0].due.isoformat() == "2026-11-27"


async def test_acknowledge_an_issue_with_one_key(app: CheckinApp, ws: Workspace) -> None:
    acme = ws.account("acme")
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_account(acme)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
    critical = next(i for i in ws.issues(acme.id) if i.severity is Severity.CRITICAL)
    assert critical.status is IssueStatus.ACKNOWLEDGED and critical.acknowledged is not None


async def test_issue_keys_follow_the_transitions_and_plan_given_asks_for_the_plan(
    app: CheckinApp, ws: Workspace
) -> None:
    acme = ws.account("acme")
    critical = next(i for i in ws.issues(acme.id) if i.severity is Severity.CRITICAL)
    assert critical.status is IssueStatus.NEW
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.open_account(acme)
        await pilot.pause()
        await pilot.press("v")  # verified on a brand-new issue: refused, nothing changes
        await pilot.pause()
        assert ws.store.issues.get(critical.id) == critical
        await pilot.press("g")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormModal)
        form.query_one("#field-plan").value = "Roll back the sync job"
        form.query_one("#field-estimate").value = "+3d"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
    planned = ws.store.issues.get(critical.id)
    assert planned.plan_text == "Roll back the sync job" and planned.plan_estimate is not None
    assert planned.status is IssueStatus.PLANNED and planned.plan_given is not None


async def test_accounts_list_fills_figures_and_moves_with_keys(
    app: CheckinApp, ws: Workspace
) -> None:
    from checkin.ui.widgets.account_list import AccountList

    ws.add_account(name="[bold]Initech[/]", slug="initech")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(AccountList)
        assert table.row_count == 3
        # Figures are in: the critical issue past 48 h is flagged on Acme's row.
        acme = ws.account("acme")
        assert "past 48 h" in str(table._cells[acme.id][6])
        status = str(app.screen.query_one("#status").content)
        assert "3 of 3 accounts" in status and "1 with issues past the 48-hour rules" in status
        # A name with markup shows literally.
        assert "[bold]Initech[/]" in [str(cells[0]) for cells in table._cells.values()]
        await pilot.press("down", "down")
        assert table.cursor == 2
        await pilot.press("up")
        assert table.cursor_key == table.keys[1]
        await pilot.click(AccountList, offset=(5, 1))  # the first row, then again to open
        assert table.cursor == 0
        await pilot.click(AccountList, offset=(5, 1))
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)


async def test_summary_wraps_between_facts_never_inside_one(app: CheckinApp, ws: Workspace) -> None:
    acme = ws.account("acme")
    async with app.run_test(size=(60, 30)) as pilot:
        app.open_account(acme)
        await pilot.pause()
        summary = app.screen.query_one("#summary", FactsLine)
        lines = summary.laid_out(summary.size.width).plain.split("\n")
        assert len(lines) > 1, "60 columns cannot hold every fact on one line"
        assert all(len(line) <= summary.size.width for line in lines)
        assert summary.size.height == len(lines)
        # every fact starts a line or follows a separator: none is cut in two
        facts = [fact for line in lines for fact in line.split("  ·  ")]
        assert facts[0].startswith("Health ") and any(f.startswith("last check-in") for f in facts)


async def test_the_key_bar_keeps_the_screens_main_keys_when_short_of_room(
    app: CheckinApp, ws: Workspace
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen.query_one(KeyBar).render().plain
        assert all(key in home for key in ("^n New account", "^q Quit", "f1 Keys")), home
        app.open_account(ws.account("acme"))
        await pilot.pause()
        bar = app.screen.query_one(KeyBar).render().plain
        assert all(key in bar for key in ("esc Back", "p Plan", "s Start", "f1 Keys")), bar
        assert "n New" in bar  # the table's first key still fits; the rest are in f1
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        wide = app.screen.query_one(KeyBar).render().plain
        assert "r Resolve" in wide and wide.index("esc Back") < wide.index("s Start")
