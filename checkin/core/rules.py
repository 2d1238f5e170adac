"""The domain's limits, in one place, and the small checks records use to validate fields."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import NamedTuple

from checkin.core.errors import Problem

# Patterns, compiled by ``re`` (and kept in its cache) when a record is first checked.
SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$"
MAX_SLUG = 40  # the longest slug SLUG_PATTERN takes
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
MAX_TITLE = 300


class Limit(NamedTuple):
    """An inclusive range of whole numbers a field may take ("5 to 480")."""

    low: int
    high: int

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.low <= value <= self.high

    def __str__(self) -> str:
        return f"{self.low} to {self.high}"

    def problems(self, field: str, value: int | None) -> Iterator[Problem]:
        """A problem when ``value`` is given and outside the range (None is not checked)."""
        return in_range(field, value, self.low, self.high)


# A meeting's length in minutes: forms, the command line, templates and the record agree.
MEETING_MINUTES = Limit(5, 480)
# The minutes a person plans for one agenda item (the planner, a template's standing items):
# at least one, and never more than the longest meeting. (Templates capped items at 120 and
# the planner at 480; 480 is the one that follows from the rule that an item never outlasts
# its meeting, so a 4-hour workshop template can give one item 3 hours.)
ITEM_MINUTES = Limit(1, MEETING_MINUTES.high)
# The minutes stored on an agenda item and a template's ``timing`` entries: as above, and 0
# for an item the template gives no time of its own (it is still listed).
TIMED_MINUTES = Limit(0, ITEM_MINUTES.high)
RATING = Limit(1, 5)  # a meeting's rating
HEALTH_SCORE = Limit(0, 100)  # the relationship health score kept with a meeting


def required_text(field: str, value: str, *, max_len: int = MAX_TITLE) -> Iterator[Problem]:
    """A one-line text that must be present and not too long."""
    if not value or not value.strip():
        yield Problem(field, "must not be empty")
    elif len(value) > max_len:
        yield Problem(field, f"is {len(value)} characters long; the limit is {max_len}")
    elif "\n" in value or "\r" in value:
        yield Problem(field, "must be a single line")


def one_of(field: str, value: object, allowed: type) -> Iterator[Problem]:
    """The value must be a member of the enum ``allowed``."""
    if not isinstance(value, allowed):
        names = ", ".join(str(m) for m in allowed)  # type: ignore[attr-defined]
        yield Problem(field, f"{value!r} is not one of: {names}")


def in_range(field: str, value: int | None, low: int, high: int) -> Iterator[Problem]:
    if value is not None and not (low <= value <= high):
        yield Problem(field, f"must be between {low} and {high}, not {value}")


def not_before(
    field: str,
    value: date | datetime | None,
    earlier_field: str,
    earlier: date | datetime | None,
) -> Iterator[Problem]:
    """``value`` may not come before ``earlier`` (dates compare by day)."""
    if value is None or earlier is None:
        return
    a = value.date() if isinstance(value, datetime) else value
    b = earlier.date() if isinstance(earlier, datetime) else earlier
    if a < b:
        yield Problem(field, f"{a.isoformat()} is before the {earlier_field} date {b.isoformat()}")
