"""The .ics export: parsed back with icalendar; stable UIDs so a re-export updates entries."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from checkin.calendar.ics import (
    CalendarData,
    organizer,
    render_calendar,
    render_invitation,
    to_utc,
)
from checkin.calendar.upcoming import Upcoming, upcoming, working_day
from checkin.core.enums import ActionStatus
from checkin.core.meeting import Meeting
from checkin.services import sharing
from checkin.services.demo import seed_demo
from checkin.services.sharing import calendar_data
from checkin.services.workspace import Workspace
from tests.conftest import NOW, Clock
from tests.sharing_data import demo_workspace, hostile_workspace

BERLIN_WINTER = timezone(timedelta(hours=1))


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(cal: Calendar) -> list:  # type: ignore[type-arg]
    return list(cal.walk("VEVENT"))


def todos(cal: Calendar) -> dict[str, object]:
    return {str(t["UID"]): t for t in cal.walk("VTODO")}


@pytest.fixture
def demo() -> Workspace:
    return demo_workspace()


def test_the_file_parses_back_with_the_next_meeting_and_open_actions(demo: Workspace) -> None:
    acme = demo.account("acme")
    data = sharing.calendar(demo, acme)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded as RFC 5545 says
    cal = parse(data)
    assert str(cal["VERSION"]) == "2.0" and str(cal["METHOD"]) == "PUBLISH"
    (event,) = events(cal)
    last = demo.meetings(acme.id)[0]
    assert last.next_meeting is not None
    assert str(event["UID"]) == f"{last.id}.next@checkin"
    assert event["DTSTART"].dt == to_utc(
        datetime.combine(last.next_meeting, last.planned_start.time()), None
    )  # type: ignore[union-attr]
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=last.length_minutes)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["SUMMARY"]) == "Acme Health: Monthly check-in"
    # A feed (PUBLISH) names the people in its description and has no ATTENDEE (RFC 5546).
    assert "ATTENDEE" not in event
    assert "With: Dr. Elena Vasquez, Raj Patel" in str(event["DESCRIPTION"])
    assert str(event["ORGANIZER"]) == "mailto:chris.moreno@checkin.example"
    open_actions = [a for a in demo.actions(acme.id) if a.is_open]
    found = todos(cal)
    for action in open_actions:
        todo = found[f"{action.id}@checkin"]
        assert str(todo["STATUS"]) == "NEEDS-ACTION"  # type: ignore[index]
        due = todo.get("DUE")  # type: ignore[attr-defined]
        assert (due.dt if due else None) == action.due
    assert "Raj Patel" in str(found[f"{open_actions[1].id}@checkin"]["SUMMARY"])  # type: ignore[index]


def test_re_exporting_after_a_change_updates_the_same_entries() -> None:
    clock = Clock(NOW)
    ws = Workspace.in_memory(clock=clock, rng=random.Random(5))
    with ws.transaction():
        seed_demo(ws, NOW)
    acme = ws.account("acme")
    before = parse(sharing.calendar(ws, acme))
    action = next(a for a in ws.actions(acme.id) if a.is_open)
    clock.now = NOW + timedelta(hours=2)
    ws.set_action_status(action.id, ActionStatus.DONE)
    last = ws.meetings(acme.id)[0]
    ws.save(dataclasses.replace(last, next_meeting=NOW.date() + timedelta(days=9)))
    after = parse(sharing.calendar(ws, acme))
    assert set(todos(before)) == set(todos(after))  # the done one is there, completed
    uid = f"{action.id}@checkin"
    old, new = todos(before)[uid], todos(after)[uid]
    assert str(new["STATUS"]) == "COMPLETED"  # type: ignore[index]
    assert int(new["SEQUENCE"]) > int(old["SEQUENCE"])  # type: ignore[index]
    assert new["LAST-MODIFIED"].dt > old["LAST-MODIFIED"].dt  # type: ignore[index]
    (event_before,), (event_after,) = events(before), events(after)
    assert event_before["UID"] == event_after["UID"]
    assert int(event_after["SEQUENCE"]) > int(event_before["SEQUENCE"])
    assert event_after["DTSTART"].dt.date() == NOW.date() + timedelta(days=9)


def test_the_agreed_meeting_keeps_the_planned_time_to_the_minute(demo: Workspace) -> None:
    acme = demo.account("acme")
    last = demo.meetings(acme.id)[0]
    assert last.next_meeting is not None
    late = last.planned_start.replace(hour=10, minute=0) + timedelta(minutes=41, seconds=22)
    demo.save(
        dataclasses.replace(
            last, planned_start=last.planned_start.replace(hour=10, minute=0), started=late
        )
    )
    (event,) = events(parse(sharing.calendar(demo, acme)))
    start = datetime.combine(last.next_meeting, datetime.min.time().replace(hour=10))
    assert event["DTSTART"].dt == to_utc(start, None)  # not 10:41:22, when it really began


def test_a_planned_meeting_takes_over_the_same_entry(demo: Workspace) -> None:
    helios = demo.account("helios")
    agreed = events(parse(sharing.calendar(demo, helios)))[0]
    start = datetime.combine(NOW.date() + timedelta(days=2), datetime.min.time()).replace(hour=15)
    planned = demo.add(
        Meeting,
        account_id=helios.id,
        template="weekly",
        planned_start=start,
        length_minutes=45,
        attendees=[c.id for c in demo.contacts(helios.id)[:2]],
    )
    (event,) = events(parse(sharing.calendar(demo, helios)))
    assert event["UID"] == agreed["UID"]
    assert event["DTSTART"].dt == to_utc(planned.planned_start, None)
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=45)
    assert "ATTENDEE" not in event
    names = [c.name for c in demo.contacts(helios.id)[:2]]
    assert f"With: {', '.join(names)}." in str(event["DESCRIPTION"])


def test_an_overdue_cadence_is_proposed_for_the_next_working_day(demo: Workspace) -> None:
    bluefin = demo.account("bluefin")  # last met 47 days ago, monthly cadence
    meetings = demo.meetings(bluefin.id)
    next_one = upcoming(bluefin, demo.contacts(bluefin.id), meetings, NOW)
    assert not next_one.confirmed
    # Monday 23 is the next working day, but Bluefin's profile avoids Mondays.
    assert working_day(NOW.date() + timedelta(days=1)).weekday() == 0
    assert next_one.start == datetime(2026, 11, 24, 10, 0)
    assert "overdue" in next_one.basis
    (event,) = events(parse(sharing.calendar(demo, bluefin)))
    assert str(event["STATUS"]) == "TENTATIVE"


def test_a_cadence_not_yet_due_is_proposed_on_its_day(demo: Workspace) -> None:
    cobalt = demo.account("cobalt")
    meetings = [dataclasses.replace(m, next_meeting=None) for m in demo.meetings(cobalt.id)]
    next_one = upcoming(cobalt, demo.contacts(cobalt.id), meetings, NOW)
    assert next_one.start.date() == working_day(meetings[0].day + timedelta(days=30))
    assert not next_one.confirmed and next_one.key == f"{meetings[0].id}.next"


def test_an_account_without_meetings_gets_its_first_one(demo: Workspace) -> None:
    juniper = demo.account("juniper")
    next_one = upcoming(juniper, demo.contacts(juniper.id), [], NOW)
    assert next_one.key == f"{juniper.id}.first"
    assert next_one.start.date() > NOW.date()
    # Juniper's profile: Tuesday to Thursday at 15:00.
    assert next_one.start.weekday() in (1, 2, 3) and next_one.start.time().hour == 15


def test_times_are_written_in_utc_from_the_recorded_zone(demo: Workspace) -> None:
    acme = demo.account("acme")
    data = CalendarData(
        account=acme,
        contacts=demo.contacts(acme.id),
        meetings=demo.meetings(acme.id),
        actions=demo.actions(acme.id),
        now=NOW,
        tz=BERLIN_WINTER,
    )
    (event,) = events(parse(render_calendar(data)))
    start = event["DTSTART"].dt
    assert start.tzinfo is not None and start.utcoffset() == timedelta(0)
    assert (start.hour, start.minute) == (9, 0)  # 10:00 in Berlin in winter
    assert event["DTSTAMP"].dt == datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    assert b"DUE;VALUE=DATE:" in render_calendar(data)


def test_closed_action_items_fade_out_after_a_month(demo: Workspace) -> None:
    northwind = demo.account("northwind")
    done = next(a for a in demo.actions(northwind.id) if a.status is ActionStatus.DONE)
    found = todos(parse(sharing.calendar(demo, northwind)))
    assert f"{done.id}@checkin" in found  # done 30 days ago: still there, completed
    later = dataclasses.replace(done, done_on=date(2026, 9, 1))
    data = CalendarData(
        account=northwind,
        contacts=demo.contacts(northwind.id),
        meetings=demo.meetings(northwind.id),
        actions=[later],
        now=NOW,
    )
    assert f"{done.id}@checkin" not in todos(parse(render_calendar(data)))


def test_hostile_text_survives_the_round_trip() -> None:
    ws, meeting = hostile_workspace()
    cal = parse(sharing.calendar(ws, meeting.account_id))
    (event,) = events(cal)
    assert str(event["SUMMARY"]) == "Acme | <b>Corp</b> #1 *: Monthly check-in"
    summaries = {str(t["SUMMARY"]) for t in cal.walk("VTODO")}
    assert "Acme | <b>Corp</b> #1 *: <b>Check</b> [x](y) `z` (Our team)" in summaries
    assert "Dana [x](y) *Whit*field" in str(event["DESCRIPTION"])
    invite = parse(render_invitation(calendar_data(ws, ws.account(meeting.account_id)), up(ws)))
    (event,) = events(invite)
    names = {str(a.params["CN"]) for a in event["ATTENDEE"]}
    assert {"Dana [x](y) *Whit*field", "Sam `Reyes`"} <= names


def test_the_meeting_after_a_kickoff_is_a_plain_check_in(demo: Workspace) -> None:
    juniper = demo.account("juniper")
    (event,) = events(parse(sharing.calendar(demo, juniper)))
    assert str(event["SUMMARY"]) == "Juniper Bio: Check-in"
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=45)


def up(ws: Workspace, slug: str | None = None) -> Upcoming:
    """The next check-in of the workspace's account ``slug`` (its first account by default)."""
    account = ws.account(slug) if slug else ws.accounts()[0]
    return upcoming(account, ws.contacts(account.id), ws.meetings(account.id), ws.now())


