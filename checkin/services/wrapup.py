"""After the call: the wrap-up kept as it is typed, back to the call, or confirmed (ended)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from checkin.core.enums import Direction, ItemKind
from checkin.core.meeting import Meeting, MeetingState, WrapUpDraft, closing_status
from checkin.core.records import Feedback
from checkin.services.session import SessionError
from checkin.services.workspace import Workspace


def default_next_meeting(account_cadence: int, today: date) -> date:
    """The next check-in by the account's cadence, moved off the weekend."""
    day = today + timedelta(days=account_cadence)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


BETTER_QUESTION = "what could we have done better"


def better_notes(meeting: Meeting) -> str:
    """The notes taken on the standing item "What could we have done better?" (empty if the
    agenda has none, or nothing was noted)."""
    for item in meeting.agenda:
        if item.kind is ItemKind.STANDING and BETTER_QUESTION in item.title.casefold():
            return item.notes.strip()
    return ""


def initial_draft(meeting: Meeting) -> WrapUpDraft:
    """The wrap-up as it opens: the draft kept so far, else a new one whose "what could we
    have done better?" answer is what was noted on that standing item during the call."""
    if meeting.wrap_up is not None:
        return meeting.wrap_up
    return WrapUpDraft(rating=meeting.rating, better=better_notes(meeting))


def back_to_call(ws: Workspace, meeting: Meeting) -> Meeting:
    """Leave the wrap-up for the call again; what was typed in the wrap-up is kept."""
    if meeting.state is MeetingState.ENDED:
        raise SessionError(f"the meeting {meeting.id} has already ended")
    return ws.save(dataclasses.replace(meeting, call_ended=None))


def save_wrap_up_draft(ws: Workspace, meeting: Meeting, draft: WrapUpDraft) -> Meeting:
    """Keep the wrap-up as typed so far (autosave); the meeting stays open."""
    return ws.save(dataclasses.replace(meeting, wrap_up=dataclasses.replace(draft)))


def wrap_up(
    ws: Workspace,
    meeting: Meeting,
    *,
    rating: int | None,
    better: str,
    better_sentiment: int = 0,
    next_meeting: date | None,
) -> Meeting:
    """Confirm the wrap-up: rating, the "what could we have done better?" answer, next date.

    The meeting ends here (at the time the call ended); each agenda item takes its
    :func:`closing_status` and the draft is cleared. The account's health score at this
    moment is stored with the meeting: it is the trend's point for this check-in, never
    recomputed.
    """
    agenda = [
        dataclasses.replace(item, status=closing_status(item, meeting), reasons=list(item.reasons))
        for item in meeting.agenda
    ]
    ended = meeting.ended or meeting.call_ended or ws.now()
    with ws.transaction():
        if better.strip():
            ws.add(
                Feedback,
                "feedback",
                account_id=meeting.account_id,
                direction=Direction.FROM_CLIENT,
                sentiment=better_sentiment,
                topic="What could we have done better?",
                text=better.strip(),
                received=meeting.day,
                meeting_id=meeting.id,
            )
        updated = dataclasses.replace(
            meeting,
            agenda=agenda,
            ended=ended,
            current_key=None,
            wrap_up=None,
            rating=rating,
            next_meeting=next_meeting,
        )
        updated.health_score = _score_with(ws, updated)
        return ws.save(updated)


def _score_with(ws: Workspace, ended: Meeting) -> int:
    """The account's health now, counting ``ended`` (not saved yet) as its latest check-in."""
    from checkin.core.health import assess

    r = ws.relationship(ws.account(ended.account_id))
    meetings = [m for m in r.meetings if m.id != ended.id] + [ended]
    return assess(dataclasses.replace(r, meetings=meetings), ws.now()).score
