"""Issue rules of the agenda engine: each fires when it should, with a sentence a client reads."""

from __future__ import annotations

from typing import Any

import pytest

from checkin.core import sla
from checkin.core.agenda import issue_rules as rules
from checkin.core.agenda import phrases, weights
from checkin.core.enums import IssueStatus, ItemKind, ItemStatus, Severity
from tests.unit.agenda_data import agenda_item, context, hours_ago, issue, meeting

S, St = Severity, IssueStatus


@pytest.mark.parametrize(
    ("severity", "score"), [(S.CRITICAL, 100), (S.HIGH, 40), (S.MEDIUM, 20), (S.LOW, 8)]
)
def test_severity_scores_open_issues(severity: Severity, score: float) -> None:
    reason = rules.severity(issue(severity), context())
    assert reason is not None
    assert (reason.rule, reason.score, reason.text) == ("severity", score, f"{severity} severity")


def test_severity_ignores_resolved_issues() -> None:
    resolved = issue(S.CRITICAL, St.RESOLVED, opened_h=100, resolved_h=10)
    assert rules.severity(resolved, context()) is None


def test_ack_breach_names_the_hours_and_the_rule() -> None:
    reason = rules.ack_breach_48h(issue(S.LOW, St.NEW, opened_h=61.5), context())
    assert reason is not None
    assert reason.text == "not acknowledged 61 h after it was opened (48 h rule)"
    assert reason.score >= weights.URGENT


def test_breaches_over_72_hours_are_said_in_days() -> None:
    assert sla.waited(72) == "72 h" and sla.waited(73) == "3 days"
    old = rules.ack_breach_48h(issue(S.LOW, St.NEW, opened_h=9327), context())
    assert old is not None
    assert old.text == "not acknowledged 388 days after it was opened (48 h rule)"


def test_ack_breach_waits_for_48_hours_and_stops_at_acknowledgement() -> None:
    assert rules.ack_breach_48h(issue(S.HIGH, St.NEW, opened_h=47), context()) is None
    acked = issue(S.HIGH, St.ACKNOWLEDGED, opened_h=80, ack_h=70)
    assert rules.ack_breach_48h(acked, context()) is None


def test_a_longer_breach_ranks_higher_but_the_extra_is_capped() -> None:
    def score(hours: float) -> float:
        reason = rules.ack_breach_48h(issue(S.LOW, St.NEW, opened_h=hours), context())
        assert reason is not None
        return reason.score

    assert score(49) < score(80) < score(200) == score(2000)
    assert score(2000) == weights.BREACH + weights.BREACH_EXTRA_MAX


def test_plan_breach_counts_from_the_acknowledgement() -> None:
    late = issue(S.HIGH, St.ACKNOWLEDGED, opened_h=80, ack_h=74)
    reason = rules.plan_breach_48h(late, context())
    assert reason is not None
    assert reason.text == "no findings or action plan 3 days after it was acknowledged (48 h rule)"
    planned = issue(S.HIGH, St.PLANNED, opened_h=80, ack_h=74, plan_h=30)
    assert rules.plan_breach_48h(planned, context()) is None


def test_age_starts_after_a_week_and_is_capped() -> None:
    assert rules.issue_age(issue(opened_h=24 * 6), context()) is None
    reason = rules.issue_age(issue(opened_h=24 * 16), context())
    assert reason is not None
    assert (reason.score, reason.text) == (2, "open for 16 days")
    old = rules.issue_age(issue(opened_h=24 * 400), context())
    assert old is not None and old.score == weights.AGE_MAX


def test_waiting_on_client_asks_for_their_input() -> None:
    waiting = issue(status=St.WAITING_ON_CLIENT, opened_h=24 * 9)
    reason = rules.waiting_on_client(waiting, context())
    assert reason is not None and reason.text == "waiting on the client's input"
    assert rules.waiting_on_client(issue(status=St.IN_PROGRESS), context()) is None


