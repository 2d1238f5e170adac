"""Agenda rules for issues: severity, the 48-hour rules, age, waiting, due dates, follow-ups."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from functools import lru_cache, partial

from checkin.core import sla
from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import NO_DUE, Candidate, Facts, Made
from checkin.core.agenda.context import Context
from checkin.core.enums import IssueStatus, ItemKind, ItemStatus, Severity
from checkin.core.meeting import Reason
from checkin.core.records import Issue
from checkin.core.text import count

IssueRule = Callable[[Issue, Context], Reason | None]


_SEVERITY = {
    level: Reason(rule="severity", score=weights.SEVERITY[level], text=f"{level.value} severity")
    for level in Severity
}  # reasons are immutable: one per severity serves every issue
_WAITING = Reason(
    rule="waiting_on_client", score=weights.WAITING_ON_CLIENT, text="waiting on the client's input"
)
_BREACHES = frozenset({"ack_breach_48h", "plan_breach_48h"})
_TIMING = {level: f"issue.{level.value}" for level in Severity}
# Issue.is_open, as a set: the enum property builds a tuple of members on every call, and the
# rules ask for every open issue of a busy account.
_OPEN = frozenset(status for status in IssueStatus if status.is_open)
_CRITICAL = Severity.CRITICAL
_SEVERE = frozenset({Severity.CRITICAL, Severity.HIGH})
_WAITING_STATUS = IssueStatus.WAITING_ON_CLIENT
_RESOLVED = IssueStatus.RESOLVED
_ISSUE, _FOLLOW_UP = ItemKind.ISSUE, ItemKind.FOLLOW_UP
_LEFT_OPEN = frozenset({ItemStatus.PENDING, ItemStatus.DEFERRED})
_LIMIT = sla.LIMIT
_LIMIT_HOURS = int(_LIMIT.total_seconds() // 3600)
_AGE_FROM_DAYS = weights.AGE_FROM_DAYS
_NEW = IssueStatus.NEW
_SEVERITY_RANK = {level: rank for rank, level in enumerate(Severity)}
# The reasons worded from one number or date (an age, a breach's hours, a due date) are kept
# once made: they are immutable, a busy account's thousand open issues share a few hundred of
# them, and the same ones come back plan after plan. Bounded, so memory stays flat.
_sentence = lru_cache(maxsize=4096)
_SEVERITY_SCORE = {level: reason.score for level, reason in _SEVERITY.items()}
_WAITING_SCORE = _WAITING.score
_NOT_DISCUSSED = weights.NOT_DISCUSSED


def _is_open(issue: Issue) -> bool:
    return issue.status in _OPEN


def severity(issue: Issue, ctx: Context) -> Reason | None:
    """Every open issue scores by severity; critical weighs as much as a 48-hour breach."""
    return _SEVERITY[issue.severity] if _is_open(issue) else None


def _breach_extra(hours: int) -> float:
    """The longer past the limit, the higher among breaches: a point per 6 h, capped."""
    over = max(0, hours - _LIMIT_HOURS)
    return min(weights.BREACH_EXTRA_MAX, over // 6 * weights.BREACH_EXTRA_PER_6H)


def ack_breach_48h(issue: Issue, ctx: Context) -> Reason | None:
    """Open and still not acknowledged more than 48 hours after it was opened.

    An issue with an acknowledged date, or whose status is past "new" (an imported backlog
    in "in progress", say), was acknowledged: it is not in breach of this rule.
    """
    if issue.acknowledged is not None or issue.status is not _NEW:
        return None
    hours = sla.ack_breach_hours(issue, ctx.now)
    return None if hours is None else _ack_breach(hours)


def _breach_score(hours: int) -> float:
    return weights.BREACH + _breach_extra(hours)


@_sentence
def _ack_breach(hours: int) -> Reason:
    return Reason(
        rule="ack_breach_48h",
        score=_breach_score(hours),
        text=f"not acknowledged {phrases.duration(hours)} after it was opened (48 h rule)",
    )


def plan_breach_48h(issue: Issue, ctx: Context) -> Reason | None:
    """Acknowledged more than 48 hours ago, and still no findings and action plan."""
    if issue.acknowledged is None or issue.plan_given is not None:
        return None
    hours = sla.plan_breach_hours(issue, ctx.now)
    return None if hours is None else _plan_breach(hours)


@_sentence
def _plan_breach(hours: int) -> Reason:
    return Reason(
        rule="plan_breach_48h",
        score=_breach_score(hours),
        text=(
            f"no findings or action plan {phrases.duration(hours)} after it was "
            "acknowledged (48 h rule)"
        ),
    )


def issue_age(issue: Issue, ctx: Context) -> Reason | None:
    """An issue open for a week or more: one point a week, capped."""
    days = (ctx.now - issue.opened).days
    if days < weights.AGE_FROM_DAYS or not _is_open(issue):
        return None
    return _age(days)


def _age_score(days: int) -> float:
    return min(weights.AGE_MAX, (days // 7) * weights.AGE_PER_WEEK)


@_sentence
def _age(days: int) -> Reason:
    return Reason(rule="issue_age", score=_age_score(days), text=f"open for {days} days")


def waiting_on_client(issue: Issue, ctx: Context) -> Reason | None:
    """The issue waits on the client: the meeting is the place to unblock it."""
    return _WAITING if issue.status is _WAITING_STATUS else None


def issue_due_soon(issue: Issue, ctx: Context) -> Reason | None:
    """An open issue due within a week, or past its due date."""
    if issue.due is None or not _is_open(issue):
        return None
    return _due(issue.due, ctx.today)


def _due_score(days: int) -> float | None:
    """The score of an issue due in ``days`` (negative: past due); None: not due soon."""
    if days > weights.DUE_SOON_DAYS:
        return None
    return weights.DUE_PASSED if days < 0 else weights.DUE_SOON


@_sentence
def _due(due: date, today: date) -> Reason | None:
    days = (due - today).days
    score = _due_score(days)
    if score is None:
        return None
    when = phrases.day_month(due, today)
    if days < 0:
        text = f"past its due date ({when}) by {count(-days, 'day')}"
    else:
        text = f"due {phrases.in_days(days)} ({when})"
    return Reason(rule="issue_due_soon", score=score, text=text)


def not_discussed_last_time(issue: Issue, ctx: Context) -> Reason | None:
    """An open issue that was not on the previous meeting's agenda (new since, or left out)."""
    if ctx.last is None or not _is_open(issue) or f"issue:{issue.id}" in ctx.last_statuses:
        return None
    return _LastCheckin(ctx).not_discussed(issue)


