"""Rebuilding an agenda (regenerate, another template or length): the engine's fresh agenda
with the items the user added kept and fitted, so a rebuild never makes it run over."""

from __future__ import annotations

import dataclasses

from checkin.core.agenda.arrangement import Arrangement, add, insert, placed
from checkin.core.agenda.engine import did_not_fit as engine_did_not_fit
from checkin.core.agenda.model import OTHER_SECTION
from checkin.core.agenda.timing import fit
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
    return engine_did_not_fit(length_minutes)


def rebuilt(generated: Arrangement, previous: Arrangement, section: str | None) -> Arrangement:
    """``generated`` (the engine's agenda) with the items the user added to ``previous`` kept,
    moved to ``section`` (the new template's section for custom items). Never over the length.

    An added item the user parked stays parked, at the top of the parking lot. The others rank
    right after the must-discuss topics (a topic the user added is what they came to discuss)
    and everything is fitted again as the engine fits: shortened, least important first, down
    to each item's minimum, then parked, least important first, saying "did not fit in N min".
    """
    home = section or OTHER_SECTION
    unfit = did_not_fit(generated.length_minutes)
    by_user: list[AgendaItem] = []
    added: list[AgendaItem] = []
    for item in hand_added(previous):
        if item.key in generated:
            continue
        moved = dataclasses.replace(item, section=home)
        if parked_by_user(item):
            by_user.append(moved)
        else:
            added.append(placed(moved, parked=False))
    result = generated
    if added:
        result = _refitted(generated, added, unfit)
    sections = result.sections
    for item in (*by_user, *result.parked):
        if item.section not in sections:
            sections = (*sections, item.section)
    return dataclasses.replace(result, sections=sections, parked=(*by_user, *result.parked))


def _refitted(generated: Arrangement, added: list[AgendaItem], unfit: Reason) -> Arrangement:
    """The engine's fit again with the ``added`` items ranked after the must-discuss ones."""
    ranked = sorted([*generated.items, *generated.parked], key=lambda i: (i.rank, i.key))
    musts = sum(1 for item in ranked if item.must_discuss)
    ranked[musts:musts] = added
    wanted = [item.planned_minutes for item in ranked]
    minimum = [
        min(w, max(1, item.min_minutes)) if w else 0 for item, w in zip(ranked, wanted, strict=True)
    ]
    plan = fit(wanted, minimum, generated.length_minutes)
    kept = {item.key: plan.minutes[n] for n, item in enumerate(ranked[: plan.kept])}
    result = dataclasses.replace(
        generated,
        items=tuple(
            dataclasses.replace(item, planned_minutes=kept[item.key])
            for item in generated.items
            if item.key in kept
        ),
        parked=tuple(
            placed(item, parked=True, reason=unfit)
            for item in ranked[plan.kept :]
            if item.key not in {a.key for a in added}
        ),
    )
    for item in generated.parked:  # room again once the others were shortened
        if item.key in kept:
            back = placed(item, parked=False)
            result = insert(result, dataclasses.replace(back, planned_minutes=kept[item.key]))
    for item in added:
        if item.key in kept:
            result = add(result, dataclasses.replace(item, planned_minutes=kept[item.key]))
    lost = [placed(i, parked=True, reason=unfit) for i in added if i.key not in kept]
    return dataclasses.replace(result, parked=(*lost, *result.parked))