@pytest.mark.parametrize(
    ("due_in", "text"),
    [
        (0, "due today (22 Nov)"),
        (1, "due tomorrow (23 Nov)"),
        (5, "due in 5 days (27 Nov)"),
        (-3, "past its due date (19 Nov) by 3 days"),
        (-1, "past its due date (21 Nov) by 1 day"),
    ],
)
def test_due_soon_or_passed(due_in: int, text: str) -> None:
    reason = rules.issue_due_soon(issue(opened_h=24 * 30, due_in=due_in), context())
    assert reason is not None and reason.text == text
    expected = weights.DUE_PASSED if due_in < 0 else weights.DUE_SOON
    assert reason.score == expected


def test_due_in_more_than_a_week_is_not_soon() -> None:
    assert rules.issue_due_soon(issue(due_in=8), context()) is None


def test_not_discussed_distinguishes_new_issues_from_left_out_ones() -> None:
    last = meeting(7)
    older = issue(opened_h=24 * 20)
    newer = issue(opened_h=24 * 2)
    ctx = context(meetings=[last])
    left_out = rules.not_discussed_last_time(older, ctx)
    fresh = rules.not_discussed_last_time(newer, ctx)
    assert left_out is not None and left_out.text == "not discussed at the last check-in (15 Nov)"
    assert fresh is not None and fresh.text == "new since the last check-in (15 Nov)"


def test_not_discussed_stays_quiet_when_it_was_on_the_agenda_or_there_was_no_meeting() -> None:
    item = issue(opened_h=24 * 20)
    on_agenda = meeting(7, [agenda_item(f"issue:{item.id}", ItemStatus.DISCUSSED)])
    assert rules.not_discussed_last_time(item, context(meetings=[on_agenda])) is None
    assert rules.not_discussed_last_time(item, context()) is None


def test_follow_up_asks_whether_the_fix_worked() -> None:
    fixed = issue(S.MEDIUM, St.RESOLVED, opened_h=24 * 20, resolved_h=24 * 5)
    reason = rules.resolved_unverified(fixed, context())
    assert reason is not None
    assert reason.text == "resolved 5 days ago: did the fix work for you?"
    severe = issue(S.HIGH, St.RESOLVED, opened_h=24 * 20, resolved_h=24 * 5)
    assert rules.resolved_unverified(severe, context()).score > reason.score  # type: ignore[union-attr]


def test_follow_up_stops_once_verified_discussed_or_too_old() -> None:
    verified = issue(status=St.RESOLVED, opened_h=300, resolved_h=100, verified_h=10)
    assert rules.resolved_unverified(verified, context()) is None
    old = issue(status=St.RESOLVED, opened_h=24 * 200, resolved_h=24 * 91)
    assert rules.resolved_unverified(old, context()) is None
    fixed = issue(status=St.RESOLVED, opened_h=24 * 20, resolved_h=24 * 10)
    asked = meeting(3, [agenda_item(f"issue:{fixed.id}", kind=ItemKind.FOLLOW_UP)])
    assert rules.resolved_unverified(fixed, context(meetings=[asked])) is None
    # Discussed before the fix does not count: the question is about the fix.
    before = meeting(12, [agenda_item(f"issue:{fixed.id}")])
    assert rules.resolved_unverified(fixed, context(meetings=[before])) is not None


def test_closed_issues_get_no_follow_up() -> None:
    closed = issue(status=St.CLOSED, opened_h=24 * 20, resolved_h=24 * 5)
    assert rules.resolved_unverified(closed, context()) is None


def test_candidates_one_per_issue_with_every_reason() -> None:
    both = issue(S.CRITICAL, St.NEW, opened_h=61, due_in=-2, owner="Priya")
    fixed = issue(status=St.RESOLVED, opened_h=24 * 20, resolved_h=24 * 5)
    done = issue(status=St.CLOSED, opened_h=24 * 20, resolved_h=24 * 5)
    found = list(rules.issue_candidates([both, fixed, done], context()))
    assert [c.key for c in found] == [f"issue:{both.id}", f"issue:{fixed.id}"]
    urgent, follow_up = found
    assert urgent.must and urgent.kind is ItemKind.ISSUE and urgent.owner == "Priya"
    assert [r.rule for r in urgent.reasons] == ["severity", "ack_breach_48h", "issue_due_soon"]
    assert urgent.timing == "issue.critical"
    assert follow_up.kind is ItemKind.FOLLOW_UP and not follow_up.must
    assert follow_up.title == "Follow-up: Sync fails for EU tenants"