class _LastCheckin:
    """The two "not discussed" reasons about the last check-in, made once per agenda."""

    def __init__(self, ctx: Context) -> None:
        last = ctx.last
        self.start = None if last is None else last.started or last.planned_start
        when = "" if last is None else phrases.day_month(last.day, ctx.today)
        score = weights.NOT_DISCUSSED
        text = f"not discussed at the last check-in ({when})"
        self.left_out = Reason(rule="not_discussed_last_time", score=score, text=text)
        text = f"new since the last check-in ({when})"
        self.new = Reason(rule="not_discussed_last_time", score=score, text=text)

    def not_discussed(self, issue: Issue) -> Reason:
        assert self.start is not None  # only asked when there was a last check-in
        return self.left_out if issue.opened < self.start else self.new


def resolved_unverified(issue: Issue, ctx: Context) -> Reason | None:
    """A fix the client has not confirmed yet comes back once: "did the fix work for you?".

    It stops once the client's answer is recorded (verified), once it was discussed at a
    meeting after the fix, or when the fix is older than the follow-up window.
    """
    resolved = issue.resolved
    if issue.status is not _RESOLVED or resolved is None or issue.verified:
        return None
    if ctx.now - resolved > timedelta(days=weights.FOLLOW_UP_DAYS):
        return None
    discussed = ctx.discussed.get(f"issue:{issue.id}")
    if discussed is not None and discussed >= resolved:
        return None
    score = weights.FOLLOW_UP
    if issue.severity in _SEVERE:
        score += weights.FOLLOW_UP_SEVERE
    ago = phrases.days_ago((ctx.today - resolved.date()).days)
    return Reason(
        rule="resolved_unverified", score=score, text=f"resolved {ago}: did the fix work for you?"
    )


