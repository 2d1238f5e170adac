"""The accounts list repaints the right line when one row's figures arrive, scrolled or not."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from checkin.ui.widgets.account_list import AccountList, Column


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield AccountList([Column("name", "Name", 20), Column("why", "Why", 20)])


def screen_lines(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_a_row_updated_while_scrolled_shows_its_new_cells() -> None:
    app = ListApp()
    async with app.run_test(size=(50, 12)) as pilot:
        table = app.query_one(AccountList)
        table.set_rows([(f"a{n}", [Text(f"Account {n}"), Text("…")]) for n in range(60)])
        table.focus()
        await pilot.pause()
        table.cursor = 40  # scrolls the list down
        await pilot.pause()
        assert table.scroll_offset.y > 0
        shown = [line for line in screen_lines(app) if "Account 38 " in line]
        assert shown and "…" in shown[0]

        table.update_row("a38", [Text("Account 38"), Text("renewal in 9 days")])
        await pilot.pause()

        lines = screen_lines(app)
        assert any("Account 38" in line and "renewal in 9 days" in line for line in lines)
