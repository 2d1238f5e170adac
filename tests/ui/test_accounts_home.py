"""The accounts home: a fresh search after visiting an account, home/end on the list, the
empty workspace says what to do, and a filter that matches nothing says so."""

from __future__ import annotations

from textual.widgets import Input, Static

from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.screens.account import AccountScreen
from checkin.ui.screens.accounts import AccountsScreen
from checkin.ui.widgets.account_list import AccountList
from tests.sharing_data import demo_workspace

SIZE = (120, 40)


def home(app: CheckinApp) -> AccountsScreen:
    assert isinstance(app.screen, AccountsScreen)
    return app.screen


def status(app: CheckinApp) -> str:
    return str(home(app).query_one("#status", Static).content)


async def test_coming_back_from_an_account_starts_a_fresh_search() -> None:
    app = CheckinApp(demo_workspace())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"tessera", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("escape")
        await pilot.pause()
        screen = home(app)
        table = screen.query_one(AccountList)
        assert screen.query_one("#filter", Input).value == ""
        assert table.row_count == len(screen.workspace.accounts())
        assert screen.selected is not None and screen.selected.slug == "tessera"  # kept
        await pilot.press(*"juniper")
        await pilot.pause()
        assert screen.query_one("#filter", Input).value == "juniper"
        assert [screen.selected.slug if screen.selected else None] == ["juniper"]


async def test_home_and_end_go_to_the_first_and_last_account() -> None:
    app = CheckinApp(demo_workspace())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = home(app)
        table = screen.query_one(AccountList)
        await pilot.press("down", "down", "end")
        assert table.cursor == table.row_count - 1
        await pilot.press("home")
        assert table.cursor == 0
        assert screen.focused is screen.query_one("#filter", Input)


async def test_a_filter_that_matches_nothing_says_so() -> None:
    app = CheckinApp(demo_workspace())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"zzz")
        await pilot.pause()
        total = len(home(app).workspace.accounts())
        assert status(app) == f"No account matches “zzz” of {total} · esc clears the filter"
        await pilot.press("escape")
        await pilot.pause()
        assert status(app).startswith(f"{total} of {total} accounts")


async def test_an_empty_workspace_says_what_to_do() -> None:
    app = CheckinApp(Workspace.in_memory())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = home(app)
        empty = screen.query_one("#empty", Static)
        assert empty.display and not screen.query_one(AccountList).display
        text = str(empty.content)
        assert "ctrl+n" in text and "checkin import" in text and "checkin demo" in text
        assert status(app) == "No accounts yet · ctrl+n adds one"
        screen.workspace.add_account(slug="zeta", name="Zeta Corp")
        screen.reload()
        await pilot.pause()
        assert not empty.display and screen.query_one(AccountList).row_count == 1
        assert status(app).startswith("1 of 1 accounts")
