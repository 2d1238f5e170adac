"""The wrap-up kept with the meeting: the call ends, the draft is kept, back to the call, done."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from checkin.core.codec import decode, encode
from checkin.core.enums import ItemKind, ItemStatus, MeetingState
from checkin.core.meeting import AgendaItem, Meeting, WrapUpDraft, carried_over, closing_status
from checkin.core.text import count
from checkin.services.meetings import live_meetings
from checkin.services.session import MeetingSession, SessionError
from checkin.services.workspace import Workspace
from checkin.services.wrapup import back_to_call, save_wrap_up_draft, wrap_up
from tests.conftest import NOW


def items(*keys: str) -> list[AgendaItem]:
    return [AgendaItem(key=k, kind=ItemKind.CUSTOM, title=f"Item {k}") for k in keys]


def running(ws: Workspace) -> MeetingSession:
    account = ws.add_account(name="Acme", slug="acme", cadence_days=30)
    meeting = ws.add(Meeting, account_id=account.id, planned_start=NOW, agenda=items("a", "b", "c"))
    session = MeetingSession(ws, meeting)
    session.start()
    return session


def test_ending_the_call_opens_the_wrap_up_and_keeps_the_meeting_running(
    workspace: Workspace,
) -> None:
    session = running(workspace)
    meeting = session.end_call()
    stored = workspace.meeting(meeting.id)
    assert stored.state is MeetingState.LIVE and stored.in_wrap_up
    assert stored.call_ended == NOW and stored.ended is None
    assert stored.current_key == "a"  # kept: esc goes back to the same item
    assert [m.id for m in live_meetings(workspace)] == [meeting.id]  # offered on the next start


def test_the_draft_is_kept_across_going_back_to_the_call(workspace: Workspace) -> None:
    meeting = running(workspace).end_call()
    draft = WrapUpDraft(rating=4, better="Tell us sooner", better_sentiment=-1, next_meeting="+2w")
    meeting = save_wrap_up_draft(workspace, meeting, draft)
    back = back_to_call(workspace, meeting)
    stored = workspace.meeting(back.id)
    assert not stored.in_wrap_up and stored.state is MeetingState.LIVE
    assert stored.wrap_up == draft


def test_confirming_the_wrap_up_ends_the_meeting_when_the_call_ended(
    workspace: Workspace,
) -> None:
    session = running(workspace)
    session.meeting.item("a").notes = "talked"
    meeting = session.end_call()
    meeting = save_wrap_up_draft(workspace, meeting, WrapUpDraft(better="x"))
    done = wrap_up(
        workspace, meeting, rating=5, better="Faster", better_sentiment=1, next_meeting=None
    )
    stored = workspace.meeting(done.id)
    assert stored.state is MeetingState.ENDED and stored.ended == meeting.call_ended
    assert stored.wrap_up is None and stored.current_key is None and stored.rating == 5
    assert [i.status for i in stored.agenda] == [
        ItemStatus.DISCUSSED,  # the current item had notes
        ItemStatus.PENDING,
        ItemStatus.PENDING,
    ]
    assert [f.text for f in workspace.feedback(stored.account_id)] == ["Faster"]


def test_an_ended_meeting_cannot_go_back_to_the_call(workspace: Workspace) -> None:
    meeting = running(workspace).end_call()
    done = wrap_up(workspace, meeting, rating=None, better="", next_meeting=None)
    with pytest.raises(SessionError):
        back_to_call(workspace, done)


def test_the_current_item_counts_as_discussed_with_notes_or_time_only() -> None:
    meeting = Meeting(id="m-1", account_id="a-1", planned_start=NOW, agenda=items("a", "b"))
    meeting.started = NOW
    meeting.current_key = "a"
    assert closing_status(meeting.item("a"), meeting) is ItemStatus.PENDING
    assert len(carried_over(meeting)) == 2
    meeting.item("a").actual_seconds = 5  # landed on it while ending the call: not discussed
    assert closing_status(meeting.item("a"), meeting) is ItemStatus.PENDING
    meeting.item("a").actual_seconds = 30
    assert closing_status(meeting.item("a"), meeting) is ItemStatus.DISCUSSED
    assert closing_status(meeting.item("b"), meeting) is ItemStatus.PENDING
    assert [i.key for i in carried_over(meeting)] == ["b"]
    meeting.item("b").status = ItemStatus.DEFERRED
    assert [i.key for i in carried_over(meeting)] == ["b"]


def test_the_wrap_up_question_counts_what_the_minutes_will_show(workspace: Workspace) -> None:
    session = running(workspace)
    current = session.current
    assert current is not None
    session.set_notes(current.key, "notes")
    assert [i.key for i in session.still_pending()] == ["b", "c"]
    done = wrap_up(workspace, session.end_call(), rating=None, better="", next_meeting=None)
    pending = [i.key for i in done.agenda if i.status is ItemStatus.PENDING]
    assert pending == ["b", "c"]


def test_meetings_stored_before_the_wrap_up_was_kept_still_load() -> None:
    start = datetime(2026, 10, 1, 10, 0)
    meeting = Meeting(
        id="m-old",
        account_id="a-1",
        planned_start=start,
        started=start,
        ended=start + timedelta(minutes=30),
        rating=4,
    )
    stored = encode(meeting)
    del stored["call_ended"], stored["wrap_up"]  # what an older version wrote
    loaded = decode(Meeting, stored)
    assert loaded.state is MeetingState.ENDED and not loaded.in_wrap_up
    assert loaded.wrap_up is None and loaded.rating == 4


def test_a_draft_round_trips_through_the_codec() -> None:
    meeting = Meeting(id="m-1", account_id="a-1", planned_start=NOW, started=NOW, call_ended=NOW)
    meeting.wrap_up = WrapUpDraft(rating=3, better="b", better_sentiment=-2, next_meeting="fri")
    assert decode(Meeting, encode(meeting)) == meeting


def test_count_pluralizes() -> None:
    assert count(1, "decision") == "1 decision"
    assert count(0, "decision") == "0 decisions"
    assert count(2, "issue update") == "2 issue updates"
    assert count(3, "person", "people") == "3 people"


def test_the_wrap_up_stores_the_health_score_and_later_changes_leave_it(
    workspace: Workspace,
) -> None:
    from checkin.core.enums import IssueStatus, Severity
    from checkin.core.records import Issue

    session = running(workspace)
    account_id = session.meeting.account_id
    issue = workspace.add(
        Issue,
        account_id=account_id,
        title="Export fails",
        severity=Severity.HIGH,
        opened=NOW - timedelta(days=3),
        acknowledged=NOW - timedelta(days=3),
    )
    meeting = wrap_up(workspace, session.end_call(), rating=2, better="", next_meeting=NOW.date())
    stored = workspace.meeting(meeting.id)
    account = workspace.account(account_id)
    assert stored.health_score == workspace.health(account).score
    workspace.give_plan(issue.id)
    workspace.set_issue_status(issue.id, IssueStatus.RESOLVED)
    assert workspace.meeting(meeting.id).health_score == stored.health_score
    trend = workspace.health_trend(account)
    assert [(p.day, p.score, p.now) for p in trend] == [(NOW.date(), stored.health_score, False)]
