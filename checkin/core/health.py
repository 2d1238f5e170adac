"""Relationship health: a transparent score from the relationship's own record, factor by factor.

The score (0-100) is the sum of seven weighted factors. Its band follows explicit thresholds
(``GOOD_FROM``, ``WATCH_FROM``), and red flags (see :mod:`checkin.core.redflags`) override it:
any red flag holds the band at "watch" at best, and the combinations listed there force
"at risk" whatever the score.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import pairwise

from checkin.core.enums import Direction, MeetingState, Side
from checkin.core.meeting import Meeting
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue
from checkin.core.redflags import Flag, forced_at_risk, red_flags
from checkin.core.sla import LIMIT
from checkin.core.summary import focal_contact
from checkin.core.text import count

WINDOW = timedelta(days=180)  # how far back adherence is judged
FEEDBACK_WINDOW = timedelta(days=90)
# A fix the client has not confirmed yet counts against the account only once it is this old:
# resolving an issue today must not cost points today.
GRACE = timedelta(days=14)
# The bands: "good" from GOOD_FROM, "watch" from WATCH_FROM, "at risk" below.
GOOD_FROM = 75
WATCH_FROM = 50


class Band(StrEnum):
    GOOD = "good"
    WATCH = "watch"
    AT_RISK = "at risk"

    @property
    def rank(self) -> int:
        """0 for at risk, 1 for watch, 2 for good: sorts the weakest first."""
        return (Band.AT_RISK, Band.WATCH, Band.GOOD).index(self)


@dataclass(frozen=True, kw_only=True)
class Factor:
    """One ingredient of the score: how well it is met (0..1), its weight, and why."""

    name: str
    label: str
    value: float
    weight: int
    detail: str

    @property
    def points(self) -> float:
        return self.value * self.weight


@dataclass(frozen=True, kw_only=True)
class Health:
    """The score, its factors, the red flags that hold the band at "watch" or below, and the
    combination of flags that forced "at risk" (empty when none did)."""

    score: int
    band: Band
    factors: tuple[Factor, ...]
    flags: tuple[Flag, ...] = ()
    forced: tuple[Flag, ...] = ()

    @property
    def weakest(self) -> Factor:
        return min(self.factors, key=lambda f: (f.value, -f.weight))

    @property
    def why(self) -> str:
        """Why the band is not "good", in a few words for a table row ("" when it is good)."""
        if self.band is Band.GOOD:
            return ""
        if self.forced:
            return " + ".join(flag.short for flag in self.forced)
        if self.flags:
            return " · ".join(flag.short for flag in self.flags)
        return f"score under {GOOD_FROM if self.band is Band.WATCH else WATCH_FROM}; weakest: " + (
            self.weakest.label.lower()
        )


@dataclass(frozen=True, kw_only=True)
class Relationship:
    """The records health is computed from."""

    account: Account
    contacts: list[Contact]
    issues: list[Issue]
    actions: list[ActionItem]
    feedback: list[Feedback]
    meetings: list[Meeting]


def band_for(score: int) -> Band:
    """The band of a score alone, before red flags: see GOOD_FROM and WATCH_FROM."""
    if score >= GOOD_FROM:
        return Band.GOOD
    if score >= WATCH_FROM:
        return Band.WATCH
    return Band.AT_RISK


def _cadence(r: Relationship, now: datetime) -> Factor:
    cadence = r.account.cadence_days
    days = sorted(m.day for m in r.meetings if m.state is MeetingState.ENDED)
    today = now.date()
    if not days:
        start = r.account.created_at.date() if r.account.created_at else today
        late = (today - start).days > cadence
        value = 0.0 if late else 1.0
        detail = "no check-in held yet" + (
            f", {(today - start).days} days since the account started" if late else ""
        )
        return Factor(name="cadence", label="Cadence", value=value, weight=20, detail=detail)
    # The gaps between check-ins, and the current one since the last check-in.
    gaps = [(b - a).days for a, b in pairwise(days)] + [(today - days[-1]).days]
    gaps = gaps[-6:]
    kept = sum(1 for g in gaps if g <= cadence)
    value = kept / len(gaps)
    since = (today - days[-1]).days
    ago = "today" if since == 0 else f"{count(since, 'day')} ago"
    detail = (
        f"{kept} of {len(gaps)} intervals within the {cadence}-day cadence; last check-in {ago}"
    )
    return Factor(name="cadence", label="Cadence", value=value, weight=20, detail=detail)


def _sla(r: Relationship, now: datetime) -> Factor:
    recent = [i for i in r.issues if now - i.opened <= WINDOW]
    checks = met = 0
    for issue in recent:
        ack_deadline = issue.opened + LIMIT
        if issue.acknowledged is not None or now > ack_deadline:
            checks += 1
            met += issue.acknowledged is not None and issue.acknowledged <= ack_deadline
        if issue.acknowledged is not None:
            plan_deadline = issue.acknowledged + LIMIT
            if issue.plan_given is not None or (issue.is_open and now > plan_deadline):
                checks += 1
                met += issue.plan_given is not None and issue.plan_given <= plan_deadline
    if checks == 0:
        return Factor(
            name="sla",
            label="48-hour rules",
            value=1.0,
            weight=20,
            detail="no issue was due an answer in the last 180 days",
        )
    detail = f"{met} of {checks} acknowledgements and plans given within 48 h (last 180 days)"
    return Factor(name="sla", label="48-hour rules", value=met / checks, weight=20, detail=detail)


def _actions(r: Relationship, now: datetime) -> Factor:
    today = now.date()
    open_items = [a for a in r.actions if a.is_open]
    overdue = [(today - a.due).days for a in open_items if a.due is not None and a.due < today]
    if not open_items:
        return Factor(
            name="actions",
            label="Action items",
            value=1.0,
            weight=15,
            detail="no open action items",
        )
    # Each overdue item costs in proportion to how late it is, capped at 30 days.
    penalty = sum(min(days, 30) / 30 for days in overdue) / len(open_items)
    value = max(0.0, 1.0 - penalty - 0.5 * len(overdue) / len(open_items))
    late = count(max(overdue), "day") + " late" if overdue else ""
    oldest = (f", the oldest {late}" if len(overdue) > 1 else f", {late}") if overdue else ""
    detail = f"{len(overdue)} of {len(open_items)} open action items overdue{oldest}"
    return Factor(
        name="actions", label="Action items", value=max(0.0, value), weight=15, detail=detail
    )


def _verified(r: Relationship, now: datetime) -> Factor:
    """Fixes the client confirmed; an unconfirmed fix younger than GRACE is still waiting for
    its "did that work for you?" and counts neither way."""
    resolved = [i for i in r.issues if i.resolved is not None and now - i.resolved <= WINDOW]
    waiting = [
        i for i in resolved if i.verified is None and i.resolved and now - i.resolved < GRACE
    ]
    judged = [i for i in resolved if i not in waiting]
    grace = (
        f"{count(len(waiting), 'fix', 'fixes')} awaiting the client's answer"
        f" ({GRACE.days}-day grace)"
    )
    if not judged:
        detail = grace if waiting else "no fix delivered in the last 180 days"
        return Factor(name="verified", label="Verified fixes", value=1.0, weight=5, detail=detail)
    verified = sum(1 for i in judged if i.verified is not None)
    detail = f"{verified} of {len(judged)} fixes confirmed by the client (last 180 days)"
    if waiting:
        detail += f"; {grace}"
    return Factor(
        name="verified",
        label="Verified fixes",
        value=verified / len(judged),
        weight=5,
        detail=detail,
    )


def _sentiment(r: Relationship, now: datetime) -> Factor:
    since = (now - FEEDBACK_WINDOW).date()
    received = [
        f for f in r.feedback if f.direction is Direction.FROM_CLIENT and f.received >= since
    ]
    if not received:
        return Factor(
            name="sentiment",
            label="Client feedback",
            value=0.75,
            weight=20,
            detail="no feedback from the client in the last 90 days",
        )
    mean = sum(f.sentiment for f in received) / len(received)
    open_negative = sum(1 for f in received if f.sentiment < 0 and f.addressed is None)
    value = max(0.0, (mean + 2) / 4 - 0.1 * open_negative)
    pieces = "1 piece" if len(received) == 1 else f"{len(received)} pieces"
    detail = f"average {mean:+.1f} over {pieces} in 90 days"
    if open_negative:
        detail += f"; {open_negative} negative unaddressed"
    return Factor(name="sentiment", label="Client feedback", value=value, weight=20, detail=detail)


def _ratings(r: Relationship, now: datetime) -> Factor:
    rated = sorted(
        (m for m in r.meetings if m.state is MeetingState.ENDED and m.rating is not None),
        key=lambda m: m.day,
    )[-3:]
    if not rated:
        return Factor(
            name="ratings",
            label="Meeting ratings",
            value=0.75,
            weight=10,
            detail="no rated check-in yet",
        )
    ratings = [m.rating or 0 for m in rated]
    # The latest meeting counts most: a falling rating should show at once.
    weights = range(1, len(ratings) + 1)
    mean = sum(w * r for w, r in zip(weights, ratings, strict=True)) / sum(weights)
    trend = " (falling)" if len(ratings) > 1 and ratings[-1] < ratings[0] else ""
    listed = ", ".join(map(str, ratings))
    detail = (
        f"last rating {listed}" if len(ratings) == 1 else f"last {len(ratings)} ratings {listed}"
    ) + trend
    return Factor(
        name="ratings", label="Meeting ratings", value=(mean - 1) / 4, weight=10, detail=detail
    )


def _focal(r: Relationship, now: datetime) -> Factor:
    client = focal_contact(r.contacts, Side.CLIENT)
    ours = focal_contact(r.contacts, Side.OURS)
    missing = [side for side, c in (("client", client), ("our", ours)) if c is None]
    value = 1.0 - 0.5 * len(missing)
    if missing:
        detail = "no focal contact on the " + " and ".join(missing) + " side"
    else:
        detail = f"{client.name} and {ours.name}"  # type: ignore[union-attr]
    return Factor(name="focal", label="Focal contacts", value=value, weight=10, detail=detail)


FACTORS: tuple[Callable[[Relationship, datetime], Factor], ...] = (
    _cadence,
    _sla,
    _actions,
    _verified,
    _sentiment,
    _ratings,
    _focal,
)


def assess(r: Relationship, now: datetime) -> Health:
    """Health of the relationship at ``now``: 0-100, the sum of weighted factors.

    The band follows the score (GOOD_FROM, WATCH_FROM), then the red flags: any flag holds a
    good score at "watch", and the combinations of :func:`forced_at_risk` force "at risk".
    """
    factors = tuple(f(r, now) for f in FACTORS)
    score = round(sum(f.points for f in factors))
    flags = red_flags(r, now)
    forced = forced_at_risk(flags, r.account, now.date())
    band = band_for(score)
    if forced:
        band = Band.AT_RISK
    elif flags and band is Band.GOOD:
        band = Band.WATCH
    return Health(score=score, band=band, factors=factors, flags=flags, forced=forced)
