"""The invariants of DESIGN.md section 3 (1-7), checked over random workspaces (hypothesis)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkin.cli.agenda import render
from checkin.core import sla
from checkin.core.agenda import (
    GENERATED_KINDS,
    AccountData,
    Agenda,
    Section,
    StandingItem,
    Template,
    arrangement,
    build_agenda,
    order,
    rebuild,
)
from checkin.core.agenda.carry import SETTLED_WHEN_SILENT
from checkin.core.enums import (
    ActionStatus,
    Direction,
    IssueStatus,
    ItemKind,
    ItemStatus,
    MeetingState,
    RoadmapSide,
    RoadmapStatus,
    Severity,
    Side,
)
from checkin.core.meeting import AgendaItem
from checkin.markdown.template import parse_template
from tests.unit import agenda_data as build
from tests.unit.agenda_data import NOW, TODAY

AGENDAS = Path(__file__).parents[2] / "agendas"
SHIPPED = [
    parse_template(path.read_text(), name=path.stem)
    for path in sorted(AGENDAS.glob("*.md"))
    if path.stem != "README"
]
INVARIANT = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_PLANNED = (IssueStatus.PLANNED, IssueStatus.IN_PROGRESS, IssueStatus.WAITING_ON_CLIENT)
_DONE = (IssueStatus.RESOLVED, IssueStatus.CLOSED)


@st.composite
def issues(draw: st.DrawFn) -> Any:
    status = draw(st.sampled_from(IssueStatus))
    opened_h = draw(st.integers(0, 24 * 150))
    ack_h = plan_h = resolved_h = verified_h = None
    if status is not IssueStatus.NEW:
        ack_h = opened_h - draw(st.integers(0, min(opened_h, 120)))
        if status in _PLANNED + _DONE and draw(st.booleans()):
            plan_h = ack_h - draw(st.integers(0, min(ack_h, 120)))
        if status in _DONE:
            latest = plan_h if plan_h is not None else ack_h
            resolved_h = latest - draw(st.integers(0, latest))
            if draw(st.booleans()):
                verified_h = resolved_h - draw(st.integers(0, resolved_h))
    due_in = draw(st.none() | st.integers(-30, 40))
    if due_in is not None:
        due_in = max(due_in, -(opened_h // 24))
    return build.issue(
        draw(st.sampled_from(Severity)),
        status,
        opened_h=opened_h,
        ack_h=ack_h,
        plan_h=plan_h,
        resolved_h=resolved_h,
        verified_h=verified_h,
        due_in=due_in,
        title=draw(st.sampled_from(["Sync fails", "Export | broken", "# typo", "`x` <b>"])),
        owner=draw(st.sampled_from(["", "Priya", "Leo"])),
    )


@st.composite
def actions(draw: st.DrawFn) -> Any:
    status = draw(st.sampled_from(ActionStatus))
    side = draw(st.sampled_from(Side))
    return build.action(
        draw(st.sampled_from(["Send the plan", "Review", "Approve the window"])),
        owner="us" if side is Side.OURS else "Dana",
        side=side,
        due_in=draw(st.none() | st.integers(-60, 60)),
        status=status,
        done_on=TODAY if status is ActionStatus.DONE else None,
    )


@st.composite
def milestones(draw: st.DrawFn) -> Any:
    return build.milestone(
        draw(st.sampled_from(["EU rollout", "API v2", "Go-live"])),
        draw(st.sampled_from(RoadmapStatus)),
        side=draw(st.sampled_from(RoadmapSide)),
        target_in=draw(st.integers(-90, 150)),
        original_in=draw(st.none() | st.integers(-120, 60)),
    )


@st.composite
def feedbacks(draw: st.DrawFn) -> Any:
    days_ago = draw(st.integers(0, 200))
    addressed = draw(st.none() | st.integers(0, days_ago))
    return build.feedback(
        draw(st.integers(-2, 2)),
        direction=draw(st.sampled_from(Direction)),
        days_ago=days_ago,
        addressed_days_ago=addressed,
        meeting_id=draw(st.none() | st.just("m-earlier")),
    )


@st.composite
def templates(draw: st.DrawFn) -> Template:
    if draw(st.booleans()):
        return draw(st.sampled_from(SHIPPED))
    kinds = list(draw(st.permutations(GENERATED_KINDS)))
    kinds = kinds[: draw(st.integers(0, len(kinds)))]  # some kinds may have no section
    count = draw(st.integers(1, 4))
    sections = []
    for n in range(count):
        taken = tuple(kinds[n::count])
        standing = tuple(
            StandingItem(key=f"standing:s{n}-{m}", title=f"Standing {n}.{m}", minutes=minutes)
            for m, minutes in enumerate(draw(st.lists(st.integers(1, 20), max_size=2)))
        )
        if not taken and not standing:
            standing = (StandingItem(key=f"standing:s{n}", title=f"Standing {n}", minutes=3),)
        sections.append(Section(title=f"Section {n}", kinds=taken, standing=standing))
    return Template(name="random", title="Random", minutes=30, sections=tuple(sections))


@st.composite
def meetings(draw: st.DrawFn, keys: list[str], standing: list[str]) -> list[Any]:
    found = []
    for days_ago in sorted(set(draw(st.lists(st.integers(1, 120), max_size=3)))):
        picked = draw(st.lists(st.sampled_from(keys), max_size=6)) if keys else []
        items: dict[str, AgendaItem] = {}
        for key in picked:
            items[key] = build.agenda_item(key, draw(st.sampled_from(ItemStatus)), title="Was")
        for n in range(draw(st.integers(0, 2))):
            key = f"custom:c{days_ago}-{n}"
            status = draw(st.sampled_from(ItemStatus))
            items[key] = build.agenda_item(key, status, title=f"Custom {n}", minutes=n + 2)
        if standing and draw(st.booleans()):
            title = draw(st.sampled_from(standing))
            items["standing:7"] = build.agenda_item(
                "standing:7", draw(st.sampled_from(ItemStatus)), kind=ItemKind.STANDING, title=title
            )
        found.append(
            build.meeting(
                days_ago, list(items.values()), rating=draw(st.none() | st.integers(1, 5))
            )
        )
    return found


@st.composite
def workspaces(draw: st.DrawFn) -> tuple[AccountData, Template, int]:
    template = draw(templates())
    records: dict[str, Any] = {
        "issues": draw(st.lists(issues(), max_size=12)),
        "actions": draw(st.lists(actions(), max_size=6)),
        "roadmap": draw(st.lists(milestones(), max_size=5)),
        "feedback": draw(st.lists(feedbacks(), max_size=4)),
    }
    keys = [
        f"{prefix}:{record.id}"
        for prefix, kind in (("issue", "issues"), ("action", "actions"),
                             ("roadmap", "roadmap"), ("feedback", "feedback"))
        for record in records[kind]
    ]  # fmt: skip
    standing = [item.title for item in template.standing] + ["Quarter in review"]
    contacts = [
        build.contact(f"Person {n}", draw(st.sampled_from(Side)), focal=draw(st.booleans()))
        for n in range(draw(st.integers(0, 3)))
    ]
    account = build.account(
        cadence_days=draw(st.integers(1, 31)),
        created_at=NOW - timedelta(days=draw(st.integers(0, 400))),
    )
    data = AccountData(
        account=account,
        contacts=contacts,
        meetings=draw(meetings(keys, standing)),
        **records,
    )
    return data, template, draw(st.integers(5, 90))


def _everything(agenda: Agenda) -> list[AgendaItem]:
    return agenda.items + agenda.parked


def _urgent(data: AccountData) -> set[str]:
    return {
        f"issue:{i.id}"
        for i in data.issues
        if i.is_open and (i.severity is Severity.CRITICAL or sla.in_breach(i, NOW))
    }


@INVARIANT
@given(workspaces())
def test_1_same_inputs_give_the_same_agenda_byte_for_byte(
    case: tuple[AccountData, Template, int],
) -> None:
    data, template, length = case
    first = build_agenda(data, template, length, NOW)
    assert build_agenda(data, template, length, NOW) == first
    rng = random.Random(0)
    shuffled = replace(
        data,
        **{
            name: rng.sample(list(getattr(data, name)), len(getattr(data, name)))
            for name in ("contacts", "issues", "roadmap", "feedback", "actions", "meetings")
        },
    )
    again = build_agenda(shuffled, template, length, NOW)
    for fmt in ("md", "json"):
        assert render(again, fmt).encode() == render(first, fmt).encode()


def _breach(data: AccountData, key: str) -> int:
    issue = next(i for i in data.issues if f"issue:{i.id}" == key)
    if issue.status is not IssueStatus.NEW and issue.acknowledged is None:
        return 0  # acknowledged by its status (an imported backlog)
    return sla.ack_breach_hours(issue, NOW) or sla.plan_breach_hours(issue, NOW) or 0


@INVARIANT
@given(workspaces())
def test_2_importance_orders_the_agenda_and_sections_only_group(
    case: tuple[AccountData, Template, int],
) -> None:
    data, template, length = case
    agenda = build_agenda(data, template, length, NOW)
    ranks = sorted(item.rank for item in _everything(agenda))
    assert ranks == list(range(1, len(ranks) + 1))
    opening, closing = order.pinned(template)
    middle = [i for i in agenda.items if i.key not in opening and i.key not in closing]
    # Within a section, most important first; a section's place follows its best item.
    seen: dict[str, list[int]] = {}
    for item in middle:
        seen.setdefault(item.section, []).append(item.rank)
    for ranks_in in seen.values():
        assert ranks_in == sorted(ranks_in)
    firsts = [r[0] for r in seen.values()]
    assert firsts == sorted(firsts)
    # Pinned items open and close the meeting.
    keys = [i.key for i in agenda.items]
    pinned_first = [k for k in keys if k in opening]
    assert keys[: len(pinned_first)] == pinned_first
    pinned_last = [k for k in keys if k in closing]
    assert keys[len(keys) - len(pinned_last) :] == pinned_last


@INVARIANT
@given(workspaces())
def test_3_must_discuss_topics_are_never_parked_before_a_less_important_item(
    case: tuple[AccountData, Template, int],
) -> None:
    data, template, length = case
    agenda = build_agenda(data, template, length, NOW)
    urgent = _urgent(data)
    by_key = {item.key: item for item in _everything(agenda)}
    assert all(by_key[key].must_discuss for key in urgent if key in by_key)
    must = [i.rank for i in _everything(agenda) if i.must_discuss]
    rest = [i.rank for i in _everything(agenda) if not i.must_discuss]
    assert not must or not rest or max(must) < min(rest)  # must-discuss topics rank first
    kept = [item.rank for item in agenda.items]
    for item in agenda.parked:
        if item.must_discuss:
            assert not kept or max(kept) < item.rank
    issues = [i for i in sorted(_everything(agenda), key=lambda i: i.rank)
              if i.kind is ItemKind.ISSUE and i.source_ref]  # fmt: skip
    severity = {f"issue:{i.id}": i.severity for i in data.issues}
    level = [list(Severity).index(severity[i.key]) for i in issues]
    criticals = [n for n, lv in enumerate(level) if lv == 0]
    assert criticals == list(range(len(criticals)))  # every critical before the others
    for sev in Severity:
        same = [i.key for i in issues if severity[i.key] is sev]
        breaches = [_breach(data, key) for key in same]
        flags = [b > 0 for b in breaches]
        assert flags == sorted(flags, reverse=True)  # breaches first
        hours = [b for b in breaches if b > 0]
        assert hours == sorted(hours, reverse=True)  # then the longer breach


@INVARIANT
@given(workspaces())
def test_3_one_item_per_source_record_with_all_its_reasons(
    case: tuple[AccountData, Template, int],
) -> None:
    data, template, length = case
    agenda = build_agenda(data, template, length, NOW)
    keys = [item.key for item in _everything(agenda)]
    assert len(keys) == len(set(keys))
    refs = [item.source_ref for item in _everything(agenda) if item.source_ref]
    assert len(refs) == len(set(refs))
    by_key = {item.key: item for item in _everything(agenda)}
    for issue in data.issues:
        if not issue.is_open:
            continue
        rules = {r.rule for r in by_key[f"issue:{issue.id}"].reasons}
        assert "severity" in rules
        if sla.ack_breach_hours(issue, NOW) is not None:
            assert "ack_breach_48h" in rules
        if sla.plan_breach_hours(issue, NOW) is not None:
            assert "plan_breach_48h" in rules
        if issue.due is not None and issue.due < TODAY:
            assert "issue_due_soon" in rules
    joined = [ref for item in _everything(agenda) for ref in item.records]
    assert len(joined) == len(set(joined)) and not set(joined) & set(refs)
    for item in _everything(agenda):
        assert item.reasons, f"{item.key} has no reason"
        if not item.records:
            assert item.score == sum(r.score for r in item.reasons)


@INVARIANT
@given(workspaces())
def test_4_planned_minutes_never_exceed_the_length_and_nothing_is_dropped(
    case: tuple[AccountData, Template, int],
) -> None:
    data, template, length = case
    agenda = build_agenda(data, template, length, NOW)
    assert agenda.planned_minutes <= length
    assert not any(item.parked for item in agenda.items)
    for item in agenda.items:
        assert 0 <= item.min_minutes <= item.planned_minutes
    kept = [item.rank for item in agenda.items]
    for item in agenda.parked:
        assert item.parked
        assert item.reasons[-1].text == f"did not fit in {length} min"
        assert not kept or item.rank > max(kept)  # the least important are parked
    if agenda.parked:  # parking only once everything kept is at its minimum... or the next
        smallest = min(agenda.parked, key=lambda i: i.rank)  # could not fit at its minimum
        spare = length - sum(i.min_minutes for i in agenda.items)
        assert smallest.min_minutes > spare
    present = {item.key for item in _everything(agenda)}
    present |= {ref for item in _everything(agenda) for ref in item.records}
    expected = {f"issue:{i.id}" for i in data.issues if i.is_open}
    expected |= {f"action:{a.id}" for a in data.actions if a.is_open}
    expected |= {
        f"feedback:{f.id}"
        for f in data.feedback
        if f.direction is Direction.FROM_CLIENT and f.sentiment < 0 and f.addressed is None
    }
    assert expected <= present


@INVARIANT
@given(workspaces())
def test_5_template_standing_items_are_always_there_and_never_carried(
    case: tuple[AccountData, Template, int],
) -> None:
    data, template, length = case
    agenda = build_agenda(data, template, length, NOW)
    everything = {item.key: item for item in _everything(agenda)}
    for standing in template.standing:
        assert everything[standing.key].kind is ItemKind.STANDING
        assert everything[standing.key].carried_from is None


@INVARIANT
@given(workspaces())
def test_7_ties_are_broken_by_facts_never_by_title(
    case: tuple[AccountData, Template, int],
) -> None:
    data, template, length = case
    first = build_agenda(data, template, length, NOW)

    def renamed(records: Any) -> list[Any]:
        return [replace(r, title=f"{n % 7} zz {r.title[::-1]}") for n, r in enumerate(records)]

    other = replace(
        data,
        issues=renamed(data.issues),
        actions=renamed(data.actions),
        roadmap=renamed(data.roadmap),
    )
    again = build_agenda(other, template, length, NOW)
    assert [i.key for i in again.items] == [i.key for i in first.items]
    assert [i.key for i in again.parked] == [i.key for i in first.parked]


@INVARIANT
@given(workspaces())
def test_6_pending_and_deferred_items_come_back_labelled_with_the_date(
    case: tuple[AccountData, Template, int],
) -> None:
    data, template, length = case
    agenda = build_agenda(data, template, length, NOW)
    ended = [m for m in data.meetings if m.state is MeetingState.ENDED and m.ended <= NOW]
    if not ended:
        assert not any(item.carried_from for item in _everything(agenda))
        return
    last = max(ended, key=lambda m: (m.ended, m.id))
    by_key = {item.key: item for item in _everything(agenda)}
    standing_by_title = {s.title.casefold(): s.key for s in template.standing}
    standing_keys = {s.key for s in template.standing}
    joined = {ref: item.key for item in _everything(agenda) for ref in item.records}
    label = f"carried from {last.day.isoformat()}"
    for item in last.agenda:
        if item.status not in (ItemStatus.PENDING, ItemStatus.DEFERRED):
            continue
        key = item.source_ref or item.key
        if item.kind is ItemKind.STANDING and item.title.casefold() in standing_by_title:
            key = standing_by_title[item.title.casefold()]
        if key in standing_keys:
            assert by_key[key].carried_from is None  # never "carried"
            continue
        host = joined.get(key, key)
        if host not in by_key:
            assert item.kind in SETTLED_WHEN_SILENT, f"{key} did not come back"
            continue
        back = by_key[host]
        assert back.carried_from == last.day
        assert label in [r.text for r in back.reasons]


@st.composite
def added_items(draw: st.DrawFn) -> list[tuple[int, bool]]:
    """Items a user added to the agenda: their minutes, and whether they parked them."""
    return draw(st.lists(st.tuples(st.integers(1, 40), st.booleans()), max_size=4))


@INVARIANT
@given(workspaces(), added_items(), st.integers(5, 90))
def test_4_a_rebuild_keeps_added_items_and_never_runs_over(
    case: tuple[AccountData, Template, int], added: list[tuple[int, bool]], before: int
) -> None:
    data, template, length = case
    previous = arrangement.from_agenda(build_agenda(data, template, before, NOW))
    for n, (minutes, park) in enumerate(added):
        item = arrangement.custom_item(f"custom:k{n}", f"Topic {n}", minutes, "Mine")
        previous = arrangement.add(previous, item)
        if park:
            previous = arrangement.park(previous, item.key)
    generated = arrangement.from_agenda(build_agenda(data, template, length, NOW))
    plan = rebuild.rebuilt(generated, previous, "Mine")

    assert plan.planned_minutes <= length
    for n, (_minutes, park) in enumerate(added):
        assert f"custom:k{n}" in plan
        if park:
            assert plan.is_parked(f"custom:k{n}")
    for item in plan.parked:
        if not rebuild.parked_by_user(item):
            assert item.reasons[-1].text == f"did not fit in {length} min"
    # The must-discuss topics the engine scheduled never give way to an added item.
    kept = {item.key for item in plan.items}
    for item in generated.items:
        if item.must_discuss:
            assert item.key in kept
    # Every record the engine proposed is still there, once.
    keys = [item.key for item in (*plan.items, *plan.parked)]
    assert len(keys) == len(set(keys))
    assert {i.key for i in (*generated.items, *generated.parked)} <= set(keys)
    # Added items that fit in the free minutes change nothing else: the engine's fit is redone
    # exactly as it was.
    if sum(m for m, park in added if not park) <= generated.free_minutes:
        ours = {f"custom:k{n}" for n in range(len(added))}
        assert [i.key for i in plan.items if i.key not in ours] == [i.key for i in generated.items]
        assert [i.key for i in plan.parked if i.key not in ours] == [
            i.key for i in generated.parked
        ]
    # Rebuilding the rebuilt agenda changes nothing (the planner offers no "regenerate" then).
    assert arrangement.same_plan(rebuild.rebuilt(generated, plan, "Mine"), plan)
