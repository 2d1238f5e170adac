"""Agenda rules for both sides' roadmaps: upcoming, slipped or at risk, and shipped milestones."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta

from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import Candidate, Facts, fired
from checkin.core.agenda.context import Context
from checkin.core.enums import ItemKind, RoadmapSide, RoadmapStatus
from checkin.core.meeting import Reason
from checkin.core.records import RoadmapItem

RoadmapRule = Callable[[RoadmapItem, Context], Reason | None]
_CLOSED = (RoadmapStatus.SHIPPED, RoadmapStatus.DROPPED)


def _whose(item: RoadmapItem) -> str:
    return "our" if item.side is RoadmapSide.OURS else "the client's"


def milestone_in_horizon(item: RoadmapItem, ctx: Context) -> Reason | None:
    """A milestone still to come, due before the horizon: the nearer, the higher."""
    if item.status in _CLOSED or not ctx.today <= item.target <= ctx.horizon:
        return None
    days = (item.target - ctx.today).days
    span = max(1, (ctx.horizon - ctx.today).days)
    score = weights.MILESTONE_HORIZON + round(weights.MILESTONE_HORIZON_NEAR * (1 - days / span))
    text = f"due {phrases.day_month(item.target, ctx.today)}, {phrases.in_days(days)}"
    if milestone_slipped(item, ctx) is None:  # that sentence already says whose it is
        text = f"{_whose(item)} milestone {text}"
    return Reason(rule="milestone_in_horizon", score=score, text=text)


def milestone_slipped(item: RoadmapItem, ctx: Context) -> Reason | None:
    """A milestone whose date moved out, or that is marked slipped or at risk."""
    if item.status in _CLOSED:
        return None
    name = f"{_whose(item)} milestone {phrases.quoted(item.title)}"
    target = phrases.day_month(item.target, ctx.today)
    moved = item.slipped_by_days
    if moved > 0 and item.original_target is not None:
        was = phrases.day_month(item.original_target, ctx.today)
        extra = min(
            weights.MILESTONE_SLIPPED_EXTRA_MAX, moved // 7 * weights.MILESTONE_SLIPPED_PER_WEEK
        )
        text = f"{name} slipped from {was} to {target}"
        if item.status is RoadmapStatus.AT_RISK:
            text += ", and is at risk again"
        return Reason(rule="milestone_slipped", score=weights.MILESTONE_SLIPPED + extra, text=text)
    if item.status is RoadmapStatus.SLIPPED:
        text = f"{name} slipped; the new target is {target}"
    elif item.status is RoadmapStatus.AT_RISK:
        text = f"{name} is at risk for its {target} target"
    else:
        return None
    return Reason(rule="milestone_slipped", score=weights.MILESTONE_SLIPPED, text=text)


def milestone_shipped(item: RoadmapItem, ctx: Context) -> Reason | None:
    """Shipped since the last check-in (or the last 30 days without one): share the news."""
    if item.status is not RoadmapStatus.SHIPPED or item.target > ctx.today:
        return None
    since = ctx.last_day or ctx.today - timedelta(days=weights.SHIPPED_DAYS_WITHOUT_MEETING)
    if item.target <= since:
        return None
    when = phrases.day_month(item.target, ctx.today)
    news = "share the news" if item.side is RoadmapSide.OURS else "congratulations"
    return Reason(
        rule="milestone_shipped",
        score=weights.MILESTONE_SHIPPED,
        text=f"{_whose(item)} milestone shipped {when}, since the last check-in: {news}",
    )


ROADMAP_RULES: tuple[RoadmapRule, ...] = (
    milestone_slipped,
    milestone_in_horizon,
    milestone_shipped,
)


def roadmap_candidates(items: Iterable[RoadmapItem], ctx: Context) -> Iterator[Candidate]:
    """One item per milestone a rule fired for; quiet, distant milestones stay off."""
    for item in items:
        reasons = fired(rule(item, ctx) for rule in ROADMAP_RULES)
        if not reasons:
            continue
        if any(r.rule == "milestone_slipped" for r in reasons):
            timing = "roadmap.slipped"
        elif item.status is RoadmapStatus.SHIPPED:
            timing = "roadmap.shipped"
        else:
            timing = "roadmap"
        ref = f"roadmap:{item.id}"
        owner = ctx.our_owner if item.side is RoadmapSide.OURS else ctx.client_owner
        yield Candidate(
            key=ref,
            kind=ItemKind.ROADMAP,
            title=phrases.title(item.title),
            timing=timing,
            reasons=reasons,
            source_ref=ref,
            owner=phrases.shorten(owner, 80),
            facts=Facts(due=item.target.toordinal(), days_overdue=item.slipped_by_days),
        )
