"""Dates as trackers write them, read per file.

Jira writes the exporting user's locale (``03/Nov/26 9:14 AM``, and re-saved by a spreadsheet
``16/02/2017 15:26``); Linear writes JavaScript date strings (``Tue Aug 23 2022 13:54:01
GMT+0000 (GMT)``); the APIs write ISO 8601 or epoch seconds / milliseconds. A numeric date's
order (day first or month first) is inferred once per file from the dates that decide it
(a first number over 12 is a day); a file where nothing decides, or where both orders occur,
is refused: guessing would silently swap days and months.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from checkin.core.dates import to_local

# Month abbreviations of the languages Jira exports in most often; none clash across them.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan ene gen janv january",
        "feb fev fév févr february",
        "mar mär mrz mars march",
        "apr abr avr april",
        "may mai mei mag",
        "jun juin giu june",
        "jul juil lug july",
        "aug ago août aout august",
        "sep sept set september",
        "oct okt out ott october",
        "nov november",
        "dec dez dic déc december",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_TIME = r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?$"
_JIRA = re.compile(r"^(\d{1,2})[/ .-]([^\W\d_]{3,5})\.?[/ .-](\d{2}|\d{4})" + _TIME)
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})" + _TIME)
# JavaScript's Date.toString(): "Tue Aug 23 2022 13:54:01 GMT+0000 (Greenwich Mean Time)".
_JS = re.compile(
    r"^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3,9})\s+(\d{1,2}),?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s*(?:GMT|UTC)?([+-]\d{2}):?(\d{2}))?(?:\s*\([^)]*\))?$"
)
_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")

_SEPARATORS = frozenset("/.-")

DAY_FIRST, MONTH_FIRST = "day first", "month first"
JIRA_HINT = "Jira dates look like 03/Nov/26 9:14 AM or 25/Nov/26"
ISO_HINT = "use ISO 8601, like 2026-11-19 or 2026-11-19T14:30"
DATE_HINT = (
    "dates can be ISO 8601 (2026-11-19T14:30), Jira's 03/Nov/26 9:14 AM, 16/02/2017 15:26, "
    "JavaScript's Tue Aug 23 2022 13:54:01 GMT+0000, or epoch seconds"
)


@dataclass(frozen=True, slots=True)
class DateOrder:
    """How one file writes numeric dates: ``order`` is DAY_FIRST, MONTH_FIRST or "" (none)."""

    order: str = ""
    example: str = ""

    @property
    def note(self) -> str:
        """What a preview tells the user about the inferred order ("" when there was none)."""
        if not self.order:
            return ""
        return f"Dates such as {self.example} were read {self.order} (inferred from the file)."


class AmbiguousDates(ValueError):
    """The numeric dates of a file can be read both ways (or are written both ways)."""


def infer_order(values: Iterable[str]) -> DateOrder:
    """The numeric date order of a file's date cells; raises AmbiguousDates when unsure."""
    day_first = month_first = undecided = ""
    for value in values:
        if not value or not value[0].isdigit():
            continue
        # A numeric date has its first separator second or third, a digit after it: most
        # cells of a Jira export (03/Nov/26) are passed over without the pattern.
        if not (
            (value[1:2] in _SEPARATORS and value[2:3].isdigit())
            or (value[2:3] in _SEPARATORS and value[3:4].isdigit())
        ):
            continue
        match = _NUMERIC.match(value.strip())
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 and not day_first:
            day_first = value.strip()
        elif second > 12 and not month_first:
            month_first = value.strip()
        elif first != second and not undecided:
            undecided = value.strip()
    if day_first and month_first:
        raise AmbiguousDates(
            f"writes dates both day first ({day_first}) and month first ({month_first}); "
            "export it again with one date format"
        )
    if day_first:
        return DateOrder(DAY_FIRST, day_first)
    if month_first:
        return DateOrder(MONTH_FIRST, month_first)
    if undecided:
        raise AmbiguousDates(
            f"has dates like {undecided} that can be read day first or month first, and no "
            "date in it tells which; export it with ISO dates (or month names, like 03/Nov/26)"
        )
    return DateOrder()


