"""Meeting preferences of a client and the dates they allow.

An account keeps its preferences as the user typed them ("tue, thu", "10:30",
"Europe/Berlin", "mon"); this module reads them, says what is wrong with them, and proposes
the first day on or after a date that fits: a preferred weekday when there are some, never an
avoided day, never a weekend unless a weekend day is preferred.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple

from checkin.core.dates import WEEKDAYS
from checkin.core.errors import Problem

if TYPE_CHECKING:
    # zoneinfo is imported where a zone is read: records import this module, and the app's
    # first frame reads no time zone.
    from zoneinfo import ZoneInfo

    from checkin.core.meeting import Meeting
    from checkin.core.records import Account

DEFAULT_TIME = time(10, 0)
WEEKEND = frozenset({5, 6})
# Compiled by ``re`` on first use (the app's start parses no preferences).
_SPLIT = r"[\s,;/]+"
_TIME = r"^([01]?\d|2[0-3])(?:[:.h]([0-5]\d)?)?$"
DAYS_HINT = "weekday names such as 'tue, thu' (mon tue wed thu fri sat sun)"


def parse_days(text: str) -> frozenset[int]:
    """Weekday numbers (Monday 0) from "tue, thu", "Tuesday Thursday" or "mon-wed".

    Raises ValueError naming the word it does not know.
    """
    days: set[int] = set()
    for word in re.split(_SPLIT, text.strip().lower()):
        if not word:
            continue
        if "-" in word:
            first, _, last = word.partition("-")
            low, high = _day(first, text), _day(last, text)
            days.update(range(low, high + 1) if low <= high else [*range(low, 7), *range(high + 1)])
        else:
            days.add(_day(word, text))
    return frozenset(days)


def _day(word: str, text: str) -> int:
    for index, name in enumerate(WEEKDAYS):
        full = date(2026, 1, 5 + index).strftime("%A").lower()  # 5 Jan 2026 is a Monday
        if len(word) >= 2 and (full.startswith(word) or word.startswith(name)):
            return index
    raise ValueError(f"{word!r} in {text.strip()!r} is not a weekday: use {DAYS_HINT}")


def parse_time(text: str) -> time | None:
    """The time of day from "10:30", "9", "14h" or "9.15"; None when empty."""
    value = text.strip().lower()
    if not value:
        return None
    match = re.match(_TIME, value)
    if match is None:
        raise ValueError(f"{text.strip()!r} is not a time of day: use 10:30 (00:00 to 23:59)")
    return time(int(match.group(1)), int(match.group(2) or 0))


def parse_zone(text: str) -> ZoneInfo | None:
    """The time zone named ``text`` (an IANA name such as Europe/Berlin); None when empty."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

    name = text.strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        close = sorted(z for z in available_timezones() if z.lower().endswith(name.lower()))[:3]
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise ValueError(
            f"{name!r} is not a time zone: use a name such as Europe/Berlin{hint}"
        ) from None


def day_names(days: frozenset[int]) -> str:
    """``frozenset({1, 3})`` -> "Tue, Thu"."""
    return ", ".join(WEEKDAYS[d].capitalize() for d in sorted(days))


