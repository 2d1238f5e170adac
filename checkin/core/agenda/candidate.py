"""A topic a rule set proposes: the agenda item to be, and what the engine needs to rank it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from checkin.core.enums import ItemKind
from checkin.core.meeting import AgendaItem, Reason
from checkin.core.rules import MAX_TITLE

NO_SEVERITY = 9  # the severity rank of a topic that is not an issue (issues: 0 critical..3 low)
NO_DUE = date.max.toordinal()  # Facts.due of a record without a due date


class Facts(NamedTuple):
    """What ties between equally scored topics are broken by (DESIGN.md section 3,
    invariant 7): severity, breach hours, days overdue, due date, age. Never the title."""

    severity: int = NO_SEVERITY  # 0 critical .. 3 low; NO_SEVERITY for other records
    breach_hours: int = 0
    days_overdue: int = 0
    due: int = NO_DUE  # ordinal of the due (target) date
    age_days: int = 0

    def key(self) -> tuple[int, int, int, int, int]:
        """Ascending sort key: the more pressing fact first."""
        return (self.severity, -self.breach_hours, -self.days_overdue, self.due, -self.age_days)


# What a deferred topic's maker gives: title, source ref, owner, reasons (see Candidate).
Made = tuple[str, str | None, str, list[Reason]]
NO_FACTS = Facts()  # a NamedTuple is immutable: one serves every topic without facts
_SCORE = attrgetter("score")
# Every field of AgendaItem in declaration order, with its default (None for the required
# ones, which are always given): what _new_item starts from. Fields added later with a
# default are picked up here, so an engine-made item is never missing one.
_ITEM_FIELDS = {
    f.name: None if f.default is dataclasses.MISSING else f.default
    for f in dataclasses.fields(AgendaItem)
}
_ITEM_FACTORIES = tuple(
    (f.name, f.default_factory)
    for f in dataclasses.fields(AgendaItem)
    if f.default_factory is not dataclasses.MISSING
)


def _new_item(values: dict[str, Any]) -> AgendaItem:
    """``AgendaItem(**values)`` without the dataclass machinery, as the codec decodes records:
    a busy account proposes over a thousand items. Only a valid item is made this way (a
    key, a one-line title within the limit: what the rules give); anything else goes through
    ``AgendaItem``, which raises the same ValidationError as ever."""
    title = values["title"]
    if not (
        values["key"]
        and 0 < len(title) <= MAX_TITLE
        and title.strip()
        and "\n" not in title
        and "\r" not in title
    ):
        return AgendaItem(**values)
    fields = _ITEM_FIELDS.copy()
    for name, factory in _ITEM_FACTORIES:
        fields[name] = factory()
    fields.update(values)
    item = object.__new__(AgendaItem)
    item.__dict__.update(fields)
    return item


class Candidate:
    """An :class:`AgendaItem` in the making, with its band, facts and timing.

    The item is built once and the engine finishes it (section, minutes, parked): a busy
    account proposes thousands of items, so nothing is copied on the way. Ranking and fitting
    read only the key, kind, score, facts and timing; a rule set with many records makes its
    topics with :meth:`deferred`, so the item (title, reasons and their sentences) is built
    only when something reads it: the items that fit, the few that are carried over or
    joined, and the parking lot when it is read (see ``Agenda.parked``).
    """

    __slots__ = (
        "_item",
        "_make",
        "_score",
        "critical",
        "facts",
        "key",
        "kind",
        "minutes",
        "must",
        "timing",
    )

    def __init__(
        self,
        *,
        key: str,
        kind: ItemKind,
        title: str,
        timing: str,
        reasons: Iterable[Reason],
        source_ref: str | None = None,
        owner: str = "",
        must: bool = False,
        critical: bool = False,
        facts: Facts | None = None,
        minutes: int | None = None,
        carried_from: date | None = None,
    ) -> None:
        listed = list(reasons)
        score = sum(map(_SCORE, listed))
        self._item: AgendaItem | None = _new_item(
            {
                "key": key,
                "kind": kind,
                "title": title,
                "source_ref": source_ref,
                "reasons": listed,
                "score": score,
                "owner": owner,
                "carried_from": carried_from,
            }
        )
        self._make: Callable[[], Made] | None = None
        self._score = score
        self.key = key
        self.kind = kind
        self.timing = timing  # the planned-minutes key: "issue.critical", "action"...
        self.must = must  # a must-discuss topic (invariant 3)
        self.critical = critical  # an open critical issue: before every non-critical issue
        self.facts = facts or NO_FACTS
        self.minutes = minutes  # fixed minutes (a carried custom item keeps its own)

    @classmethod
    def deferred(
        cls,
        *,
        key: str,
        kind: ItemKind,
        timing: str,
        score: float,
        make: Callable[[], Made],
        must: bool = False,
        critical: bool = False,
        facts: Facts = NO_FACTS,
    ) -> Candidate:
        """A topic whose item is made when first read: ``make`` gives its title, source ref,
        owner and reasons (what ``Candidate(...)`` takes), and ``score`` must be what those
        reasons add up to, in their order (a unit test holds each rule set to it)."""
        candidate = object.__new__(cls)
        candidate._item = None
        candidate._make = make
        candidate._score = score
        candidate.key = key
        candidate.kind = kind
        candidate.timing = timing
        candidate.must = must
        candidate.critical = critical
        candidate.facts = facts
        candidate.minutes = None
        return candidate

    @property
    def item(self) -> AgendaItem:
        """The agenda item, made now if it was deferred."""
        item = self._item
        if item is None:
            assert self._make is not None
            title, source_ref, owner, reasons = self._make()
            item = self._item = _new_item(
                {
                    "key": self.key,
                    "kind": self.kind,
                    "title": title,
                    "source_ref": source_ref,
                    "reasons": reasons,
                    "score": self._score,
                    "owner": owner,
                    "carried_from": None,
                }
            )
            self._make = None
        return item

    @property
    def made(self) -> AgendaItem | None:
        """The item if it has been made (None while deferred): reading it makes nothing."""
        return self._item

    @property
    def joined(self) -> int:
        """How many other records were joined into this topic (link.py)."""
        item = self._item
        return 0 if item is None else len(item.records)

    def add_reason(self, reason: Reason) -> None:
        """One more reason (a carried-over label, a joined record's): the score follows."""
        self.item.reasons.append(reason)
        self.item.score += reason.score

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def reasons(self) -> list[Reason]:
        return self.item.reasons

    @property
    def owner(self) -> str:
        return self.item.owner

    @property
    def score(self) -> float:
        item = self._item
        return self._score if item is None else item.score

    @property
    def carried_from(self) -> date | None:
        item = self._item  # a deferred topic is never carried: no need to make it
        return None if item is None else item.carried_from

    @property
    def is_issue(self) -> bool:
        return self.kind is ItemKind.ISSUE

    @property
    def breached(self) -> bool:
        return self.facts.breach_hours > 0


def fired(reasons: Iterable[Reason | None]) -> list[Reason]:
    """The reasons of the rules that fired (a rule that does not fire returns None)."""
    return [r for r in reasons if r is not None]
