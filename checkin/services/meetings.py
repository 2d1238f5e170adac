"""An account's upcoming meeting and its planned agenda; the meetings to start or resume."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from checkin.core.agenda import Agenda
from checkin.core.enums import MeetingState
from checkin.core.meeting import AgendaItem, Meeting
from checkin.core.records import Account
from checkin.core.schedule import likely_start
from checkin.services.workspace import Workspace

if TYPE_CHECKING:
    from checkin.services.draft import Draft


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


class StartKind(StrEnum):
    """What starting a check-in with an account does."""

    RESUME = "resume"  # a check-in with it is running (or in its wrap-up): carry on with it
    PLANNED = "planned"  # run the planned agenda (the upcoming meeting's, or the planner's)
    NEW = "new"  # nothing planned: a new meeting with the agenda the engine builds now


@dataclass(frozen=True)
class CheckinStart:
    """What starting a check-in with ``account`` does, told once and nothing saved yet: the
    app and the planner ask the user with its figures, then :meth:`begin` does it."""

    account: Account
    kind: StartKind
    meeting: Meeting | None = None  # RESUME: the running meeting; PLANNED: the planned one
    draft: Draft | None = None  # the planner's plan (PLANNED: saved by begin)
    agenda: Agenda | None = None  # NEW: the agenda the engine built
    # Told the draft once begin saved it (the planner's session keeps it, with its meeting).
    on_saved: Callable[[Draft], object] | None = None

    @property
    def items(self) -> list[AgendaItem]:
        """The items the check-in runs, in order (the parking lot left out)."""
        if self.agenda is not None:
            return list(self.agenda.items)
        if self.kind is StartKind.PLANNED and self.draft is not None:
            return list(self.draft.plan.items)
        return [item for item in self.meeting.agenda if not item.parked] if self.meeting else []

    @property
    def planned_minutes(self) -> int:
        """The minutes planned for those items."""
        return sum(item.planned_minutes for item in self.items)

    @property
    def length_minutes(self) -> int:
        """The meeting's length in minutes."""
        if self.agenda is not None:
            return self.agenda.length_minutes
        if self.kind is StartKind.PLANNED and self.draft is not None:
            return self.draft.plan.length_minutes
        return self.meeting.length_minutes if self.meeting is not None else 0

    def begin(self, ws: Workspace) -> Meeting:
        """The meeting to run: the running or planned one; the planner's plan or the engine's
        agenda saved as the upcoming meeting first."""
        if self.kind is StartKind.PLANNED and self.draft is not None:
            from checkin.services.draft import save_draft

            saved = save_draft(ws, self.draft)
            assert saved.meeting_id is not None
            if self.on_saved is not None:
                self.on_saved(saved)
            return ws.meeting(saved.meeting_id)
        if self.meeting is not None:
            return self.meeting
        assert self.agenda is not None
        return save_plan(ws, self.account, self.agenda)


def start_checkin(
    ws: Workspace,
    account: Account,
    draft: Draft | None = None,
    on_saved: Callable[[Draft], object] | None = None,
) -> CheckinStart:
    """What starting a check-in with ``account`` does now (the one place that decides, for the
    app, the planner and ``checkin.bench``): resume its running meeting; else run ``draft`` (the
    planner's plan), else the planned meeting, else a new one on the agenda the engine builds
    now. Nothing is saved until :meth:`CheckinStart.begin` (``on_saved`` is then told the
    saved draft)."""
    running = live_meeting(ws, account)
    if running is not None:
        return CheckinStart(account, StartKind.RESUME, meeting=running, draft=draft)
    if draft is not None:
        return CheckinStart(account, StartKind.PLANNED, draft=draft, on_saved=on_saved)
    planned = planned_meeting(ws, account)
    if planned is not None:
        return CheckinStart(account, StartKind.PLANNED, meeting=planned)
    from checkin.services.planning import plan

    return CheckinStart(account, StartKind.NEW, agenda=plan(ws, account, at=ws.now()))


def meeting_to_run(ws: Workspace, account: Account) -> Meeting:
    """The meeting a check-in runs: the live one (resume), else the planned one, else a new
    meeting with the agenda the engine builds now (:func:`start_checkin`, begun)."""
    return start_checkin(ws, account).begin(ws)
