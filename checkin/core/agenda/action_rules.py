"""Agenda rules for open action items: overdue first, then due before the next check-in."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import NO_DUE, Candidate, Facts, fired
from checkin.core.agenda.context import Context
from checkin.core.enums import ActionStatus, ItemKind, Side
from checkin.core.meeting import Reason
from checkin.core.records import ActionItem
from checkin.core.text import count

ActionRule = Callable[[ActionItem, Context], Reason | None]
# Enum members as module constants: looking them up on the class in the hot loop costs more
# than the rule itself on an account with hundreds of open actions.
_OPEN = ActionStatus.OPEN
_CLIENT = Side.CLIENT
_KIND = ItemKind.ACTION
_YOURS = Reason(rule="action_owner", score=weights.ACTION_CLIENT, text="an action on their side")
_OURS = Reason(rule="action_owner", score=weights.ACTION_OURS, text="a commitment of ours")


def _is_us(action: ActionItem) -> bool:
    return action.owner.strip().casefold() == "us"


def action_overdue(action: ActionItem, ctx: Context) -> Reason | None:
    """An open action past its due date: the more days late, the higher (capped at 30)."""
    if action.status is not _OPEN or action.due is None or action.due >= ctx.today:
        return None
    days = (ctx.today - action.due).days
    score = weights.ACTION_OVERDUE + (
        min(days, weights.ACTION_OVERDUE_MAX_DAYS) * weights.ACTION_OVERDUE_PER_DAY
    )
    text = f"overdue by {count(days, 'day')}"
    if not _is_us(action):
        text += f", owner {phrases.shorten(action.owner, 60)}"
    return Reason(rule="action_overdue", score=score, text=text)


def action_due_before_next(action: ActionItem, ctx: Context) -> Reason | None:
    """An open action due between today and the check-in after this one."""
    if action.status is not _OPEN or action.due is None:
        return None
    if not ctx.today <= action.due <= ctx.next_checkin:
        return None
    when = phrases.day_month(action.due, ctx.today)
    after = phrases.day_month(ctx.next_checkin, ctx.today)
    return Reason(
        rule="action_due_before_next",
        score=weights.ACTION_DUE_BEFORE_NEXT,
        text=f"due {when}, before the next check-in ({after})",
    )


def action_owner(action: ActionItem, ctx: Context) -> Reason | None:
    """Whose move it is: our own commitments weigh a little more than the client's."""
    if action.status is not _OPEN:
        return None
    return _YOURS if action.side is _CLIENT else _OURS


ACTION_RULES: tuple[ActionRule, ...] = (action_overdue, action_due_before_next, action_owner)


def action_candidates(actions: Iterable[ActionItem], ctx: Context) -> Iterator[Candidate]:
    """One item per open action item: they are all reviewed, overdue ones first.

    Our own overdue commitments are must-discuss topics (no surprises: we say so first);
    the client's overdue actions rank below them (invariant 10).
    """
    for action in actions:
        if action.status is not _OPEN:
            continue
        reasons = fired([rule(action, ctx) for rule in ACTION_RULES])
        overdue = any(r.rule == "action_overdue" for r in reasons)
        ref = f"action:{action.id}"
        late = (ctx.today - action.due).days if overdue and action.due is not None else 0
        created = action.created_at.date() if action.created_at is not None else ctx.today
        yield Candidate(
            key=ref,
            kind=_KIND,
            title=phrases.title(action.title),
            timing="action.overdue" if overdue else "action",
            reasons=reasons,
            source_ref=ref,
            owner=phrases.shorten(action.owner, 80),
            must=overdue and action.side is not _CLIENT,
            facts=Facts(
                days_overdue=late,
                due=action.due.toordinal() if action.due is not None else NO_DUE,
                age_days=(ctx.today - created).days,
            ),
        )
