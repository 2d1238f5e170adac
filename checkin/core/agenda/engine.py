"""``build_agenda``: the rules' topics, ranked by importance, fitted into the length, grouped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from checkin.core.agenda import weights
from checkin.core.agenda.action_rules import action_candidates
from checkin.core.agenda.candidate import Candidate
from checkin.core.agenda.carry import carry_over
from checkin.core.agenda.commercial_rules import COMMERCIAL_RULES, commercial_candidates
from checkin.core.agenda.context import Context
from checkin.core.agenda.feedback_rules import feedback_candidates
from checkin.core.agenda.issue_rules import issue_candidates
from checkin.core.agenda.link import link_topics
from checkin.core.agenda.model import (
    OTHER_SECTION,
    AccountData,
    Agenda,
    AgendaWarning,
    Template,
)
from checkin.core.agenda.order import meeting_order, rank
from checkin.core.agenda.relationship_rules import relationship_candidates, relationship_warnings
from checkin.core.agenda.roadmap_rules import roadmap_candidates
from checkin.core.agenda.timing import fit, minimum_minutes, planned_minutes
from checkin.core.enums import ItemKind
from checkin.core.meeting import AgendaItem, Reason
from checkin.core.rules import TIMED_MINUTES

KIND_ORDER = {kind: n for n, kind in enumerate(ItemKind)}


def did_not_fit(length_minutes: int) -> Reason:
    """The engine's reason for an item in the parking lot for want of time."""
    return Reason(rule="time_fit", score=0, text=f"did not fit in {length_minutes} min")


def build_agenda(
    data: AccountData, template: Template, length_minutes: int, now: datetime
) -> Agenda:
    """The agenda of ``data.account``'s check-in starting at ``now``: pure and deterministic.

    ``now`` is the meeting's start: every reason is worded as of that moment.

    1. Rules propose topics, each with its reasons; the previous meeting's pending and
       deferred items come back (carry.py); related records join one topic (link.py).
       Issues and actions, the bulk of a busy account, come as deferred topics: their score
       and facts now, their title and reasons when read (Candidate.deferred).
    2. Topics and the template's standing items are ranked by importance (order.py).
    3. They are fitted into the length: shortened, least important first, down to their
       minimum, then parked, least important first (timing.fit). Parked items say why; they
       are made when the agenda's ``parked`` is first read (Agenda.parking_later), and read
       exactly as if they had been made here.
    4. The kept items are grouped by section, each section in the place of its most important
       item; the template's opening and closing items keep their places (order.py).
    """
    ctx = Context.build(data, now)
    topics = carry_over(_proposals(data, ctx), ctx, template)
    topics = link_topics(topics, data.issues, data.actions, data.roadmap, ctx.today)
    homes = {kind: template.section_for(kind) or OTHER_SECTION for kind in ItemKind}
    homes[ItemKind.STANDING] = homes[ItemKind.CUSTOM]  # a standing item of another template
    ranked = rank([*topics.values(), *_standing(template)])
    wanted, minimum = _timed(ranked, template)
    plan = fit(wanted, minimum, max(0, length_minutes))

    items: list[AgendaItem] = []
    for place in range(plan.kept):
        candidate = ranked[place]
        item = candidate.item
        if not item.section:
            item.section = homes[item.kind]
        item.rank = place + 1
        item.must_discuss = candidate.must
        item.min_minutes = minimum[place]
        item.planned_minutes = plan.minutes[place]
        items.append(item)
    sections, ordered = meeting_order(items, template)
    for candidate in ranked[plan.kept :]:
        made = candidate.made
        section = made.section if made is not None and made.section else homes[candidate.kind]
        if section not in sections:
            sections.append(section)
    lot = _ParkingLot(ranked, plan.kept, wanted, minimum, homes, did_not_fit(length_minutes))
    return Agenda.parking_later(
        lot.items,
        account=data.account,
        template=template.name,
        title=template.title,
        length_minutes=length_minutes,
        now=now,
        sections=sections,
        items=ordered,
        warnings=[*relationship_warnings(ctx), *_commercial_warnings(data, ctx)],
    )


class _ParkingLot:
    """The items that did not fit, in importance order, made when the agenda's parking lot is
    first read: on a busy account that is most of its fifteen hundred topics, and a plan is
    often read only for what fits. Each is finished as the kept ones are, and says why."""

    def __init__(
        self,
        ranked: list[Candidate],
        first: int,
        wanted: list[int],
        minimum: list[int],
        homes: dict[ItemKind, str],
        unfit: Reason,
    ) -> None:
        self.ranked, self.first, self.homes, self.unfit = ranked, first, homes, unfit
        self.wanted, self.minimum = wanted, minimum

    def items(self) -> list[AgendaItem]:
        parked: list[AgendaItem] = []
        homes, unfit = self.homes, self.unfit
        for place in range(self.first, len(self.ranked)):
            candidate = self.ranked[place]
            item = candidate.item
            if not item.section:
                item.section = homes[item.kind]
            item.rank = place + 1
            item.must_discuss = candidate.must
            item.min_minutes = self.minimum[place]
            item.planned_minutes = self.wanted[place]
            item.reasons.append(unfit)
            item.parked = True
            parked.append(item)
        return parked


def _commercial_warnings(data: AccountData, ctx: Context) -> list[AgendaWarning]:
    """The renewal and sponsor rules, as warnings too (they also take agenda time)."""
    found = []
    for rule, _title in COMMERCIAL_RULES:
        reason = rule(ctx, data.contacts)
        if reason is not None:
            found.append(AgendaWarning(rule=reason.rule, text=reason.text))
    return found


def _standing(template: Template) -> Iterator[Candidate]:
    """The template's standing items, as topics that rank with the others."""
    reason = Reason(
        rule="standing", score=weights.STANDING, text=f"standing item of the {template.title}"
    )
    for section in template.sections:
        for stand in section.standing:
            candidate = Candidate(
                key=stand.key,
                kind=ItemKind.STANDING,
                title=stand.title,
                timing="standing",
                reasons=(reason,),
                minutes=stand.minutes,
            )
            candidate.item.section = section.title
            yield candidate


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


def _timed(ranked: list[Candidate], template: Template) -> tuple[list[int], list[int]]:
    """Planned and minimum minutes per candidate: the template's or the default for its
    timing key (a standing or carried custom item keeps its own), plus a minute per record
    joined into the topic. A busy account has a thousand topics and a dozen timing keys, so
    each key is looked up once."""
    by_key: dict[str, tuple[int, int]] = {}
    wanted: list[int] = []
    minimum: list[int] = []
    for candidate in ranked:
        timing = candidate.timing
        extra = candidate.joined
        if candidate.minutes is None and not extra:
            pair = by_key.get(timing)
            if pair is None:
                base = planned_minutes(timing, template.item_minutes)
                pair = by_key[timing] = (base, minimum_minutes(timing, base))
            wanted.append(pair[0])
            minimum.append(pair[1])
            continue
        if candidate.minutes is not None:
            base = candidate.minutes
        else:
            base = planned_minutes(timing, template.item_minutes)
        want = min(TIMED_MINUTES.high, base + extra)
        wanted.append(want)
        if candidate.kind is ItemKind.STANDING:
            minimum.append(max(1, want // 2) if want else 0)
        else:
            minimum.append(minimum_minutes(timing, want))
    return wanted, minimum
