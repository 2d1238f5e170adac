"""The agenda planner driven with keys on the demo workspace; every assert reads the store."""

from __future__ import annotations

import io
import stat
from datetime import timedelta
from pathlib import Path

from rich.console import Console
from textual.widgets import DataTable, Input, Markdown, OptionList, Static

from checkin.core.enums import ItemKind, Severity
from checkin.core.meeting import Meeting, MeetingState
from checkin.core.records import Issue
from checkin.services import draft as drafts
from checkin.services import meetings
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.capture import ConfirmModal
from checkin.ui.modals.export import PathModal
from checkin.ui.modals.form import FormModal
from checkin.ui.modals.planning import AskModal, TemplateModal
from checkin.ui.screens.accounts import AccountsScreen
from checkin.ui.screens.help import HelpScreen
from checkin.ui.screens.live import LiveScreen
from checkin.ui.screens.planner import PlannerScreen
from checkin.ui.screens.preread import PrereadScreen
from checkin.ui.widgets.plan_detail import PlanDetail, describe
from checkin.ui.widgets.plan_list import PlanList
from tests.conftest import NOW
from tests.sharing_data import demo_workspace
from tests.ui.conftest import small_workspace

SIZE = (120, 40)
CRITICAL = "Patient sync fails for EU tenants since the 8.4 upgrade"


def stored(ws: Workspace) -> Meeting:
    meeting = meetings.planned_meeting(ws, ws.account("acme"))
    assert meeting is not None, "the plan was not saved"
    return meeting


def planner(app: CheckinApp) -> PlannerScreen:
    screen = app.screen
    assert isinstance(screen, PlannerScreen)
    return screen


def detail_text(app: CheckinApp) -> str:
    """The detail panel's text as a terminal would show it."""
    shown = app.screen.query_one(PlanDetail).shown
    assert shown is not None
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(describe(shown))
    return console.export_text()


def status_text(app: CheckinApp) -> str:
    return str(app.screen.query_one("#plan-status", Static).content)


async def open_planner(app: CheckinApp, pilot: object) -> PlannerScreen:
    """From the accounts screen: Acme Health is the first row; ctrl+l plans it."""
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, AccountsScreen)
    await pilot.press("ctrl+l")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    return planner(app)


async def test_open_from_the_accounts_screen_critical_issue_first_with_its_reasons() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        assert screen.account.slug == "acme"
        plan_list = screen.query_one(PlanList)
        assert app.focused is plan_list
        first = screen.draft.plan.items[0] if screen.draft else None
        assert first is not None and first.title == CRITICAL
        assert plan_list.current == (first.key, False)
        shown = detail_text(app)
        assert CRITICAL in shown
        assert "critical severity" in shown and "ack_breach_48h" in shown
        assert "The issue" in shown  # the linked record
        prompt = str(plan_list.get_option(f"item:{first.key}").prompt)
        assert "12 min" in prompt and "critical severity (+2 more)" in prompt
        # Opening saves nothing: the agenda follows the records until the user changes it.
        assert meetings.planned_meeting(ws, ws.account("acme")) is None
        # e shows every item's reasons inline, with their rules.
        await pilot.press("e")
        prompt = str(plan_list.get_option(f"item:{first.key}").prompt)
        assert "ack_breach_48h" in prompt and "not_discussed_last_time" in prompt


async def test_move_park_restore_and_minutes_are_saved_at_once() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        assert screen.draft is not None
        first, second = (i.key for i in screen.draft.plan.items[:2])

        await pilot.press("down", "shift+up")
        assert [i.key for i in stored(ws).agenda[:2]] == [second, first]
        await pilot.press("J")  # back down again
        assert [i.key for i in stored(ws).agenda[:2]] == [first, second]

        await pilot.press("plus", "plus", "minus")
        assert stored(ws).item(second).planned_minutes == 9  # 8 + 1

        await pilot.press("x")
        parked = stored(ws).item(second)
        assert parked.parked
        assert "parked by you" in [r.text for r in parked.reasons]
        assert "Parked" in status_text(app)
        # The cursor stays in place: the next item is highlighted.
        third = screen.draft.plan.items[1].key
        assert screen.query_one(PlanList).current == (third, False)

        await pilot.press("end")  # the last parked item
        current = screen.query_one(PlanList).current
        assert current is not None and current[1]
        await pilot.press("x")
        assert not stored(ws).item(current[0]).parked

        # Type the minutes of an item.
        await pilot.press("home", "m")
        assert isinstance(app.screen, FormModal)
        app.screen.query_one("#field-minutes", Input).value = "15"
        await pilot.press("enter")
        await pilot.pause()
        assert stored(ws).item(first).planned_minutes == 15

        # Leaving and coming back shows the saved arrangement.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        again = planner(app)
        assert again.draft is not None
        assert [i.key for i in again.draft.plan.items] == [i.key for i in screen.draft.plan.items]
        assert "saved plan" in status_text(app)


