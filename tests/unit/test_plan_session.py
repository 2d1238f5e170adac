"""The planner's session (services/plan_session.py) and the one start of a check-in, without
Textual: every change is saved with the upcoming meeting at once, and bad input changes
nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from checkin.core.agenda import arrangement
from checkin.core.enums import ItemKind, MeetingState
from checkin.core.errors import CheckinError, NotFound, ValidationError
from checkin.services import draft as drafts
from checkin.services import meetings
from checkin.services.meetings import StartKind, start_checkin
from checkin.services.plan_session import PlanSession, quoted
from checkin.services.session import MeetingSession
from checkin.services.workspace import Workspace
from tests.sharing_data import demo_workspace


@pytest.fixture
def ws() -> Workspace:
    return demo_workspace()


@pytest.fixture
def session(ws: Workspace) -> PlanSession:
    return PlanSession(ws, ws.account("acme"))


def stored_keys(ws: Workspace, parked: bool = False) -> list[str]:
    """The keys of the upcoming meeting's agenda as stored (or of its parking lot)."""
    meeting = meetings.planned_meeting(ws, ws.account("acme"))
    assert meeting is not None
    return [item.key for item in meeting.agenda if item.parked == parked]


def test_it_opens_on_the_engines_agenda_unsaved_and_says_so(
    ws: Workspace, session: PlanSession
) -> None:
    assert session.draft.meeting_id is None
    assert meetings.planned_meeting(ws, session.account) is None
    assert session.title == "Escalation review" and session.length == 45
    assert session.start_at == datetime(2026, 11, 23, 10, 0)
    assert session.opening_note().startswith("From the records, most important first")
    assert not session.edited


def test_a_saved_plan_opens_as_saved(ws: Workspace, session: PlanSession) -> None:
    first = session.plan.items[0]
    session.park(first.key)
    again = PlanSession(ws, ws.account("acme"))
    assert again.draft.meeting_id == session.draft.meeting_id
    assert again.plan.is_parked(first.key)
    assert again.opening_note() == (
        "Your saved plan for the next check-in · g rebuilds it from the records."
    )


def test_moving_saves_the_new_order_and_says_where_the_item_went(
    ws: Workspace, session: PlanSession
) -> None:
    first, second = (item.key for item in session.plan.items[:2])
    title = session.item(second).title
    outcome = session.move(second, -1)
    assert outcome.done and outcome.highlight == second
    assert outcome.message in (
        f"Moved {quoted(title)} up to number 1.",
        f"Moved {quoted(title)} into {quoted(session.item(second).section, 24)}.",
    )
    assert stored_keys(ws)[:2] == [second, first]
    assert session.edited


def test_moving_past_the_top_does_nothing_and_says_why(ws: Workspace, session: PlanSession) -> None:
    first = session.plan.items[0].key
    outcome = session.move(first, -1)
    assert not outcome.done and outcome.message == "It is already first."
    assert meetings.planned_meeting(ws, session.account) is None  # nothing saved


def test_minutes_change_by_one_and_never_below_one(ws: Workspace, session: PlanSession) -> None:
    item = session.plan.items[0]
    more = session.add_minutes(item.key, 1)
    assert more is not None and more.done
    assert more.message == f"{quoted(item.title)}: {item.planned_minutes + 1} min."
    session.set_minutes(item.key, 1)
    less = session.add_minutes(item.key, -1)
    assert less is not None and not less.done
    assert less.message == "1 minute is the least: park the item (x) to take it off."
    assert session.item(item.key).planned_minutes == 1


def test_typed_minutes_out_of_range_are_refused_and_nothing_changes(
    ws: Workspace, session: PlanSession
) -> None:
    item = session.plan.items[0]
    for wrong in (0, 481, -5):
        with pytest.raises(ValidationError, match="minutes"):
            session.set_minutes(item.key, wrong)
    assert session.item(item.key).planned_minutes == item.planned_minutes
    assert meetings.planned_meeting(ws, session.account) is None
    with pytest.raises(NotFound):
        session.set_minutes("issue:nope", 5)


def test_parking_frees_the_minutes_and_highlights_the_next_item(
    ws: Workspace, session: PlanSession
) -> None:
    first, second = (item.key for item in session.plan.items[:2])
    title = session.item(first).title
    minutes = session.item(first).planned_minutes
    outcome = session.park(first)
    assert outcome.highlight == second
    assert outcome.message == f"Parked {quoted(title)} (frees {minutes} min) · x restores it."
    assert first in stored_keys(ws, parked=True)

    restored = session.restore(first)
    assert restored.highlight == first  # the lot is empty again: the item itself
    assert restored.message.startswith(f"Restored {quoted(title)} to ")
    assert first in stored_keys(ws)


def test_an_item_of_ones_own_goes_to_the_templates_section(
    ws: Workspace, session: PlanSession
) -> None:
    outcome = session.add("Introduce our CSM", 4)
    item = session.item(outcome.highlight or "")
    assert item.kind is ItemKind.CUSTOM and item.section == "Communication and relationship"
    assert outcome.message.startswith("Added “Introduce our CSM” to “Communication and")
    assert outcome.message.endswith("min over.")  # the full 45 minutes plus 4
    assert item.key in stored_keys(ws)


