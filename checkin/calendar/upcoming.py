"""When an account's next check-in is: a planned meeting, the agreed date, or the cadence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from checkin.core.enums import MeetingState
from checkin.core.meeting import Meeting
from checkin.core.records import Account, Contact
from checkin.core.schedule import next_start

DEFAULT_TIME = time(10, 0)
DEFAULT_MINUTES = 30
# Meetings that do not repeat: the one after them is a plain check-in.
ONE_OFF_TEMPLATES = frozenset({"kickoff", "qbr"})


@dataclass(frozen=True, kw_only=True)
class Upcoming:
    """The next check-in of an account as a calendar entry sees it.

    ``key`` names it for good: the meeting after the last one that ended
    (``m-7k2q9x.next``), or the first meeting of the account (``a-7k2q9x.first``). It does not
    change when a date is agreed or a meeting is planned, so a calendar updates the one entry.
    """

    key: str
    start: datetime  # local wall-clock time, like every stored timestamp
    minutes: int
    template: str
    attendees: list[Contact]
    confirmed: bool
    basis: str
    changed: datetime


def working_day(day: date) -> date:
    """``day``, or the Monday after it when it falls on a weekend."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _when(meeting: Meeting) -> datetime:
    return meeting.started or meeting.planned_start


def _people(ids: Sequence[str], contacts: Sequence[Contact]) -> list[Contact]:
    by_id = {c.id: c for c in contacts}
    return [by_id[i] for i in ids if i in by_id]


def _invited(meeting: Meeting | None, contacts: Sequence[Contact]) -> list[Contact]:
    """The people of the meeting (or the last one) plus both focal contacts, each once."""
    people = _people(meeting.attendees, contacts) if meeting else []
    for contact in contacts:
        if contact.focal and contact not in people:
            people.append(contact)
    return people


def _changed(fallback: datetime, *stamps: datetime | None) -> datetime:
    """When the entry last changed: the newest stamp of the records it comes from."""
    found = [s for s in stamps if s is not None]
    return max(found) if found else fallback


def upcoming(
    account: Account, contacts: Sequence[Contact], meetings: Sequence[Meeting], now: datetime
) -> Upcoming:
    """The next check-in of ``account`` as of ``now``.

    In order: a meeting that is running or planned for today or later; the next-meeting date
    agreed at the last meeting (same time and length as that one); else a proposal from the
    cadence, tentative, never in the past.
    """
    today = now.date()
    ended = sorted((m for m in meetings if m.state is MeetingState.ENDED), key=_when)
    last = ended[-1] if ended else None
    key = f"{last.id}.next" if last else f"{account.id}.first"
    ahead = [
        m
        for m in meetings
        if m.state is MeetingState.LIVE
        or (m.state is MeetingState.PLANNED and m.planned_start.date() >= today)
    ]
    if ahead:
        planned = min(ahead, key=_when)
        people = _people(planned.attendees, contacts) or _invited(last, contacts)
        return Upcoming(
            key=key,
            start=_when(planned),
            minutes=planned.length_minutes,
            template=planned.template,
            attendees=people,
            confirmed=True,
            basis="Planned in checkin.",
            changed=_changed(now, planned.updated_at, *(c.updated_at for c in people)),
        )
    # the time it was planned for (not when it really started), to the minute
    slot = last.planned_start.time().replace(second=0, microsecond=0) if last else None
    minutes = last.length_minutes if last else DEFAULT_MINUTES
    template = last.template if last and last.template not in ONE_OFF_TEMPLATES else ""
    people = _invited(last, contacts)
    since = last.day if last else (account.created_at.date() if account.created_at else today)
    start, basis_kind = next_start(
        account.preferences,
        cadence_days=account.cadence_days,
        since=since,
        agreed=last.agreed_next if last else None,
        slot=slot,
        now=now,
    )
    stamp = _changed(
        now, last.updated_at if last else None, account.updated_at, *(c.updated_at for c in people)
    )
    if basis_kind == "agreed" and last is not None:
        basis = f"Agreed at the check-in of {last.day.isoformat()}."
    elif basis_kind == "cadence":
        basis = f"Proposed from the {account.cadence_days}-day cadence; not agreed yet."
    else:
        basis = (
            f"The {account.cadence_days}-day cadence is overdue; proposed for the next working "
            "day, not agreed yet."
        )
        stamp = now  # the proposal moves with today
    return Upcoming(
        key=key,
        start=start,
        minutes=minutes,
        template=template,
        attendees=people,
        confirmed=basis_kind == "agreed",
        basis=basis,
        changed=stamp,
    )
