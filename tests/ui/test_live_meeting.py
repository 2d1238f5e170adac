"""A whole check-in with keys only: start, notes, captures, wrap-up, minutes; then the store."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from checkin.core import ActionStatus, IssueStatus, Severity
from checkin.core.enums import Direction, ItemStatus
from checkin.core.meeting import MeetingState
from checkin.services import meetings
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.capture import ConfirmModal, StatusModal
from checkin.ui.modals.form import FormModal
from checkin.ui.screens.live import LiveScreen, NotesArea
from checkin.ui.screens.minutes import MinutesScreen
from checkin.ui.screens.planner import PlannerScreen
from checkin.ui.screens.wrapup import WrapUpScreen

NOW = datetime(2026, 11, 22, 9, 0)


class Clock:
    """A clock the test moves forward, so timers and stamps are predictable."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def demo(clock: Clock) -> Workspace:
    ws = Workspace.in_memory(clock=clock, rng=random.Random(5))
    with ws.transaction():
        seed_demo(ws, NOW)
    return ws


async def type_text(pilot: object, text: str) -> None:
    await pilot.press(*text)  # type: ignore[attr-defined]


async def test_a_whole_meeting_from_the_planner_to_the_minutes_with_keys_only() -> None:
    clock = Clock()
    ws = demo(clock)
    acme = ws.account("acme")
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_text(pilot, "acme")
        await pilot.press("ctrl+l")  # plan the agenda: critical issue first
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        planned = app.screen.draft
        assert planned is not None and "Patient sync" in planned.plan.items[0].title
        await pilot.press("down", "down", "shift+up")  # the third item up to second place
        await pilot.press("s", "y")  # start the check-in
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        session = app.screen.session
        first = session.current
        assert first is not None and "Patient sync" in first.title
        arranged = [item.title for item in session.agenda]
        assert arranged[1] == planned.plan.items[2].title  # the order arranged in the planner
        assert isinstance(app.focused, NotesArea)

        await type_text(pilot, "Hotfix in test")
        clock.now += timedelta(minutes=9)
        await pilot.press("ctrl+n")  # discussed, next
        await pilot.pause()
        second = session.current
        assert second is not None and second.key != first.key
        await type_text(pilot, "Plan by Tuesday")

        await pilot.press("ctrl+t")  # action item
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
        await type_text(pilot, "Send the RCA")
        await pilot.press("tab", "tab")  # owner stays "us"; on to the due date
        await type_text(pilot, "fri")
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("ctrl+o")  # decision
        await pilot.pause()
        await type_text(pilot, "Hotfix on Monday")
        await pilot.press("enter")
        await pilot.pause()

        before = ws.store.issues.get(second.source_id or "").status
        await pilot.press("ctrl+r")  # the linked issue: resolve it
        await pilot.pause()
        assert isinstance(app.screen, StatusModal)
        await pilot.press("r")
        await pilot.pause()

        await pilot.press("escape", "w")  # to the agenda, wrap up
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)

        await pilot.press("enter", "down", "down", "enter")  # rating: past the prompt, 4
        await pilot.press("tab", "tab")  # next meeting keeps its default; on to "better"
        await type_text(pilot, "Tell us sooner")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        minutes_text = app.screen.markdown
        await pilot.press("c")  # copy the minutes
        await pilot.pause()
        assert app.clipboard == minutes_text

    meeting = ws.meeting(session.meeting.id)
    assert meeting.state is MeetingState.ENDED
    assert meeting.rating == 4
    assert meeting.next_meeting is not None
    assert meeting.item(first.key).notes == "Hotfix in test"
    assert meeting.item(first.key).status is ItemStatus.DISCUSSED
    assert meeting.item(first.key).actual_seconds >= 9 * 60
    assert meeting.item(second.key).notes == "Plan by Tuesday"
    assert [d.text for d in meeting.decisions] == ["Hotfix on Monday"]
    (action,) = [a for a in ws.actions(acme.id) if a.meeting_id == meeting.id]
    assert action.title == "Send the RCA" and action.owner == "us"
    assert action.status is ActionStatus.OPEN and action.due is not None
    issue = ws.store.issues.get(second.source_id or "")
    assert issue.status is IssueStatus.RESOLVED
    assert [(c.old, c.new) for c in meeting.status_changes] == [(before, IssueStatus.RESOLVED)]
    better = [f for f in ws.feedback(acme.id) if f.meeting_id == meeting.id]
    assert [(f.direction, f.text) for f in better] == [(Direction.FROM_CLIENT, "Tell us sooner")]
    for text in ("Hotfix in test", "Plan by Tuesday", "Send the RCA", "Hotfix on Monday"):
        assert text in minutes_text


async def test_a_meeting_left_running_is_offered_for_resuming() -> None:
    clock = Clock()
    ws = demo(clock)
    helios = ws.account("helios")
    meeting = meetings.meeting_to_run(ws, helios)
    meeting.started = NOW
    meeting.agenda[0].notes = "typed before the crash"
    ws.save(meeting)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "Helios Energy" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        notes = app.screen.query_one(NotesArea)
        assert notes.text == "typed before the crash"


async def test_quitting_saves_notes_typed_since_the_last_autosave() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        meeting_id = app.screen.session.meeting.id
        app.screen.query_one(NotesArea).load_text("not yet autosaved")
        app.save_and_exit()
        await pilot.pause()
    stored = ws.meeting(meeting_id)
    assert stored.agenda[0].notes == "not yet autosaved"
    assert stored.state is MeetingState.LIVE  # still running: it resumes on the next start
    assert stored.agenda[0].kind is not None and Severity.CRITICAL.value in str(
        stored.agenda[0].reasons
    )
