"""Rebuilding an agenda (regenerate, another template or length): the engine's fresh agenda
with the items the user added kept and fitted, so a rebuild never makes it run over."""

from __future__ import annotations

import dataclasses

from checkin.core.agenda.arrangement import Arrangement, add, is_urgent, placed
from checkin.core.agenda.engine import KIND_ORDER
from checkin.core.agenda.model import OTHER_SECTION
from checkin.core.agenda.timing import fill_order, fit
from checkin.core.enums import ItemKind
from checkin.core.meeting import AgendaItem, Reason


def hand_added(arrangement: Arrangement) -> list[AgendaItem]:
    """Items the user added (not generated, not carried over): a rebuild keeps them."""
    return [
        item
        for item in (*arrangement.items, *arrangement.parked)
        if item.kind is ItemKind.CUSTOM and item.carried_from is None and item.source_ref is None
    ]


def parked_by_user(item: AgendaItem) -> bool:
    """Parked with x: the user took it off, so a rebuild does not bring it back."""
    return item.parked and any(reason.rule == "parked" for reason in item.reasons)


def did_not_fit(length_minutes: int) -> Reason:
    """The engine's reason for an item in the parking lot for want of time."""
    return Reason(rule="time_fit", score=0, text=f"did not fit in {length_minutes} min")


def rebuilt(generated: Arrangement, previous: Arrangement, section: str | None) -> Arrangement:
    """``generated`` (the engine's agenda) with the items the user added to ``previous`` kept,
    moved to ``section`` (the new template's section for custom items). Never over the length.

    An added item the user parked stays parked, at the top of the parking lot. The others are
    fitted in their order like the template's standing items: after the urgent issues and the
    standing items, before every other generated item (a topic the user added is what they
    came to discuss). One that does not fit is parked; the generated items are then fitted
    again, as the engine does, into what is left. Whatever is parked for time says "did not
    fit in N min", and really did not fit.
    """
    home = section or OTHER_SECTION
    unfit = did_not_fit(generated.length_minutes)
    reserved = sum(i.planned_minutes for i in generated.items if _protected(i))
    room = generated.length_minutes - reserved
    by_user: list[AgendaItem] = []
    taken: list[AgendaItem] = []
    no_room: list[AgendaItem] = []
    for item in hand_added(previous):
        if item.key in generated:
            continue
        moved = dataclasses.replace(item, section=home)
        if parked_by_user(item):
            by_user.append(moved)
        elif moved.planned_minutes <= room:
            room -= moved.planned_minutes
            taken.append(placed(moved, parked=False))
        else:
            no_room.append(placed(moved, parked=True, reason=unfit))
    result = generated
    if taken:
        result = _refitted(generated, sum(i.planned_minutes for i in taken), unfit)
    for item in taken:
        result = add(result, item)
    sections = result.sections
    for item in (*by_user, *no_room):
        if item.section not in sections:
            sections = (*sections, item.section)
    parked = (*by_user, *no_room, *result.parked)
    return dataclasses.replace(result, sections=sections, parked=parked)


def _protected(item: AgendaItem) -> bool:
    """Never gives way to an added item: a standing item, an urgent issue."""
    return item.kind is ItemKind.STANDING or is_urgent(item)


def _refitted(generated: Arrangement, minutes: int, unfit: Reason) -> Arrangement:
    """The engine's fit again with ``minutes`` fewer for the generated items: urgent ones
    first, then the top item of each section, then the rest, each in rank order."""
    standing = [i for i in generated.items if i.kind is ItemKind.STANDING]
    ranked = sorted(
        [*(i for i in generated.items if i.kind is not ItemKind.STANDING), *generated.parked],
        key=_rank,
    )
    available = generated.length_minutes - sum(i.planned_minutes for i in standing) - minutes
    order = fill_order([is_urgent(i) for i in ranked], [i.section for i in ranked])
    chosen = fit([i.planned_minutes for i in ranked], available, order)
    scheduled = [placed(ranked[n], parked=False) for n in chosen.scheduled]
    parked = [placed(ranked[n], parked=True, reason=unfit) for n in chosen.parked]
    position = {title: n for n, title in enumerate(generated.sections)}
    items = sorted(  # sections in order; in each, generated items by rank, then standing ones
        [*scheduled, *standing],
        key=lambda i: (position[i.section], i.kind is ItemKind.STANDING),
    )
    return dataclasses.replace(generated, items=tuple(items), parked=tuple(parked))


def _rank(item: AgendaItem) -> tuple[bool, float, int, str, str]:
    """The engine's rank: urgent first, then by score; ties by kind, title and key."""
    return (
        not is_urgent(item),
        -item.score,
        KIND_ORDER[item.kind],
        item.title.casefold(),
        item.key,
    )
