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
# Kinds whose rules propose every record still open: when none does, the record is settled.
SETTLED_WHEN_SILENT = frozenset(
    {ItemKind.ISSUE, ItemKind.FOLLOW_UP, ItemKind.ACTION, ItemKind.FEEDBACK}
)


def carried_over(day: date) -> Reason:
    """The reason every carried item gets: "carried from 2026-11-03"."""
    return Reason(
        rule="carried_over", score=weights.CARRIED, text=f"carried from {day.isoformat()}"
    )


def deferred_to_this_meeting(day: date) -> Reason:
    """Deferred by agreement at the last meeting: it must be discussed this time."""
    text = f"deferred to this meeting on {day.isoformat()}"
    return Reason(rule="deferred", score=weights.DEFERRED, text=text)


def carry_over(
    candidates: Mapping[str, Candidate], ctx: Context, template: Template
) -> dict[str, Candidate]:
    """Add the previous meeting's pending and deferred items to ``candidates``.

    An item a rule proposes again gets the carried reason on top of its own (one item per
    record). Anything else comes back as it was: custom items with their title and minutes,
    records with the title they had. A standing item of ``template`` (same key or same title)
    is on the agenda anyway and is never "carried". An item deferred by agreement is a
    must-discuss topic. Items parked in the previous meeting were not discussed either, so
    they carry over too.
    """
    result = dict(candidates)
    last = ctx.last
    if last is None:
        return result
    day = last.day
    reason = carried_over(day)
    titles = {item.title.casefold() for item in template.standing}
    keys = {item.key for item in template.standing}
    for item in last.agenda:
        if item.status not in LEFT_OPEN:
            continue
        key = item.source_ref or item.key
        if key in keys or (item.kind is ItemKind.STANDING and item.title.casefold() in titles):
            continue
        found = result.get(key)
        if found is None:
            # A standing item of another template becomes a one-off topic of this meeting.
            kind = ItemKind.CUSTOM if item.kind is ItemKind.STANDING else item.kind
            if item.source_ref is not None and kind in SETTLED_WHEN_SILENT:
                continue  # its record no longer asks for a slot (closed, done, answered)
            found = result[key] = Candidate(
                key=key,
                kind=kind,
                title=phrases.title(item.title),
                timing=kind.value,
                reasons=(),
                source_ref=item.source_ref,
                owner=phrases.shorten(item.owner, 80),
                minutes=item.planned_minutes or None,
            )
        if found.carried_from is None:
            found.add_reason(reason)
            found.item.carried_from = day
        if item.status is ItemStatus.DEFERRED and not found.must:
            found.must = True
            found.add_reason(deferred_to_this_meeting(day))
    return result
