"""An account's upcoming meeting and its planned agenda; the meetings to start or resume."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime, time, timedelta

from checkin.core.agenda import Agenda
from checkin.core.meeting import AgendaItem, Meeting, MeetingState
from checkin.core.records import Account
from checkin.services.workspace import Workspace


def planned_meeting(ws: Workspace, account: Account) -> Meeting | None:
    """The account's upcoming meeting: planned, not started yet (the latest planned).

    Reads two fields of each of the account's meetings and decodes only the one it returns:
    the planner calls this on every open, and a busy account has hundreds of meetings.
    """
    repo = ws.store.meetings
    planned = [
        (datetime.fromisoformat(repo.field(meeting_id, "planned_start")), meeting_id)
        for meeting_id in repo.ids_for_account(account.id)
        if not repo.field(meeting_id, "started") and not repo.field(meeting_id, "ended")
    ]
    return repo.get(max(planned)[1]) if planned else None


def live_meeting(ws: Workspace, account: Account) -> Meeting | None:
    """The account's meeting that started and has not ended (there is at most one)."""
    return next((m for m in ws.meetings(account.id) if m.state is MeetingState.LIVE), None)


def live_meetings(ws: Workspace) -> list[Meeting]:
    """Every meeting still running, in any account: a crash or a closed terminal leaves one,
    and the app offers to resume it. Reads only what it needs of each stored meeting."""
    meetings = ws.store.meetings
    running = [
        meeting_id
        for meeting_id in meetings.ids()
        if meetings.field(meeting_id, "started") and not meetings.field(meeting_id, "ended")
    ]
    found = [meetings.get(meeting_id) for meeting_id in running]
    return sorted(found, key=lambda m: (m.started or m.planned_start, m.id))


def default_start(ws: Workspace, account: Account) -> datetime:
    """When the account's next check-in most likely is: the date agreed at the last meeting,
    else the day the cadence says; never in the past (the next working day when it is
    overdue); at 10:00, or the next full hour when that has passed today."""
    now = ws.now()
    today = now.date()
    ended = [m for m in ws.meetings(account.id) if m.state is MeetingState.ENDED]
    last = max(ended, key=lambda m: m.ended or m.planned_start, default=None)
    if last is not None and last.next_meeting is not None:
        day = last.next_meeting
    else:
        start = last.day if last else (account.created_at or now).date()
        day = start + timedelta(days=account.cadence_days)
    if day < today:
        day = today + timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
    start_at = datetime.combine(day, time(10, 0))
    if start_at <= now:
        start_at = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return start_at


def _copies(items: Iterable[AgendaItem], *, parked: bool) -> list[AgendaItem]:
    return [dataclasses.replace(item, reasons=list(item.reasons), parked=parked) for item in items]


def agenda_items(agenda: Agenda) -> list[AgendaItem]:
    """The agenda as a meeting stores it: items in order, then the parking lot (parked)."""
    return _copies(agenda.items, parked=False) + _copies(agenda.parked, parked=True)


def save_plan(
    ws: Workspace,
    account: Account,
    agenda: Agenda | list[AgendaItem],
    *,
    template: str | None = None,
    length_minutes: int | None = None,
    planned_start: datetime | None = None,
) -> Meeting:
    """Store a planned agenda with the account's upcoming meeting (created if there is none).

    ``agenda`` is a built :class:`Agenda`, or the items as the planner arranged them (parked
    ones flagged); template and length then come from the arguments or the meeting.
    """
    if isinstance(agenda, Agenda):
        items = agenda_items(agenda)
        template = template or agenda.template
        length_minutes = length_minutes or agenda.length_minutes
    else:
        items = [dataclasses.replace(item, reasons=list(item.reasons)) for item in agenda]
    meeting = planned_meeting(ws, account)
    if meeting is None:
        return ws.add(
            Meeting,
            "meeting",
            account_id=account.id,
            template=template or "monthly",
            planned_start=planned_start or default_start(ws, account),
            length_minutes=length_minutes or 30,
            agenda=items,
        )
    return ws.save(
        dataclasses.replace(
            meeting,
            template=template or meeting.template,
            planned_start=planned_start or meeting.planned_start,
            length_minutes=length_minutes or meeting.length_minutes,
            agenda=items,
        )
    )


def meeting_to_run(ws: Workspace, account: Account) -> Meeting:
    """The meeting a check-in runs: the live one (resume), else the planned one, else a new
    meeting with the agenda the engine builds now."""
    from checkin.services.planning import plan

    return (
        live_meeting(ws, account)
        or planned_meeting(ws, account)
        or save_plan(ws, account, plan(ws, account, at=ws.now()))
    )
