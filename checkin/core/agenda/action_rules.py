"""Agenda rules for open action items: overdue first, then due before the next check-in."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache, partial

from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import NO_DUE, NO_SEVERITY, Candidate, Facts, Made
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
_CLIENT_SCORE, _OURS_SCORE = _YOURS.score, _OURS.score
_DUE_BEFORE_NEXT = weights.ACTION_DUE_BEFORE_NEXT


def _is_us(owner: str) -> bool:
    return owner.strip().casefold() == "us"


def _overdue_score(days: int) -> float:
    return weights.ACTION_OVERDUE + (
        min(days, weights.ACTION_OVERDUE_MAX_DAYS) * weights.ACTION_OVERDUE_PER_DAY
    )


def action_overdue(action: ActionItem, ctx: Context) -> Reason | None:
    """An open action past its due date: the more days late, the higher (capped at 30)."""
    if action.status is not _OPEN or action.due is None or action.due >= ctx.today:
        return None
    return _overdue((ctx.today - action.due).days, action.owner)


# The reasons worded from a number of days, an owner or a date are kept once made: they are
# immutable, and a busy account's hundreds of open actions share a few dozen of them, plan
# after plan. Bounded, so memory stays flat.
@lru_cache(maxsize=4096)
def _overdue(days: int, owner: str) -> Reason:
    text = f"overdue by {count(days, 'day')}"
    if not _is_us(owner):
        text += f", owner {phrases.shorten(owner, 60)}"
    return Reason(rule="action_overdue", score=_overdue_score(days), text=text)


def action_due_before_next(action: ActionItem, ctx: Context) -> Reason | None:
    """An open action due between today and the check-in after this one."""
    if action.status is not _OPEN or action.due is None:
        return None
    if not ctx.today <= action.due <= ctx.next_checkin:
        return None
    return _due_before_next(action.due, ctx.today, ctx.next_checkin)


@lru_cache(maxsize=4096)
def _due_before_next(due: date, today: date, next_checkin: date) -> Reason:
    when = phrases.day_month(due, today)
    after = phrases.day_month(next_checkin, today)
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


def _open_action(action: ActionItem, ctx: Context) -> list[Reason]:
    """An open action's reasons in one pass: what ``ACTION_RULES`` give, in their order (a
    unit test holds this to the rules)."""
    due, today = action.due, ctx.today
    reasons = []
    if due is not None:
        if due < today:
            reasons.append(_overdue((today - due).days, action.owner))
        elif due <= ctx.next_checkin:
            reasons.append(_due_before_next(due, today, ctx.next_checkin))
    reasons.append(_YOURS if action.side is _CLIENT else _OURS)
    return reasons


def _action_item(action: ActionItem, ctx: Context, ref: str) -> Made:
    """What an open action's deferred topic is made of, when it is read."""
    reasons = _open_action(action, ctx)
    return phrases.title(action.title), ref, phrases.shorten(action.owner, 80), reasons


def action_candidates(actions: Iterable[ActionItem], ctx: Context) -> Iterator[Candidate]:
    """One item per open action item: they are all reviewed, overdue ones first.

    Our own overdue commitments are must-discuss topics (no surprises: we say so first);
    the client's overdue actions rank below them (invariant 10). A topic is ranked on the
    score its reasons add up to (in their order: the very same number); its title and
    reasons are made when it is read.
    """
    today, next_checkin = ctx.today, ctx.next_checkin
    for action in actions:
        if action.status is not _OPEN:
            continue
        due = action.due
        client = action.side is _CLIENT
        scores: list[float] = []
        overdue = late = 0
        if due is not None:
            late = (today - due).days
            if late > 0:
                overdue = late
                scores.append(_overdue_score(late))
            elif due <= next_checkin:
                scores.append(_DUE_BEFORE_NEXT)
        scores.append(_CLIENT_SCORE if client else _OURS_SCORE)
        ref = f"action:{action.id}"
        created = action.created_at.date() if action.created_at is not None else today
        yield Candidate.deferred(
            key=ref,
            kind=_KIND,
            timing="action.overdue" if overdue else "action",
            score=sum(scores),
            make=partial(_action_item, action, ctx, ref),
            must=bool(overdue) and not client,
            # Facts(severity, breach_hours, days_overdue, due, age_days), positionally.
            facts=Facts(
                NO_SEVERITY,
                0,
                overdue,
                due.toordinal() if due is not None else NO_DUE,
                (today - created).days,
            ),
        )
