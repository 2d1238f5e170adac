"""Rules about the relationship itself: cadence, focal contacts, meeting ratings.

They raise warnings for the account manager (a banner in the planner, ``warnings`` in JSON);
only where there is something to discuss with the client do they also take agenda time: the
client has no focal contact (ask them), or the check-ins are rated lower (ask how to improve).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import Candidate
from checkin.core.agenda.context import Context
from checkin.core.agenda.model import AgendaWarning
from checkin.core.enums import ItemKind
from checkin.core.meeting import Reason
from checkin.core.text import count

RelationshipRule = Callable[[Context], Reason | None]


def cadence_overdue(ctx: Context) -> Reason | None:
    """More days since the last check-in (or since the account started) than its cadence.

    A warning only: the meeting being planned is the remedy, there is nothing to discuss.
    """
    cadence = ctx.account.cadence_days
    rhythm = f"the cadence is every {count(cadence, 'day')}"
    if ctx.last_day is not None:
        gap = (ctx.today - ctx.last_day).days
        text = f"last check-in {phrases.days_ago(gap)}; {rhythm}"
    elif ctx.account.created_at is not None:
        gap = (ctx.today - ctx.account.created_at.date()).days
        text = f"no check-in yet, {gap} days after the account started; {rhythm}"
    else:
        return None
    if gap <= cadence:
        return None
    return Reason(rule="cadence_overdue", score=0, text=text)


def no_focal_contact(ctx: Context) -> Reason | None:
    """One focal contact per side: a missing one is a warning; the client's is also asked for
    in the meeting (ours is settled inside our team)."""
    client, ours = ctx.focal_client is None, ctx.focal_ours is None
    if client and ours:
        where = "on either side"
    elif client:
        where = "on the client's side"
    elif ours:
        where = "on our side"
    else:
        return None
    score = weights.NO_FOCAL_CONTACT if client else 0
    return Reason(rule="no_focal_contact", score=score, text=f"no focal contact named {where}")


def falling_ratings(ctx: Context) -> Reason | None:
    """The latest check-in was rated below the ones before it (looking at the last three)."""
    ratings = [m.rating for m in ctx.ended if m.rating is not None][-weights.RATINGS_LOOKED_AT :]
    if len(ratings) < 2:
        return None
    earlier = ratings[:-1]
    if ratings[-1] * len(earlier) >= sum(earlier):
        return None
    listed = ", ".join(str(r) for r in ratings)
    return Reason(
        rule="falling_ratings",
        score=weights.FALLING_RATINGS,
        text=f"recent check-ins were rated {listed} (out of 5)",
    )


# Each rule with the title of the item it puts on the agenda when its reason scores (there is
# something to discuss); a reason of score 0 is a warning only.
RELATIONSHIP_RULES: tuple[tuple[RelationshipRule, str], ...] = (
    (cadence_overdue, "Getting back to our regular check-ins"),
    (no_focal_contact, "Focal contacts on both sides"),
    (falling_ratings, "How can we make these check-ins more useful?"),
)


def relationship_warnings(ctx: Context) -> list[AgendaWarning]:
    """Every relationship rule that fires, as a warning for the account manager."""
    found = []
    for rule, _ in RELATIONSHIP_RULES:
        reason = rule(ctx)
        if reason is not None:
            found.append(AgendaWarning(rule=reason.rule, text=reason.text))
    return found


def relationship_candidates(ctx: Context) -> Iterator[Candidate]:
    """One item per relationship rule with something to discuss ("relationship:<rule>")."""
    for rule, title in RELATIONSHIP_RULES:
        reason = rule(ctx)
        if reason is None or reason.score <= 0:
            continue
        yield relationship_item(reason, title, ctx)


def relationship_item(reason: Reason, title: str, ctx: Context) -> Candidate:
    """The topic of one relationship rule that fired ("relationship:<rule>"), ours to raise."""
    return Candidate(
        key=f"relationship:{reason.rule}",
        kind=ItemKind.RELATIONSHIP,
        title=title,
        timing="relationship",
        reasons=(reason,),
        owner=phrases.shorten(ctx.our_owner, 80),
    )
