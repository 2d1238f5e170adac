"""The planner's service: load, save, rebuild and export a draft agenda."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from checkin.core.agenda import arrangement
from checkin.core.enums import ItemKind, MeetingState, Severity
from checkin.core.records import Issue
from checkin.markdown.preread import render_preread
from checkin.services import draft as drafts
from checkin.services import meetings, planning
from checkin.services.sharing import ExportError
from checkin.services.workspace import Workspace
from tests.conftest import NOW
from tests.sharing_data import demo_workspace


@pytest.fixture
def ws() -> Workspace:
    return demo_workspace()


def test_without_a_planned_meeting_the_draft_is_the_engines_and_unsaved(ws: Workspace) -> None:
    acme = ws.account("acme")
    draft = drafts.load_draft(ws, acme)
    assert draft.meeting_id is None
    assert draft.template.name == "escalation"  # the account is in escalation
    assert not draft.edited
    assert meetings.planned_meeting(ws, acme) is None
    # The pre-read of an untouched draft is the engine's own, dated when the meeting is
    # likely (the day the 14-day cadence says, at 10:00), its reasons worded as of then.
    assert draft.now == datetime(2026, 11, 23, 10, 0)
    agenda = planning.plan(ws, acme, at=draft.now)  # reasons as of the meeting's start
    assert draft.preread() == render_preread(agenda)


def test_a_saved_arrangement_comes_back_with_its_edits(ws: Workspace) -> None:
    acme = ws.account("acme")
    draft = drafts.load_draft(ws, acme)
    second = draft.plan.items[1].key
    edited = draft.with_plan(arrangement.park(arrangement.move(draft.plan, second, -1), second))
    saved = drafts.save_draft(ws, edited)
    meeting = meetings.planned_meeting(ws, acme)
    assert meeting is not None and meeting.id == saved.meeting_id
    assert meeting.state is MeetingState.PLANNED
    assert meeting.template == "escalation"
    assert meeting.agenda[-len(edited.plan.parked)].key == second  # parked first in the lot
    assert meeting.item(second).parked

    again = drafts.load_draft(ws, acme)
    assert again.meeting_id == meeting.id
    assert arrangement.same_plan(again.plan, edited.plan)
    assert again.edited
    assert again.new_items() == []


def test_new_records_after_saving_are_reported(ws: Workspace) -> None:
    acme = ws.account("acme")
    drafts.save_draft(ws, drafts.load_draft(ws, acme))
    ws.add(
        Issue,
        account_id=acme.id,
        title="Pharmacy feed down",
        severity=Severity.CRITICAL,
        opened=NOW - timedelta(hours=1),
    )
    again = drafts.load_draft(ws, acme)
    assert [item.title for item in again.new_items()] == ["Pharmacy feed down"]
    assert again.edited  # regenerating would change the agenda: ask first


def test_regenerating_or_switching_keeps_items_added_by_hand(ws: Workspace) -> None:
    acme = ws.account("acme")
    draft, added = drafts.add_custom(ws, drafts.load_draft(ws, acme), "Introduce our CSM", 4)
    assert added.section == "Communication and relationship"  # the escalation custom section
    switched = drafts.generate(ws, acme, "monthly", None, keep=draft)
    assert switched.template.name == "monthly"
    assert switched.plan.length_minutes == 30
    kept = switched.plan.find(added.key)
    assert kept.kind is ItemKind.CUSTOM and kept.section == switched.custom_section
    assert not switched.edited  # only the added item differs, and regenerating keeps it


def test_switching_to_a_shorter_template_fits_the_added_item_and_is_never_over(
    ws: Workspace,
) -> None:
    # The review's case: a 5-minute item added to the full 45-minute escalation agenda, then
    # the 30-minute monthly template.
    acme = ws.account("acme")
    draft, added = drafts.add_custom(ws, drafts.load_draft(ws, acme), "Budget for Q1 pilot", 5)
    assert draft.plan.planned_minutes == 50  # over by hand: the user's choice, shown as over
    switched = drafts.generate(ws, acme, "monthly", None, keep=draft)
    plan = switched.plan
    assert (plan.planned_minutes, plan.length_minutes) == (30, 30)
    assert plan.find(added.key) in plan.items  # what the user added comes before the rest
    assert all(i.reasons[-1].text == "did not fit in 30 min" for i in plan.parked)
    assert "Planned: 30 of 30 minutes." in switched.preread()
    assert not switched.edited  # regenerating gives the same agenda: nothing to ask


def test_unknown_template_for_a_stored_plan_still_loads(ws: Workspace) -> None:
    acme = ws.account("acme")
    draft = drafts.save_draft(ws, drafts.load_draft(ws, acme))
    meeting = ws.meeting(draft.meeting_id or "")
    ws.save(type(meeting)(**{**meeting.__dict__, "template": "gone"}))
    again = drafts.load_draft(ws, acme)
    assert again.template.title == "Gone"
    assert len(again.plan.items) == len(draft.plan.items)


def test_template_choices_list_every_template_and_say_why_one_is_broken() -> None:
    choices = drafts.template_choices()
    names = [c.name for c in choices]
    assert {"monthly", "weekly", "qbr", "escalation", "kickoff"} <= set(names)
    monthly = next(c for c in choices if c.name == "monthly")
    assert monthly.title == "Monthly check-in" and monthly.minutes == 30 and not monthly.problem

    def broken(name: str) -> planning.Template:
        raise planning.TemplateError("x.md", 3, "unknown item kind")

    assert all(c.problem for c in drafts.template_choices(broken))


def test_write_preread_is_private_and_atomic(ws: Workspace, tmp_path: Path) -> None:
    draft = drafts.load_draft(ws, ws.account("acme"))
    assert str(drafts.default_preread_path(draft)) == "~/acme-2026-11-23-pre-read.md"
    target = drafts.write_preread(draft, tmp_path / "out" / "pre-read.md")
    assert target.read_text() == draft.preread()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(ExportError):
        drafts.write_preread(draft, tmp_path)


def test_planned_meeting_is_the_latest_not_started(ws: Workspace) -> None:
    acme = ws.account("acme")
    early = meetings.save_plan(ws, acme, [], planned_start=NOW)
    later = ws.add(type(early), account_id=acme.id, planned_start=NOW + timedelta(days=7))
    started = ws.add(
        type(early),
        account_id=acme.id,
        planned_start=NOW + timedelta(days=9),
        started=NOW,
    )
    found = meetings.planned_meeting(ws, acme)
    assert found is not None and found.id == later.id
    assert started.id != found.id and early.id != found.id
    assert meetings.planned_meeting(ws, ws.account("northwind")) is None


def test_a_plan_older_than_its_records_says_how_many_changed() -> None:
    import dataclasses
    import random

    from checkin.services.demo import seed_demo

    moment = [NOW]
    ws = Workspace.in_memory(clock=lambda: moment[0], rng=random.Random(1))
    with ws.transaction():
        seed_demo(ws, NOW)
    acme = ws.account("acme")
    drafts.save_draft(ws, drafts.load_draft(ws, acme))
    assert drafts.load_draft(ws, acme).changed_since == 0
    moment[0] = NOW + timedelta(hours=2)
    issue = next(i for i in ws.issues(acme.id) if i.is_open)
    ws.save(dataclasses.replace(issue, title=issue.title + " (EU and US)"))
    ws.save(dataclasses.replace(acme, culture_notes="New sponsor since Monday."))
    ws.save(dataclasses.replace(ws.contacts(acme.id)[0], role="COO"))
    stale = drafts.load_draft(ws, ws.account("acme"))
    assert stale.changed_since == 3
    assert drafts.stale_note(3) == "3 records changed since you planned this: rebuild?"
    assert drafts.stale_note(1) == "1 record changed since you planned this: rebuild?"
    # Saving the plan again (any change in the planner) is planning it anew.
    drafts.save_draft(ws, stale)
    assert drafts.load_draft(ws, ws.account("acme")).changed_since == 0
