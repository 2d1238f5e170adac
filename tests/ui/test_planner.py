"""The agenda planner driven with keys on the demo workspace; every assert reads the store."""

from __future__ import annotations

import io
import stat
from datetime import timedelta
from pathlib import Path

from rich.console import Console
from textual.widgets import DataTable, Input, Markdown, OptionList, Static

from checkin.core.enums import ItemKind, MeetingState, Severity
from checkin.core.meeting import Meeting
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
        # Importance in words and the sentences, never a rule's name or a score.
        assert "Importance: must discuss" in shown and "critical severity" in shown
        assert "ack_breach_48h" not in shown and "+100" not in shown
        assert "The issue" in shown  # the record
        assert "Linked records (2)" in shown and "Release 8.5 with the sync fix" in shown
        prompt = str(plan_list.get_option(f"item:{first.key}").prompt)
        assert "14 min" in prompt and "must discuss · critical severity (+2 more)" in prompt
        assert "with 2 linked r" in prompt
        # Opening saves nothing: the agenda follows the records until the user changes it.
        assert meetings.planned_meeting(ws, ws.account("acme")) is None
        # e shows every item's reasons inline, as sentences; a linked record's marked ↳.
        await pilot.press("e")
        prompt = str(plan_list.get_option(f"item:{first.key}").prompt)
        assert "not acknowledged" in prompt and "↳" in prompt
        assert "ack_breach_48h" not in prompt and "not_discussed_last_time" not in prompt


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
        assert "moved to the parking lot while planning" in [r.text for r in parked.reasons]
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
        await set_length(app, pilot, 15)  # 45 minutes fit everything, shortened
        assert screen.draft is not None and screen.draft.plan.free_minutes >= 0
        assert screen.draft.plan.parked
        await pilot.press("end", "x")
        assert screen.draft.plan.free_minutes < 0
        bar = screen.query_one("#plan-bar")
        assert bar.has_class("-over")
        assert "over" in str(bar.visual)
        assert status_text(app).endswith("min over.")
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
        length = screen.draft.plan.length_minutes if screen.draft else 0
        assert f"from 1 to {length} minutes" in str(
            form.query_one("#error-minutes", Static).content
        )
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
        assert not any(
            i.parked and "moved to the parking lot while planning" in str(i.reasons)
            for i in meeting.agenda
        )
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
            "Agenda: Rebuild from the records",
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
        for key in ("Up", "Down", "Park", "Add", "Template", "Length", "Date", "Start"):
            assert key in described
        for key in ("Preview", "Copy", "Write", "Rebuild", "Minutes", "Reasons", "Details"):
            assert key in described  # not in the key bar, but here and in the palette


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
        assert "1 new item" in status_text(app) and "g rebuilds" in status_text(app)


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
    running = ws.add(Meeting, account_id=acme.id, planned_start=NOW, started=NOW)
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


# -- the review's findings: small terminals, rebuilds, the pre-read, messages, keys ----------


def screen_lines(app: CheckinApp) -> list[str]:
    """The screen as the terminal shows it, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def status_shown(app: CheckinApp) -> str:
    """The status line's rows as shown, joined: what the user can read of the message."""
    region = app.screen.query_one("#plan-status").region
    rows = screen_lines(app)[region.y : region.bottom]
    return " ".join(" ".join(row.split()) for row in rows)


def row_with(app: CheckinApp, text: str) -> str:
    return next(row for row in screen_lines(app) if text in row)


async def add_item(app: CheckinApp, pilot: object, title: str, minutes: int) -> None:
    await pilot.press("a")  # type: ignore[attr-defined]
    form = app.screen
    assert isinstance(form, FormModal)
    form.query_one("#field-title", Input).value = title
    form.query_one("#field-minutes", Input).value = str(minutes)
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def set_length(app: CheckinApp, pilot: object, minutes: int) -> None:
    """Plan a shorter meeting: the engine shortens, then parks what still does not fit."""
    await pilot.press("l")  # type: ignore[attr-defined]
    form = app.screen
    assert isinstance(form, FormModal)
    form.query_one("#field-minutes", Input).value = str(minutes)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = planner(app)
    assert screen.draft is not None and screen.draft.plan.length_minutes == minutes


async def switch_template(app: CheckinApp, pilot: object, name: str) -> None:
    await pilot.press("t")  # type: ignore[attr-defined]
    assert isinstance(app.screen, TemplateModal)
    options = app.screen.query_one(OptionList)
    options.highlighted = options.get_option_index(name)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    if isinstance(app.screen, AskModal):
        await pilot.press("y")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]


