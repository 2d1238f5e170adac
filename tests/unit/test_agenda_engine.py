"""build_agenda: ranking, sections, time fitting, the parking lot and carry-over."""

from __future__ import annotations

from checkin.core.agenda import (
    OTHER_SECTION,
    URGENT_SECTION,
    Section,
    StandingItem,
    build_agenda,
    weights,
)
from checkin.core.agenda.timing import fit, planned_minutes, shrink_to_fit
from checkin.core.enums import IssueStatus, ItemKind, ItemStatus, Severity, Side
from tests.unit.agenda_data import (
    NOW,
    action,
    agenda_item,
    contact,
    data,
    feedback,
    issue,
    meeting,
    template,
)

S, St = Severity, IssueStatus
FOCAL = [contact("Elena"), contact("Chris", Side.OURS)]


def test_weights_keep_urgent_issues_above_everything_else() -> None:
    """The most a non-urgent item can collect stays under URGENT (invariant 2)."""
    w = weights
    # not_discussed_last_time and carried_over exclude each other (carried means it was on
    # the last agenda), and reopened adds nothing to either; so do a passed and a near due
    # date.
    issue_max = (
        w.SEVERITY[S.HIGH]
        + w.AGE_MAX
        + w.WAITING_ON_CLIENT
        + max(w.DUE_PASSED, w.DUE_SOON)
        + max(w.NOT_DISCUSSED, w.CARRIED, w.REOPENED_MAX)
    )
    action_max = (
        w.ACTION_OVERDUE
        + w.ACTION_OVERDUE_MAX_DAYS * w.ACTION_OVERDUE_PER_DAY
        + max(w.ACTION_OURS, w.ACTION_CLIENT)
        + w.CARRIED
    )
    roadmap_max = (
        w.MILESTONE_SLIPPED
        + w.MILESTONE_SLIPPED_EXTRA_MAX
        + w.MILESTONE_HORIZON
        + w.MILESTONE_HORIZON_NEAR
        + w.CARRIED
    )
    feedback_max = w.FEEDBACK_NEGATIVE + w.FEEDBACK_NEGATIVE_STRONG + w.CARRIED
    relationship_max = w.CADENCE_OVERDUE + w.CADENCE_OVERDUE_EXTRA_MAX + w.CARRIED
    follow_up_max = w.FOLLOW_UP + w.FOLLOW_UP_SEVERE + w.CARRIED
    highest = max(issue_max, action_max, roadmap_max, feedback_max, relationship_max, follow_up_max)
    assert highest < w.URGENT
    assert min(w.SEVERITY[S.CRITICAL], w.BREACH) >= w.URGENT


def test_urgent_issues_open_the_meeting_with_all_their_reasons() -> None:
    both = issue(S.CRITICAL, St.NEW, opened_h=61, due_in=-2, title="Patient sync fails")
    late_plan = issue(S.LOW, St.ACKNOWLEDGED, opened_h=100, ack_h=90, title="Typo")
    overdue = action(due_in=-30)
    agenda = build_agenda(
        data(issues=[late_plan, both], actions=[overdue], contacts=FOCAL), template(), 30, NOW
    )
    titles = [item.title for item in agenda.items]
    assert titles[:2] == ["Patient sync fails", "Typo"]
    first = agenda.items[0]
    assert [r.rule for r in first.reasons] == ["severity", "ack_breach_48h", "issue_due_soon"]
    assert first.score == sum(r.score for r in first.reasons)
    assert [i.key for i in agenda.items].count(f"issue:{both.id}") == 1


def test_urgent_issues_get_their_own_first_section_when_the_first_does_not_take_issues() -> None:
    tpl = template(
        Section(
            title="Welcome", standing=(StandingItem(key="standing:hi", title="Hi", minutes=5),)
        ),
        Section(title="Issues", kinds=(ItemKind.ISSUE,)),
    )
    urgent = issue(S.CRITICAL, title="Down")
    calm = issue(S.LOW, title="Typo")
    agenda = build_agenda(data(issues=[calm, urgent], contacts=FOCAL), tpl, 30, NOW)
    assert agenda.sections[0] == URGENT_SECTION
    assert [(i.section, i.title) for i in agenda.items] == [
        (URGENT_SECTION, "Down"),
        ("Welcome", "Hi"),
        ("Issues", "Typo"),
    ]


