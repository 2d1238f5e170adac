"""The minutes screen: rendered minutes, copy keys, writing files, literal user text."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from icalendar import Calendar
from textual.widgets import Input, Markdown, Static
from textual.widgets._markdown import MarkdownBlock

from checkin.services import sharing
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.export import ExportModal, PathDialog
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
        assert isinstance(app.screen, PathDialog)
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
        assert isinstance(app.screen, PathDialog)
        assert "is a file, not a folder" in str(
            app.screen.query_one("#path-resolved", Static).content
        )
        app.screen.query_one("#path", Input).value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
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
        assert titles == [  # the order of the keys in the key bar
            "Minutes: Switch client / team version",
            "Minutes: Copy Markdown",
            "Minutes: Copy chat text",
            "Minutes: Write Markdown file",
            "Minutes: Mail draft (.eml)",
            "Minutes: Export HTML",
            "Minutes: Export calendar (.ics)",
        ]
        dict(zip(titles, (c for *_x, c in screen.palette_commands()), strict=True))[
            "Minutes: Copy Markdown"
        ]()
        assert app.clipboard.startswith("# Acme Health")


async def test_f_switches_between_the_client_and_the_team_version() -> None:
    ws = demo_workspace()
    meeting = ws.meetings(ws.account("acme").id)[0]
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        assert screen.sub_title.endswith("· for the client")
        assert "For our team" not in shown_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert screen.sub_title.endswith("· team version")
        assert "For our team" in shown_text(app) and "Rating: 3 of 5." in shown_text(app)
        await pilot.press("c")
        assert app.clipboard == sharing.minutes_markdown(ws, meeting.id, "team")
        await pilot.press("t")
        assert app.clipboard == sharing.minutes_chat(ws, meeting.id, "team")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("c")
        assert app.clipboard == sharing.minutes_markdown(ws, meeting.id)


async def test_the_export_dialog_offers_the_client_first_then_the_team(tmp_path: Path) -> None:
    ws = demo_workspace()
    meeting = ws.meetings(ws.account("northwind").id)[0]
    day = meeting.day.isoformat()
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ExportModal)
        buttons = [str(b.label) for b in modal.query("RadioButton")]
        assert buttons[0].startswith("For the client") and buttons[1].startswith("For our team")
        field = modal.query_one("#path", Input)
        assert field.value == f"~/northwind-{day}-minutes.html"
        await pilot.click("#for-team")
        await pilot.pause()
        assert field.value == f"~/northwind-{day}-minutes-team.html"  # the default follows
        target = tmp_path / "team.html"
        field.value = str(target)
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert target.read_text() == sharing.minutes_html(ws, meeting.id, "team")


async def test_m_writes_a_mail_draft_and_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checkin.services import mailing

    opened: list[Path] = []
    monkeypatch.setattr(
        mailing, "open_with_system", lambda path: opened.append(path) or "Opened it"
    )
    ws = demo_workspace()
    meeting = ws.meetings(ws.account("acme").id)[0]
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ExportModal)
        target = tmp_path / "acme.eml"
        modal.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert opened == [target]
        assert b"X-Unsent: 1" in target.read_bytes()
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert any("Opened it" in str(n.message) for n in app._notifications)


async def test_without_a_mail_handler_the_draft_is_written_and_the_user_told(
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from checkin.services import mailing

    monkeypatch.setattr(mailing.shutil, "which", lambda _name: None)
    monkeypatch.setattr(mailing.sys, "platform", "linux")
    ws = demo_workspace()
    meeting = ws.meetings(ws.account("acme").id)[0]
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        target = tmp_path / "acme.eml"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.exists() and isinstance(app.screen, MinutesScreen)
        messages = [str(n.message) for n in app._notifications]
        assert any("xdg-open was not found" in m and str(target) in m for m in messages)
