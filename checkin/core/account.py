"""The records the app needs before its first frame: ``Record``, the fields every record
has, and ``Account``. ``checkin.core.records`` re-exports both with the other records (import
them from there); they live here so that starting the app, which lists accounts only, does
not build every record class (each class statement costs 0.3-0.7 ms)."""

from __future__ import annotations

import dataclasses
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar

from checkin.core import rules
from checkin.core.base_enums import Phase, RecordKind, Tier
from checkin.core.errors import Problem, ValidationError

if TYPE_CHECKING:
    from checkin.core import schedule

_COMPARED: dict[type, Callable[[object], object]] = {}


def _compared(cls: type[Record]) -> Callable[[object], object]:
    """The values two records of ``cls`` are equal by: its compared fields, in order."""
    values = _COMPARED.get(cls)
    if values is None:
        names = [f.name for f in dataclasses.fields(cls) if f.compare]
        values = _COMPARED[cls] = operator.attrgetter(*names)
    return values


@dataclass(kw_only=True, eq=False, repr=False)
class Record:
    """Fields every record has: an app-owned id and its timestamps.

    Equality and repr are the dataclass ones (same class and equal fields; the class name and
    each field), written once here instead of generated for every record class: each
    generated method is compiled from source when the module loads, a cost every start of the
    app paid before its first frame. Subclasses say ``eq=False, repr=False`` to keep these.
    """

    LABEL: ClassVar[str] = "record"
    KIND: ClassVar[RecordKind]  # each kind of record names its own
    id: str
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        problems = list(self.problems())
        if problems:
            raise ValidationError(self.LABEL, problems)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _compared(type(self))
        return bool(values(self) == values(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: as a dataclass with eq makes it

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr
        )
        return f"{type(self).__qualname__}({shown})"

    def problems(self) -> Iterator[Problem]:
        """Every rule this record breaks; empty when it is valid."""
        if not self.id:
            yield Problem("id", "must not be empty")


@dataclass(kw_only=True, eq=False, repr=False)
class Account(Record):
    """A client account: who they are, how often we meet, what they are worth."""

    LABEL: ClassVar[str] = "Account"
    KIND: ClassVar[RecordKind] = RecordKind.ACCOUNT
    name: str
    slug: str
    tier: Tier = Tier.STANDARD
    cadence_days: int = 30
    phase: Phase = Phase.NORMAL
    our_owner: str = ""
    culture_notes: str = ""
    dos: str = ""
    donts: str = ""
    archived: bool = False
    # Commercial context: when the contract renews, what it is worth a year, how many seats.
    renewal: date | None = None
    contract_value: int | None = None
    seats: int | None = None
    # Meeting preferences, as typed (see checkin.core.schedule): preferred weekdays ("tue,
    # thu"; empty: any working day), time of day ("10:00"), the client's time zone (an IANA
    # name; empty: ours) and weekdays to avoid ("mon").
    meeting_days: str = ""
    meeting_time: str = ""
    time_zone: str = ""
    avoid_days: str = ""

    def problems(self) -> Iterator[Problem]:
        yield from Record.problems(self)
        yield from rules.required_text("name", self.name, max_len=120)
        from checkin.core import schedule  # meeting preferences: not needed to list accounts

        yield from schedule.problems(
            self.meeting_days, self.meeting_time, self.time_zone, self.avoid_days
        )
        if self.contract_value is not None and self.contract_value < 0:
            yield Problem("contract_value", f"must not be negative, not {self.contract_value}")
        yield from rules.in_range("seats", self.seats, 1, 10_000_000)
        if not re.match(rules.SLUG_PATTERN, self.slug or ""):
            yield Problem(
                "slug",
                f"{self.slug!r} must be 1-40 lowercase letters, digits or inner hyphens",
            )
        yield from rules.one_of("tier", self.tier, Tier)
        yield from rules.one_of("phase", self.phase, Phase)
        yield from rules.in_range("cadence_days", self.cadence_days, 1, 31)

    @property
    def preferences(self) -> schedule.Preferences:
        """The meeting preferences, read; ones that no longer parse count as none."""
        from checkin.core import schedule

        try:
            return schedule.Preferences.read(
                self.meeting_days, self.meeting_time, self.time_zone, self.avoid_days
            )
        except ValueError:
            return schedule.Preferences()