class Preferences(NamedTuple):
    """When a client likes to meet: weekdays (none: any working day), a time of day, a time
    zone (None: ours) and days to avoid."""

    weekdays: frozenset[int] = frozenset()
    at: time | None = None  # None: the time of the last meeting, else DEFAULT_TIME
    zone: ZoneInfo | None = None
    avoid: frozenset[int] = frozenset()

    @classmethod
    def read(cls, weekdays: str, at: str, zone: str, avoid: str) -> Preferences:
        """The preferences as an account stores them; raises ValueError on bad text."""
        return cls(
            weekdays=parse_days(weekdays),
            at=parse_time(at),
            zone=parse_zone(zone),
            avoid=parse_days(avoid),
        )

    @property
    def allowed(self) -> frozenset[int]:
        """The weekdays a meeting may fall on: the preferred ones (less the avoided), else
        every working day that is not avoided. Never empty: a profile that rules out every day
        falls back to the working days."""
        days = (self.weekdays or frozenset(range(5))) - self.avoid
        if days:
            return days
        return frozenset(range(7)) - WEEKEND - self.avoid or frozenset(range(5))

    def fits(self, day: date) -> bool:
        return day.weekday() in self.allowed

    def first_day(self, earliest: date) -> date:
        """The first day on or after ``earliest`` that the preferences allow."""
        day = earliest
        while not self.fits(day):
            day += timedelta(days=1)
        return day

    def start(
        self,
        earliest: date,
        *,
        not_before: datetime | None = None,
        slot: time | None = None,
    ) -> datetime:
        """The proposed start, as naive local wall-clock time like every stored stamp: the
        first allowed day on or after ``earliest`` at the preferred time (else ``slot``, else
        DEFAULT_TIME), that time read in the client's zone when there is one. A start at or
        before ``not_before`` moves to the next allowed day."""
        at = self.at or slot or DEFAULT_TIME
        day = self.first_day(earliest)
        while True:
            moment = _naive(datetime.combine(day, at, tzinfo=self.zone))
            if not_before is None or moment > not_before:
                return moment
            day = self.first_day(day + timedelta(days=1))

    def describe(self) -> str:
        """One line for the profile: "Tue, Thu at 10:00 (Europe/Berlin); not Mon"."""
        days = day_names(self.weekdays) if self.weekdays else "Working days"
        text = f"{days} at {self.at:%H:%M}" if self.at else f"{days}, any time"
        if self.zone is not None:
            text += f" ({self.zone.key})"
        if self.avoid:
            text += f"; not {day_names(self.avoid)}"
        return text


def next_start(
    prefs: Preferences,
    *,
    cadence_days: int,
    since: date,
    agreed: datetime | None,
    slot: time | None,
    now: datetime,
) -> tuple[datetime, str]:
    """When the next check-in is, and on what basis ("agreed", "cadence" or "overdue").

    The start agreed at the last meeting when it is still ahead (the user agreed it: it is
    kept as it is); else ``cadence_days`` after ``since`` (the last meeting, or the account's
    creation), moved to a day the preferences allow and after ``now``; when that day has
    passed, the first allowed day after today. ``slot`` is the time of the last meeting (used
    when the profile names no time). ``now`` and the result are naive local wall-clock time.
    """
    if agreed is not None and agreed > now:
        return agreed, "agreed"
    due = since + timedelta(days=cadence_days)
    if due >= now.date():
        return prefs.start(due, slot=slot, not_before=now), "cadence"
    return prefs.start(now.date() + timedelta(days=1), not_before=now, slot=slot), "overdue"


def likely_start(account: Account, last: Meeting | None, now: datetime) -> datetime:
    """When ``account``'s next check-in most likely starts when none is planned, after its
    ``last`` ended meeting (None: none yet): the start agreed there, else the day the cadence
    says, at the last meeting's time, moved to a day the preferences allow (:func:`next_start`)."""
    since = last.day if last else (account.created_at or now).date()
    slot = last.planned_start.time().replace(second=0, microsecond=0) if last else None
    start, _ = next_start(
        account.preferences,
        cadence_days=account.cadence_days,
        since=since,
        agreed=last.agreed_next if last else None,
        slot=slot,
        now=now,
    )
    return start


def _naive(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)


def problems(weekdays: str, at: str, zone: str, avoid: str) -> Iterator[Problem]:
    """What is wrong with an account's meeting preferences, field by field."""
    for field, text in (("meeting_days", weekdays), ("avoid_days", avoid)):
        try:
            parse_days(text)
        except ValueError as error:
            yield Problem(field, str(error))
    try:
        parse_time(at)
    except ValueError as error:
        yield Problem("meeting_time", str(error))
    try:
        parse_zone(zone)
    except ValueError as error:
        yield Problem("time_zone", str(error))
    try:
        if parse_days(weekdays) and not parse_days(weekdays) - parse_days(avoid):
            yield Problem("avoid_days", "avoids every preferred weekday")
    except ValueError:
        pass
