"""Arranging an agenda by hand: move, park, restore, minutes, custom items, rebuilds."""

from __future__ import annotations

import dataclasses

import pytest

from checkin.core.agenda import OTHER_SECTION, arrangement, rebuild
from checkin.core.agenda.arrangement import Arrangement
from checkin.core.enums import ItemKind
from checkin.core.errors import NotFound
from checkin.core.meeting import AgendaItem, Reason
from tests.unit import agenda_data as build
from tests.unit.agenda_data import NOW

ISSUES, ACTIONS, CLOSING = "Open issues", "Action items", "Closing"
FIT = Reason(rule="time_fit", score=0, text="did not fit in 30 min")


def item(key: str, section: str, minutes: int = 5, **fields: object) -> AgendaItem:
    values: dict[str, object] = {"kind": ItemKind.ISSUE, "title": key.title(), "score": 10.0}
    return AgendaItem(key=key, section=section, planned_minutes=minutes, **(values | fields))  # type: ignore[arg-type]


def standing(key: str, section: str, minutes: int = 5) -> AgendaItem:
    return item(key, section, minutes, kind=ItemKind.STANDING, score=0.0)


def sample() -> Arrangement:
    """Two issues, an empty action section, a closing section with an action and a standing
    item; one parked issue."""
    return arrangement.arrange(
        [
            item("a", ISSUES, 10),
            item("b", ISSUES, 5),
            item("c", CLOSING, 3, kind=ItemKind.ACTION),
            standing("s", CLOSING, 5),
        ],
        [item("p", ISSUES, 4, reasons=[FIT], parked=True)],
        30,
        [ISSUES, ACTIONS, CLOSING],
    )


def keys(plan: Arrangement) -> list[tuple[str, str]]:
    return [(i.key, i.section) for i in plan.items]


def test_arrange_groups_items_by_section_and_keeps_empty_sections() -> None:
    plan = arrangement.arrange(
        [item("u", "Urgent issues"), item("x", CLOSING), item("a", ISSUES), item("n", "New")],
        [],
        30,
        [ISSUES, ACTIONS, CLOSING],
    )
    # A section the template lacks comes after the section the items show before it.
    assert plan.sections == ("Urgent issues", ISSUES, "New", ACTIONS, CLOSING)
    assert keys(plan) == [("u", "Urgent issues"), ("a", ISSUES), ("n", "New"), ("x", CLOSING)]


def test_minutes_and_free_minutes() -> None:
    plan = sample()
    assert plan.planned_minutes == 23
    assert plan.free_minutes == 7
    assert arrangement.set_length(plan, 20).free_minutes == -3


def test_move_within_a_section_swaps_neighbours() -> None:
    plan = arrangement.move(sample(), "b", -1)
    assert keys(plan)[:2] == [("b", ISSUES), ("a", ISSUES)]


def test_move_past_a_section_edge_joins_the_next_section_even_an_empty_one() -> None:
    plan = arrangement.move(sample(), "b", 1)
    assert ("b", ACTIONS) in keys(plan)
    plan = arrangement.move(plan, "b", 1)
    assert keys(plan) == [("a", ISSUES), ("b", CLOSING), ("c", CLOSING), ("s", CLOSING)]
    plan = arrangement.move(plan, "b", -1)
    assert keys(plan)[1] == ("b", ACTIONS)


def test_move_at_the_ends_or_of_a_parked_item_changes_nothing() -> None:
    plan = sample()
    assert arrangement.move(plan, "a", -1) is plan
    assert arrangement.move(plan, "s", 1) is plan
    assert arrangement.move(plan, "p", -1) is plan
    assert not arrangement.can_move(plan, "a", -1)
    assert arrangement.can_move(plan, "a", 1)
    assert not arrangement.can_move(plan, "p", 1)


def test_moves_do_not_change_the_original() -> None:
    plan = sample()
    arrangement.move(plan, "b", 1)
    assert keys(plan)[1] == ("b", ISSUES)


