"""What the agenda engine reads (an account's records, a template) and what it returns."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from checkin.core.enums import ItemKind
from checkin.core.meeting import AgendaItem, Meeting
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue, RoadmapItem

# The kinds a template section can take: everything the engine generates or carries over.
GENERATED_KINDS: tuple[ItemKind, ...] = (
    ItemKind.ISSUE,
    ItemKind.FOLLOW_UP,
    ItemKind.ACTION,
    ItemKind.ROADMAP,
    ItemKind.FEEDBACK,
    ItemKind.RELATIONSHIP,
    ItemKind.CUSTOM,
)
# Sections the engine adds when a template leaves no place for an item (see build_agenda).
URGENT_SECTION = "Urgent issues"
OTHER_SECTION = "Other topics"


@dataclass(frozen=True, kw_only=True)
class AccountData:
    """One account and its records: everything the engine needs, nothing it reads itself.

    ``meetings`` may be limited to the recent ended ones (the last few, and those of the
    follow-up window): older meetings never change an agenda.
    """

    account: Account
    contacts: Sequence[Contact] = ()
    issues: Sequence[Issue] = ()
    roadmap: Sequence[RoadmapItem] = ()
    feedback: Sequence[Feedback] = ()
    actions: Sequence[ActionItem] = ()
    meetings: Sequence[Meeting] = ()


@dataclass(frozen=True, kw_only=True)
class StandingItem:
    """A template item that is on every agenda made from the template."""

    key: str  # "standing:<slug of the title>"
    title: str
    minutes: int


@dataclass(frozen=True, kw_only=True)
class Section:
    """A heading of the template: the generated kinds it takes and its standing items."""

    title: str
    kinds: tuple[ItemKind, ...] = ()
    standing: tuple[StandingItem, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Template:
    """A parsed agenda template (see agendas/README.md for the file syntax)."""

    name: str
    title: str
    minutes: int
    sections: tuple[Section, ...]
    description: str = ""
    # Planned minutes per item, overriding the engine's defaults: "issue.critical" -> 12.
    item_minutes: dict[str, int] = field(default_factory=dict)
    source: str = ""  # where it was read from, for messages

    @property
    def standing(self) -> tuple[StandingItem, ...]:
        """Every standing item, in template order."""
        return tuple(item for section in self.sections for item in section.standing)

    def section_for(self, kind: ItemKind) -> str | None:
        """The title of the section that takes ``kind``, if any."""
        return next((s.title for s in self.sections if kind in s.kinds), None)


class PlannedItems:
    """What a built agenda and an arrangement of it share: items against a meeting length."""

    items: Sequence[AgendaItem]
    length_minutes: int

    @property
    def planned_minutes(self) -> int:
        """Minutes planned for the items on the agenda (the parking lot excluded)."""
        return sum(item.planned_minutes for item in self.items)

    @property
    def free_minutes(self) -> int:
        """Minutes left in the meeting; negative when the agenda runs over."""
        return self.length_minutes - self.planned_minutes

    def in_section(self, title: str) -> list[AgendaItem]:
        """The items of one section, in meeting order."""
        return [item for item in self.items if item.section == title]


@dataclass(frozen=True, kw_only=True)
class AgendaWarning:
    """Something about the relationship the account manager should know before the call
    (cadence overdue, no focal contact, falling ratings...): shown in a banner, not timed.

    ``rule`` names what raised it ("cadence_overdue"); more kinds can be added by new rules.
    """

    rule: str
    text: str


@dataclass(kw_only=True)
class Agenda(PlannedItems):
    """A built agenda: items in meeting order, the parking lot, and what it was built for.

    The engine may leave the parking lot to be made when ``parked`` is first read
    (:meth:`parking_later`): a busy account parks some fifteen hundred topics, and an agenda
    is often read only for what fits. Reading ``parked`` then gives exactly the items an
    eager build would have (equality, ``repr`` and ``dataclasses.replace`` read it too).
    """

    account: Account
    template: str
    title: str  # the template's title ("Monthly check-in")
    length_minutes: int
    now: datetime
    sections: list[str]  # titles in meeting order, including sections the engine added
    items: list[AgendaItem]
    parked: list[AgendaItem]
    warnings: list[AgendaWarning] = field(default_factory=list)

    @classmethod
    def parking_later(cls, make: Callable[[], list[AgendaItem]], **fields: Any) -> Agenda:
        """An agenda whose ``parked`` is ``make()``, called once, when first read."""
        agenda = cls(parked=[], **fields)
        del agenda.parked  # read through __getattr__ until made
        agenda.__dict__[_LATER] = _Once(make)
        return agenda

    if not TYPE_CHECKING:  # mypy would take any attribute name as valid

        def __getattr__(self, name: str) -> Any:
            # Only called for an attribute that is not there: ``parked`` not made yet.
            later = self.__dict__.get(_LATER) if name == "parked" else None
            if later is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            parked = later()
            self.__dict__.setdefault("parked", parked)
            return self.__dict__["parked"]


_LATER = "_parked_later"


class _Once:
    """``make()``, called at most once (even from two threads), its result kept."""

    def __init__(self, make: Callable[[], list[AgendaItem]]) -> None:
        self._make: Callable[[], list[AgendaItem]] | None = make
        self._made: list[AgendaItem] = []
        self._lock = threading.Lock()

    def __call__(self) -> list[AgendaItem]:
        with self._lock:
            if self._make is not None:
                self._made = self._make()
                self._make = None
            return self._made

    def __reduce__(self) -> tuple[Callable[..., _Once], tuple[list[AgendaItem]]]:
        """Copied or pickled as what it makes (a lock cannot be copied)."""
        return _made, (self(),)


def _made(items: list[AgendaItem]) -> _Once:
    return _Once(lambda: items)
