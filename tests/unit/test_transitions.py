"""Issue changes: offered per current state (the one source of truth), applied with their
milestones, refused when they make no sense."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from checkin.core.enums import IssueStatus
from checkin.core.errors import ValidationError
from checkin.core.records import Issue
from checkin.core.transitions import (
    IssueChange,
    TransitionError,
    apply_change,
    give_plan,
    offered_changes,
)

NOW = datetime(2026, 12, 6, 10, 0)
C, St = IssueChange, IssueStatus


def issue(status: IssueStatus = St.NEW, **fields: object) -> Issue:
    values: dict[str, object] = {
        "id": "i-1",
        "account_id": "a-1",
        "title": "Export is slow",
        "status": status,
        "opened": NOW - timedelta(days=10),
    }
    if status is not St.NEW:
        values["acknowledged"] = NOW - timedelta(days=9)
    if status in (St.RESOLVED, St.CLOSED):
        values["resolved"] = NOW - timedelta(days=2)
    return Issue(**(values | fields))  # type: ignore[arg-type]


def test_a_new_issue_is_offered_acknowledge_but_never_verify_or_reopen() -> None:
    offered = offered_changes(issue())
    assert offered[0] is C.ACKNOWLEDGE
    assert C.VERIFY not in offered and C.REOPEN not in offered


@pytest.mark.parametrize(
    ("status", "missing"),
    [(St.IN_PROGRESS, C.START), (St.WAITING_ON_CLIENT, C.WAIT), (St.PLANNED, C.ACKNOWLEDGE)],
)
def test_open_issues_move_between_every_open_state_but_their_own(
    status: IssueStatus, missing: IssueChange
) -> None:
    offered = offered_changes(issue(status))
    assert missing not in offered
    assert {C.PLAN, C.RESOLVE, C.CLOSE} <= set(offered)
    assert C.VERIFY not in offered


def test_a_fix_is_verified_once_or_reopened() -> None:
    fixed = issue(St.RESOLVED)
    assert offered_changes(fixed) == (C.CLOSE, C.VERIFY, C.REOPEN)
    verified = apply_change(fixed, C.VERIFY, NOW)
    assert verified.verified == NOW and verified.status is St.RESOLVED
    assert offered_changes(verified) == (C.CLOSE, C.REOPEN)
    with pytest.raises(TransitionError, match="already verified"):
        apply_change(verified, C.VERIFY, NOW)


def test_verifying_a_new_issue_is_refused_with_a_reason() -> None:
    with pytest.raises(TransitionError, match="an issue that is new"):
        apply_change(issue(), C.VERIFY, NOW)


def test_reopening_counts_keeps_the_date_and_clears_the_fix() -> None:
    once = apply_change(issue(St.RESOLVED), C.REOPEN, NOW)
    assert once.status is St.IN_PROGRESS and once.is_open
    assert (once.resolved, once.verified) == (None, None)
    assert (once.reopened_count, once.last_reopened) == (1, NOW)
    fixed_again = apply_change(once, C.RESOLVE, NOW + timedelta(days=1))
    later = NOW + timedelta(days=3)
    twice = apply_change(fixed_again, C.REOPEN, later)
    assert (twice.reopened_count, twice.last_reopened) == (2, later)


def test_a_closed_issue_can_only_be_verified_or_reopened() -> None:
    assert offered_changes(issue(St.CLOSED)) == (C.VERIFY, C.REOPEN)


def test_the_plan_keeps_its_line_and_date_and_the_first_time_it_was_given() -> None:
    acked = issue(St.ACKNOWLEDGED)
    planned = apply_change(
        acked, C.PLAN, NOW, plan="  Rebuild   the index ", estimate=date(2026, 12, 11)
    )
    assert planned.status is St.PLANNED and planned.plan_given == NOW
    assert (planned.plan_text, planned.plan_estimate) == ("Rebuild the index", date(2026, 12, 11))
    later = NOW + timedelta(days=1)
    updated = give_plan(planned, later, text="Add a cache", estimate=date(2026, 12, 18))
    assert updated.plan_given == NOW  # the 48-hour rule reads the first plan
    assert (updated.plan_text, updated.plan_estimate) == ("Add a cache", date(2026, 12, 18))


def test_a_plan_is_one_line() -> None:
    with pytest.raises(ValidationError, match="one line"):
        issue(plan_text="first\nsecond")


def test_action_changes_offered_by_status() -> None:
    from checkin.core.enums import ActionStatus
    from checkin.core.records import ActionItem
    from checkin.core.transitions import ActionChange, offered_action_changes

    def action(status: ActionStatus) -> ActionItem:
        done_on = NOW.date() if status is ActionStatus.DONE else None
        return ActionItem(
            id="t-1", account_id="a-1", title="Send", owner="us", status=status, done_on=done_on
        )

    assert offered_action_changes(action(ActionStatus.OPEN)) == (
        ActionChange.DONE,
        ActionChange.DROP,
        ActionChange.REDATE,
        ActionChange.REASSIGN,
    )
    assert offered_action_changes(action(ActionStatus.DONE)) == (
        ActionChange.DROP,
        ActionChange.REOPEN,
    )
    assert ActionChange.DONE.status is ActionStatus.DONE and ActionChange.REDATE.status is None
    assert ActionChange.named("drop") is ActionChange.DROP and ActionChange.named("x") is None