def test_the_invitation_is_a_request_with_organizer_and_attendees(demo: Workspace) -> None:
    acme = demo.account("acme")
    data = calendar_data(demo, acme)
    raw = render_invitation(data, up(demo, "acme"))
    cal = parse(raw)
    assert str(cal["METHOD"]) == "REQUEST"
    assert not cal.walk("VTODO")  # an invitation is the meeting alone
    (event,) = events(cal)
    assert str(event["ORGANIZER"]) == "mailto:chris.moreno@checkin.example"
    attendees = {str(a): a.params for a in event["ATTENDEE"]}
    assert attendees["mailto:chris.moreno@checkin.example"]["ROLE"] == "CHAIR"
    elena = attendees["mailto:elena.vasquez@acmehealth.example"]
    assert elena["CN"] == "Dr. Elena Vasquez" and elena["RSVP"] == "TRUE"
    assert elena["PARTSTAT"] == "NEEDS-ACTION"
    # The same UID as the feed's entry: accepting and importing update one event.
    feed = events(parse(sharing.calendar(demo, acme)))[0]
    assert event["UID"] == feed["UID"]


def test_the_organizer_falls_back_to_the_owner_then_the_configured_address(
    demo: Workspace,
) -> None:
    acme = demo.account("acme")
    contacts = demo.contacts(acme.id)
    no_focal = [dataclasses.replace(c, focal=False) for c in contacts]
    owner = organizer(acme, no_focal)
    assert owner is not None and owner.name == acme.our_owner  # the account's owner
    nobody = [dataclasses.replace(c, email="") if c.side.value == "ours" else c for c in contacts]
    assert organizer(acme, nobody) is None
    me = organizer(acme, nobody, sender="me@vendor.example")
    assert me is not None and (me.name, me.email) == (acme.our_owner, "me@vendor.example")
    me_mail = "me@vendor.example"
    data = dataclasses.replace(calendar_data(demo, acme), contacts=nobody, sender=me_mail)
    next_one = upcoming(acme, nobody, demo.meetings(acme.id), demo.now())
    (event,) = events(parse(render_invitation(data, next_one)))
    assert str(event["ORGANIZER"]) == "mailto:me@vendor.example"
