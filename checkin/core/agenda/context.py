"""Facts about an account that many rules share, computed once per agenda."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from checkin.core.agenda import weights
from checkin.core.agenda.model import AccountData
from checkin.core.enums import ItemStatus, MeetingState, Side
from checkin.core.meeting import Meeting
from checkin.core.records import Account, Contact
from checkin.core.summary import focal_contact


@dataclass(frozen=True, kw_only=True)
class Context:
    """The moment of the meeting being planned and what happened at the previous one."""

    account: Account
    now: datetime
    today: date
    next_checkin: date  # when the check-in after the one being planned is due, by the cadence
    horizon: date  # how far ahead milestones are worth a slot: twice the cadence, 30 days min
    last: Meeting | None  # the most recent meeting that ended before now
    ended: tuple[Meeting, ...]  # every meeting that ended before now, oldest first
    focal_client: Contact | None
    focal_ours: Contact | None
    last_statuses: dict[str, ItemStatus] = field(default_factory=dict)  # key -> status
    discussed: dict[str, datetime] = field(default_factory=dict)  # key -> last discussed

    @classmethod
    def build(cls, data: AccountData, now: datetime) -> Context:
        ended = ended_meetings(data.meetings, now)
        last = ended[-1] if ended else None
        statuses: dict[str, ItemStatus] = {}
        if last is not None:
            for item in last.agenda:
                for ref in (item.source_ref or item.key, *item.records):
                    statuses.setdefault(ref, item.status)
        discussed: dict[str, datetime] = {}
        for meeting in ended:
            start = meeting.started or meeting.planned_start
            for item in meeting.agenda:
                if item.status is ItemStatus.DISCUSSED:
                    for ref in (item.source_ref or item.key, *item.records):
                        discussed[ref] = start
        contacts = sorted(data.contacts, key=lambda c: c.id)  # the same focal pick every time
        today = now.date()
        cadence = data.account.cadence_days
        return cls(
            account=data.account,
            now=now,
            today=today,
            next_checkin=today + timedelta(days=cadence),
            horizon=today + timedelta(days=max(weights.HORIZON_MIN_DAYS, 2 * cadence)),
            last=last,
            ended=ended,
            focal_client=focal_contact(contacts, Side.CLIENT),
            focal_ours=focal_contact(contacts, Side.OURS),
            last_statuses=statuses,
            discussed=discussed,
        )

    @property
    def last_day(self) -> date | None:
        return self.last.day if self.last is not None else None

    @property
    def our_owner(self) -> str:
        """Who on our side answers for the account: our focal contact, else its owner."""
        if self.focal_ours is not None:
            return self.focal_ours.name
        return self.account.our_owner or "us"

    @property
    def client_owner(self) -> str:
        return self.focal_client.name if self.focal_client is not None else self.account.name


def ended_meetings(meetings: Sequence[Meeting], now: datetime) -> tuple[Meeting, ...]:
    """Meetings that ended at or before ``now``, oldest first (ties broken by id)."""
    ended = [
        m
        for m in meetings
        if m.state is MeetingState.ENDED and m.ended is not None and m.ended <= now
    ]
    return tuple(sorted(ended, key=lambda m: (m.ended or now, m.id)))
