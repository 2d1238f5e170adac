"""The order of importance, and the meeting order that groups it into the template's sections.

Importance (DESIGN.md section 3, invariants 2, 3 and 7):

1. Open critical issues come first, then the other must-discuss topics (48-hour breaches, our
   overdue commitments, items deferred to this meeting), then everything else, standing
   items included. Within each band the score decides, then the facts (``Facts.key``), then
   the record's key: never the title.
2. Among issues of one severity, a breach comes before no breach and a longer breach before a
   shorter one: issues of a severity are re-dealt over the places they hold, so nothing else
   moves.

The meeting reads in that order, grouped by sections: a section takes its place from its most
important item. The template pins only its opening items (the standing items of the sections
before the first that takes generated items) and its closing ones (the standing items of its
last section); these keep their template places at the start and the end.
"""

from __future__ import annotations

from collections.abc import Sequence

from checkin.core.agenda.candidate import Candidate
from checkin.core.agenda.model import Template
from checkin.core.enums import ItemKind
from checkin.core.meeting import AgendaItem

_ISSUE = ItemKind.ISSUE

CLOSING_SECTION = "To close"  # the closing items, when their section moved up with its topics
# The must-discuss topics, in strict order of importance, when they come from several sections
# or share theirs with less important topics (see _open_with_priorities).
PRIORITIES_SECTION = "Priorities"


def importance_key(c: Candidate) -> tuple[int, float, int, int, int, int, int, str]:
    """Band (0 critical issue, 1 must-discuss, 2 the rest), then score, facts (as in
    ``Facts.key``, spelled out: a busy account ranks fifteen hundred topics) and key."""
    band = 0 if c.critical else 1 if c.must else 2
    f = c.facts
    return (band, -c.score, f[0], -f[1], -f[2], f[3], -f[4], c.key)


def rank(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates from the most to the least important (see the module docstring)."""
    ranked = sorted(candidates, key=importance_key)
    places: dict[int, list[int]] = {}
    for place, candidate in enumerate(ranked):
        if candidate.kind is _ISSUE:
            places.setdefault(candidate.facts.severity, []).append(place)
    for held in places.values():
        # Breaches first, the longer first; otherwise the order already found (band, score).
        hours = [ranked[p].facts.breach_hours for p in held]
        issues = sorted(range(len(held)), key=lambda n: (hours[n] <= 0, -hours[n], held[n]))
        dealt = [ranked[held[n]] for n in issues]
        for place, issue in zip(held, dealt, strict=True):
            ranked[place] = issue
    return ranked


def pinned(template: Template) -> tuple[frozenset[str], frozenset[str]]:
    """The keys of the template's opening and closing standing items."""
    opening: set[str] = set()
    sections = template.sections
    lead = 0
    while lead < len(sections) and not sections[lead].kinds:
        opening.update(s.key for s in sections[lead].standing)
        lead += 1
    closing: set[str] = set()
    if sections and lead < len(sections):
        closing.update(s.key for s in sections[-1].standing)
    return frozenset(opening), frozenset(closing)


def meeting_order(
    items: Sequence[AgendaItem], template: Template
) -> tuple[list[str], list[AgendaItem]]:
    """Sections and items in meeting order, from ``items`` in importance order (sections set).

    Opening items first, in template order; then each section in the order of its most
    important item, its items in importance order; then the closing items, in template order,
    under their own section when it has moved up with its other topics. Template sections that
    have no item stay listed (the planner can move items into them), before the closing one.
    """
    opening, closing = pinned(template)
    template_order = {s.key: n for n, s in enumerate(template.standing)}
    first = sorted((i for i in items if i.key in opening), key=lambda i: template_order[i.key])
    last = sorted((i for i in items if i.key in closing), key=lambda i: template_order[i.key])
    middle: dict[str, list[AgendaItem]] = {}
    between = [i for i in items if i.key not in opening and i.key not in closing]
    _open_with_priorities(between)
    for item in between:
        middle.setdefault(item.section, []).append(item)
    if last and last[0].section in middle:
        for item in last:
            item.section = CLOSING_SECTION
    ordered = [*first, *(i for group in middle.values() for i in group), *last]
    sections = list(dict.fromkeys([i.section for i in first] + list(middle)))
    empty = [s.title for s in template.sections if s.title not in sections]
    closing_titles = list(dict.fromkeys(i.section for i in last))
    sections += [t for t in empty if t not in closing_titles] + closing_titles
    return sections, ordered


def _open_with_priorities(items: Sequence[AgendaItem]) -> None:
    """Gather the must-discuss topics under PRIORITIES_SECTION when grouping by section would
    put a less important topic before one of them, or keep one of them from the front.

    Sections group topics and a section takes the place of its most important one, so a
    critical issue would bring every issue of its section (a typo too) ahead of our overdue
    promise in the actions section, and our overdue promise would bring a training day booked
    for next month ahead of the client's new issue. The must-discuss topics (critical issues,
    48-hour breaches, our overdue commitments, items deferred to this meeting) open the meeting
    instead, in importance order, and the other topics keep their sections, each in the place
    of its most important one. When the must-discuss topics are a whole section on their own,
    that section opens the meeting and keeps its title.
    """
    must = [item for item in items if item.must_discuss]
    if not must:
        return
    homes = {item.section for item in must}
    shared = any(item.section in homes and not item.must_discuss for item in items)
    if len(homes) > 1 or shared:
        for item in must:
            item.section = PRIORITIES_SECTION
