"""Friendly date parsing ("fri", "+3d", "next week") and ISO 8601 helpers."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# Patterns, compiled by ``re`` (and kept in its cache) the first time a date is typed: the
# app's start reads none.
_RELATIVE = r"^(?:in\s+)?\+?(\d{1,3})\s*(d|days?|w|weeks?|m|months?)$"
_DAY_MONTH = r"^(\d{1,2})\s+([a-z]{3,9})(?:\s+(\d{4}))?$"
_MONTH_DAY = r"^([a-z]{3,9})\s+(\d{1,2})(?:,?\s+(\d{4}))?$"

# The names a typed date may spell out (the parser reads English, whatever the locale).
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

DATE_HINT = "use 2026-12-01, today, tomorrow, fri, next fri, +3d, +2w, next week, eom or 1 dec"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, _days_in(year, month)))


def _days_in(year: int, month: int) -> int:
    """How many days the month has."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day


def _weekday(word: str) -> int | None:
    for index, name in enumerate(WEEKDAYS):
        if len(word) >= 3 and name.startswith(word[:3]) and _DAY_NAMES[index].startswith(word):
            return index
    return None


def _month(word: str) -> int | None:
    for index, name in enumerate(MONTHS):
        if len(word) >= 3 and word.startswith(name) and _MONTH_NAMES[index].startswith(word):
            return index + 1
    return None


def _upcoming(today: date, weekday: int, *, skip_week: bool = False) -> date:
    ahead = (weekday - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead + (7 if skip_week else 0))


def _named_day(day: int, month: int, year: int | None, today: date) -> date:
    if year is not None:
        return date(year, month, day)
    candidate = date(today.year, month, day)
    return candidate if candidate >= today else date(today.year + 1, month, day)


def parse_date(text: str, today: date) -> date:
    """Parse a date as a user types it, relative to ``today``.

    Raises ValueError with a message that lists the accepted forms.
    """
    word = " ".join(text.strip().lower().split())
    if not word:
        raise ValueError(f"enter a date: {DATE_HINT}")
    try:
        return date.fromisoformat(word)
    except ValueError:
        pass
    simple = {
        "today": today,
        "tod": today,
        "tomorrow": today + timedelta(days=1),
        "tmr": today + timedelta(days=1),
        "yesterday": today - timedelta(days=1),
        "next week": today + timedelta(days=7 - today.weekday()),
        "eow": today + timedelta(days=(4 - today.weekday()) % 7),
        "eom": date(today.year, today.month, _days_in(today.year, today.month)),
        "end of month": date(today.year, today.month, _days_in(today.year, today.month)),
        "next month": add_months(today, 1),
    }
    if word in simple:
        return simple[word]
    if (match := re.match(_RELATIVE, word)) is not None:
        count, unit = int(match.group(1)), match.group(2)[0]
        if unit == "d":
            return today + timedelta(days=count)
        if unit == "w":
            return today + timedelta(weeks=count)
        return add_months(today, count)
    skip = word.startswith("next ")
    weekday = _weekday(word[5:] if skip else word)
    if weekday is not None:
        return _upcoming(today, weekday, skip_week=skip)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if (match := re.match(pattern, word)) is not None and (
            month := _month(match.group(month_group))
        ):
            year = int(match.group(3)) if match.group(3) else None
            try:
                return _named_day(int(match.group(day_group)), month, year, today)
            except ValueError:
                raise ValueError(f"{text.strip()!r} is not a day of the calendar") from None
    raise ValueError(f"{text.strip()!r} is not a date I understand: {DATE_HINT}")


def parse_datetime(text: str) -> datetime:
    """Parse an ISO 8601 date or date-time; an aware value is converted to local time."""
    value = text.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO 8601 date-time such as 2026-11-22T09:00"
        ) from None
    return to_local(parsed)


MOMENT_HINT = (
    "use an ISO 8601 date-time such as 2026-11-22T09:00, or a date as the forms take it "
    "(tomorrow, fri, +3d) with an optional HH:MM"
)
_CLOCK = r"^(?P<day>.*?)(?:\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2}))?$"


def parse_moment(text: str, now: datetime) -> datetime:
    """A moment on the command line: an ISO 8601 date-time, or a date as the forms take it
    ("tomorrow", "fri", "+3d", "1 dec") optionally followed by a time ("fri 14:30", "tomorrow
    at 9:00"). A date without a time is the start of that day, as an ISO date is.

    Raises ValueError with a message that gives both forms.
    """
    value = text.strip()
    try:
        return parse_datetime(value)
    except ValueError:
        pass
    match = re.match(_CLOCK, value)
    if match is None or not match.group("day"):
        raise ValueError(f"{value!r} is not a moment I understand: {MOMENT_HINT}")
    try:
        day = parse_date(match.group("day"), now.date())
    except ValueError:
        raise ValueError(f"{value!r} is not a moment I understand: {MOMENT_HINT}") from None
    hour, minute = int(match.group("hour") or 0), int(match.group("minute") or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{value!r}: {hour}:{minute:02d} is not a time of day (00:00 to 23:59)")
    return datetime.combine(day, time(hour, minute))


def has_clock(text: str) -> bool:
    """Whether a moment as typed names a time of day ("fri 14:30", "2026-12-01T09:00")."""
    value = text.strip()
    match = re.match(_CLOCK, value)
    return bool(match and match.group("hour")) or bool(re.search(r"[T ]\d{1,2}:\d{2}", value))


def to_local(value: datetime) -> datetime:
    """Naive local wall-clock time, the convention of every stored timestamp."""
    if value.tzinfo is not None:
        return value.astimezone().replace(tzinfo=None)
    return value


def human_date(day: date | None, today: date | None = None) -> str:
    """'2026-12-01' or, near ``today``, 'today' / 'tomorrow' / 'yesterday'."""
    if day is None:
        return "—"
    if today is not None:
        delta = (day - today).days
        if delta == 0:
            return "today"
        if delta == 1:
            return "tomorrow"
        if delta == -1:
            return "yesterday"
    return day.isoformat()