def test_must_discuss_is_a_critical_or_a_breach() -> None:
    ctx = context()

    def must(one: Any) -> bool:
        return next(iter(rules.issue_candidates([one], ctx))).must

    assert must(issue(S.CRITICAL))
    assert must(issue(S.LOW, St.NEW, opened_h=50))
    assert not must(issue(S.HIGH, St.NEW, opened_h=10))
    # Acknowledged by its status (an imported backlog in progress): no breach of the rule.
    assert not must(issue(S.LOW, St.IN_PROGRESS, opened_h=500, ack_h=None, plan_h=1))


def test_durations_over_72_hours_are_said_in_days() -> None:
    assert phrases.duration(72) == "72 h"
    assert phrases.duration(9327) == "388 days"


# -- reopened: "did that work for you?" answered no ------------------------------------------


def test_a_reopened_issue_comes_back_higher_with_a_reason_naming_the_reopen() -> None:
    reopened = issue(
        S.MEDIUM, St.IN_PROGRESS, opened_h=300, reopened_count=1, last_reopened=hours_ago(46.8)
    )
    last = meeting(2, [agenda_item(f"issue:{reopened.id}")])  # reopened at that check-in
    reason = rules.reopened(reopened, context(meetings=[last]))
    assert reason is not None
    assert (reason.rule, reason.score) == ("reopened", weights.REOPENED)
    assert reason.text == "reopened 20 Nov: the fix did not work"


def test_each_further_reopen_weighs_more_up_to_the_cap() -> None:
    def score(times: int) -> float:
        again = issue(S.LOW, St.IN_PROGRESS, reopened_count=times, last_reopened=hours_ago(5))
        reason = rules.reopened(again, context())
        assert reason is not None
        return reason.score

    assert score(1) < score(2) < score(3) <= score(50) == weights.REOPENED_MAX


def test_the_reopen_reason_names_how_many_times() -> None:
    again = issue(S.LOW, St.IN_PROGRESS, reopened_count=3, last_reopened=hours_ago(5))
    reason = rules.reopened(again, context())
    assert reason is not None and reason.text.endswith("(reopened 3 times)")


def test_a_reopen_counts_once_the_next_check_in_discussed_it() -> None:
    older = issue(S.LOW, St.IN_PROGRESS, reopened_count=1, last_reopened=hours_ago(24 * 20))
    since = meeting(5, [agenda_item(f"issue:{older.id}")])
    assert rules.reopened(older, context(meetings=[since])) is None
    never = issue(S.LOW, St.IN_PROGRESS)
    assert rules.reopened(never, context()) is None
    fixed_again = issue(
        S.LOW, St.RESOLVED, resolved_h=1, reopened_count=1, last_reopened=hours_ago(5)
    )
    assert rules.reopened(fixed_again, context()) is None


def test_a_reopen_adds_nothing_to_an_item_that_carries_over() -> None:
    """Carried and reopened would add up past the urgent items: the reopen is said, not
    counted twice (weights invariant)."""
    again = issue(S.HIGH, St.IN_PROGRESS, reopened_count=2, last_reopened=hours_ago(46.8))
    last = meeting(2, [agenda_item(f"issue:{again.id}", ItemStatus.DEFERRED)])
    reason = rules.reopened(again, context(meetings=[last]))
    assert reason is not None and reason.score == 0 and "did not work" in reason.text
    left_out = meeting(2, [])
    reason = rules.reopened(again, context(meetings=[left_out]))
    assert reason is not None
    assert reason.score + weights.NOT_DISCUSSED <= weights.REOPENED_MAX


def test_issue_candidates_carry_the_reopen_reason() -> None:
    again = issue(S.MEDIUM, St.IN_PROGRESS, reopened_count=1, last_reopened=hours_ago(5))
    (candidate,) = rules.issue_candidates([again], context())
    assert "reopened" in [r.rule for r in candidate.item.reasons]
