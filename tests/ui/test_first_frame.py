"""What the start-up skips to show the accounts home sooner changes nothing a user sees: the
remembered theme is fully applied on the first frame, and the key bar follows every change
of the keys it shows (only repaints that would draw the same line are left out)."""

from __future__ import annotations

from typing import Any

import pytest

from checkin.ui.app import CheckinApp
from checkin.ui.widgets.account_list import AccountList
from checkin.ui.widgets.bars import KeyBar
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
