"""Issue and action item state changes, with the timestamps the 48-hour rules read.

The one source of truth for which issue changes are possible: :func:`offered_changes` says
what each screen may offer for an issue in its current state, :func:`apply_change` makes it.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import StrEnum

from checkin.core.enums import ActionStatus, IssueStatus
from checkin.core.errors import CheckinError
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
_DONE = (IssueStatus.RESOLVED, IssueStatus.CLOSED)
# Where a fix that did not work goes back to: someone works on it again.
REOPENED_STATUS = IssueStatus.IN_PROGRESS


class TransitionError(CheckinError):
    """The change is not possible from the issue's current state."""


class IssueChange(StrEnum):
    """The named changes a user can make to an issue, in the order they are offered."""

    ACKNOWLEDGE = "acknowledge"
    PLAN = "plan"
    START = "start"
    WAIT = "wait"
    RESOLVE = "resolve"
    CLOSE = "close"
    VERIFY = "verify"
    REOPEN = "reopen"

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self]


CHANGE_LABELS = {
    IssueChange.ACKNOWLEDGE: "Acknowledge",
    IssueChange.PLAN: "Plan given",
    IssueChange.START: "In progress",
    IssueChange.WAIT: "Waiting on client",
    IssueChange.RESOLVE: "Resolve",
    IssueChange.CLOSE: "Close",
    IssueChange.VERIFY: "Verified: the fix works for the client",
    IssueChange.REOPEN: "Reopen: the fix did not work",
}
_TARGET = {
    IssueChange.START: IssueStatus.IN_PROGRESS,
    IssueChange.WAIT: IssueStatus.WAITING_ON_CLIENT,
    IssueChange.RESOLVE: IssueStatus.RESOLVED,
    IssueChange.CLOSE: IssueStatus.CLOSED,
}


def offered_changes(issue: Issue) -> tuple[IssueChange, ...]:
    """The changes that make sense for ``issue`` as it is now.

    A new issue can be acknowledged; an open one can get (or update) its plan, move between
    in progress and waiting on the client, be resolved or closed; a fix can be verified (once)
    or reopened; a closed issue can only be reopened.
    """
    status = issue.status
    offered: list[IssueChange] = []
    if status.is_open:
        if status is IssueStatus.NEW:
            offered.append(IssueChange.ACKNOWLEDGE)
        offered.append(IssueChange.PLAN)
        if status is not IssueStatus.IN_PROGRESS:
            offered.append(IssueChange.START)
        if status is not IssueStatus.WAITING_ON_CLIENT:
            offered.append(IssueChange.WAIT)
        offered += [IssueChange.RESOLVE, IssueChange.CLOSE]
        return tuple(offered)
    if status is IssueStatus.RESOLVED:
        offered.append(IssueChange.CLOSE)
    if issue.verified is None and issue.resolved is not None:
        offered.append(IssueChange.VERIFY)
    offered.append(IssueChange.REOPEN)
    return tuple(offered)


def apply_change(
    issue: Issue,
    change: IssueChange,
    now: datetime,
    *,
    plan: str = "",
    estimate: date | None = None,
) -> Issue:
    """``issue`` after ``change``; a change :func:`offered_changes` does not offer is refused
    with a :class:`TransitionError` that says why."""
    if change not in offered_changes(issue):
        raise TransitionError(
            f"cannot {change.label.split(':')[0].lower()} an issue that is {issue.status.value}"
            + (" and already verified" if issue.verified is not None else "")
        )
    if change is IssueChange.ACKNOWLEDGE:
        return change_issue_status(issue, IssueStatus.ACKNOWLEDGED, now)
    if change is IssueChange.PLAN:
        return give_plan(issue, now, text=plan, estimate=estimate)
    if change is IssueChange.VERIFY:
        return verify_issue(issue, now)
    if change is IssueChange.REOPEN:
        return reopen_issue(issue, now)
    return change_issue_status(issue, _TARGET[change], now)


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
    if status in _DONE:
        if issue.resolved is None:
            changes["resolved"] = now
    else:
        changes["resolved"] = None
        changes["verified"] = None
    return dataclasses.replace(issue, **changes)  # type: ignore[arg-type]


