"""Meeting preferences: reading them, refusing bad ones, and the days they allow."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkin.core.errors import ValidationError
from checkin.core.records import Account
from checkin.core.schedule import Preferences, next_start, parse_days, parse_time, problems

NOW = datetime(2026, 12, 6, 9, 30)  # a Sunday


def test_weekdays_are_read_as_typed() -> None:
    assert parse_days("tue, thu") == {1, 3}
    assert parse_days("Tuesday Thursday") == {1, 3}
    assert parse_days("mon-wed") == {0, 1, 2}
    assert parse_days("fri-mon") == {4, 5, 6, 0}
    assert parse_days("") == frozenset()
    with pytest.raises(ValueError, match="'tus' in 'tus' is not a weekday"):
        parse_days("tus")


def test_times_are_read_as_typed() -> None:
    assert parse_time("10:30") == time(10, 30)
    assert parse_time("9") == time(9, 0)
    assert parse_time("14h") == time(14, 0)
    assert parse_time("") is None
    with pytest.raises(ValueError, match="not a time of day"):
        parse_time("25:00")


def test_bad_preferences_are_refused_field_by_field() -> None:
    found = {p.field: p.message for p in problems("tue, thu", "10:61", "Mars/Olympus", "tue thu")}
    assert set(found) == {"meeting_time", "time_zone", "avoid_days"}
    assert "Europe/Berlin" in found["time_zone"]
    assert found["avoid_days"] == "avoids every preferred weekday"
    with pytest.raises(ValidationError):
        Account(id="a-1", name="Bluefin", slug="bluefin", avoid_days="someday").validate()


def test_a_profile_that_avoids_mondays_moves_to_tuesday() -> None:
    prefs = Preferences.read("", "", "", "mon")
    monday = date(2026, 12, 7)
    assert prefs.start(monday) == datetime(2026, 12, 8, 10, 0)
    assert prefs.describe() == "Working days, any time; not Mon"


def test_the_weekend_only_when_the_profile_names_it() -> None:
    saturday = date(2026, 12, 12)
    assert Preferences().first_day(saturday) == date(2026, 12, 14)
    assert Preferences.read("sat", "", "", "").first_day(saturday) == saturday


def test_the_clients_time_zone_is_converted_to_ours(monkeypatch: pytest.MonkeyPatch) -> None:
    import time as clock

    monkeypatch.setenv("TZ", "UTC")
    clock.tzset()
    try:
        prefs = Preferences.read("", "10:00", "Europe/Berlin", "")
        assert prefs.start(date(2026, 12, 8)) == datetime(2026, 12, 8, 9, 0)
    finally:
        monkeypatch.undo()
        clock.tzset()


def test_next_start_keeps_an_agreed_start_and_proposes_after_now() -> None:
    prefs = Preferences.read("", "", "", "mon")
    agreed = datetime(2027, 1, 4, 9, 0)  # a Monday the user agreed: kept as it is
    assert next_start(
        prefs, cadence_days=30, since=date(2026, 12, 1), agreed=agreed, slot=None, now=NOW
    ) == (agreed, "agreed")
    start, basis = next_start(
        prefs, cadence_days=30, since=date(2026, 10, 1), agreed=None, slot=time(11, 0), now=NOW
    )
    # overdue: not Sunday (weekend), not Monday (avoided)
    assert (start, basis) == (datetime(2026, 12, 8, 11, 0), "overdue")


days = st.frozensets(st.integers(0, 6))


@given(
    weekdays=days,
    avoid=days,
    earliest=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
    cadence=st.integers(1, 31),
)
def test_a_proposal_never_falls_on_an_avoided_day_or_an_unchosen_weekend(
    weekdays: frozenset[int], avoid: frozenset[int], earliest: date, cadence: int
) -> None:
    prefs = Preferences(weekdays=weekdays, avoid=avoid)
    now = datetime.combine(earliest, time(12, 0))
    for since in (earliest - timedelta(days=40), earliest):
        start, _ = next_start(
            prefs, cadence_days=cadence, since=since, agreed=None, slot=None, now=now
        )
        assert start > now
        assert start - now <= timedelta(days=cadence + 7)
        day = start.weekday()
        if day not in range(5) and weekdays:
            assert day in weekdays
        if set(range(7)) - avoid - {5, 6} or (weekdays - avoid):
            assert day not in avoid
        if not weekdays:
            assert day < 5  # no preferred days: working days only


def test_the_summary_and_the_services_agree_on_every_demo_accounts_next_meeting() -> None:
    from checkin.core.summary import next_meeting
    from checkin.services.meetings import default_start, planned_meeting
    from tests.sharing_data import demo_workspace

    ws = demo_workspace()
    for account in ws.accounts():
        planned = planned_meeting(ws, account)
        expected = planned.planned_start if planned else default_start(ws, account)
        assert next_meeting(account, ws.meetings(account.id), ws.now()) == expected, account.slug
    bluefin = ws.account("bluefin")
    assert next_meeting(bluefin, ws.meetings(bluefin.id), ws.now()).weekday() not in (0, 5, 6)
