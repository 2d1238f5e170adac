"""Dates as each tracker writes them: Jira's locale dates ("03/Nov/26 9:14 AM") and ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime

from checkin.core.dates import to_local

# Month abbreviations of the languages Jira exports in most often; none clash across them.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan ene gen janv",
        "feb fev fév févr",
        "mar mär mrz mars",
        "apr abr avr",
        "may mai mei mag",
        "jun juin giu",
        "jul juil lug",
        "aug ago août aout",
        "sep sept set",
        "oct okt out ott",
        "nov",
        "dec dez dic déc",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_JIRA = re.compile(
    r"^(\d{1,2})[/ .-]([^\W\d_]{3,5})\.?[/ .-](\d{2}|\d{4})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?$"
)
JIRA_HINT = "Jira dates look like 03/Nov/26 9:14 AM or 25/Nov/26"
ISO_HINT = "use ISO 8601, like 2026-11-19 or 2026-11-19T14:30"


def jira_datetime(value: str) -> datetime:
    """A Jira export date (``dd/MMM/yy h:mm a``, the default format) or an ISO 8601 one.

    Jira writes the exporting user's local time with no zone: it is kept as it is.
    """
    text = value.strip()
    match = _JIRA.match(text)
    if match is None:
        try:
            return iso_datetime(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a date: {JIRA_HINT}") from None
    day, month_name, year_text, hour, minute, second, meridiem = match.groups()
    month = MONTHS.get(month_name.lower())
    if month is None:
        raise ValueError(f"{text!r}: {month_name!r} is not a month name I know ({JIRA_HINT})")
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    h = int(hour or 0)
    if meridiem:
        if not 1 <= h <= 12:
            raise ValueError(f"{text!r} is not a time of day: {h} with AM/PM")
        pm = meridiem[0] in "pP"
        h = (h % 12) + (12 if pm else 0)
    try:
        return datetime(year, month, int(day), h, int(minute or 0), int(second or 0))
    except ValueError:
        raise ValueError(f"{text!r} is not a day of the calendar") from None


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
