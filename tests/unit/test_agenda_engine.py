"""build_agenda: ranking, sections, time fitting, the parking lot and carry-over."""

from __future__ import annotations

from checkin.core.agenda import (
    OTHER_SECTION,
    Section,
    StandingItem,
    Template,
    build_agenda,
)
from checkin.core.agenda.order import PRIORITIES_SECTION
from checkin.core.agenda.timing import fit, planned_minutes
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


def test_no_sum_of_small_reasons_outranks_a_critical_issue() -> None:
    """Bands, not scores, put critical issues first (invariant 3): a high issue in breach,
    overdue, carried and waiting still comes after a calm critical one."""
    calm = issue(S.CRITICAL, title="Calm critical", opened_h=2)
    loud = issue(S.HIGH, St.NEW, opened_h=24 * 9, due_in=-5, title="Loud high")
    agenda = build_agenda(data(issues=[loud, calm], contacts=FOCAL), template(), 60, NOW)
    assert [i.title for i in agenda.items][:2] == ["Calm critical", "Loud high"]
    assert all(i.must_discuss for i in agenda.items[:2])


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


def _welcome_actions_issues() -> Template:
    return template(
        Section(
            title="Welcome", standing=(StandingItem(key="standing:hi", title="Hi", minutes=5),)
        ),
        Section(title="Actions", kinds=(ItemKind.ACTION,)),
        Section(title="Issues", kinds=(ItemKind.ISSUE,)),
    )


def test_a_section_takes_the_place_of_its_most_important_topic() -> None:
    """Sections only group (invariant 2): the issues section of a template that lists it
    after an opening item moves up to right after it when it holds a critical issue."""
    urgent = issue(S.CRITICAL, title="Down")
    high = issue(S.HIGH, title="Slow")
    agenda = build_agenda(
        data(issues=[high, urgent], actions=[action()], contacts=FOCAL),
        _welcome_actions_issues(),
        30,
        NOW,
    )
    assert [(i.section, i.title) for i in agenda.items] == [
        ("Welcome", "Hi"),  # pinned: the opening item
        (PRIORITIES_SECTION, "Down"),  # must-discuss: opens the meeting
        ("Issues", "Slow"),  # the rest of the issues, in the place of their best
        ("Actions", "Send the test plan"),
    ]


def test_must_discuss_topics_open_the_meeting_before_less_important_ones_of_their_section() -> None:
    """A critical issue does not drag a typo ahead of our overdue promise (invariants 2, 3)."""
    urgent = issue(S.CRITICAL, title="Down")
    calm = issue(S.LOW, title="Typo")
    promise = action("Send the root-cause analysis", due_in=-3)
    agenda = build_agenda(
        data(issues=[calm, urgent], actions=[promise], contacts=FOCAL),
        _welcome_actions_issues(),
        30,
        NOW,
    )
    assert [(i.section, i.title) for i in agenda.items] == [
        ("Welcome", "Hi"),
        (PRIORITIES_SECTION, "Down"),
        (PRIORITIES_SECTION, "Send the root-cause analysis"),
        ("Issues", "Typo"),
    ]
    assert agenda.sections[:3] == ["Welcome", PRIORITIES_SECTION, "Issues"]


def test_must_discuss_topics_that_are_a_whole_section_keep_its_title() -> None:
    urgent = issue(S.CRITICAL, title="Down")
    agenda = build_agenda(
        data(issues=[urgent], actions=[action()], contacts=FOCAL),
        _welcome_actions_issues(),
        30,
        NOW,
    )
    assert [(i.section, i.title) for i in agenda.items][:3] == [
        ("Welcome", "Hi"),
        ("Issues", "Down"),
        ("Actions", "Send the test plan"),
    ]


def test_kinds_no_section_takes_go_to_other_topics() -> None:
    tpl = template(Section(title="Issues", kinds=(ItemKind.ISSUE,)))
    agenda = build_agenda(data(actions=[action()], contacts=FOCAL), tpl, 30, NOW)
    assert agenda.sections == [OTHER_SECTION, "Issues"]  # its topic leads: the section too
    assert agenda.items[0].section == OTHER_SECTION


def test_closing_standing_item_stays_last_when_its_section_moves_up() -> None:
    agenda = build_agenda(data(feedback=[feedback(-2)], contacts=FOCAL), template(), 30, NOW)
    assert agenda.items[-1].key == "standing:better"
    assert agenda.items[-1].section == "To close"
    standing = agenda.items[-1]
    assert [r.rule for r in standing.reasons] == ["standing"]
    assert standing.reasons[0].text == "standing item of the Test check-in"


def test_what_does_not_fit_is_shortened_then_parked_with_the_reason() -> None:
    issues = [issue(S.HIGH, opened_h=24 * n, title=f"Issue {n}") for n in range(1, 6)]
    agenda = build_agenda(data(issues=issues, contacts=FOCAL), template(), 15, NOW)
    assert agenda.planned_minutes <= 15
    kept = [i for i in agenda.items if i.kind is ItemKind.ISSUE]
    # Every issue is in breach of the plan rule: they are must-discuss, the standing item is
    # not. Shortened to their minimum (3) before anything is parked, the oldest kept longest.
    assert [i.title for i in kept] == ["Issue 5", "Issue 4", "Issue 3", "Issue 2", "Issue 1"]
    assert [i.planned_minutes for i in kept] == [3, 3, 3, 3, 3]
    assert [i.key for i in agenda.parked] == ["standing:better"]
    for item in agenda.parked:
        assert item.parked
        assert item.reasons[-1].rule == "time_fit"
        assert item.reasons[-1].text == "did not fit in 15 min"


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


def test_fit_shortens_the_least_important_first_then_parks_a_suffix() -> None:
    assert fit([5, 5, 5], [2, 2, 2], 15).minutes == (5, 5, 5)
    assert fit([5, 5, 5], [2, 2, 2], 12).minutes == (5, 5, 2)
    assert fit([5, 5, 5], [2, 2, 2], 8).minutes == (4, 2, 2)
    assert fit([5, 5, 5], [2, 2, 2], 5).minutes == (3, 2)
    assert fit([10, 1], [5, 1], 4).minutes == ()  # never the small one past a bigger one


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
    assert [r.text for r in carried.reasons] == [
        "medium severity",
        "carried from 2026-11-15",
        "deferred to this meeting on 2026-11-15",
    ]
    assert carried.must_discuss
    custom = by_key["custom:k2"]
    assert (custom.title, custom.kind, custom.planned_minutes) == ("Staffing", ItemKind.CUSTOM, 4)
    assert custom.section == "Feedback"  # the section that takes custom items
    assert all(not i.carried_from for i in agenda.items if i.kind is ItemKind.STANDING)


def test_only_the_most_recent_ended_meeting_carries_over() -> None:
    older = meeting(20, [agenda_item("custom:old", ItemStatus.PENDING, title="Old")])
    newer = meeting(7, [agenda_item("custom:new", ItemStatus.PENDING, title="New")])
    agenda = build_agenda(data(meetings=[newer, older], contacts=FOCAL), template(), 30, NOW)
    assert [i.title for i in agenda.items if i.kind is ItemKind.CUSTOM] == ["New"]


def test_a_carried_standing_item_is_neither_labelled_nor_duplicated() -> None:
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
    assert better.carried_from is None  # standing items are never "carried" (invariant 6)
    assert [r.rule for r in better.reasons] == ["standing"]
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
