"""The engine's one pass over an open issue gives exactly what the named issue rules give.

``issue_rules.issue_candidates`` works out an open issue's reasons and facts in one pass (a
busy account has a thousand open issues); the rules stay the documented, unit-tested
definition. Here both are compared over generated accounts (hypothesis), reopened issues and
a previous meeting included.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from checkin.core import sla
from checkin.core.agenda.action_rules import ACTION_RULES, action_candidates
from checkin.core.agenda.candidate import NO_DUE, Facts, fired
from checkin.core.agenda.context import Context
from checkin.core.agenda.issue_rules import OPEN_ISSUE_RULES, issue_candidates
from checkin.core.enums import ItemKind, Severity, Side
from checkin.core.records import Issue
from tests.unit import agenda_data as build
from tests.unit.agenda_data import NOW, hours_ago
from tests.unit.test_agenda_invariants import INVARIANT, workspaces

_RANK = {level: rank for rank, level in enumerate(Severity)}


def _rule_by_rule(issue: Issue, ctx: Context) -> tuple[list[Any], Facts]:
    """The straightforward way: every rule asked in turn, the facts from what fired."""
    reasons = fired([rule(issue, ctx) for rule in OPEN_ISSUE_RULES])
    rules = {reason.rule for reason in reasons}
    breach = 0
    if "ack_breach_48h" in rules:
        breach = sla.ack_breach_hours(issue, ctx.now) or 0
    elif "plan_breach_48h" in rules:
        breach = sla.plan_breach_hours(issue, ctx.now) or 0
    overdue = (ctx.today - issue.due).days if issue.due is not None else 0
    facts = Facts(
        severity=_RANK[issue.severity],
        breach_hours=breach,
        days_overdue=max(0, overdue),
        due=issue.due.toordinal() if issue.due is not None else NO_DUE,
        age_days=(ctx.now - issue.opened).days,
    )
    return reasons, facts


@INVARIANT
@given(workspaces(), st.lists(st.tuples(st.integers(0, 4), st.integers(0, 24 * 60))))
def test_the_one_pass_gives_the_rules_reasons_and_facts(
    world: Any, reopens: list[tuple[int, int]]
) -> None:
    data, _template, _length = world
    issues = list(data.issues)
    for n, (times, hours) in enumerate(reopens[: len(issues)]):
        if times and issues[n].is_open:
            issues[n] = replace(issues[n], reopened_count=times, last_reopened=hours_ago(hours))
    ctx = Context.build(data, NOW)
    by_ref = {f"issue:{issue.id}": issue for issue in issues}
    checked = 0
    for candidate in issue_candidates(issues, ctx):
        if candidate.kind is not ItemKind.ISSUE:
            continue
        reasons, facts = _rule_by_rule(by_ref[candidate.key], ctx)
        assert candidate.reasons == reasons
        assert candidate.facts == facts
        assert candidate.score == sum(reason.score for reason in reasons)
        checked += 1
    assert checked == sum(issue.is_open for issue in issues)


@st.composite
def _open_actions(draw: st.DrawFn) -> Any:
    side = draw(st.sampled_from(Side))
    return build.action(
        draw(st.sampled_from(["Send the plan", "Review the runbook"])),
        owner=draw(st.sampled_from(["us", " Us ", "Dana", "Dana Lee of the platform team " * 3])),
        side=side,
        due_in=draw(st.none() | st.integers(-60, 60)),
    )


@INVARIANT
@given(st.lists(_open_actions(), max_size=12), st.sampled_from([7, 14, 30]))
def test_the_action_pass_gives_the_action_rules_reasons(actions: list[Any], cadence: int) -> None:
    """Open actions (some sharing a due date and owner, so the sentences made once are used
    again) get exactly the reasons of ``ACTION_RULES``, in order, and the score they add."""
    ctx = build.context(account=build.account(cadence_days=cadence))
    by_ref = {f"action:{action.id}": action for action in actions}
    candidates = list(action_candidates(actions, ctx))
    assert len(candidates) == len(actions)
    for candidate in candidates:
        action = by_ref[candidate.key]
        reasons = fired([rule(action, ctx) for rule in ACTION_RULES])
        assert candidate.reasons == reasons
        assert candidate.score == sum(reason.score for reason in reasons)
        overdue = any(reason.rule == "action_overdue" for reason in reasons)
        assert candidate.timing == ("action.overdue" if overdue else "action")
