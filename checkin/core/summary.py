"""Per-account figures for the accounts overview: last check-in, cadence, open work."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from checkin.core.enums import MeetingState, Severity, Side
from checkin.core.meeting import Meeting
from checkin.core.records import Account, ActionItem, Contact, Issue
from checkin.core.schedule import likely_start
from checkin.core.sla import in_breach


@dataclass(frozen=True, kw_only=True)
class AccountSummary:
    account: Account
    focal_client: Contact | None
    focal_ours: Contact | None
    last_checkin: date | None
    next_due: date
    days_overdue: int
    next_planned: date | None
    live_meeting_id: str | None
    open_issues: int
    open_critical: int
    in_breach: int
    open_actions: int
    overdue_actions: int
    overdue_ours: int = 0  # the overdue action items that are ours: promises we broke
    # The account's next meeting: the planned one's start, else the one agreed or proposed
    # (checkin.core.schedule.next_start); what `checkin accounts` and the planner show.
    next_meeting: datetime | None = None

    @property
    def cadence_overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def missing_focal(self) -> bool:
        return self.focal_client is None or self.focal_ours is None


def focal_contact(contacts: Iterable[Contact], side: Side) -> Contact | None:
    return next((c for c in contacts if c.focal and c.side is side), None)


def last_checkin(meetings: Iterable[Meeting]) -> date | None:
    days = [m.day for m in meetings if m.state is MeetingState.ENDED]
    return max(days) if days else None


@dataclass(frozen=True)
class Due:
    """When the next check-in is due, and whether that date was agreed with the client."""

    day: date
    agreed: bool  # set at the wrap-up of the last check-in, rather than by the cadence


def next_checkin_due(account: Account, meetings: Iterable[Meeting], today: date) -> Due:
    """The date agreed at the last check-in's wrap-up, else the last check-in (or the account's
    start) plus the account's cadence."""
    ended = [m for m in meetings if m.state is MeetingState.ENDED]
    last = max(ended, key=lambda m: (m.day, m.id), default=None)
    if last is not None and last.next_meeting is not None:
        return Due(last.next_meeting, agreed=True)
    start = last.day if last else (account.created_at.date() if account.created_at else today)
    return Due(start + timedelta(days=account.cadence_days), agreed=False)


def next_meeting(account: Account, meetings: Iterable[Meeting], now: datetime) -> datetime:
    """The start of the account's next meeting: the latest planned meeting's, else the start
    agreed at the last wrap-up or proposed from the cadence and the client's preferences
    (the rules of ``checkin.services.meetings.default_start``)."""
    found = list(meetings)
    planned = [m for m in found if m.state is MeetingState.PLANNED]
    if planned:
        return max(planned, key=lambda m: (m.planned_start, m.id)).planned_start
    ended = [m for m in found if m.ended is not None]
    last = max(ended, key=lambda m: (m.ended or now, m.id), default=None)
    return likely_start(account, last, now)


def summarize(
    account: Account,
    *,
    contacts: list[Contact],
    issues: list[Issue],
    actions: list[ActionItem],
    meetings: list[Meeting],
    now: datetime,
) -> AccountSummary:
    """The overview figures of one account at ``now``."""
    today = now.date()
    last = last_checkin(meetings)
    next_due = next_checkin_due(account, meetings, today).day
    open_issues = [i for i in issues if i.is_open]
    open_actions = [a for a in actions if a.is_open]
    planned = [m for m in meetings if m.state is MeetingState.PLANNED and m.day >= today]
    live = [m for m in meetings if m.state is MeetingState.LIVE]
    return AccountSummary(
        next_meeting=next_meeting(account, meetings, now),
        account=account,
        focal_client=focal_contact(contacts, Side.CLIENT),
        focal_ours=focal_contact(contacts, Side.OURS),
        last_checkin=last,
        next_due=next_due,
        days_overdue=max(0, (today - next_due).days),
        next_planned=min((m.day for m in planned), default=None),
        live_meeting_id=live[0].id if live else None,
        open_issues=len(open_issues),
        open_critical=sum(1 for i in open_issues if i.severity is Severity.CRITICAL),
        in_breach=sum(1 for i in open_issues if in_breach(i, now)),
        open_actions=len(open_actions),
        overdue_actions=sum(1 for a in open_actions if a.due is not None and a.due < today),
        overdue_ours=sum(
            1 for a in open_actions if a.side is Side.OURS and a.due is not None and a.due < today
        ),
    )