def any_datetime(value: str, order: str = "") -> datetime:
    """Any date format a tracker export writes, as naive local time (see the module doc)."""
    text = value.strip()
    if not text:
        raise ValueError("is empty")
    head = text[0]
    if head.isdigit():
        fast = _jira_default(text)
        if fast is not None:
            return fast
        if text[1:2].isdigit() and text[2:3].isdigit() and text[4:5] == "-":
            return iso_datetime(text)
        match = _JIRA.match(text)
        if match is not None:
            return _jira_match(text, match)
        match = _NUMERIC.match(text)
        if match is not None:
            return _numeric(text, match, order)
        if _EPOCH.match(text):
            return _epoch(text)
        return iso_datetime(text)
    match = _JS.match(text)
    if match is not None:
        return _javascript(text, match)
    raise ValueError(f"{text!r} is not a date: {DATE_HINT}")


def any_date(value: str, order: str = "") -> date:
    """A due date in any of the formats of :func:`any_datetime` (a date-time by its day)."""
    text = value.strip()
    if len(text) == 10 and text[4:5] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    return any_datetime(text, order).date()


def reader(order: str) -> tuple[Callable[[str], datetime], Callable[[str], date]]:
    """Date-time and date parsers for one file's order, remembering what they read.

    Exports repeat timestamps (updated = resolved, comment dates): each text is read once.
    """
    seen: dict[str, datetime] = {}
    days: dict[str, date] = {}

    def read_datetime(value: str) -> datetime:
        found = seen.get(value)
        if found is None:
            found = seen[value] = any_datetime(value, order)
        return found

    def read_date(value: str) -> date:
        found = days.get(value)
        if found is None:
            found = days[value] = any_date(value, order)
        return found

    return read_datetime, read_date


def _clock(text: str, hour: str | None, minute: str | None, meridiem: str | None) -> int:
    h = int(hour or 0)
    if meridiem:
        if not 1 <= h <= 12:
            raise ValueError(f"{text!r} is not a time of day: {h} with AM/PM")
        h = (h % 12) + (12 if meridiem[0] in "pP" else 0)
    return h


def _make(text: str, year: int, month: int, day: int, h: int, m: int, s: int) -> datetime:
    try:
        return datetime(year, month, day, h, m, s)
    except ValueError:
        raise ValueError(f"{text!r} is not a day of the calendar") from None


def _jira_match(text: str, match: re.Match[str]) -> datetime:
    day, month_name, year_text, hour, minute, second, meridiem = match.groups()
    month = MONTHS.get(month_name.lower())
    if month is None:
        raise ValueError(f"{text!r}: {month_name!r} is not a month name I know ({JIRA_HINT})")
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    h = _clock(text, hour, minute, meridiem)
    return _make(text, year, month, int(day), h, int(minute or 0), int(second or 0))


_MERIDIEMS = frozenset({"AM", "PM", "am", "pm"})


def _jira_default(text: str) -> datetime | None:
    """Jira's default format (``03/Nov/26 9:14 AM``, ``25/Nov/2026``) read without the
    regular expression: what :data:`_JIRA` and :func:`_jira_match` read, the same errors
    included; None for anything else (an ASCII-only subset), which the pattern then reads.
    An export's timestamps are nearly all different, but its days and clock times repeat:
    each of those is checked once."""
    date_text, spaced, time_text = text.partition(" ")
    if len(date_text) > 13 or len(time_text) > 11:  # 03/Sept/2026, 12:00:00 pm
        return None
    day = _jira_day(date_text)
    if day is None:
        return None
    hour = minute = second = meridiem = None
    if spaced:
        clock = _jira_clock(time_text)
        if clock is None:
            return None
        hour, minute, second, meridiem = clock
    h = _clock(text, hour, minute, meridiem)
    return _make(text, day[0], day[1], day[2], h, int(minute or 0), int(second or 0))