def reopened(issue: Issue, ctx: Context) -> Reason | None:
    """An open issue reopened since the last check-in began ("did that work for you?": no):
    it comes back on the next agenda higher, more so each time it was reopened.

    An item the last check-in left open carries over with its own weight; the reopen is still
    said but adds nothing (with the "not discussed" reason, no more than REOPENED_MAX in all),
    so a non-urgent issue stays under the urgent ones.
    """
    last = issue.last_reopened
    if not issue.reopened_count or last is None or not _is_open(issue):
        return None
    previous = ctx.last
    if previous is not None and last < (previous.started or previous.planned_start):
        return None
    extra = (issue.reopened_count - 1) * weights.REOPENED_PER_TIME
    score = min(weights.REOPENED_MAX, weights.REOPENED + extra)
    ref = f"issue:{issue.id}"
    if ctx.last_statuses.get(ref) in _LEFT_OPEN:
        score = 0.0
    elif previous is not None and ref not in ctx.last_statuses:  # not_discussed_last_time fires
        score = max(0.0, score - weights.NOT_DISCUSSED)
    when = phrases.day_month(last.date(), ctx.today)
    times = "" if issue.reopened_count == 1 else f" (reopened {issue.reopened_count} times)"
    return Reason(
        rule="reopened", score=score, text=f"reopened {when}: the fix did not work{times}"
    )


OPEN_ISSUE_RULES: tuple[IssueRule, ...] = (
    severity,
    ack_breach_48h,
    plan_breach_48h,
    issue_age,
    waiting_on_client,
    issue_due_soon,
    not_discussed_last_time,
    reopened,
)


# Which 48-hour rule an open issue breaches, as :func:`_open_facts` tells it.
_ACK, _PLAN = "ack", "plan"


def _open_facts(issue: Issue, ctx: Context) -> tuple[Facts, str | None, int | None]:
    """What an open issue's reasons and its ranking read, worked out once: its facts, the
    48-hour rule it breaches (``_ACK``, ``_PLAN`` or None) and the days until it is due
    (negative: past due; None: no due date)."""
    now, due = ctx.now, issue.due
    status, acknowledged, opened = issue.status, issue.acknowledged, issue.opened
    breach, rule = 0, None
    if acknowledged is None:
        if status is _NEW and now - opened > _LIMIT:
            breach, rule = sla.hours_between(opened, now), _ACK
    elif issue.plan_given is None and status is not _NEW and now - acknowledged > _LIMIT:
        breach, rule = sla.hours_between(acknowledged, now), _PLAN
    if due is None:
        due_in, overdue, due_day = None, 0, NO_DUE
    else:
        due_in = (due - ctx.today).days
        overdue, due_day = max(0, -due_in), due.toordinal()
    # Facts(severity, breach_hours, days_overdue, due, age_days), positionally: it is cheaper.
    facts = Facts(_SEVERITY_RANK[issue.severity], breach, overdue, due_day, (now - opened).days)
    return facts, rule, due_in


