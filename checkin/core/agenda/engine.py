"""``build_agenda``: the rules' proposals, ranked, placed in the template's sections and timed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from checkin.core.agenda.action_rules import action_candidates
from checkin.core.agenda.candidate import Candidate
from checkin.core.agenda.carry import carried_over, carry_over
from checkin.core.agenda.commercial_rules import commercial_candidates
from checkin.core.agenda.context import Context
from checkin.core.agenda.feedback_rules import feedback_candidates
from checkin.core.agenda.issue_rules import issue_candidates
from checkin.core.agenda.model import (
    OTHER_SECTION,
    URGENT_SECTION,
    AccountData,
    Agenda,
    Template,
)
from checkin.core.agenda.relationship_rules import relationship_candidates
from checkin.core.agenda.roadmap_rules import roadmap_candidates
from checkin.core.agenda.timing import fill_order, fit, planned_minutes, shrink_to_fit
from checkin.core.enums import ItemKind
from checkin.core.meeting import AgendaItem, Reason

KIND_ORDER = {kind: n for n, kind in enumerate(ItemKind)}


def build_agenda(
    data: AccountData, template: Template, length_minutes: int, now: datetime
) -> Agenda:
    """The agenda of ``data.account``'s check-in at ``now``: pure and deterministic.

    1. Rules propose items, each with its reasons; the previous meeting's pending and
       deferred items are added (carry.py). One item per record: its reasons add up.
    2. Items are ranked: urgent issues (critical, or a 48-hour breach) first, then by score.
    3. The template's standing items are reserved first; if they alone exceed the length,
       their minutes shrink proportionally. Generated items take what is left: first the
       urgent issues, then the best item of each section (every section gets a slot before
       any gets a second), then the rest in rank order. What does not fit goes to the
       parking lot with "did not fit in N min".
    4. Items go to the section that takes their kind. Urgent issues go to the first section
       when it takes issues, else to an "Urgent issues" section that opens the meeting; a kind
       no section takes goes to a closing "Other topics" section. Within a section, generated
       items come in rank order, then the standing items in template order.
    """
    ctx = Context.build(data, now)
    proposed, carried_standing = carry_over(_proposals(data, ctx), ctx, template)
    ranked = sorted(proposed.values(), key=_rank_key)
    urgent_first = bool(template.sections) and ItemKind.ISSUE in template.sections[0].kinds

    homes = {kind: template.section_for(kind) or OTHER_SECTION for kind in ItemKind}
    homes[ItemKind.STANDING] = homes[ItemKind.CUSTOM]  # a standing item of another template

    def section_of(candidate: Candidate) -> str:
        if candidate.urgent and not urgent_first:
            return URGENT_SECTION
        return homes[candidate.kind]

    standing_minutes = shrink_to_fit([s.minutes for s in template.standing], max(0, length_minutes))
    wanted = [_minutes(c, template) for c in ranked]
    sections_of = [section_of(c) for c in ranked]
    plan = fit(
        wanted,
        max(0, length_minutes) - sum(standing_minutes),
        fill_order([c.urgent for c in ranked], sections_of),
    )

    by_section: dict[str, list[AgendaItem]] = {}
    for index in plan.scheduled:
        item = _item(ranked[index], sections_of[index], wanted[index])
        by_section.setdefault(item.section, []).append(item)
    for item in _standing_items(template, standing_minutes, carried_standing):
        by_section.setdefault(item.section, []).append(item)

    parked_reason = Reason(rule="time_fit", score=0, text=f"did not fit in {length_minutes} min")
    parked = []
    for index in plan.parked:
        item = _item(ranked[index], sections_of[index], wanted[index])
        item.reasons.append(parked_reason)
        item.parked = True
        parked.append(item)

    used = set(by_section) | {item.section for item in parked}
    sections = [URGENT_SECTION] if URGENT_SECTION in used else []
    sections += [s.title for s in template.sections if s.title not in sections]
    if OTHER_SECTION in used and OTHER_SECTION not in sections:
        sections.append(OTHER_SECTION)
    return Agenda(
        account=data.account,
        template=template.name,
        title=template.title,
        length_minutes=length_minutes,
        now=now,
        sections=sections,
        items=[item for title in sections for item in by_section.get(title, [])],
        parked=parked,
    )


def _standing_items(
    template: Template, minutes: list[int], carried: dict[str, date]
) -> Iterator[AgendaItem]:
    """The template's standing items with their (possibly shrunk) minutes, in order."""
    sections = {stand.key: s.title for s in template.sections for stand in s.standing}
    standing = Reason(rule="standing", score=0, text=f"standing item of the {template.title}")
    for stand, planned in zip(template.standing, minutes, strict=True):
        reasons = [standing]
        day = carried.get(stand.key)
        if day is not None:
            reasons.append(carried_over(day))
        yield AgendaItem(
            key=stand.key,
            kind=ItemKind.STANDING,
            title=stand.title,
            section=sections[stand.key],
            planned_minutes=planned,
            reasons=reasons,
            score=sum(r.score for r in reasons),
            carried_from=day,
        )


def _proposals(data: AccountData, ctx: Context) -> dict[str, Candidate]:
    found: dict[str, Candidate] = {}
    for candidate in _all_candidates(data, ctx):
        found.setdefault(candidate.key, candidate)
    return found


def _all_candidates(data: AccountData, ctx: Context) -> Iterator[Candidate]:
    yield from issue_candidates(data.issues, ctx)
    yield from action_candidates(data.actions, ctx)
    yield from roadmap_candidates(data.roadmap, ctx)
    yield from feedback_candidates(data.feedback, ctx)
    yield from relationship_candidates(ctx)
    yield from commercial_candidates(data.contacts, ctx)


def _rank_key(c: Candidate) -> tuple[bool, float, int, str, str]:
    """Urgent first, then by score; ties by kind, title and key so the order is total."""
    return (not c.urgent, -c.score, KIND_ORDER[c.kind], c.title.casefold(), c.key)


def _minutes(candidate: Candidate, template: Template) -> int:
    if candidate.minutes is not None:
        return candidate.minutes
    return planned_minutes(candidate.timing, template.item_minutes)


def _item(candidate: Candidate, section: str, minutes: int) -> AgendaItem:
    item = candidate.item
    item.section = section
    item.planned_minutes = minutes
    return item