def verify_issue(issue: Issue, now: datetime) -> Issue:
    """The client confirmed the fix works: the issue is resolved and verified."""
    resolved = issue if issue.resolved is not None else change_issue_status(issue, _DONE[0], now)
    return dataclasses.replace(resolved, verified=now)


def reopen_issue(issue: Issue, now: datetime) -> Issue:
    """The fix did not work for the client: the issue is open again (in progress), its
    resolution and verification are cleared, and the reopen is counted with its date."""
    reopened = change_issue_status(issue, REOPENED_STATUS, now)
    return dataclasses.replace(reopened, reopened_count=issue.reopened_count + 1, last_reopened=now)


def give_plan(
    issue: Issue, now: datetime, *, text: str = "", estimate: date | None = None
) -> Issue:
    """Findings and an action plan were given to the client (the second 48-hour rule).

    ``text`` (one line) and ``estimate`` (when it should be done) replace an earlier plan's;
    the first time the plan was given stays the date the 48-hour rule reads.
    """
    status = issue.status if issue.status is not IssueStatus.NEW else IssueStatus.PLANNED
    if status is IssueStatus.ACKNOWLEDGED:
        status = IssueStatus.PLANNED
    updated = change_issue_status(issue, status, now)
    return dataclasses.replace(
        updated,
        plan_given=issue.plan_given or now,
        plan_text=" ".join(text.split()) or issue.plan_text,
        plan_estimate=estimate or issue.plan_estimate,
    )


def check_plan(text: str, estimate: date | None, today: date) -> str:
    """The plan's line, tidied; refused (TransitionError) when it is blank, or its estimated
    date is missing or in the past."""
    line = " ".join(text.split())
    if not line:
        raise TransitionError("the plan needs a line saying what will be done")
    if estimate is None:
        raise TransitionError("the plan needs an estimated date")
    if estimate < today:
        raise TransitionError(f"the estimated date {estimate.isoformat()} is in the past")
    return line


class ActionChange(StrEnum):
    """The named changes a user can make to an action item, in the order they are offered."""

    DONE = "done"
    DROP = "drop"
    REOPEN = "reopen"
    REDATE = "redate"
    REASSIGN = "reassign"

    @property
    def status(self) -> ActionStatus | None:
        """The status the change sets; None for one that keeps it (a new date or owner)."""
        return _ACTION_TARGET.get(self)

    @classmethod
    def named(cls, word: str) -> ActionChange | None:
        """The change called ``word`` ("done"), or None for a word that names none."""
        try:
            return cls(word)
        except ValueError:
            return None


_ACTION_TARGET = {
    ActionChange.DONE: ActionStatus.DONE,
    ActionChange.DROP: ActionStatus.DROPPED,
    ActionChange.REOPEN: ActionStatus.OPEN,
}
# The statuses each change does not apply to: nothing to re-date or reassign once finished.
_ACTION_NOT_FROM = {
    ActionChange.DONE: (ActionStatus.DONE,),
    ActionChange.DROP: (ActionStatus.DROPPED,),
    ActionChange.REOPEN: (ActionStatus.OPEN,),
    ActionChange.REDATE: (ActionStatus.DONE, ActionStatus.DROPPED),
    ActionChange.REASSIGN: (ActionStatus.DONE, ActionStatus.DROPPED),
}


def offered_action_changes(action: ActionItem) -> tuple[ActionChange, ...]:
    """The changes that make sense for ``action`` as it is now."""
    return tuple(c for c in ActionChange if action.status not in _ACTION_NOT_FROM[c])


def change_action_status(action: ActionItem, status: ActionStatus, today: date) -> ActionItem:
    done_on = today if status is ActionStatus.DONE else None
    return dataclasses.replace(action, status=status, done_on=done_on)
