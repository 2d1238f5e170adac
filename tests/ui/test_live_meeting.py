"""A whole check-in with keys only: start, notes, captures, wrap-up, minutes; then the store."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, Label, Select, Static, TextArea

from checkin.core import ActionStatus, IssueStatus, Severity
from checkin.core.enums import Direction, ItemStatus, MeetingState
from checkin.core.errors import Conflict
from checkin.services import meetings
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.capture import ConfirmModal
from checkin.ui.modals.form import FormModal
from checkin.ui.modals.profile import ProfileModal
from checkin.ui.modals.topic import TopicRecordsModal
from checkin.ui.screens.live import LiveScreen, NotesArea
from checkin.ui.screens.minutes import MinutesScreen
from checkin.ui.screens.planner import PlannerScreen
from checkin.ui.screens.wrapup import WrapUpScreen
from tests.conftest import Clock

NOW = datetime(2026, 11, 22, 9, 0)


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
        await pilot.press("down", "shift+down")  # the second item down to third place
        await pilot.press("s", "y")  # start the check-in
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        session = app.screen.session
        first = session.current
        assert first is not None and "Patient sync" in first.title
        arranged = [item.title for item in session.agenda]
        # The order arranged in the planner.
        assert arranged[1:3] == [planned.plan.items[2].title, planned.plan.items[1].title]
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

        await pilot.press("ctrl+n")  # on to the third item, an issue
        await pilot.pause()
        third = session.current
        assert third is not None and third.source_kind == "issue"
        before = ws.store.issues.get(third.source_id or "").status
        await pilot.press("ctrl+r")  # the linked issue: resolve it
        await pilot.pause()
        assert isinstance(app.screen, TopicRecordsModal)
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
    issue = ws.store.issues.get(third.source_id or "")
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
        await pilot.press("ctrl+r", "y")  # start, after the question
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


# -- the wrap-up is kept as it is typed -------------------------------------------------------


def file_demo(path: Path, clock: Clock) -> Workspace:
    ws = Workspace.open(path, clock=clock, rng=random.Random(5))
    with ws.transaction():
        seed_demo(ws, NOW)
    return ws


async def to_wrap_up(app: CheckinApp, pilot: Any) -> str:
    """Start the highlighted account's check-in and end the call; returns the meeting id."""
    await pilot.pause()
    await pilot.press("ctrl+r", "y")
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    meeting_id = app.screen.session.meeting.id
    await pilot.press("escape", "w", "y")
    await pilot.pause()
    assert isinstance(app.screen, WrapUpScreen)
    return meeting_id


async def test_quitting_from_the_wrap_up_keeps_it_and_the_next_start_resumes_it(
    tmp_path: Path,
) -> None:
    clock = Clock()
    path = tmp_path / "db.json"
    ws = file_demo(path, clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        meeting_id = await to_wrap_up(app, pilot)
        await pilot.press("enter", "down", "enter")  # rating 5
        await pilot.press("tab", "tab")
        await type_text(pilot, "Answer")
        app.save_and_exit()  # what ctrl+q, SIGTERM and SIGHUP do
        await pilot.pause()
    ws.close()

    ws = Workspace.open(path, clock=clock, rng=random.Random(6))  # the restart
    stored = ws.meeting(meeting_id)
    assert stored.state is MeetingState.LIVE and stored.in_wrap_up and stored.ended is None
    assert stored.wrap_up is not None
    assert (stored.wrap_up.rating, stored.wrap_up.better) == (5, "Answer")
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "wrap-up" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)
        assert app.screen.query_one("#better", TextArea).text == "Answer"
        assert app.screen.query_one("#rating", Select).value == 5
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
    done = ws.meeting(meeting_id)
    ws.close()
    assert done.state is MeetingState.ENDED and done.rating == 5 and done.wrap_up is None
    assert done.ended == stored.call_ended
    better = [f.text for f in ws.feedback(done.account_id) if f.meeting_id == meeting_id]
    assert better == ["Answer"]


async def test_the_wrap_up_autosaves_as_it_is_typed() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        meeting_id = await to_wrap_up(app, pilot)
        app.screen.query_one("#better", TextArea).load_text("typed, not quit")
        await pilot.pause(1.3)  # one autosave tick
        draft = ws.meeting(meeting_id).wrap_up
        assert draft is not None and draft.better == "typed, not quit"


async def test_escape_on_the_wrap_up_goes_back_to_the_call_and_keeps_the_answer() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        first = app.screen.session.current
        assert first is not None
        await type_text(pilot, "note")
        await pilot.press("escape", "w", "y")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)
        meeting_id = app.screen.meeting.id
        await pilot.press("tab", "tab")
        await type_text(pilot, "Later")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.session.current is not None
        assert app.screen.session.current.key == first.key  # the same item, its notes
        assert app.screen.query_one(NotesArea).text == "note"
        stored = ws.meeting(meeting_id)
        assert stored.state is MeetingState.LIVE and not stored.in_wrap_up
        assert stored.wrap_up is not None and stored.wrap_up.better == "Later"
        await pilot.press("escape", "w", "y")  # and to the wrap-up again: the answer is there
        await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)
        assert app.screen.query_one("#better", TextArea).text == "Later"


async def test_the_wrap_up_question_counts_what_the_minutes_show() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        session = app.screen.session
        first = session.current
        assert first is not None
        total = len(session.agenda)
        await type_text(pilot, "talked")  # the current item has notes: it was discussed
        await pilot.press("escape", "w")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert f"{total - 1} items are still pending" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        summary = str(app.screen.query_one("#wrap-summary", Static).content)
        assert f"1 of {total} items discussed" in summary
        assert f"{total - 1} carry over" in summary and "0 decisions" in summary
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        minutes = app.screen.markdown
    meeting = ws.meeting(session.meeting.id)
    assert meeting.item(first.key).status is ItemStatus.DISCUSSED
    pending = [i for i in meeting.agenda if i.status is ItemStatus.PENDING and not i.parked]
    assert len(pending) == total - 1
    assert f"1 of {total} agenda items discussed, {total - 1} not discussed." in minutes


