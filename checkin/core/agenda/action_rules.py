"""Agenda rules for open action items: overdue first, then due before the next check-in."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

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


def _is_us(action: ActionItem) -> bool:
    return action.owner.strip().casefold() == "us"


def _overdue_score(days: int) -> float:
    return weights.ACTION_OVERDUE + (
        min(days, weights.ACTION_OVERDUE_MAX_DAYS) * weights.ACTION_OVERDUE_PER_DAY
    )


def action_overdue(action: ActionItem, ctx: Context) -> Reason | None:
    """An open action past its due date: the more days late, the higher (capped at 30)."""
    if action.status is not _OPEN or action.due is None or action.due >= ctx.today:
        return None
    days = (ctx.today - action.due).days
    score = _overdue_score(days)
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


class _Said:
    """The overdue and due-soon reasons of one agenda, made once per value they are worded
    from (a busy account has hundreds of open actions and a few dozen due dates)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._overdue: dict[tuple[object, str], Reason] = {}
        self._due: dict[object, Reason] = {}

    def overdue(self, action: ActionItem) -> Reason:
        key = (action.due, action.owner)
        found = self._overdue.get(key)
        if found is None:
            found = action_overdue(action, self.ctx)
            assert found is not None  # asked only for an open action past its due date
            self._overdue[key] = found
        return found

    def due_before_next(self, action: ActionItem) -> Reason:
        found = self._due.get(action.due)
        if found is None:
            found = action_due_before_next(action, self.ctx)
            assert found is not None  # asked only for an action due before the next one
            self._due[action.due] = found
        return found


def _open_action(action: ActionItem, ctx: Context, said: _Said) -> list[Reason]:
    """An open action's reasons in one pass: what ``ACTION_RULES`` give, in their order, with
    the sentences ``said`` made already (a unit test holds this to the rules)."""
    due = action.due
    reasons = []
    if due is not None:
        if due < ctx.today:
            reasons.append(said.overdue(action))
        elif due <= ctx.next_checkin:
            reasons.append(said.due_before_next(action))
    reasons.append(_YOURS if action.side is _CLIENT else _OURS)
    return reasons


def _action_item(action: ActionItem, ctx: Context, said: _Said, ref: str) -> Made:
    """What an open action's deferred topic is made of, when it is read."""
    reasons = _open_action(action, ctx, said)
    return phrases.title(action.title), ref, phrases.shorten(action.owner, 80), reasons


def action_candidates(actions: Iterable[ActionItem], ctx: Context) -> Iterator[Candidate]:
    """One item per open action item: they are all reviewed, overdue ones first.

    Our own overdue commitments are must-discuss topics (no surprises: we say so first);
    the client's overdue actions rank below them (invariant 10). A topic is ranked on the
    score its reasons add up to (in their order: the very same number); its title and
    reasons are made when it is read.
    """
    said = _Said(ctx)
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
            make=partial(_action_item, action, ctx, said, ref),
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
