"""The minutes screen: rendered minutes, copy keys, writing files, literal user text."""

from __future__ import annotations

import stat
from pathlib import Path

from icalendar import Calendar
from textual.widgets import Input, Markdown, Static
from textual.widgets._markdown import MarkdownBlock

from checkin.services import sharing
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.export import PathModal
from checkin.ui.screens.account import AccountScreen
from checkin.ui.screens.minutes import MinutesScreen
from tests.sharing_data import demo_workspace, hostile_workspace


def shown_text(app: CheckinApp) -> str:
    """The text of every block the Markdown widget shows."""
    markdown = app.screen.query_one(Markdown)
    return "\n".join(str(block.content) for block in markdown.query(MarkdownBlock))


async def test_copy_keys_put_the_minutes_on_the_clipboard() -> None:
    ws = demo_workspace()
    meeting = ws.meetings(ws.account("acme").id)[0]
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert "Acme Health · Monthly check-in" in shown_text(app)
        await pilot.press("c")
        assert app.clipboard == sharing.minutes_markdown(ws, meeting.id)
        await pilot.press("t")
        assert app.clipboard == sharing.minutes_chat(ws, meeting.id)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MinutesScreen)


async def test_write_the_minutes_to_a_file(tmp_path: Path) -> None:
    ws = demo_workspace()
    meeting = ws.meetings(ws.account("northwind").id)[0]
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PathModal)
        field = app.screen.query_one("#path", Input)
        assert field.value == f"~/northwind-{meeting.day.isoformat()}-minutes.md"
        target = tmp_path / "minutes" / "northwind.md"
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert target.read_text() == sharing.minutes_markdown(ws, meeting.id)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert any(str(target) in str(n.message) for n in app._notifications)
        assert str(target) in str(app.screen.query_one("#minutes-status", Static).content)

        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "northwind.html")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "northwind.html").read_text().startswith("<!DOCTYPE html>")

        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#path", Input).value == "~/northwind-checkin.ics"
        app.screen.query_one("#path", Input).value = str(tmp_path / "northwind.ics")
        await pilot.press("enter")
        await pilot.pause()
        cal = Calendar.from_ical((tmp_path / "northwind.ics").read_bytes())
        assert len(list(cal.walk("VEVENT"))) == 1


async def test_a_path_that_cannot_be_written_keeps_the_modal_open(tmp_path: Path) -> None:
    ws = demo_workspace()
    meeting = ws.meetings(ws.account("northwind").id)[0]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(blocker / "minutes.md")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PathModal)
        assert "is a file, not a folder" in str(
            app.screen.query_one("#path-resolved", Static).content
        )
        app.screen.query_one("#path", Input).value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PathModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)


async def test_user_text_shows_literally() -> None:
    ws, meeting = hostile_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        text = shown_text(app)
        assert "[bold]x[/]" in text and "<b>x</b>" in text
        assert "<script>alert('x')</script>" in text
        assert "[a link](https://evil.example)" in text


async def test_enter_on_the_meetings_tab_opens_the_minutes() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_account(ws.account("helios"))
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert app.screen.meeting_id == ws.meetings(ws.account("helios").id)[0].id


async def test_an_unknown_meeting_says_so_and_goes_back(ws: Workspace) -> None:
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.open_meeting("m-nope22")
        await pilot.pause()
        assert not isinstance(app.screen, MinutesScreen)
        assert any("no meeting" in str(n.message) for n in app._notifications)


async def test_palette_commands_name_every_key() -> None:
    ws = demo_workspace()
    meeting = ws.meetings(ws.account("acme").id)[0]
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        titles = [title for title, _help, _run in screen.palette_commands()]
        assert titles == [
            "Minutes: Copy Markdown",
            "Minutes: Copy chat text",
            "Minutes: Write Markdown file",
            "Minutes: Export HTML",
            "Minutes: Export calendar (.ics)",
        ]
        dict(zip(titles, (c for *_x, c in screen.palette_commands()), strict=True))[
            "Minutes: Copy Markdown"
        ]()
        assert app.clipboard.startswith("# Acme Health")
