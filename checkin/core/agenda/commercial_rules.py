"""Agenda rules about the commercial relationship: the renewal and who decides it.

Each rule is a named function that returns a :class:`Reason` (its sentence worded as of the
meeting's start, ``ctx.today``) or None; ``commercial_candidates`` turns them into relationship
items in the same shape as :mod:`checkin.core.agenda.relationship_rules`. The weights live here
until they join ``weights.py``; each stays well under ``weights.URGENT``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta

from checkin.core.agenda import phrases
from checkin.core.agenda.candidate import Candidate
from checkin.core.agenda.context import Context
from checkin.core.agenda.relationship_rules import relationship_item
from checkin.core.enums import Side, StakeholderRole
from checkin.core.meeting import Reason
from checkin.core.records import Contact
from checkin.core.text import count

RENEWAL_HORIZON_DAYS = 90  # a renewal nearer than this gets a slot
RENEWAL_NEAR = 30.0
RENEWAL_NEAR_EXTRA_MAX = 15.0  # grows as the date nears: the full extra on the day
RENEWAL_NO_DECISION_MAKER = 10.0  # nobody on their side is known to sign it
RENEWAL_PASSED = 35.0  # the date passed and nobody updated it
SPONSOR_WINDOW = timedelta(days=183)  # six months
SPONSOR_NOT_MET = 20.0

CommercialRule = Callable[[Context, Sequence[Contact]], Reason | None]


def _client_roles(contacts: Sequence[Contact], role: StakeholderRole) -> list[Contact]:
    return sorted(
        (c for c in contacts if c.side is Side.CLIENT and c.stakeholder is role),
        key=lambda c: (c.name.casefold(), c.id),
    )


def renewal_near(ctx: Context, contacts: Sequence[Contact]) -> Reason | None:
    """The renewal is within RENEWAL_HORIZON_DAYS of the meeting, or passed without a new date;
    with no decision maker named on the client's side, the sentence asks to confirm one."""
    renewal: date | None = ctx.account.renewal
    if renewal is None:
        return None
    days = (renewal - ctx.today).days
    if days < 0:
        return Reason(
            rule="renewal_near",
            score=RENEWAL_PASSED,
            text=f"the renewal date {renewal.isoformat()} passed {count(-days, 'day')} ago: "
            "confirm the new term",
        )
    if days > RENEWAL_HORIZON_DAYS:
        return None
    when = "today" if days == 0 else f"in {count(days, 'day')}"
    score = RENEWAL_NEAR + RENEWAL_NEAR_EXTRA_MAX * (1 - days / RENEWAL_HORIZON_DAYS)
    if _client_roles(contacts, StakeholderRole.DECISION_MAKER):
        text = f"renewal {when} ({renewal.isoformat()})"
    else:
        text = f"renewal {when}: confirm the decision maker"
        score += RENEWAL_NO_DECISION_MAKER
    return Reason(rule="renewal_near", score=round(score, 1), text=text)


def sponsor_not_met(ctx: Context, contacts: Sequence[Contact]) -> Reason | None:
    """The client's executive sponsor has not attended a check-in in six months (or ever,
    once the account is six months old)."""
    sponsors = _client_roles(contacts, StakeholderRole.EXECUTIVE_SPONSOR)
    if not sponsors:
        return None
    since = ctx.now - SPONSOR_WINDOW
    if ctx.account.created_at is not None and ctx.account.created_at > since:
        return None  # too young an account to expect it
    ids = {c.id for c in sponsors}
    for meeting in ctx.ended:
        start = meeting.started or meeting.planned_start
        if start >= since and ids & set(meeting.attendees):
            return None
    names = phrases.shorten(", ".join(c.name for c in sponsors), 60)
    return Reason(
        rule="sponsor_not_met",
        score=SPONSOR_NOT_MET,
        text=f"no executive sponsor met in 6 months ({names})",
    )


# Each rule with the title of the item it puts on the agenda.
COMMERCIAL_RULES: tuple[tuple[CommercialRule, str], ...] = (
    (renewal_near, "The renewal"),
    (sponsor_not_met, "Bringing in the executive sponsor"),
)


def commercial_candidates(contacts: Sequence[Contact], ctx: Context) -> Iterator[Candidate]:
    """One relationship item per commercial rule that fires ("relationship:<rule>")."""
    for rule, title in COMMERCIAL_RULES:
        reason = rule(ctx, contacts)
        if reason is None:
            continue
        yield relationship_item(reason, title, ctx)
