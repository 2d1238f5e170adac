"""The theme the user picks is remembered: the app starts with it and reports each change."""

from __future__ import annotations

from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp


async def test_the_app_starts_with_the_remembered_theme_and_reports_a_new_one() -> None:
    chosen: list[str] = []
    app = CheckinApp(Workspace.in_memory(), theme="nord", remember_theme=chosen.append)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        app.theme = "gruvbox"  # what ctrl+p "Theme" does
        await pilot.pause()
    assert chosen == ["gruvbox"]


async def test_an_unknown_remembered_theme_falls_back_to_checkins_own() -> None:
    app = CheckinApp(Workspace.in_memory(), theme="no-such-theme")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "checkin"