async def test_at_80_by_24_minutes_borders_and_figures_stay_in_view() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_planner(app, pilot)
        assert screen.draft is not None
        plan = screen.draft.plan
        figures = f"{plan.planned_minutes} of {plan.length_minutes} min · full"
        assert figures in screen_lines(app)[1] and not plan.parked  # everything fits, shortened
        row = row_with(app, "Patient sync fails")
        assert "14 min" in row and row.startswith("│") and row.endswith("│")
        # The details go under the agenda, full width.
        listed, detail = screen.query_one(PlanList), screen.query_one(PlanDetail)
        assert listed.region.right <= 80 and detail.region.right <= 80
        assert detail.region.y >= listed.region.bottom and detail.region.height >= 5
        assert "Why it is on the agenda" in "\n".join(screen_lines(app))

        await pilot.press("plus")  # the change is in view
        assert "15 min" in row_with(app, "Patient sync fails")
        assert "46 of 45 min · 1 over" in screen_lines(app)[1]

        await pilot.press("i")  # the agenda takes the whole height
        await pilot.pause()
        assert not detail.display or detail.region.height == 0
        assert listed.region.height > 16
        assert app.focused is listed
        await pilot.press("i")
        await pilot.pause()
        assert detail.region.height >= 5


async def test_at_120_the_details_are_beside_the_agenda_and_i_hides_them() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        listed, detail = screen.query_one(PlanList), screen.query_one(PlanDetail)
        assert detail.region.x >= listed.region.right
        await pilot.press("i")
        await pilot.pause()
        assert listed.region.width == 120
        titles = [title for title, _help, _run in screen.palette_commands()]
        assert "Agenda: Show item details" in titles


async def test_switching_template_fits_an_added_item_and_is_never_over() -> None:
    # The review's keys: a, "Budget for Q1 pilot" (5 min), t, Monthly, y.
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        await add_item(app, pilot, "Budget for Q1 pilot", 5)
        assert screen.draft is not None and screen.draft.plan.free_minutes == -5  # by hand
        await switch_template(app, pilot, "monthly")
        meeting = stored(ws)
        planned = sum(i.planned_minutes for i in meeting.agenda if not i.parked)
        assert (meeting.template, planned, meeting.length_minutes) == ("monthly", 30, 30)
        budget = next(i for i in meeting.agenda if i.title == "Budget for Q1 pilot")
        assert not budget.parked
        for item in meeting.agenda:
            if item.parked:
                assert item.reasons[-1].text == "did not fit in 30 min"
        assert "30 of 30 min · full" in str(screen.query_one("#plan-bar").visual)
        assert "Planned: 30 of 30 minutes." in screen.draft.preread()
        assert status_text(app).startswith("Switched to “Monthly check-in” (30 min)")


async def test_an_added_item_too_long_for_the_new_template_is_parked_and_said() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        await add_item(app, pilot, "Pilot budget, scope and the whole Q1 plan", 25)
        await switch_template(app, pilot, "monthly")
        assert screen.draft is not None and screen.draft.plan.free_minutes >= 0
        item = next(i for i in stored(ws).agenda if i.title.startswith("Pilot budget"))
        # Shortening comes before parking: it stays, right after the must-discuss topics,
        # with fewer minutes; less important items gave way first.
        assert not item.parked and 2 <= item.planned_minutes < 25
        for other in stored(ws).agenda:
            if other.parked:
                assert other.reasons[-1].text == "did not fit in 30 min"


async def test_the_preread_has_no_why_for_an_item_we_added_the_planner_says_you() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot)
        await add_item(app, pilot, "Budget for Q1 pilot", 5)
        assert screen.draft is not None
        preread = screen.draft.preread()
        assert "Budget for Q1 pilot" in preread and "added by you" not in preread.casefold()
        current = screen.query_one(PlanList).current
        assert current is not None
        prompt = str(screen.query_one(PlanList).get_option(f"item:{current[0]}").prompt)
        assert "added by you" in prompt  # the account manager reads the planner
        assert "You added it" in detail_text(app)


async def test_status_messages_are_never_cut() -> None:
    long_title = "Renewal terms for 2027 and the pricing of the new analytics add-on module"
    for size in ((80, 24), SIZE):
        ws = demo_workspace()
        app = CheckinApp(ws)
        async with app.run_test(size=size) as pilot:
            await open_planner(app, pilot)
            assert status_shown(app) == status_text(app)  # the opening note
            await set_length(app, pilot, 15)
            await pilot.press("end", "x")  # a restore that makes the agenda run over
            assert status_text(app).endswith(" min over.")
            assert status_shown(app) == status_text(app), size
            await add_item(app, pilot, long_title, 7)
            assert status_text(app).endswith(" min over.")
            assert status_shown(app) == status_text(app), size
            await switch_template(app, pilot, "monthly")
            assert status_shown(app) == status_text(app), size


async def test_the_key_bar_shows_the_planner_keys_that_matter() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_planner(app, pilot)
        bar = screen_lines(app)[-1]
        for shown in ("s Start", "⇧↑ Up", "⇧↓ Down", "+ More", "- Less", "x Park", "a Add"):
            assert shown in bar
        for shown in ("t Template", "l Length", "d Date", "v Preview", "g Rebuild", "f1 Keys"):
            assert shown in bar
        await set_length(app, pilot, 15)
        await pilot.press("end")  # a parked item: x restores, and everything still fits
        bar = screen_lines(app)[-1]
        assert "x Restore" in bar and "g Rebuild" in bar and "f1 Keys" in bar
    app = CheckinApp(demo_workspace())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_planner(app, pilot)
        bar = screen_lines(app)[-1]
        assert bar.startswith(" s Start") and "x Park" in bar and "f1 Keys" in bar
