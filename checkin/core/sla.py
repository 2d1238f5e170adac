"""The 48-hour rules: acknowledge a client's issue, then give findings and a plan, in 48 h each."""

from __future__ import annotations

from datetime import datetime, timedelta

from checkin.core.enums import IssueStatus
from checkin.core.records import Issue

LIMIT = timedelta(hours=48)


def hours_between(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds() // 3600)


def waited(hours: int) -> str:
    """A breach's length as a reader takes it in: ``61 h`` up to 72 hours, then ``4 days``
    (nobody counts 9327 hours; DESIGN invariant 12)."""
    return f"{hours} h" if hours <= 72 else f"{hours // 24} days"


def ack_breach_hours(issue: Issue, now: datetime) -> int | None:
    """Hours since an open, unacknowledged issue was opened, when over 48 h; else None."""
    if not issue.is_open or issue.acknowledged is not None:
        return None
    waited = now - issue.opened
    return hours_between(issue.opened, now) if waited > LIMIT else None


def plan_breach_hours(issue: Issue, now: datetime) -> int | None:
    """Hours since acknowledgement without findings and a plan, when over 48 h; else None.

    A "new" issue with an acknowledgement is imported backlog (DESIGN invariant 12): the import
    acknowledged it, nobody promised a plan yet; the clock starts when it moves on.
    """
    if not issue.is_open or issue.acknowledged is None or issue.plan_given is not None:
        return None
    if issue.status is IssueStatus.NEW:
        return None
    waited = now - issue.acknowledged
    return hours_between(issue.acknowledged, now) if waited > LIMIT else None


def acknowledged_late(issue: Issue) -> bool:
    """Historic adherence: was the acknowledgement (if any) given after 48 h?"""
    return issue.acknowledged is not None and issue.acknowledged - issue.opened > LIMIT


def planned_late(issue: Issue) -> bool:
    return (
        issue.acknowledged is not None
        and issue.plan_given is not None
        and issue.plan_given - issue.acknowledged > LIMIT
    )


def in_breach(issue: Issue, now: datetime) -> bool:
    return ack_breach_hours(issue, now) is not None or plan_breach_hours(issue, now) is not None
