"""Issue and action item state changes, with the timestamps the 48-hour rules read."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from checkin.core.enums import ActionStatus, IssueStatus
from checkin.core.records import ActionItem, Issue

_ACKNOWLEDGED = {
    IssueStatus.ACKNOWLEDGED,
    IssueStatus.PLANNED,
    IssueStatus.IN_PROGRESS,
    IssueStatus.WAITING_ON_CLIENT,
    IssueStatus.RESOLVED,
    IssueStatus.CLOSED,
}
_PLANNED = {IssueStatus.PLANNED, IssueStatus.IN_PROGRESS}


def change_issue_status(issue: Issue, status: IssueStatus, now: datetime) -> Issue:
    """``issue`` moved to ``status``: the milestones it implies are stamped with ``now``.

    Acknowledging is implied by every later status; a plan by planned / in progress;
    reopening clears resolved and verified. A "new" issue that an import counted as
    acknowledged (imported backlog) is acknowledged for real when it moves on: the 48-hour
    plan clock starts then, not at the import.
    """
    changes: dict[str, object] = {"status": status}
    backlog = issue.status is IssueStatus.NEW and issue.acknowledged is not None
    if status in _ACKNOWLEDGED and (issue.acknowledged is None or backlog):
        changes["acknowledged"] = max(now, issue.opened)
    if status in _PLANNED and issue.plan_given is None:
        changes["plan_given"] = now
    if status in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
        if issue.resolved is None:
            changes["resolved"] = now
    else:
        changes["resolved"] = None
        changes["verified"] = None
    return dataclasses.replace(issue, **changes)  # type: ignore[arg-type]


def verify_issue(issue: Issue, now: datetime) -> Issue:
    """The client confirmed the fix works: the issue is resolved and verified."""
    resolved = (
        issue
        if issue.resolved is not None
        else change_issue_status(issue, IssueStatus.RESOLVED, now)
    )
    return dataclasses.replace(resolved, verified=now)


def give_plan(issue: Issue, now: datetime) -> Issue:
    """Findings and an action plan were given to the client (the second 48-hour rule)."""
    status = issue.status if issue.status is not IssueStatus.NEW else IssueStatus.PLANNED
    if status is IssueStatus.ACKNOWLEDGED:
        status = IssueStatus.PLANNED
    updated = change_issue_status(issue, status, now)
    return dataclasses.replace(updated, plan_given=issue.plan_given or now)


def change_action_status(action: ActionItem, status: ActionStatus, today: date) -> ActionItem:
    done_on = today if status is ActionStatus.DONE else None
    return dataclasses.replace(action, status=status, done_on=done_on)