@pytest.mark.parametrize(("title", "minutes"), [("  ", 5), ("Budget", 0), ("Budget", 481)])
def test_an_item_without_a_title_or_with_wrong_minutes_is_refused(
    ws: Workspace, session: PlanSession, title: str, minutes: int
) -> None:
    before = session.plan
    with pytest.raises(ValidationError):
        session.add(title, minutes)
    assert session.plan is before
    assert meetings.planned_meeting(ws, session.account) is None


def test_the_meeting_length_refits_an_untouched_plan_and_keeps_an_edited_one(
    session: PlanSession,
) -> None:
    refitted = session.resize(30)
    assert refitted.message == "30 min meeting: agenda refitted."
    assert session.length == 30 and session.plan.planned_minutes <= 30
    assert not session.edited

    session.park(session.plan.items[0].key)
    kept = session.resize(60)
    assert kept.message.startswith("60 min meeting, your plan kept: ")
    assert kept.message.endswith("min free (x restores) · g refits.")
    assert session.edited


def test_a_length_out_of_range_is_refused_and_nothing_changes(session: PlanSession) -> None:
    for wrong in (4, 481):
        with pytest.raises(ValidationError, match="between 5 and 480"):
            session.resize(wrong)
    assert session.length == 45


def test_switching_template_and_rebuilding_keep_the_items_added_by_hand(
    session: PlanSession,
) -> None:
    added = session.add("Introduce our CSM", 4).highlight or ""
    switched = session.switch_template("monthly")
    assert switched.message == "Switched to “Monthly check-in” (30 min): agenda rebuilt."
    assert switched.highlight == session.plan.items[0].key
    assert session.item(added).kind is ItemKind.CUSTOM
    session.park(session.plan.items[0].key)
    rebuilt = session.rebuild()
    assert rebuilt.message == "Rebuilt from the records."
    assert not session.edited and added in session.plan


def test_an_unknown_template_changes_nothing(ws: Workspace, session: PlanSession) -> None:
    before = session.draft
    with pytest.raises(NotFound, match="Templates: "):
        session.switch_template("no-such-template")
    assert session.draft is before
    assert "no-such-template" not in [c.name for c in session.template_choices()]


def test_moving_the_meeting_keeps_the_plan_and_dates_the_preread(session: PlanSession) -> None:
    start = datetime(2026, 11, 27, 14, 30)
    outcome = session.set_start(start)
    assert outcome.message == "The meeting is on Fri 27 Nov at 14:30."
    assert session.start_at == start
    assert "Friday 27 November 2026, 14:30" in session.preread()
    assert session.preread_path().name == "acme-2026-11-27-pre-read.md"


def test_a_failed_save_leaves_the_plan_as_it_was(
    session: PlanSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(ws: Workspace, draft: drafts.Draft) -> drafts.Draft:
        raise CheckinError("the disk is full")

    monkeypatch.setattr(drafts, "save_draft", refuse)
    before = session.draft
    with pytest.raises(CheckinError, match="disk is full"):
        session.park(session.plan.items[0].key)
    assert session.draft is before


def test_starting_from_the_planner_saves_this_plan_and_runs_it(
    ws: Workspace, session: PlanSession
) -> None:
    session_first = session.plan.items[0].key
    start = session.start()
    assert start.kind is StartKind.PLANNED
    assert [i.key for i in start.items] == [i.key for i in session.plan.items]
    assert start.length_minutes == 45 and start.planned_minutes == session.plan.planned_minutes
    assert meetings.planned_meeting(ws, session.account) is None  # asked first, saved on begin
    meeting = start.begin(ws)
    assert meeting.state is MeetingState.PLANNED and meeting.agenda[0].key == session_first
    assert session.draft.meeting_id == meeting.id  # the session keeps the plan as saved


def test_a_running_check_in_is_resumed_not_started_again(
    ws: Workspace, session: PlanSession
) -> None:
    running = MeetingSession(ws, meetings.meeting_to_run(ws, session.account))
    running.start()
    assert session.running() is not None
    assert session.opening_note() == "A check-in with this account is running: s resumes it."
    start = session.start()
    assert start.kind is StartKind.RESUME and start.draft is session.draft
    assert start.begin(ws).id == running.meeting.id
    from_app = start_checkin(ws, session.account)
    assert from_app.kind is StartKind.RESUME and from_app.begin(ws).id == running.meeting.id


def test_from_the_app_a_check_in_runs_the_planned_agenda_else_the_engines(
    ws: Workspace,
) -> None:
    acme = ws.account("acme")
    fresh = start_checkin(ws, acme)
    assert fresh.kind is StartKind.NEW and fresh.agenda is not None
    assert meetings.planned_meeting(ws, acme) is None  # nothing saved before begin
    assert fresh.items == fresh.agenda.items and fresh.length_minutes == 45

    session = PlanSession(ws, acme)
    parked = session.plan.items[0].key
    session.park(parked)
    planned = start_checkin(ws, acme)
    assert planned.kind is StartKind.PLANNED and planned.meeting is not None
    assert planned.meeting.id == session.draft.meeting_id
    assert parked not in [item.key for item in planned.items]
    assert planned.begin(ws).id == planned.meeting.id
    assert arrangement.same_plan(PlanSession(ws, acme).plan, session.plan)