async def test_minutes_bar_shows_overrun_after_a_restore() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        assert screen.draft is not None and screen.draft.plan.free_minutes == 0
        await pilot.press("end", "x")
        assert screen.draft.plan.free_minutes < 0
        bar = screen.query_one("#plan-bar")
        assert bar.has_class("-over")
        assert "over" in str(bar.visual)
        assert "runs" in status_text(app) and "over" in status_text(app)
        meeting = stored(ws)
        planned = sum(i.planned_minutes for i in meeting.agenda if not i.parked)
        assert planned > meeting.length_minutes


async def test_add_a_custom_item_with_validation() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        await pilot.press("a")
        assert isinstance(app.screen, FormModal)
        form = app.screen
        form.query_one("#field-minutes", Input).value = "0"
        form.query_one("#field-title", Input).value = "Introduce our new CSM"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # 0 minutes is refused
        assert "from 1 to 480" in str(form.query_one("#error-minutes", Static).content)
        assert meetings.planned_meeting(ws, ws.account("acme")) is None
        form.query_one("#field-minutes", Input).value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        added = [i for i in stored(ws).agenda if i.kind is ItemKind.CUSTOM]
        assert [(i.title, i.planned_minutes, i.parked) for i in added] == [
            ("Introduce our new CSM", 4, False)
        ]
        assert screen.query_one(PlanList).current == (added[0].key, False)


async def test_switch_template_and_change_length() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        await pilot.press("x")  # a manual edit: switching asks first
        await pilot.press("t")
        assert isinstance(app.screen, TemplateModal)
        options = app.screen.query_one(OptionList)
        options.highlighted = options.get_option_index("monthly")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AskModal)
        await pilot.press("y")
        await pilot.pause()
        meeting = stored(ws)
        assert (meeting.template, meeting.length_minutes) == ("monthly", 30)
        assert not any(i.parked and "parked by you" in str(i.reasons) for i in meeting.agenda)
        assert screen.sub_title == "Monthly check-in · 30 min"

        await pilot.press("l")
        assert isinstance(app.screen, FormModal)
        field = app.screen.query_one("#field-minutes", Input)
        field.value = "3"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormModal)  # 3 minutes is refused, nothing saved
        assert stored(ws).length_minutes == 30
        field.value = "60"
        await pilot.press("enter")
        await pilot.pause()
        meeting = stored(ws)
        assert meeting.length_minutes == 60
        # Not edited since the switch: the agenda is refitted to the new length.
        assert sum(i.planned_minutes for i in meeting.agenda if not i.parked) <= 60
        assert screen.draft is not None and not screen.draft.edited


async def test_regenerate_asks_before_discarding_edits() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        await pilot.press("x", "g")
        assert isinstance(app.screen, AskModal)
        await pilot.press("n")
        await pilot.pause()
        assert any(i.parked and i.reasons[-1].rule == "parked" for i in stored(ws).agenda)
        await pilot.press("g", "y")
        await pilot.pause()
        assert screen.draft is not None and not screen.draft.edited
        assert not any(i.reasons[-1].rule == "parked" for i in stored(ws).agenda)
        await pilot.press("g")  # nothing to lose now: no question
        assert app.screen is screen


async def test_copy_preview_and_write_the_preread(tmp_path: Path) -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_planner(app, pilot)
        await pilot.press("down", "shift+up", "c")
        assert screen.draft is not None
        assert app.clipboard == screen.draft.preread()
        assert app.clipboard.index("Lab results") < app.clipboard.index("Patient sync")

        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PathModal)
        field = app.screen.query_one("#path", Input)
        assert field.value == "~/acme-2026-11-23-pre-read.md"
        target = tmp_path / "notes" / "acme.md"
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text() == screen.draft.preread()
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert str(target) in status_text(app)

        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PrereadScreen)
        await pilot.pause()
        assert app.screen.query_one(Markdown).source == screen.draft.preread()
        app.copy_to_clipboard("")
        await pilot.press("c")
        assert app.clipboard == screen.draft.preread()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_start_the_checkin_with_the_saved_agenda() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        await pilot.press("down", "shift+up", "s")
        assert isinstance(app.screen, AskModal)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert screen not in app.screen_stack
        live = meetings.live_meeting(ws, ws.account("acme"))
        assert live is not None and live.state is MeetingState.LIVE
        assert screen.draft is not None and live.id == screen.draft.meeting_id
        assert live.agenda[0].title.startswith("Lab results")


