"""The live session's record actions, attendance and "discussed" rule (services/topic.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from checkin.core.enums import ActionStatus, IssueStatus, ItemKind, ItemStatus, Side
from checkin.core.errors import CheckinError
from checkin.core.meeting import AgendaItem
from checkin.core.transitions import IssueChange, TransitionError
from checkin.services import meetings
from checkin.services.session import MeetingSession
from checkin.services.wrapup import initial_draft
from tests.loops_data import Clock, loops_workspace


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def session(clock: Clock) -> MeetingSession:
    ws = loops_workspace(clock)
    running = MeetingSession(ws, meetings.meeting_to_run(ws, ws.account("borealis")))
    running.start()
    return running


def go(session: MeetingSession, key: str) -> AgendaItem:
    session.go(key)
    assert session.current is not None
    return session.current


def test_moving_past_an_item_never_spoken_about_leaves_it_pending(
    session: MeetingSession, clock: Clock
) -> None:
    first = go(session, "roadmap:r-eu")
    clock.now += timedelta(seconds=29)
    session.next()
    assert first.status is ItemStatus.PENDING
    second = session.current
    assert second is not None
    clock.now += timedelta(seconds=30)
    session.next()
    assert second.status is ItemStatus.DISCUSSED  # time spent on it


@pytest.mark.parametrize("capture", ["notes", "decision", "action", "record"])
def test_notes_a_capture_or_an_action_on_a_record_make_an_item_discussed(
    session: MeetingSession, capture: str
) -> None:
    item = go(session, "action:a-sso")
    if capture == "notes":
        session.set_notes(item.key, "Chris sends it Monday")
    elif capture == "decision":
        session.add_decision("SSO goes live in January")
    elif capture == "action":
        session.add_action("Book the SSO test", "c-ana", None)
    else:
        session.redate_action("a-sso", date(2026, 12, 14))
    session.next()
    assert session.meeting.item(item.key).status is ItemStatus.DISCUSSED


def test_the_topic_records_are_its_own_and_those_captured_on_it(session: MeetingSession) -> None:
    go(session, "issue:i-totals")
    action = session.add_action("Send a sample", "us", None)
    assert [r.id for r in session.topic_records()] == ["i-totals", action.id]
    go(session, "standing:what-could-we-have-done-better")
    assert session.topic_records() == []


def test_action_items_are_done_dropped_redated_and_reassigned(session: MeetingSession) -> None:
    go(session, "action:a-sso")
    session.reassign_action("a-sso", "guest:Sam Reed")
    moved = session.redate_action("a-sso", date(2026, 12, 20))
    assert (moved.owner, moved.owner_contact_id, moved.side) == ("Sam Reed", None, Side.CLIENT)
    assert moved.due == date(2026, 12, 20)
    assert session.set_action_status("a-sso", ActionStatus.DONE).done_on == date(2026, 12, 6)
    assert session.set_action_status("a-sso", ActionStatus.DROPPED).done_on is None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.redate_action("a-sso", date(2026, 12, 1)), "in the past"),
        (lambda s: s.reassign_action("a-sso", "c-nobody"), "not a contact"),
        (lambda s: s.reassign_action("a-sso", "guest:  "), "needs a name"),
        (lambda s: s.set_action_status("a-other", ActionStatus.DONE), "no action item"),
    ],
)
def test_bad_action_changes_are_refused_and_change_nothing(
    session: MeetingSession, call: object, message: str
) -> None:
    before = session.ws.store.actions.get("a-sso")
    with pytest.raises(CheckinError, match=message):
        call(session)  # type: ignore[operator]
    assert session.ws.store.actions.get("a-sso") == before


def test_issue_changes_are_logged_with_what_was_said(session: MeetingSession) -> None:
    go(session, "issue:i-login")
    with pytest.raises(CheckinError, match="does not work"):
        session.change_issue("i-login", IssueChange.REOPEN, note="  ")
    assert session.ws.store.issues.get("i-login").status is IssueStatus.RESOLVED
    assert session.meeting.status_changes == []
    reopened = session.change_issue("i-login", "reopen", note="Still loops  on iPad")
    assert reopened.reopened_count == 1
    (change,) = session.meeting.status_changes
    assert (change.event, change.note) == ("reopened", "Still loops on iPad")
    assert change.summary == (
        "reopened (resolved → in progress): the fix did not work: Still loops on iPad"
    )
    with pytest.raises(TransitionError):
        session.change_issue("i-login", IssueChange.VERIFY)


@pytest.mark.parametrize(
    ("plan", "estimate", "message"),
    [
        ("", date(2026, 12, 11), "needs a line"),
        ("Patch it", None, "estimated date"),
        ("Patch it", date(2026, 12, 1), "in the past"),
    ],
)
def test_a_plan_needs_its_line_and_a_date_ahead(
    session: MeetingSession, plan: str, estimate: date | None, message: str
) -> None:
    with pytest.raises(CheckinError, match=message):
        session.change_issue("i-totals", IssueChange.PLAN, plan=plan, estimate=estimate)
    assert session.ws.store.issues.get("i-totals").plan_text == ""


def test_attendance_keeps_contacts_and_guests_apart(session: MeetingSession) -> None:
    session.set_attendance(["c-ana", "c-ben", "c-ana"], ["Sam Reed", " sam  reed ", "", "Lee"])
    assert session.meeting.attendees == ["c-ana", "c-ben"]
    assert session.meeting.guests == ["Sam Reed", "Lee"]
    with pytest.raises(CheckinError, match="c-ghost"):
        session.set_attendance(["c-ghost"], [])
    assert session.meeting.attendees == ["c-ana", "c-ben"]
    contact = session.save_guest_as_contact("Lee", Side.OURS, "Engineer")
    assert contact.id in session.meeting.attendees and session.meeting.guests == ["Sam Reed"]
    stored = session.ws.meeting(session.meeting.id)
    assert stored.guests == ["Sam Reed"] and contact.id in stored.attendees


def test_the_history_of_a_topic_shows_what_earlier_check_ins_said(
    session: MeetingSession,
) -> None:
    go(session, "issue:i-export")
    (mention,) = session.topic_history()
    assert mention.day == date(2026, 11, 16) and mention.status is ItemStatus.DISCUSSED
    assert mention.notes == "Index rebuild planned for the next sprint"
    go(session, "roadmap:r-eu")
    assert session.topic_history() == []


def test_the_wrap_up_starts_from_the_standing_item_notes(session: MeetingSession) -> None:
    item = go(session, "standing:what-could-we-have-done-better")
    assert item.kind is ItemKind.STANDING
    session.set_notes(item.key, "  Warn us before maintenance \n")
    assert initial_draft(session.meeting).better == "Warn us before maintenance"