def test_kinds_no_section_takes_go_to_other_topics() -> None:
    tpl = template(Section(title="Issues", kinds=(ItemKind.ISSUE,)))
    agenda = build_agenda(data(actions=[action()], contacts=FOCAL), tpl, 30, NOW)
    assert agenda.sections == ["Issues", OTHER_SECTION]
    assert agenda.items[0].section == OTHER_SECTION


def test_standing_items_come_last_in_their_section_and_always_stay() -> None:
    agenda = build_agenda(data(feedback=[feedback(-2)], contacts=FOCAL), template(), 30, NOW)
    section = agenda.in_section("Feedback")
    assert [i.kind for i in section] == [ItemKind.FEEDBACK, ItemKind.STANDING]
    standing = section[-1]
    assert standing.key == "standing:better"
    assert [r.rule for r in standing.reasons] == ["standing"]
    assert standing.reasons[0].text == "standing item of the Test check-in"


def test_what_does_not_fit_is_parked_with_the_reason() -> None:
    issues = [issue(S.HIGH, opened_h=24 * n, title=f"Issue {n}") for n in range(1, 6)]
    agenda = build_agenda(data(issues=issues, contacts=FOCAL), template(), 15, NOW)
    assert agenda.planned_minutes <= 15
    assert [i.planned_minutes for i in agenda.items] == [5, 5, 5]  # two issues and the standing
    assert len(agenda.parked) == 3
    for item in agenda.parked:
        assert item.parked
        assert item.reasons[-1].rule == "time_fit"
        assert item.reasons[-1].text == "did not fit in 15 min"
        assert item.section == "Issues"


def test_every_section_gets_a_slot_before_any_gets_a_second() -> None:
    issues = [issue(S.HIGH, opened_h=24 * n, title=f"Issue {n}") for n in range(1, 4)]
    agenda = build_agenda(
        data(issues=issues, actions=[action(due_in=3)], contacts=FOCAL), template(), 12, NOW
    )
    # 12 min - 5 standing = 7: the top issue (5) and the action (1) before a second issue.
    assert [i.title for i in agenda.items] == [
        "Issue 3",
        "Send the test plan",
        "What could we do better?",
    ]


def test_standing_items_shrink_when_they_alone_exceed_the_length() -> None:
    tpl = template(
        Section(
            title="Review",
            standing=(
                StandingItem(key="standing:a", title="A", minutes=20),
                StandingItem(key="standing:b", title="B", minutes=10),
            ),
        ),
        Section(title="Issues", kinds=(ItemKind.ISSUE,)),
    )
    agenda = build_agenda(data(issues=[issue()], contacts=FOCAL), tpl, 10, NOW)
    assert [(i.title, i.planned_minutes) for i in agenda.items] == [("A", 7), ("B", 3)]
    assert len(agenda.parked) == 1


def test_template_timing_overrides_the_defaults() -> None:
    tpl = template(item_minutes={"issue.high": 9, "action": 4})
    agenda = build_agenda(
        data(issues=[issue(S.HIGH)], actions=[action()], contacts=FOCAL), tpl, 30, NOW
    )
    assert [i.planned_minutes for i in agenda.items[:2]] == [9, 4]


def test_planned_minutes_lookup_order() -> None:
    assert planned_minutes("issue.critical", {}) == 10
    assert planned_minutes("issue.critical", {"issue": 7}) == 7
    assert planned_minutes("issue.critical", {"issue": 7, "issue.critical": 12}) == 12
    assert planned_minutes("custom", {}) == 5
    assert planned_minutes("issue", {}) == 5  # a carried record without a severity


def test_shrink_to_fit_keeps_shares_and_sums_exactly() -> None:
    assert shrink_to_fit([5, 5], 30) == [5, 5]
    assert shrink_to_fit([20, 10], 10) == [7, 3]
    assert shrink_to_fit([1, 1, 1], 2) == [1, 1, 0]
    assert sum(shrink_to_fit([7, 11, 13], 17)) == 17


def test_fit_is_greedy_in_the_given_order() -> None:
    placed = fit([5, 10, 1], 6, [0, 1, 2])
    assert (placed.scheduled, placed.parked) == ((0, 2), (1,))


