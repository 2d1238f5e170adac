"""Carry-over: what the previous meeting left pending or deferred comes back, with its date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import Candidate
from checkin.core.agenda.context import Context
from checkin.core.agenda.model import Template
from checkin.core.enums import ItemKind, ItemStatus
from checkin.core.meeting import Reason

LEFT_OPEN = (ItemStatus.PENDING, ItemStatus.DEFERRED)


def carried_over(day: date) -> Reason:
    """The reason every carried item gets: "carried from 2026-11-03"."""
    return Reason(
        rule="carried_over", score=weights.CARRIED, text=f"carried from {day.isoformat()}"
    )


def carry_over(
    candidates: Mapping[str, Candidate], ctx: Context, template: Template
) -> tuple[dict[str, Candidate], dict[str, date]]:
    """Add the previous meeting's pending and deferred items to ``candidates``.

    An item a rule proposes again gets the carried reason on top of its own (one item per
    record). Anything else comes back as it was: custom items with their title and minutes,
    records with the title they had. A standing item of ``template`` (same key or same title)
    is not duplicated: its key is returned with the date, for the engine to label.
    Items parked in the previous meeting were not discussed either, so they carry over too.
    """
    result = dict(candidates)
    standing: dict[str, date] = {}
    last = ctx.last
    if last is None:
        return result, standing
    day = last.day
    reason = carried_over(day)
    by_title = {item.title.casefold(): item.key for item in template.standing}
    keys = {item.key for item in template.standing}
    for item in last.agenda:
        if item.status not in LEFT_OPEN:
            continue
        key = item.source_ref or item.key
        template_key = key if key in keys else None
        if template_key is None and item.kind is ItemKind.STANDING:
            template_key = by_title.get(item.title.casefold())  # keys differ between templates
        if template_key is not None:
            standing.setdefault(template_key, day)
            continue
        found = result.get(key)
        if found is not None:
            if found.carried_from is None:
                found.add_reason(reason)
                found.item.carried_from = day
            continue
        # A standing item of another template becomes a one-off topic of this meeting.
        kind = ItemKind.CUSTOM if item.kind is ItemKind.STANDING else item.kind
        result[key] = Candidate(
            key=key,
            kind=kind,
            title=phrases.title(item.title),
            timing=kind.value,
            reasons=(reason,),
            source_ref=item.source_ref,
            owner=phrases.shorten(item.owner, 80),
            minutes=item.planned_minutes or None,
            carried_from=day,
        )
    return result, standing