async def test_one_decision_reads_in_the_singular_on_the_wrap_up() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        app.screen.session.add_decision("Go")
        await pilot.press("escape", "w", "y")
        await pilot.pause()
        summary = str(app.screen.query_one("#wrap-summary", Static).content)
        assert "1 decision ·" in summary and "0 issue updates" in summary


async def test_the_sentiment_label_keeps_its_distance_from_its_field() -> None:
    ws = demo(Clock())
    app = CheckinApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_wrap_up(app, pilot)
        label = app.screen.query_one(".inline-label", Label)
        field = app.screen.query_one("#better-sentiment", Select)
        assert label.content_region.right + 2 <= field.region.x


# -- the live screen ------------------------------------------------------------------------


async def test_at_80x24_the_notes_editor_its_cursor_and_the_captured_strip_are_visible() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("ctrl+o")  # a decision, captured as a user does
        await pilot.pause()
        await type_text(pilot, "Ship it")
        await pilot.press("enter")
        await pilot.pause()
        for n in range(1, 6):
            await type_text(pilot, f"line {n}")
            await pilot.press("enter")
        await type_text(pilot, "VISIBLE?")
        await pilot.pause()
        screen = app.screen
        notes = screen.query_one(NotesArea)
        bottom = screen.size.height - 1  # the key bar
        assert notes.region.y >= 0 and notes.region.bottom <= bottom
        assert notes.region.height >= 6
        x, y = notes.cursor_screen_offset
        assert notes.content_region.contains(x, y)
        assert notes.text.endswith("VISIBLE?")
        captured = screen.query_one("#captured", Static)
        assert captured.region.height >= 1 and captured.region.bottom <= bottom
        assert "Ship it" in str(captured.content)


async def test_the_screen_keys_work_from_the_notes_editor() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert isinstance(app.focused, NotesArea)
        meeting_id = app.screen.session.meeting.id
        keys = {b.binding.key: b.binding.description for b in app.screen.active_bindings.values()}
        assert keys.get("f2") == "Profile" and keys.get("f3") == "Leave"
        await type_text(pilot, "kept")
        await pilot.press("f3")  # leave the meeting running
        await pilot.pause()
        assert not isinstance(app.screen, LiveScreen)
    stored = ws.meeting(meeting_id)
    assert stored.state is MeetingState.LIVE and stored.agenda[0].notes == "kept"


async def test_the_client_profile_is_one_key_away_and_the_notes_stay() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        account = live.session.account
        await type_text(pilot, "half a sentence")
        notes = live.query_one(NotesArea)
        cursor = notes.cursor_location
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ProfileModal)
        shown = str(app.screen.query_one("VerticalScroll Static", Static).content)
        assert account.culture_notes.strip().splitlines()[0] in shown
        for contact in ws.contacts(account.id):
            assert contact.name in shown
            if contact.role:
                assert contact.role in shown
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is live and app.focused is notes
        assert notes.text == "half a sentence" and notes.cursor_location == cursor


async def test_captured_feedback_shows_in_the_strip_with_its_own_mark() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        live = app.screen
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "[b]Great[/b]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is live
        strip = str(live.query_one("#captured", Static).content)
        assert "❝ from client, neutral: [b]Great[/b]" in strip


async def test_run_check_in_asks_first_and_no_stores_nothing() -> None:
    ws = demo(Clock())
    acme = ws.account("acme")
    before = len(ws.meetings(acme.id))
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")  # Acme is the first account
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        question = app.screen.question
        assert question.startswith("Start a check-in with Acme Health now, on the agenda")
        assert " items, " in question and "of 45 min" in question
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, LiveScreen)
        assert len(ws.meetings(acme.id)) == before, "answering no creates no meeting"
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert len(ws.meetings(acme.id)) == before + 1
        await pilot.press("escape", "f3")  # leave the call running
        await pilot.pause()
        await pilot.press("ctrl+r")  # a running meeting resumes without a question
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)


async def test_a_capture_the_service_refuses_keeps_the_form_open_as_typed() -> None:
    ws = demo(Clock())
    acme = ws.account("acme")
    actions_before = len(ws.actions(acme.id))
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)

        def refuse(title: str, owner: str, due: object) -> None:
            raise Conflict("an action item with this title is already open", field="title")

        live.session.add_action = refuse  # type: ignore[method-assign, assignment]
        await pilot.press("ctrl+t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormModal)
        await type_text(pilot, "Send the RCA")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "the refused action item stays on screen, as typed"
        assert form.query_one("#field-title", Input).value == "Send the RCA"
        assert "already open" in " ".join(str(w.render()) for w in form.query(Static))
    assert len(ws.actions(acme.id)) == actions_before


async def test_a_running_meeting_opened_from_the_meetings_tab_resumes() -> None:
    ws = demo(Clock())
    acme = ws.account("acme")
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_account(acme, tab="meetings")
        await pilot.pause()
        await pilot.press("s", "y")  # start from the account, then leave it running
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        meeting_id = app.screen.session.meeting.id
        await pilot.press("escape", "f3")
        await pilot.pause()
        table = app.screen.query_one("#meetings-table", DataTable)
        assert table.cursor_row == table.get_row_index(meeting_id), "the new meeting is picked"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.session.meeting.id == meeting_id
