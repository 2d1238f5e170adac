"""What the start-up skips to show the accounts home sooner changes nothing a user sees: the
remembered theme is fully applied on the first frame, the key bar follows every change of the
keys it shows (only repaints that would draw the same line are left out) and draws what
Textual would, and the account rows built in one pass are exactly as wide as the list."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widget import Widget

from checkin.ui.app import CheckinApp
from checkin.ui.widgets.account_list import AccountList, Column
from checkin.ui.widgets.bars import KeyBar, TitleBar
from tests.sharing_data import demo_workspace
from tests.ui.conftest import small_workspace

SIZE = (120, 40)


async def shown(app: CheckinApp) -> str:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return app.export_screenshot()


@pytest.mark.parametrize("theme", ["nord", "textual-dark", "checkin"])
async def test_a_remembered_theme_looks_as_if_chosen_after_the_start(theme: str) -> None:
    """Started with a theme (no theme change at start for Textual's own default), the home
    is drawn exactly as when the theme is picked once the app runs (ctrl+p)."""
    at_start = await shown(CheckinApp(small_workspace(), theme=theme))
    app = CheckinApp(small_workspace(), theme="gruvbox")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = theme
        await pilot.pause()
        picked = app.export_screenshot()
    assert at_start == picked


async def test_the_key_bar_repaints_when_its_keys_change_and_only_then(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn: list[str] = []
    render = KeyBar.render

    def counted(self: KeyBar) -> Any:
        text = render(self)
        drawn.append(text.plain)
        return text

    monkeypatch.setattr(KeyBar, "render", counted)
    app = CheckinApp(small_workspace())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert "Open" not in bar.render().plain  # the filter has the focus
        drawn.clear()
        for _ in range(3):
            app.screen.refresh_bindings()  # what Textual sends at each focus change
        await pilot.pause()
        assert drawn == []  # the same keys: nothing painted again

        app.screen.query_one(AccountList).focus()  # enter now opens the highlighted account
        await pilot.pause()
        assert drawn and "⏎ Open" in drawn[-1]
        assert "Open" in bar.render().plain


class WideListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield AccountList(
            [
                Column("name", "Name", 12, flexible=True),
                Column("why", "Why", 9),
                Column("x", "X", 3),
            ]
        )


@pytest.mark.parametrize("width", [60, 30, 17])
async def test_account_rows_are_exactly_as_wide_as_the_list(width: int) -> None:
    """Rows are built at their final width in one go (cells cut or padded to their columns,
    wide characters and styled spans included): every line is as wide as the list, and says
    so (a wrong length would shift everything painted after it)."""
    names = ["株式会社テスト商事グループ", "Acme 🚀 Rockets", "Plain", "x" * 40]
    why = Text("breach ")
    why.append("48h", style="bold red")
    app = WideListApp()
    async with app.run_test(size=(width, 12)) as pilot:
        table = app.query_one(AccountList)
        table.set_rows([(f"a{n}", [Text(name), why, Text("…")]) for n, name in enumerate(names)])
        await pilot.pause()
        for y in range(len(names) + 2):
            strip = table.render_line(y)
            assert strip.cell_length == table.size.width
            assert sum(cell_len(segment.text) for segment in strip) == strip.cell_length


def _cells(strip: Strip) -> list[tuple[str, Style | None]]:
    """A line's pieces and their looks (without Textual's mouse offsets)."""
    return [(s.text, s.style.clear_meta_and_links() if s.style else None) for s in strip]


@pytest.mark.parametrize("size", [(120, 40), (81, 24), (50, 20), (21, 20)])
@pytest.mark.parametrize("theme", ["checkin", "textual-light"])
async def test_the_bars_draw_what_textual_would(size: tuple[int, int], theme: str) -> None:
    """The key bar and the title bar draw their lines straight from their Rich text: piece
    for piece what Textual's general path draws, on the home, the planner (dimmed keys) and
    an account, wide, at an odd width (centring) and on a screen too narrow for the keys the
    key bar keeps or the title."""
    app = CheckinApp(demo_workspace(), theme=theme)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for step in ("home", "planner", "account"):
            if step == "planner":
                app.plan_agenda(app.workspace.account("acme"))
            elif step == "account":
                app.pop_screen()
                await pilot.pause()
                app.open_account(app.workspace.account("acme"))
            await pilot.pause()
            bar = app.screen.query_one(KeyBar)
            assert _cells(bar.render_line(0)) == _cells(Widget.render_line(bar, 0)), step
            title = app.screen.query_one(TitleBar)
            assert _cells(title.render_line(0)) == _cells(Widget.render_line(title, 0)), step