@functools.lru_cache(maxsize=4096)
def _jira_day(date_text: str) -> tuple[int, int, int] | None:
    """Year, month and day of ``03/Nov/26`` (see :func:`_jira_default`), unchecked against
    the calendar; None when it is not written so."""
    parts = date_text.split("/")
    if len(parts) != 3:
        return None
    day, month_name, year_text = parts
    if not (
        0 < len(day) < 3
        and 2 < len(month_name) < 6
        and len(year_text) in (2, 4)
        and date_text.isascii()
        and day.isdigit()
        and month_name.isalpha()
        and year_text.isdigit()
    ):
        return None
    month = MONTHS.get(month_name.lower())
    if month is None:
        return None
    return int(year_text) + (2000 if len(year_text) == 2 else 0), month, int(day)


@functools.lru_cache(maxsize=4096)
def _jira_clock(time_text: str) -> tuple[str, str, str | None, str | None] | None:
    """Hour, minute, second and AM/PM of ``9:14 AM`` as written (see :func:`_jira_default`);
    None when it is not written so."""
    clock, spaced, meridiem = time_text.partition(" ")
    if spaced and meridiem not in _MERIDIEMS:
        return None
    pieces = clock.split(":")
    if not 1 < len(pieces) < 4 or not clock.isascii():
        return None
    hour, minute = pieces[0], pieces[1]
    second = pieces[2] if len(pieces) == 3 else None
    if not (0 < len(hour) < 3 and hour.isdigit() and len(minute) == 2 and minute.isdigit()):
        return None
    if second is not None and not (len(second) == 2 and second.isdigit()):
        return None
    return hour, minute, second, meridiem or None


def _numeric(text: str, match: re.Match[str], order: str) -> datetime:
    first, _sep, second, year_text, hour, minute, seconds, meridiem = match.groups()
    a, b = int(first), int(second)
    if order == MONTH_FIRST or (not order and b > 12 and a <= 12):
        month, day = a, b
    elif order == DAY_FIRST or a > 12:
        day, month = a, b
    else:
        raise ValueError(f"{text!r} can be read day first or month first: {ISO_HINT}")
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    h = _clock(text, hour, minute, meridiem)
    return _make(text, year, month, day, h, int(minute or 0), int(seconds or 0))


def _javascript(text: str, match: re.Match[str]) -> datetime:
    month_name, day, year, hour, minute, second, zone_h, zone_m = match.groups()
    month = MONTHS.get(month_name.lower())
    if month is None:
        raise ValueError(f"{text!r}: {month_name!r} is not a month name I know")
    moment = _make(text, int(year), month, int(day), int(hour), int(minute), int(second or 0))
    if zone_h is None:
        return moment
    sign = -1 if zone_h.startswith("-") else 1
    offset = timedelta(hours=abs(int(zone_h)), minutes=int(zone_m)) * sign
    return to_local(moment.replace(tzinfo=timezone(offset)))


def _epoch(text: str) -> datetime:
    number = float(text)
    if number >= 1e11:  # milliseconds: 1e11 s would be the year 5138
        number /= 1000
    try:
        return to_local(datetime.fromtimestamp(number, UTC)).replace(microsecond=0)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"{text!r} is not a date") from None


def jira_datetime(value: str) -> datetime:
    """A Jira export date (``dd/MMM/yy h:mm a``, the default format) or an ISO 8601 one."""
    text = value.strip()
    match = _JIRA.match(text)
    if match is None:
        try:
            return iso_datetime(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a date: {JIRA_HINT}") from None
    return _jira_match(text, match)


def iso_datetime(value: str) -> datetime:
    """ISO 8601 (``2026-11-18T16:22:05Z``, ``...000Z``, a date alone): naive local time."""
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date: {ISO_HINT}") from None
    return to_local(parsed).replace(microsecond=0)


def iso_date(value: str) -> date:
    """An ISO 8601 date; a date-time counts by its (local) day."""
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return iso_datetime(text).date()


def jira_date(value: str) -> date:
    """A Jira due date (``25/Nov/26``)."""
    return jira_datetime(value).date()