def _open_issue(
    issue: Issue, ctx: Context, last: _LastCheckin, ref: str | None = None
) -> tuple[list[Reason], Facts]:
    """An open issue's reasons and facts in one pass: what ``OPEN_ISSUE_RULES`` give (in their
    order) and ``_facts`` reads, without asking each rule whether the issue is open or working
    out the same hours twice. A busy account has a thousand open issues; a unit test holds this
    pass to the rules over generated issues.

    ``ref`` is the issue's key ("issue:<id>"), when the caller has made it already."""
    facts, rule, _due_in = _open_facts(issue, ctx)
    reasons = [_SEVERITY[issue.severity]]
    if rule == _ACK:
        reasons.append(_ack_breach(facts.breach_hours))
    elif rule == _PLAN:
        reasons.append(_plan_breach(facts.breach_hours))
    if facts.age_days >= _AGE_FROM_DAYS:
        reasons.append(_age(facts.age_days))
    if issue.status is _WAITING_STATUS:
        reasons.append(_WAITING)
    if issue.due is not None and (soon := _due(issue.due, ctx.today)) is not None:
        reasons.append(soon)
    if ctx.last is not None and (ref or f"issue:{issue.id}") not in ctx.last_statuses:
        reasons.append(last.not_discussed(issue))
    if issue.reopened_count:
        again = reopened(issue, ctx)
        if again is not None:
            reasons.append(again)
    return reasons, facts


def _open_issue_score(issue: Issue, ctx: Context, ref: str) -> tuple[float, Facts]:
    """What the reasons of :func:`_open_issue` add up to (summed in their order, so the very
    same number) and its facts, without making a sentence: enough to rank the issue. Not for
    a reopened issue (its reason is made in full). A unit test holds it to the rules."""
    facts, rule, due_in = _open_facts(issue, ctx)
    scores = [_SEVERITY_SCORE[issue.severity]]
    if rule is not None:
        scores.append(_breach_score(facts.breach_hours))
    if facts.age_days >= _AGE_FROM_DAYS:
        scores.append(_age_score(facts.age_days))
    if issue.status is _WAITING_STATUS:
        scores.append(_WAITING_SCORE)
    if due_in is not None and (soon := _due_score(due_in)) is not None:
        scores.append(soon)
    if ctx.last is not None and ref not in ctx.last_statuses:
        scores.append(_NOT_DISCUSSED)
    return sum(scores), facts


def _issue_item(issue: Issue, ctx: Context, last: _LastCheckin, ref: str) -> Made:
    """What an open issue's deferred topic is made of, when it is read."""
    reasons, _facts = _open_issue(issue, ctx, last, ref)
    return phrases.title(issue.title), ref, phrases.shorten(issue.owner, 80), reasons


def issue_candidates(issues: Iterable[Issue], ctx: Context) -> Iterator[Candidate]:
    """One topic per open issue, and a follow-up per fix the client has not confirmed.

    An open critical issue and an issue in breach of a 48-hour rule are must-discuss topics.
    An open issue's topic is ranked on its score and facts; its title and reasons are made
    when the topic is read (the ones that fit, or the parking lot when it is read).
    """
    last = _LastCheckin(ctx)
    for issue in issues:
        ref = f"issue:{issue.id}"
        if issue.status in _OPEN:
            severity = issue.severity
            critical = severity is _CRITICAL
            if not issue.reopened_count:
                score, facts = _open_issue_score(issue, ctx, ref)
                yield Candidate.deferred(
                    key=ref,
                    kind=_ISSUE,
                    timing=_TIMING[severity],
                    score=score,
                    make=partial(_issue_item, issue, ctx, last, ref),
                    must=critical or facts.breach_hours > 0,
                    critical=critical,
                    facts=facts,
                )
                continue
            reasons, facts = _open_issue(issue, ctx, last, ref)
            yield Candidate(
                key=ref,
                kind=_ISSUE,
                title=phrases.title(issue.title),
                timing=_TIMING[severity],
                reasons=reasons,
                source_ref=ref,
                owner=phrases.shorten(issue.owner, 80),
                must=critical or facts.breach_hours > 0,
                critical=critical,
                facts=facts,
            )
            continue
        follow_up = resolved_unverified(issue, ctx)
        if follow_up is not None and issue.resolved is not None:
            yield Candidate(
                key=ref,
                kind=_FOLLOW_UP,
                title=phrases.title(f"Follow-up: {issue.title}"),
                timing="follow-up",
                reasons=(follow_up,),
                source_ref=ref,
                owner=phrases.shorten(issue.owner, 80),
                facts=Facts(
                    severity=_SEVERITY_RANK[issue.severity],
                    age_days=(ctx.now - issue.resolved).days,
                ),
            )