def test_park_frees_the_minutes_and_says_so() -> None:
    plan = arrangement.park(sample(), "a")
    assert plan.planned_minutes == 13
    assert [i.key for i in plan.parked] == ["a", "p"]
    parked = plan.find("a")
    assert parked.parked
    assert parked.reasons[-1] == arrangement.PARKED_BY_HAND


def test_restore_goes_back_before_the_standing_items_and_may_overrun() -> None:
    plan = arrangement.set_length(sample(), 25)
    restored = arrangement.restore(plan, "p")
    assert keys(restored)[:3] == [("a", ISSUES), ("b", ISSUES), ("p", ISSUES)]
    assert restored.free_minutes == -2
    assert restored.parked == ()
    back = restored.find("p")
    assert not back.parked and FIT not in back.reasons

    parked_c = arrangement.park(sample(), "c")
    assert keys(arrangement.restore(parked_c, "c"))[2:] == [("c", CLOSING), ("s", CLOSING)]


def test_park_then_restore_round_trips_the_reasons() -> None:
    plan = sample()
    again = arrangement.restore(arrangement.park(plan, "b"), "b")
    assert again.find("b").reasons == plan.find("b").reasons


def test_set_minutes_on_the_agenda_and_in_the_parking_lot_within_bounds() -> None:
    plan = arrangement.set_minutes(sample(), "a", 12)
    assert plan.find("a").planned_minutes == 12
    assert arrangement.set_minutes(plan, "p", 0).find("p").planned_minutes == 1
    assert arrangement.set_minutes(plan, "p", 999).find("p").planned_minutes == 480
    with pytest.raises(NotFound):
        arrangement.set_minutes(plan, "nope", 3)


def test_a_custom_item_joins_its_section_before_the_standing_items() -> None:
    extra = arrangement.custom_item("custom:k1", "Introduce our CSM", 4, CLOSING)
    plan = arrangement.add(sample(), extra)
    assert keys(plan)[-2:] == [("custom:k1", CLOSING), ("s", CLOSING)]
    assert plan.find("custom:k1").kind is ItemKind.CUSTOM
    with pytest.raises(ValueError):
        arrangement.add(plan, extra)


def test_a_custom_item_without_a_section_goes_to_other_topics() -> None:
    plan = arrangement.add(sample(), arrangement.custom_item("custom:k2", "Lunch", 2, None))
    assert plan.sections[-1] == OTHER_SECTION
    assert keys(plan)[-1] == ("custom:k2", OTHER_SECTION)


def test_stored_items_round_trip() -> None:
    plan = arrangement.park(sample(), "b")
    stored = arrangement.stored_items(plan)
    assert [i.parked for i in stored] == [False, False, False, True, True]
    again = arrangement.from_stored(stored, 30, [ISSUES, ACTIONS, CLOSING])
    assert arrangement.same_plan(plan, again)
    assert again.sections == plan.sections


def test_same_plan_ignores_the_wording_of_reasons_but_not_order_or_minutes() -> None:
    plan = sample()
    reworded = arrangement.arrange(
        [*(item if item.key != "a" else _reworded(item) for item in plan.items)],
        plan.parked,
        30,
        plan.sections,
    )
    assert arrangement.same_plan(plan, reworded)
    assert not arrangement.same_plan(plan, arrangement.move(plan, "b", -1))
    assert not arrangement.same_plan(plan, arrangement.set_minutes(plan, "a", 9))
    assert not arrangement.same_plan(plan, arrangement.set_length(plan, 45))


def _reworded(one: AgendaItem) -> AgendaItem:
    copy = AgendaItem(**{**one.__dict__, "reasons": [Reason(rule="x", score=1, text="older")]})
    return copy


def test_rebuilt_keeps_items_added_by_hand_and_their_parking() -> None:
    previous = arrangement.add(sample(), arrangement.custom_item("custom:k1", "Lunch", 2, CLOSING))
    previous = arrangement.add(previous, arrangement.custom_item("custom:k2", "Demo", 9, CLOSING))
    previous = arrangement.park(previous, "custom:k2")
    fresh = arrangement.arrange([item("z", "Agenda")], [], 45, ["Agenda"])
    rebuilt = rebuild.rebuilt(fresh, previous, "Agenda")
    assert keys(rebuilt) == [("z", "Agenda"), ("custom:k1", "Agenda")]
    assert [i.key for i in rebuilt.parked] == ["custom:k2"]
    assert rebuilt.length_minutes == 45


