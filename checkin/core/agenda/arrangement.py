"""An agenda as the planner arranges it: move, park, restore, time and add items, purely."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from checkin.core.agenda import weights
from checkin.core.agenda.model import OTHER_SECTION, Agenda, PlannedItems
from checkin.core.agenda.timing import minimum_minutes
from checkin.core.enums import ItemKind
from checkin.core.errors import NotFound
from checkin.core.meeting import AgendaItem, Reason
from checkin.core.records import Account
from checkin.core.rules import ITEM_MINUTES

MIN_ITEM_MINUTES, MAX_ITEM_MINUTES = ITEM_MINUTES.low, ITEM_MINUTES.high
# Rules that only say where an item sits (parked by the engine or by hand): they go when it
# moves between the agenda and the parking lot.
PLACEMENT_RULES = frozenset({"time_fit", "parked"})
# Scores from which an item reads as of high or medium importance (below: low).
IMPORTANCE_HIGH, IMPORTANCE_MEDIUM = 40.0, 15.0
PARKED_BY_HAND = Reason(rule="parked", score=0, text="moved to the parking lot while planning")


@dataclass(frozen=True)
class Arrangement(PlannedItems):
    """The agenda items in meeting order, grouped by ``sections``, and the parking lot.

    Every function here returns a new arrangement and copies the items it changes, so an
    arrangement can be kept to compare with (or to undo to).
    """

    sections: tuple[str, ...]
    items: tuple[AgendaItem, ...]
    parked: tuple[AgendaItem, ...]
    length_minutes: int

    def find(self, key: str) -> AgendaItem:
        """The item (on the agenda or parked) with ``key``; NotFound otherwise."""
        for item in (*self.items, *self.parked):
            if item.key == key:
                return item
        raise NotFound("agenda item", key)

    def is_parked(self, key: str) -> bool:
        return any(item.key == key for item in self.parked)

    def __contains__(self, key: object) -> bool:
        """Whether an item with this key is on the agenda or parked."""
        return any(item.key == key for item in (*self.items, *self.parked))


def is_urgent(item: AgendaItem) -> bool:
    """A must-discuss topic (a critical issue, a 48-hour breach, our overdue commitment, an
    item deferred to this meeting); stored plans from before the flag: the urgent score."""
    return item.must_discuss or item.score >= weights.URGENT


def importance(item: AgendaItem) -> str:
    """How important an item is, in words for the account manager (never a rule's name or a
    score): "must discuss", "high", "medium", "low"; "standing" or "added by you" for items
    no rule ranked."""
    if is_urgent(item):
        return "must discuss"
    if item.kind is ItemKind.STANDING:
        return "standing item"
    if item.kind is ItemKind.CUSTOM and item.carried_from is None and not item.score:
        return "added by you"
    if item.score >= IMPORTANCE_HIGH:
        return "high"
    if item.score >= IMPORTANCE_MEDIUM:
        return "medium"
    return "low"


def arrange(
    items: Iterable[AgendaItem],
    parked: Iterable[AgendaItem],
    length_minutes: int,
    sections: Sequence[str] = (),
) -> Arrangement:
    """An arrangement of ``items`` (meeting order) and ``parked``.

    ``sections`` gives the order of the meeting's sections (a template's, with empty ones);
    sections the items name that it lacks are added where the items first show them, and items
    are grouped by section, keeping their order within each.
    """
    on_agenda = [dataclasses.replace(item, parked=False) for item in items]
    in_lot = [dataclasses.replace(item, parked=True) for item in parked]
    order = _merge_sections([item.section for item in on_agenda + in_lot], sections)
    rank = {title: n for n, title in enumerate(order)}
    on_agenda.sort(key=lambda item: rank[item.section])  # stable: order within a section kept
    return Arrangement(tuple(order), tuple(on_agenda), tuple(in_lot), length_minutes)


def _merge_sections(seen: Sequence[str], wanted: Sequence[str]) -> list[str]:
    """``wanted`` in order, with each other section of ``seen`` placed after the section it
    follows in ``seen`` (first appearance)."""
    order = list(dict.fromkeys(wanted))
    previous: str | None = None
    for title in dict.fromkeys(seen):
        if title not in order:
            order.insert(order.index(previous) + 1 if previous is not None else 0, title)
        previous = title
    return order


def from_agenda(agenda: Agenda) -> Arrangement:
    """The engine's agenda, as the planner starts from it."""
    return arrange(agenda.items, agenda.parked, agenda.length_minutes, agenda.sections)


def from_stored(
    items: Sequence[AgendaItem], length_minutes: int, sections: Sequence[str] = ()
) -> Arrangement:
    """A planned meeting's agenda (parked items flagged) as an arrangement."""
    return arrange(
        [item for item in items if not item.parked],
        [item for item in items if item.parked],
        length_minutes,
        sections,
    )


def stored_items(arrangement: Arrangement) -> list[AgendaItem]:
    """The items as a meeting stores them: the agenda in order, then the parking lot."""
    return [*arrangement.items, *arrangement.parked]


def to_agenda(
    arrangement: Arrangement, *, account: Account, template: str, title: str, now: datetime
) -> Agenda:
    """An :class:`Agenda` of the arrangement, for the pre-read (empty sections included)."""
    return Agenda(
        account=account,
        template=template,
        title=title,
        length_minutes=arrangement.length_minutes,
        now=now,
        sections=list(arrangement.sections),
        items=list(arrangement.items),
        parked=list(arrangement.parked),
    )


