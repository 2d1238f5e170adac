"""Private notes in the live call: one key switches the editor; only our team sees them."""

from __future__ import annotations

import random
from datetime import datetime

from checkin.services import sharing
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.screens.live import LiveScreen, NotesArea

NOW = datetime(2026, 11, 22, 9, 0)


def demo() -> Workspace:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(5))
    with ws.transaction():
        seed_demo(ws, NOW)
    return ws


async def test_f8_switches_the_notes_between_shared_and_private() -> None:
    ws = demo()
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        notes = live.query_one(NotesArea)
        await pilot.press(*"fix by friday")
        await pilot.press("f8")
        await pilot.pause()
        assert notes.text == "" and notes.has_class("-private")
        assert str(notes.border_title).startswith("Private notes (team only) · ")
        assert app.focused is notes
        await pilot.press(*"they may churn")
        await pilot.press("f8")
        await pilot.pause()
        assert notes.text == "fix by friday" and not notes.has_class("-private")
        assert str(notes.border_title).startswith("Notes · ")
        # The switch works from the agenda too (command mode), and back.
        await pilot.press("escape", "f8")
        await pilot.pause()
        assert notes.text == "they may churn" and app.focused is notes
        live.flush()
        meeting = live.session.meeting
        item = meeting.item(meeting.current_key or "")
        assert (item.notes, item.private_notes) == ("fix by friday", "they may churn")
        stored = ws.store.meetings.find(meeting.id)
        assert stored is not None
        assert stored.item(item.key).private_notes == "they may churn"
        client = sharing.minutes_markdown(ws, meeting.id)
        team = sharing.minutes_markdown(ws, meeting.id, "team")
        assert "fix by friday" in client and "they may churn" not in client
        assert "**Private (team only):** they may churn" in team
