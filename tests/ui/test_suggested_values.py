"""Values the app suggests are replaced by typing; what the user typed is added to.

Every form field the app pre-fills (a default, the current plan, a date from the cadence) is
selected when it gets focus: typing "3" over a suggested 5 gives 3, "tue" over a date gives
that Tuesday. Values out of range are refused beside the field.
"""

from __future__ import annotations

import random
from datetime import date, datetime
from typing import Any

from textual.widgets import Input, Static

from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.form import FormModal
from checkin.ui.screens.account import AccountScreen
from checkin.ui.screens.accounts import AccountsScreen
from checkin.ui.screens.live import LiveScreen
from checkin.ui.screens.planner import PlannerScreen
from checkin.ui.screens.wrapup import WrapUpScreen

NOW = datetime(2026, 12, 6, 9, 0)  # a Sunday
SIZE = (120, 40)


def demo() -> Workspace:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(7))
    with ws.transaction():
        seed_demo(ws, NOW)
    return ws


def form(app: CheckinApp) -> FormModal:
    assert isinstance(app.screen, FormModal), f"expected a form, got {app.screen!r}"
    return app.screen


def field(app: CheckinApp, name: str) -> Input:
    return form(app).query_one(f"#field-{name}", Input)


def message(app: CheckinApp, name: str) -> str:
    box = form(app).query_one(f"#error-{name}", Static)
    return "" if box.has_class("-empty") else str(box.content)


async def focus_and_type(app: CheckinApp, pilot: Any, name: str, text: str) -> None:
    """Reach the field with tab (as a user does) and type."""
    for _ in range(12):
        if form(app).focused is field(app, name):
            break
        await pilot.press("tab")
    assert form(app).focused is field(app, name)
    await pilot.press(*text)
    await pilot.pause()


async def open_planner(app: CheckinApp, pilot: Any) -> PlannerScreen:
    await pilot.pause()
    await pilot.press(*"acme", "ctrl+l")
    await pilot.pause()
    assert isinstance(app.screen, PlannerScreen)
    return app.screen


async def test_typing_over_an_items_minutes_replaces_them() -> None:
    app = CheckinApp(demo())
    async with app.run_test(size=SIZE) as pilot:
        planner = await open_planner(app, pilot)
        assert planner.draft is not None
        key = planner.draft.plan.items[0].key
        await pilot.press("m")
        await pilot.pause()
        before = field(app, "minutes").value
        assert before == str(planner.draft.plan.find(key).planned_minutes) and before != "3"
        await pilot.press("3")
        assert field(app, "minutes").value == "3"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        assert planner.draft.plan.find(key).planned_minutes == 3


async def test_an_item_longer_than_the_meeting_is_refused_beside_the_field() -> None:
    app = CheckinApp(demo())
    async with app.run_test(size=SIZE) as pilot:
        planner = await open_planner(app, pilot)
        assert planner.draft is not None
        length = planner.draft.plan.length_minutes
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*str(length + 1), "enter")
        await pilot.pause()
        assert message(app, "minutes") == (
            f"{length + 1} min is longer than the whole {length}-minute meeting "
            "(l changes the meeting length)"
        )
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard the change
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        await pilot.press("a")  # an item of one's own
        await pilot.pause()
        await pilot.press(*"Intro")
        await focus_and_type(app, pilot, "minutes", "999")
        assert field(app, "minutes").value == "999"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "longer than the whole" in message(app, "minutes")
        assert form(app).focused is field(app, "minutes")


async def test_typing_over_the_meeting_length_and_day_replaces_them() -> None:
    app = CheckinApp(demo())
    async with app.run_test(size=SIZE) as pilot:
        planner = await open_planner(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        assert field(app, "minutes").value not in ("", "60")
        await pilot.press(*"60", "enter")
        await pilot.pause()
        assert planner.draft is not None and planner.draft.plan.length_minutes == 60
        await pilot.press("d")
        await pilot.pause()
        assert field(app, "day").value != ""
        await pilot.press(*"tue")
        assert field(app, "day").value == "tue"
        await focus_and_type(app, pilot, "time", "14:30")
        assert field(app, "time").value == "14:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        assert planner.draft.now == datetime(2026, 12, 8, 14, 30)


async def test_a_new_records_suggested_values_are_replaced_and_typed_ones_kept() -> None:
    ws = demo()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AccountsScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Zeta Corp")
        await focus_and_type(app, pilot, "cadence_days", "14")
        assert field(app, "cadence_days").value == "14"  # not 3014
        # Typed by the user: coming back adds to it.
        await pilot.press("shift+tab")
        await pilot.press("tab")
        await pilot.press("0")
        assert field(app, "cadence_days").value == "140"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        # A new issue: its opened date is today's, a suggestion.
        await pilot.press(*"acme", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("2", "n")
        await pilot.pause()
        assert field(app, "opened").value == date(2026, 12, 6).isoformat()
        await focus_and_type(app, pilot, "opened", "fri")
        assert field(app, "opened").value == "fri"


async def test_an_edit_form_keeps_the_stored_text_and_adds_to_it() -> None:
    ws = demo()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"acme", "enter")
        await pilot.pause()
        await pilot.press("2", "e")
        await pilot.pause()
        title = field(app, "title").value
        assert title
        await pilot.press(*" (EU)")
        assert field(app, "title").value == title + " (EU)"
        await pilot.press("escape", "y")
        await pilot.pause()
    assert all(not i.title.endswith("(EU)") for i in ws.issues(ws.account("acme").id))


async def test_live_custom_item_and_wrap_up_date_take_what_is_typed() -> None:
    ws = demo()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"acme", "ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        live = app.screen
        await pilot.press("escape", "c")
        await pilot.pause()
        await pilot.press(*"Pricing")
        await focus_and_type(app, pilot, "minutes", "3")
        assert field(app, "minutes").value == "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        added = [i for i in live.session.meeting.agenda if i.title == "Pricing"]
        assert [i.planned_minutes for i in added] == [3]
        await pilot.press("w", "y")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)
        next_input = app.screen.query_one("#next", Input)
        assert next_input.value  # the date from the cadence
        next_input.focus()
        await pilot.pause()
        await pilot.press(*"tue")
        assert next_input.value == "tue"
        next_input.blur()
        await pilot.pause()
        next_input.focus()
        await pilot.pause()
        await pilot.press("backspace", *"ue")  # the user's own text: the cursor at its end
        assert next_input.value == "tuue"