def shape(arrangement: Arrangement) -> tuple[object, ...]:
    """What the user can change, without the reasons' wording (which ages with the clock)."""
    return (
        arrangement.length_minutes,
        tuple((i.key, i.section, i.planned_minutes) for i in arrangement.items),
        tuple(sorted((i.key, i.planned_minutes) for i in arrangement.parked)),
    )


def same_plan(one: Arrangement, other: Arrangement) -> bool:
    """The same items in the same places with the same minutes."""
    return shape(one) == shape(other)


# -- changes ----------------------------------------------------------------------------------


def _index(items: Sequence[AgendaItem], key: str) -> int:
    for index, item in enumerate(items):
        if item.key == key:
            return index
    raise NotFound("agenda item", key)


def can_move(arrangement: Arrangement, key: str, step: int) -> bool:
    """Whether :func:`move` would change anything (the first item cannot go up)."""
    if arrangement.is_parked(key):
        return False
    return move(arrangement, key, step) is not arrangement


def move(arrangement: Arrangement, key: str, step: int) -> Arrangement:
    """Move an agenda item one place up (``step`` -1) or down (+1).

    Past the edge of its section it joins the neighbouring section (its last item going up,
    its first going down), even an empty one. The arrangement is returned unchanged when the
    item is already first (last) of the meeting, or parked.
    """
    if arrangement.is_parked(key):
        return arrangement
    items = list(arrangement.items)
    index = _index(items, key)
    item = items[index]
    sections = arrangement.sections
    neighbour = index + (1 if step > 0 else -1)
    if 0 <= neighbour < len(items) and items[neighbour].section == item.section:
        items[index], items[neighbour] = items[neighbour], item
    else:
        position = sections.index(item.section) + (1 if step > 0 else -1)
        if not 0 <= position < len(sections):
            return arrangement
        items[index] = dataclasses.replace(item, section=sections[position])
    return dataclasses.replace(arrangement, items=tuple(items))


def placed(item: AgendaItem, *, parked: bool, reason: Reason | None = None) -> AgendaItem:
    """``item`` on the agenda or parked, its placement reasons replaced by ``reason``."""
    reasons = [r for r in item.reasons if r.rule not in PLACEMENT_RULES]
    if reason is not None:
        reasons.append(reason)
    return dataclasses.replace(item, parked=parked, reasons=reasons)


def park(arrangement: Arrangement, key: str) -> Arrangement:
    """Take an item off the agenda to the top of the parking lot, saying it was moved there
    while planning (not for want of time)."""
    items = list(arrangement.items)
    item = items.pop(_index(items, key))
    parked = (placed(item, parked=True, reason=PARKED_BY_HAND), *arrangement.parked)
    return dataclasses.replace(arrangement, items=tuple(items), parked=parked)


def restore(arrangement: Arrangement, key: str) -> Arrangement:
    """Bring a parked item back to its section, after the section's other generated items
    (standing items stay last). It may make the agenda run over: the caller shows it."""
    parked = list(arrangement.parked)
    item = placed(parked.pop(_index(parked, key)), parked=False)
    return insert(dataclasses.replace(arrangement, parked=tuple(parked)), item)


def insert(arrangement: Arrangement, item: AgendaItem) -> Arrangement:
    """``item`` at the end of its section's non-standing items (the section added if new)."""
    sections = arrangement.sections
    if item.section not in sections:
        sections = (*sections, item.section)
    items = list(arrangement.items)
    rank = {title: n for n, title in enumerate(sections)}
    mine = rank[item.section]
    position = len(items)
    for index, other in enumerate(items):
        later = rank[other.section] > mine
        standing = other.section == item.section and other.kind is ItemKind.STANDING
        if later or (standing and item.kind is not ItemKind.STANDING):
            position = index
            break
    items.insert(position, item)
    return dataclasses.replace(arrangement, sections=sections, items=tuple(items))


def set_minutes(arrangement: Arrangement, key: str, minutes: int) -> Arrangement:
    """Plan ``minutes`` for an item (on the agenda or parked), kept within ITEM_MINUTES."""
    minutes = max(MIN_ITEM_MINUTES, min(MAX_ITEM_MINUTES, minutes))

    def timed(items: tuple[AgendaItem, ...]) -> tuple[AgendaItem, ...]:
        return tuple(
            dataclasses.replace(i, planned_minutes=minutes) if i.key == key else i for i in items
        )

    arrangement.find(key)  # NotFound for a key that is not there
    return dataclasses.replace(
        arrangement, items=timed(arrangement.items), parked=timed(arrangement.parked)
    )


def set_length(arrangement: Arrangement, minutes: int) -> Arrangement:
    """The same items against another meeting length."""
    return dataclasses.replace(arrangement, length_minutes=minutes)


def custom_item(key: str, title: str, minutes: int, section: str | None) -> AgendaItem:
    """An item the user adds by hand; ``section`` is the one that takes custom items."""
    return AgendaItem(
        key=key,
        kind=ItemKind.CUSTOM,
        title=title,
        section=section or OTHER_SECTION,
        planned_minutes=minutes,
        reasons=[Reason(rule="added_by_hand", score=0, text="added by you")],
        min_minutes=minimum_minutes("custom", minutes),
    )


def add(arrangement: Arrangement, item: AgendaItem) -> Arrangement:
    """Put a new item on the agenda, in its section before the standing items."""
    if item.key in arrangement:
        raise ValueError(f"an agenda item with key {item.key!r} is there already")
    return insert(arrangement, dataclasses.replace(item, parked=False))
