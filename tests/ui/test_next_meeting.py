"""One next meeting everywhere: the planner, ``checkin agenda``, the wrap-up, the minutes and
the calendar read the same planned start, plan and client preferences."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import orjson
from click.testing import CliRunner
from icalendar import Calendar
from textual.widgets import Input

from checkin.calendar.ics import to_utc
from checkin.cli.demo import ensure_demo
from checkin.cli.main import cli
from checkin.markdown.preread import when
from checkin.services import sharing
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace, system_clock
from checkin.ui.app import CheckinApp
from checkin.ui.screens.minutes import MinutesScreen
from checkin.ui.screens.planner import PlannerScreen
from checkin.ui.screens.wrapup import WrapUpScreen
from checkin.ui.widgets.minutes_bar import MinutesBar
from tests.conftest import NOW
from tests.ui.test_live_meeting import to_wrap_up
from tests.ui.test_planner import add_item

SIZE = (120, 40)


async def open_planner(app: CheckinApp, pilot: object, slug: str) -> PlannerScreen:
    """Filter the home to ``slug`` by typing it, then plan it (ctrl+l)."""
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press(*slug, "ctrl+l")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = app.screen
    assert isinstance(screen, PlannerScreen)
    assert screen.account.slug == slug
    return screen


def agenda_cli(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["agenda", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


async def test_the_plan_edited_in_the_planner_is_what_checkin_agenda_prints(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.json"
    ensure_demo(db, system_clock())  # the command line reads on the real clock: so does this
    ws = Workspace.open(db, rng=random.Random(4))
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot, "helios")
        assert screen.draft is not None
        parked = screen.draft.plan.items[1].title
        await pilot.press("down", "x")  # park the second item
        await add_item(app, pilot, "Pricing for 2027", 5)
        draft = screen.draft
        assert draft is not None and draft.meeting_id is not None
        assert parked in [i.title for i in draft.plan.parked]
        preread = draft.preread()
        start = draft.now
    ws.close()

    markdown = agenda_cli(db, "helios")
    assert markdown == preread  # exactly what the planner shows
    assert when(start) in markdown.splitlines()[2]  # dated with the planned start
    assert "Pricing for 2027" in markdown

    data = orjson.loads(agenda_cli(db, "helios", "--format", "json"))
    assert data["at"] == start.isoformat()
    assert "Pricing for 2027" in [i["title"] for i in data["items"]]
    assert parked in [i["title"] for i in data["parked"]]
    assert parked not in [i["title"] for i in data["items"]]

    # --fresh builds a new agenda: the parked item is back, the added one is not there.
    fresh = orjson.loads(agenda_cli(db, "helios", "--fresh", "--format", "json"))
    assert parked in [i["title"] for i in fresh["items"]]
    assert "Pricing for 2027" not in [i["title"] for i in fresh["items"] + fresh["parked"]]
    assert fresh["at"] == start.isoformat()


async def test_a_profile_that_avoids_mondays_never_gets_a_monday() -> None:
    # Sunday 22 November: a 7-day cadence from today is Sunday 29, whose working day is
    # Monday 30; the profile avoids Mondays, so the planner proposes Tuesday 1 December.
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(2))
    ws.add_account(name="Bluefin", slug="bluefin", cadence_days=7, avoid_days="mon")
    ws.add_account(name="Other", slug="other", cadence_days=7)
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_planner(app, pilot, "other")
        assert screen.draft is not None and screen.draft.now == datetime(2026, 11, 30, 10, 0)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(*["backspace"] * 5)
        screen = await open_planner(app, pilot, "bluefin")
        assert screen.draft is not None
        assert screen.draft.now == datetime(2026, 12, 1, 10, 0)
        assert "Tue 01 Dec 10:00" in screen.query_one(MinutesBar)._shown[0]


async def test_the_calendar_the_minutes_and_the_planner_agree_on_the_next_meeting() -> None:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(5))
    with ws.transaction():
        seed_demo(ws, NOW)
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"bluefin")
        meeting_id = await to_wrap_up(app, pilot)
        wrap = app.screen
        assert isinstance(wrap, WrapUpScreen)
        proposed = wrap.query_one("#next", Input).value
        # Bluefin avoids Mondays: 30 days from Sunday 22 November is Tuesday 22 December.
        assert proposed == "2026-12-22 10:00"
        wrap.query_one("#next", Input).value = "tue 14:30"
        await pilot.pause()
        assert "at 14:30" in str(wrap.query_one("#next-hint").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(*["backspace"] * 7)
        planner = await open_planner(app, pilot, "bluefin")
        assert planner.draft is not None
        planned = planner.draft.now

    agreed = datetime(2026, 11, 24, 14, 30)
    assert planned == agreed
    minutes = sharing.minutes_markdown(ws, meeting_id)
    assert "## Next meeting\n\nTuesday 24 November 2026, 14:30." in minutes
    calendar = Calendar.from_ical(sharing.calendar(ws, "bluefin"))
    event = next(c for c in calendar.walk("VEVENT"))
    assert event["DTSTART"].dt == to_utc(agreed, None)


async def test_the_planner_says_when_records_changed_since_the_plan() -> None:
    import dataclasses

    from textual.widgets import Static

    moment = [NOW]
    ws = Workspace.in_memory(clock=lambda: moment[0], rng=random.Random(5))
    with ws.transaction():
        seed_demo(ws, NOW)
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_planner(app, pilot, "helios")
        await pilot.press("down", "x")  # saves the plan
        await pilot.press("escape")
        await pilot.pause()
        moment[0] = NOW + timedelta(hours=1)
        helios = ws.account("helios")
        for contact in ws.contacts(helios.id)[:3]:
            ws.save(dataclasses.replace(contact, role=contact.role + " (acting)"))
        await pilot.press(*["backspace"] * 6)
        screen = await open_planner(app, pilot, "helios")
        status = str(screen.query_one("#plan-status", Static).content)
        assert status == "3 records changed since you planned this: rebuild? g rebuilds it."
