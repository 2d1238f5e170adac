"""Agenda rules for issues: severity, the 48-hour rules, age, waiting, due dates, follow-ups."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta

from checkin.core import sla
from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import NO_DUE, Candidate, Facts, fired
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
_LIMIT_HOURS = int(sla.LIMIT.total_seconds() // 3600)
_NEW = IssueStatus.NEW
_SEVERITY_RANK = {level: rank for rank, level in enumerate(Severity)}


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
    if hours is None:
        return None
    return Reason(
        rule="ack_breach_48h",
        score=weights.BREACH + _breach_extra(hours),
        text=f"not acknowledged {phrases.duration(hours)} after it was opened (48 h rule)",
    )


def plan_breach_48h(issue: Issue, ctx: Context) -> Reason | None:
    """Acknowledged more than 48 hours ago, and still no findings and action plan."""
    if issue.acknowledged is None or issue.plan_given is not None:
        return None
    hours = sla.plan_breach_hours(issue, ctx.now)
    if hours is None:
        return None
    return Reason(
        rule="plan_breach_48h",
        score=weights.BREACH + _breach_extra(hours),
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
    score = min(weights.AGE_MAX, (days // 7) * weights.AGE_PER_WEEK)
    return Reason(rule="issue_age", score=score, text=f"open for {days} days")


def waiting_on_client(issue: Issue, ctx: Context) -> Reason | None:
    """The issue waits on the client: the meeting is the place to unblock it."""
    return _WAITING if issue.status is _WAITING_STATUS else None


def issue_due_soon(issue: Issue, ctx: Context) -> Reason | None:
    """An open issue due within a week, or past its due date."""
    if issue.due is None or not _is_open(issue):
        return None
    days = (issue.due - ctx.today).days
    when = phrases.day_month(issue.due, ctx.today)
    if days < 0:
        text = f"past its due date ({when}) by {count(-days, 'day')}"
        return Reason(rule="issue_due_soon", score=weights.DUE_PASSED, text=text)
    if days <= weights.DUE_SOON_DAYS:
        text = f"due {phrases.in_days(days)} ({when})"
        return Reason(rule="issue_due_soon", score=weights.DUE_SOON, text=text)
    return None


def not_discussed_last_time(issue: Issue, ctx: Context) -> Reason | None:
    """An open issue that was not on the previous meeting's agenda (new since, or left out)."""
    if ctx.last is None or not _is_open(issue) or f"issue:{issue.id}" in ctx.last_statuses:
        return None
    when = phrases.day_month(ctx.last.day, ctx.today)
    start = ctx.last.started or ctx.last.planned_start
    if issue.opened < start:
        text = f"not discussed at the last check-in ({when})"
    else:
        text = f"new since the last check-in ({when})"
    return Reason(rule="not_discussed_last_time", score=weights.NOT_DISCUSSED, text=text)


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


def _facts(issue: Issue, reasons: list[Reason], ctx: Context) -> Facts:
    breach = 0
    rules = {reason.rule for reason in reasons}
    if "ack_breach_48h" in rules:
        breach = sla.ack_breach_hours(issue, ctx.now) or 0
    elif "plan_breach_48h" in rules:
        breach = sla.plan_breach_hours(issue, ctx.now) or 0
    overdue = (ctx.today - issue.due).days if issue.due is not None else 0
    return Facts(
        severity=_SEVERITY_RANK[issue.severity],
        breach_hours=breach,
        days_overdue=max(0, overdue),
        due=issue.due.toordinal() if issue.due is not None else NO_DUE,
        age_days=(ctx.now - issue.opened).days,
    )


def issue_candidates(issues: Iterable[Issue], ctx: Context) -> Iterator[Candidate]:
    """One topic per open issue, and a follow-up per fix the client has not confirmed.

    An open critical issue and an issue in breach of a 48-hour rule are must-discuss topics.
    """
    for issue in issues:
        ref = f"issue:{issue.id}"
        if _is_open(issue):
            reasons = fired([rule(issue, ctx) for rule in OPEN_ISSUE_RULES])
            critical = issue.severity is _CRITICAL
            facts = _facts(issue, reasons, ctx)
            yield Candidate(
                key=ref,
                kind=_ISSUE,
                title=phrases.title(issue.title),
                timing=_TIMING[issue.severity],
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