async def test_open_from_the_account_screen_and_the_palette_and_help() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_account(ws.account("acme"))
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        screen = planner(app)
        titles = [title for title, _help, _run in screen.palette_commands()]
        for expected in (
            "Agenda: Move item down",
            "Agenda: Park item",
            "Agenda: Add custom item",
            "Agenda: Switch template",
            "Agenda: Change length",
            "Agenda: Preview pre-read",
            "Agenda: Copy pre-read",
            "Agenda: Write pre-read",
            "Agenda: Regenerate",
            "Meeting: Start check-in",
        ):
            assert expected in titles
        # Only what is possible: the first item cannot go up, nothing parked is highlighted.
        assert "Agenda: Move item up" not in titles
        assert "Agenda: Restore item" not in titles
        app.plan_agenda(ws.account("acme"))  # already open: no second planner
        await pilot.pause()
        assert sum(isinstance(s, PlannerScreen) for s in app.screen_stack) == 1

        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        described = {str(table.get_row_at(n)[1]) for n in range(table.row_count)}
        for key in ("Move up", "Move down", "Park", "Add", "Template", "Length", "Start"):
            assert key in described
        assert "Pre-read" in described and "Regenerate" in described


async def test_record_text_is_never_markup() -> None:
    ws = small_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.plan_agenda(ws.account("acme"))
        await pilot.pause()
        screen = planner(app)
        assert screen.draft is not None
        first = screen.draft.plan.items[0]
        assert first.title == "[bold]Sync[/] fails for EU tenants"
        prompt = screen.query_one(PlanList).get_option(f"item:{first.key}").prompt
        assert "[bold]Sync[/] fails" in str(prompt)
        assert "[bold]Sync[/] fails" in detail_text(app)
        await pilot.press("x")
        assert "“[bold]Sync[/] fails" in status_text(app)


async def test_a_new_critical_issue_after_saving_is_announced() -> None:
    ws = demo_workspace()
    acme = ws.account("acme")
    drafts.save_draft(ws, drafts.load_draft(ws, acme))
    ws.add(
        Issue,
        "issue",
        account_id=acme.id,
        title="Pharmacy feed down",
        severity=Severity.CRITICAL,
        opened=NOW - timedelta(hours=2),
    )
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.plan_agenda(acme)
        await pilot.pause()
        assert "1 new item" in status_text(app) and "g regenerates" in status_text(app)


async def test_a_change_that_cannot_be_saved_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ws" / "db.json"
    seeded = Workspace.open(path, clock=lambda: NOW)
    with seeded.transaction():
        seed_demo(seeded, NOW)
    seeded.close()
    ws = Workspace.open(path, clock=lambda: NOW, read_only=True)
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.plan_agenda(ws.account("acme"))
        await pilot.pause()
        screen = planner(app)
        assert screen.draft is not None
        before = [i.key for i in screen.draft.plan.items]
        await pilot.press("x")
        await pilot.pause()
        assert [i.key for i in screen.draft.plan.items] == before
        assert any(n.title == "Not saved" for n in app._notifications)
        assert meetings.planned_meeting(ws, ws.account("acme")) is None
    ws.close()


async def test_start_offers_to_resume_a_running_checkin() -> None:
    ws = demo_workspace()
    acme = ws.account("acme")
    running = ws.add(Meeting, "meeting", account_id=acme.id, planned_start=NOW, started=NOW)
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)  # the app offers to resume at start
        await pilot.press("n")
        await pilot.pause()
        app.plan_agenda(acme)
        await pilot.pause()
        assert "running" in status_text(app)
        await pilot.press("x", "s")
        assert isinstance(app.screen, AskModal)
        assert "still running" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.session.meeting.id == running.id
        # The plan stays for the next check-in.
        assert stored(ws).state is MeetingState.PLANNED


async def test_set_the_meeting_date_and_time() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        assert screen.draft is not None
        # By default: the day the 14-day cadence says, at 10:00.
        assert screen.draft.now == NOW.replace(day=23, hour=10)
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormModal)
        form.query_one("#field-day", Input).value = "fri"
        form.query_one("#field-time", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormModal)  # the time is refused, the form stays
        form.query_one("#field-time", Input).value = "14:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "Fri 27 Nov at 14:30" in status_text(app)
        assert stored(ws).planned_start == NOW.replace(day=27, hour=14, minute=30)
        assert "Friday 27 November 2026, 14:30" in screen.draft.preread()
