"""Closing the loops during a call: actions, fixes, plans, attendance, skipped items, and the
next agenda that follows from it (issue 21)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from textual.geometry import Region
from textual.widgets import Input, OptionList, Select, TextArea

from checkin.core import ActionStatus, IssueStatus
from checkin.core.enums import ItemStatus, MeetingState
from checkin.services.planning import plan
from checkin.ui.app import CheckinApp
from checkin.ui.modals.attendance import AttendanceModal
from checkin.ui.modals.confirm import ConfirmModal
from checkin.ui.modals.form import FormModal
from checkin.ui.modals.topic import TopicRecordsModal
from checkin.ui.screens.live import LiveScreen
from checkin.ui.screens.minutes import MinutesScreen
from checkin.ui.screens.wrapup import WrapUpScreen
from checkin.ui.widgets.item_detail import ItemDetail
from tests.loops_data import Clock, loops_workspace


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*text)


def detail_text(app: CheckinApp) -> str:
    return str(app.screen.query_one(ItemDetail).content)


async def start(app: CheckinApp, pilot: Any) -> LiveScreen:
    await pilot.pause()
    await pilot.press("ctrl+r", "y")  # start the highlighted account's check-in
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def test_a_call_that_closes_the_loops_and_the_next_agenda_it_leads_to() -> None:
    clock = Clock()
    ws = loops_workspace(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await start(app, pilot)
        session = live.session
        # Our overdue commitment opens the call: a must-discuss topic (issue 12's engine);
        # the high issue, acknowledged within 48 hours, comes next.
        assert session.current is not None and session.current.key == "action:a-sso"

        # Attendance: the focal contacts are ticked; tick Ben, add a guest.
        await pilot.press("f5")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AttendanceModal)
        prompts = [str(o.prompt) for o in modal.query_one(OptionList).options]
        assert "[x] Ana Ruiz (client)" in prompts and "[ ] Ben Okafor (client)" in prompts
        modal.query_one(OptionList).highlighted = [r[0] for r in modal.rows].index("c-ben")
        await pilot.press("space")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
        await type_text(pilot, "Sam Reed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modal
        prompts = [str(o.prompt) for o in modal.query_one(OptionList).options]
        assert "[x] Ben Okafor (client)" in prompts and "[x] Sam Reed (guest)" in prompts
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(session.meeting.attendees) == ["c-ana", "c-ben", "c-chris"]
        assert session.meeting.guests == ["Sam Reed"]

        # The overdue action item is ticked off.
        await pilot.press("ctrl+r", "d")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert session.current is not None and session.current.key == "issue:i-totals"

        # The new issue: plan given, with an estimated date (a past date is refused and
        # nothing typed is lost).
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, TopicRecordsModal)
        await pilot.press("g")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormModal)
        await type_text(pilot, "Patch the totals query")
        await pilot.press("tab")
        await type_text(pilot, "2026-12-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused: the date is in the past
        assert form.query_one("#field-plan", Input).value == "Patch the totals query"
        form.query_one("#field-estimate", Input).value = "2026-12-11"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert "Plan: Patch the totals query" in detail_text(app)

        # The guest takes an action item.
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
        await type_text(pilot, "Send a sample report")
        app.screen.query_one("#field-owner", Select).value = "guest:Sam Reed"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()

        # "Did that work for you?" Yes for the export fix; its earlier check-in is shown.
        assert session.current is not None and session.current.key == "issue:i-export"
        assert "Index rebuild planned for the next sprint" in detail_text(app)
        await pilot.press("f4")  # the whole history
        await pilot.pause()
        assert "Earlier check-ins" in detail_text(app)
        await pilot.press("ctrl+r", "v")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()

        # No for the login fix: reopened with a note (a blank note is refused).
        assert session.current is not None and session.current.key == "issue:i-login"
        await pilot.press("ctrl+r", "n")
        await pilot.pause()
        reopen = app.screen
        assert isinstance(reopen, FormModal)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is reopen
        await type_text(pilot, "Still loops on iPad")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()

        # Moving past an item never spoken about leaves it pending; the next one is skipped.
        assert session.current is not None and session.current.key == "roadmap:r-eu"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert session.meeting.item("roadmap:r-eu").status is ItemStatus.PENDING
        assert session.current is not None and session.current.key == "roadmap:r-mobile"
        await pilot.press("escape", "s")
        await pilot.pause()

        # The standing question's answer, typed as notes, pre-fills the wrap-up.
        assert session.current is not None and session.current.key.startswith("standing:")
        await pilot.press("e")
        await type_text(pilot, "Warn us before maintenance")
        await pilot.press("escape", "w")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)
        assert app.screen.query_one("#better", TextArea).text == "Warn us before maintenance"
        await pilot.press("enter", "down", "enter")  # rating 5
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        minutes = app.screen.markdown
        meeting_id = session.meeting.id

    meeting = ws.meeting(meeting_id)
    assert meeting.state is MeetingState.ENDED
    statuses = {item.key: item.status for item in meeting.agenda}
    assert statuses["roadmap:r-eu"] is ItemStatus.PENDING
    assert statuses["roadmap:r-mobile"] is ItemStatus.SKIPPED
    for key in ("issue:i-totals", "issue:i-export", "issue:i-login", "action:a-sso"):
        assert statuses[key] is ItemStatus.DISCUSSED, key

    export, login, totals = (ws.store.issues.get(i) for i in ("i-export", "i-login", "i-totals"))
    assert export.verified == clock.now and export.status is IssueStatus.RESOLVED
    assert login.status is IssueStatus.IN_PROGRESS and login.resolved is None
    assert (login.reopened_count, login.last_reopened) == (1, clock.now)
    assert (totals.plan_text, totals.plan_estimate) == (
        "Patch the totals query",
        date(2026, 12, 11),
    )
    assert totals.status is IssueStatus.PLANNED
    assert [(c.issue_id, c.event) for c in meeting.status_changes] == [
        ("i-totals", "plan given"),
        ("i-export", "verified"),
        ("i-login", "reopened"),
    ]
    assert meeting.status_changes[2].note == "Still loops on iPad"
    assert ws.store.actions.get("a-sso").status is ActionStatus.DONE
    (taken,) = [a for a in ws.actions(meeting.account_id) if a.meeting_id == meeting_id]
    assert (taken.title, taken.owner, taken.owner_contact_id) == (
        "Send a sample report",
        "Sam Reed",
        None,
    )

    assert "- **Borealis Bank:** Ana Ruiz, Ben Okafor" in minutes
    assert "- **Guests:** Sam Reed" in minutes
    assert "7 agenda items discussed, 1 skipped, 1 not discussed." in minutes
    assert "5 of 7" in minutes
    assert "Export is slow: verified by the client: the fix works" in minutes
    assert "Login loop on Safari: reopened (resolved → in progress): the fix did not work: " in (
        minutes
    )
    assert "Still loops on iPad" in minutes
    assert "Patch the totals query (estimated 2026-12-11)" in minutes
    assert "| Planned; plan: Patch the totals query (by 2026-12-11) |" in minutes
    assert "| In progress; reopened once |" in minutes
    assert "[x] Our team: Send the SSO checklist" not in minutes  # not this meeting's action
    assert "Sam Reed: Send a sample report" in minutes

    # The next agenda: the verified fix is gone, the reopened issue is back and says why.
    clock.now = datetime(2026, 12, 18, 10, 0)
    following = {item.key: item for item in plan(ws, "borealis").items}
    assert "issue:i-export" not in following
    back = following["issue:i-login"]
    reopened = [r for r in back.reasons if r.rule == "reopened"]
    assert reopened and "reopened 6 Dec: the fix did not work" in reopened[0].text
    assert "action:a-sso" not in following
    assert following["roadmap:r-eu"].carried_from == date(2026, 12, 6)


def visible_lines(widget: ItemDetail) -> str:
    """The lines of ``widget`` on screen (its scroll position at the top)."""
    size = widget.content_region
    strips = widget.render_lines(Region(0, 0, widget.size.width, size.height))
    return "\n".join(strip.text for strip in strips)


async def test_at_80x24_the_reasons_and_last_time_are_on_screen() -> None:
    clock = Clock()
    ws = loops_workspace(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        live = await start(app, pilot)
        live.session.go("issue:i-export")
        live.render_all()
        await pilot.pause()
        shown = visible_lines(app.screen.query_one(ItemDetail))
        assert "Why: resolved 5 days ago" in shown
        assert "time (2026-11-16, discussed)" in shown and "rebuild planned" in shown


async def test_the_new_keys_are_in_the_help_and_the_palette_where_they_apply() -> None:
    from textual.widgets import DataTable

    from checkin.ui.screens.help import HelpScreen

    clock = Clock()
    ws = loops_workspace(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await start(app, pilot)
        live.session.go("issue:i-export")  # a fix to check
        titles = [title for title, _help, _run in live.palette_commands()]
        assert {"Meeting: Verify fix", "Meeting: Reopen issue", "Meeting: Set attendees"} <= set(
            titles
        )
        assert "Meeting: Give plan" not in titles and "Meeting: Mark action done" not in titles
        live.session.go("action:a-sso")
        titles = [title for title, _help, _run in live.palette_commands()]
        assert "Meeting: Mark action done" in titles and "Meeting: Verify fix" not in titles
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        actions = {str(table.get_row_at(n)[1]) for n in range(table.row_count)}
        assert {"Records", "History", "Attendance"} <= actions
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+r")  # the records modal: only the keys that apply are shown
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, TopicRecordsModal)
        shown = {b.binding.description for b in modal.active_bindings.values() if b.enabled}
        assert {"Done", "Drop", "Re-date", "Reassign"} <= shown
        assert "Worked: verified" not in shown and "Reopen" not in shown
