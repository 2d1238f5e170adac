"""Portfolio triage: which accounts need attention, and the orders the accounts list offers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from checkin.core.text import count

if TYPE_CHECKING:
    # Imported where used: the accounts home's first frame needs SortBy alone.
    from checkin.core.health import Health
    from checkin.core.summary import AccountSummary


class SortBy(StrEnum):
    """The orders of the accounts list; ``label`` is what the header says."""

    HEALTH = "health"
    DUE = "due"
    RENEWAL = "renewal"
    NAME = "name"

    @property
    def label(self) -> str:
        return {
            SortBy.HEALTH: "health, weakest first",
            SortBy.DUE: "next due, soonest first",
            SortBy.RENEWAL: "renewal, soonest first",
            SortBy.NAME: "name",
        }[self]

    def next(self) -> SortBy:
        """The order after this one: the sort key cycles through them."""
        members = list(SortBy)
        return members[(members.index(self) + 1) % len(members)]


def attention(summary: AccountSummary, health: Health, today: date) -> tuple[str, ...]:
    """Why the account needs attention now (empty when it does not): at risk, past its
    cadence, an issue past the 48-hour rules, an overdue promise of ours, a renewal within
    RENEWAL_NEAR_DAYS (or passed without a new date)."""
    from checkin.core.health import Band
    from checkin.core.redflags import RENEWAL_NEAR_DAYS, renewal_in

    reasons = []
    if health.band is Band.AT_RISK:
        reasons.append("at risk")
    if summary.cadence_overdue:
        reasons.append(f"check-in {summary.days_overdue} d late")
    if summary.in_breach:
        reasons.append(f"{summary.in_breach} past 48 h")
    if summary.overdue_ours:
        reasons.append(count(summary.overdue_ours, "overdue promise") + " of ours")
    days = renewal_in(summary.account, today)
    if days is not None and days < 0:
        reasons.append(f"renewal date passed {count(-days, 'day')} ago")
    elif days is not None and days <= RENEWAL_NEAR_DAYS:
        reasons.append(f"renewal in {count(days, 'day')}")
    return tuple(reasons)


SortKey = tuple[object, ...]


def sort_key(by: SortBy) -> Callable[[AccountSummary, Health], SortKey]:
    """The key that orders accounts ``by``; the name breaks every tie."""

    def name(s: AccountSummary) -> tuple[str, str]:
        return (s.account.name.casefold(), s.account.id)

    if by is SortBy.HEALTH:
        return lambda s, h: (h.band.rank, h.score, *name(s))
    if by is SortBy.DUE:
        return lambda s, h: (s.next_due, *name(s))
    if by is SortBy.RENEWAL:
        return lambda s, h: (s.account.renewal is None, s.account.renewal or date.max, *name(s))
    return lambda s, h: name(s)
