"""After the call: the wrap-up kept as it is typed, back to the call, or confirmed (ended)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

from checkin.core.dates import has_clock, parse_moment
from checkin.core.enums import Direction, ItemKind, MeetingState
from checkin.core.meeting import Meeting, WrapUpDraft, closing_status
from checkin.core.records import Account, Feedback
from checkin.services.session import SessionError
from checkin.services.workspace import Workspace


def default_next_meeting(account: Account, meeting: Meeting, now: datetime) -> datetime:
    """The next check-in proposed at the wrap-up: the account's cadence from today, on a day
    the client's meeting preferences allow (never a weekend unless they name one), at their
    time of day, else the time this meeting was planned for."""
    slot = meeting.planned_start.time().replace(second=0, microsecond=0)
    return account.preferences.start(
        now.date() + timedelta(days=account.cadence_days), slot=slot, not_before=now
    )


def parse_next_meeting(text: str, now: datetime, default: datetime) -> datetime:
    """The next meeting as typed at the wrap-up: "tue 10:00", "+2w", "2027-01-05 09:30". A
    date without a time takes the time of ``default`` (the proposed one). Raises ValueError."""
    moment = parse_moment(text, now)
    if not has_clock(text):
        moment = datetime.combine(moment.date(), default.time())
    return moment


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
    next_meeting: date | datetime | None,
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
            next_meeting=next_meeting.date()
            if isinstance(next_meeting, datetime)
            else next_meeting,
            next_meeting_at=next_meeting if isinstance(next_meeting, datetime) else None,
        )
        updated.health_score = _score_with(ws, updated)
        return ws.save(updated)


def _score_with(ws: Workspace, ended: Meeting) -> int:
    """The account's health now, counting ``ended`` (not saved yet) as its latest check-in."""
    from checkin.core.health import assess

    r = ws.relationship(ws.account(ended.account_id))
    meetings = [m for m in r.meetings if m.id != ended.id] + [ended]
    return assess(dataclasses.replace(r, meetings=meetings), ws.now()).score
