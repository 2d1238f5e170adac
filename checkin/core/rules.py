"""Small reusable checks that records use to validate their fields."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from checkin.core.errors import Problem

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
MAX_SLUG = 40  # the longest slug SLUG_RE takes
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_TITLE = 300


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