def full_agenda() -> Arrangement:
    """30 minutes, all planned: a must-discuss issue, another, a standing item, an action."""

    def ranked(one: AgendaItem, rank: int, least: int, must: bool = False) -> AgendaItem:
        return dataclasses.replace(one, rank=rank, min_minutes=least, must_discuss=must)

    return arrangement.arrange(
        [
            ranked(item("u", ISSUES, 10, score=150.0), 1, 5, must=True),
            ranked(item("a", ISSUES, 10, score=50.0), 2, 3),
            ranked(item("c", CLOSING, 5, kind=ItemKind.ACTION, score=20.0), 4, 1),
            ranked(standing("s", CLOSING, 5), 3, 2),
        ],
        [ranked(item("p", ISSUES, 4, reasons=[FIT], parked=True, score=5.0), 5, 2)],
        30,
        [ISSUES, CLOSING],
    )


def test_a_rebuild_ranks_an_added_item_after_the_must_discuss_ones_and_shortens() -> None:
    previous = arrangement.add(sample(), arrangement.custom_item("custom:k", "Budget", 5, CLOSING))
    plan = rebuild.rebuilt(full_agenda(), previous, CLOSING)
    assert plan.planned_minutes == 30  # never over, even though nothing was free
    # Shortened before parking, the least important first: "p" comes back at its minimum.
    minutes = {i.key: i.planned_minutes for i in plan.items}
    assert minutes == {"u": 10, "custom:k": 5, "a": 10, "s": 2, "c": 1, "p": 2}
    assert plan.parked == ()
    assert plan.find("p").reasons == []


def test_an_added_item_too_long_for_the_meeting_is_shortened_or_parked_not_over() -> None:
    previous = arrangement.add(sample(), arrangement.custom_item("custom:k", "Demo", 40, CLOSING))
    plan = rebuild.rebuilt(full_agenda(), previous, CLOSING)
    assert plan.planned_minutes <= 30
    assert not plan.is_parked("u")  # the must-discuss issue never gives way
    assert plan.find("u").planned_minutes >= 5
    for parked in plan.parked:
        assert parked.reasons[-1].text == "did not fit in 30 min"


def test_an_added_item_that_fits_changes_nothing_else_and_a_parked_one_stays_parked() -> None:
    fresh = arrangement.arrange(full_agenda().items, [], 45, [ISSUES, CLOSING])
    previous = arrangement.add(sample(), arrangement.custom_item("custom:k1", "Lunch", 10, CLOSING))
    previous = arrangement.add(previous, arrangement.custom_item("custom:k2", "Demo", 2, CLOSING))
    previous = arrangement.park(previous, "custom:k2")
    plan = rebuild.rebuilt(fresh, previous, CLOSING)
    assert [i.key for i in plan.items] == ["u", "a", "c", "custom:k1", "s"]
    assert [i.key for i in plan.parked] == ["custom:k2"]
    assert plan.find("custom:k2").reasons[-1].text == "moved to the parking lot while planning"


def test_to_agenda_renders_the_arrangement() -> None:
    plan = arrangement.move(sample(), "b", 1)
    agenda = arrangement.to_agenda(
        plan, account=build.account(), template="monthly", title="Monthly check-in", now=NOW
    )
    assert agenda.in_section(ACTIONS)[0].key == "b"
    assert agenda.planned_minutes == plan.planned_minutes
    assert [i.key for i in agenda.parked] == ["p"]


def test_urgent_items_are_those_with_the_urgent_score() -> None:
    assert arrangement.is_urgent(item("k", ISSUES, score=100.0))
    assert not arrangement.is_urgent(item("k", ISSUES, score=99.5))