# -- carry-over -------------------------------------------------------------------------------


def test_pending_and_deferred_items_come_back_with_the_date() -> None:
    meters = issue(S.MEDIUM, title="Meter import")
    last = meeting(
        7,
        [
            agenda_item(f"issue:{meters.id}", ItemStatus.DEFERRED, title="Meter import"),
            agenda_item("custom:k2", ItemStatus.PENDING, title="Staffing", minutes=4),
            agenda_item("custom:k3", ItemStatus.DISCUSSED, title="Done already"),
            agenda_item("custom:k4", ItemStatus.SKIPPED, title="Skipped on purpose"),
        ],
    )
    agenda = build_agenda(
        data(issues=[meters], meetings=[last], contacts=FOCAL), template(), 60, NOW
    )
    by_key = {item.key: item for item in agenda.items}
    assert set(by_key) == {f"issue:{meters.id}", "custom:k2", "standing:better"}
    carried = by_key[f"issue:{meters.id}"]
    assert carried.carried_from == last.day
    assert [r.text for r in carried.reasons] == ["medium severity", "carried from 2026-11-15"]
    custom = by_key["custom:k2"]
    assert (custom.title, custom.kind, custom.planned_minutes) == ("Staffing", ItemKind.CUSTOM, 4)
    assert custom.section == "Feedback"  # the section that takes custom items


def test_only_the_most_recent_ended_meeting_carries_over() -> None:
    older = meeting(20, [agenda_item("custom:old", ItemStatus.PENDING, title="Old")])
    newer = meeting(7, [agenda_item("custom:new", ItemStatus.PENDING, title="New")])
    agenda = build_agenda(data(meetings=[newer, older], contacts=FOCAL), template(), 30, NOW)
    assert [i.title for i in agenda.items if i.kind is ItemKind.CUSTOM] == ["New"]


def test_a_carried_standing_item_is_labelled_not_duplicated() -> None:
    last = meeting(
        7,
        [
            agenda_item("standing:3", ItemStatus.PENDING, kind=ItemKind.STANDING,
                        title="What could we do better?"),
            agenda_item("standing:4", ItemStatus.DEFERRED, kind=ItemKind.STANDING,
                        title="Quarter in review", minutes=10),
        ],
    )  # fmt: skip
    agenda = build_agenda(data(meetings=[last], contacts=FOCAL), template(), 30, NOW)
    better = next(i for i in agenda.items if i.key == "standing:better")
    assert better.carried_from == last.day
    assert [r.rule for r in better.reasons] == ["standing", "carried_over"]
    other = next(i for i in agenda.items if i.key == "standing:4")
    assert (other.kind, other.planned_minutes, other.section) == (ItemKind.CUSTOM, 10, "Feedback")


def test_items_parked_last_time_were_not_discussed_either() -> None:
    last = meeting(7, [agenda_item("custom:p", ItemStatus.PENDING, title="Parked", parked=True)])
    agenda = build_agenda(data(meetings=[last], contacts=FOCAL), template(), 30, NOW)
    assert any(i.key == "custom:p" and i.carried_from == last.day for i in agenda.items)


def test_a_meeting_that_ends_after_now_is_not_the_previous_one() -> None:
    future = meeting(-3, [agenda_item("custom:f", ItemStatus.PENDING, title="Future")])
    agenda = build_agenda(data(meetings=[future], contacts=FOCAL), template(), 30, NOW)
    assert all(i.key != "custom:f" for i in agenda.items + agenda.parked)


def test_agenda_totals() -> None:
    agenda = build_agenda(data(issues=[issue(S.HIGH)], contacts=FOCAL), template(), 30, NOW)
    assert (agenda.planned_minutes, agenda.free_minutes) == (10, 20)
    assert (agenda.template, agenda.title, agenda.now) == ("test", "Test check-in", NOW)


def test_only_standing_items_match_a_template_standing_item_by_title() -> None:
    last = meeting(
        7, [agenda_item("custom:c", ItemStatus.PENDING, title="What could we do better?")]
    )
    agenda = build_agenda(data(meetings=[last], contacts=FOCAL), template(), 30, NOW)
    keys = [i.key for i in agenda.items]
    assert "custom:c" in keys and "standing:better" in keys
