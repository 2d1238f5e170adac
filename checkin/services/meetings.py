"""An account's upcoming meeting and its planned agenda; the meetings to start or resume."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime

from checkin.core.agenda import Agenda
from checkin.core.meeting import AgendaItem, Meeting, MeetingState
from checkin.core.records import Account
from checkin.core.schedule import likely_start
from checkin.services.workspace import Workspace


def planned_meeting(ws: Workspace, account: Account) -> Meeting | None:
    """The account's upcoming meeting: planned, not started yet (the latest planned)."""
    return ws.meeting_in_state(account.id, MeetingState.PLANNED)


def live_meeting(ws: Workspace, account: Account) -> Meeting | None:
    """The account's meeting that started and has not ended (there is at most one)."""
    return ws.meeting_in_state(account.id, MeetingState.LIVE)


def live_meetings(ws: Workspace) -> list[Meeting]:
    """Every meeting still running, in any account: a crash or a closed terminal leaves one,
    and the app offers to resume it."""
    found = ws.meetings_in_state(MeetingState.LIVE)
    return sorted(found, key=lambda m: (m.started or m.planned_start, m.id))


def default_start(ws: Workspace, account: Account) -> datetime:
    """When the account's next check-in most likely is, when none is planned: the start
    agreed at the last meeting, else the day the cadence says, moved to a day the client's
    meeting preferences allow (never a weekend unless they name one); never in the past.

    The same rules as the calendar's :func:`checkin.calendar.upcoming.upcoming`
    (:func:`checkin.core.schedule.next_start`)."""
    now = ws.now()
    last = ws.meeting_in_state(account.id, MeetingState.ENDED)
    return likely_start(account, last, now)


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
