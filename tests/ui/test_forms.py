"""The record forms driven with keys: errors keep the form open, long forms scroll, esc asks."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static, TextArea

from checkin.core import Phase, Tier
from checkin.core.enums import RoadmapSide, RoadmapStatus
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.confirm import ConfirmModal
from checkin.ui.modals.form import FormModal
from checkin.ui.screens.account import AccountScreen
from checkin.ui.screens.accounts import AccountsScreen
from checkin.ui.screens.planner import PlannerScreen
from tests.sharing_data import demo_workspace

SIZE = (120, 40)


def form(app: CheckinApp) -> FormModal:
    screen = app.screen
    assert isinstance(screen, FormModal), f"expected the form, got {screen!r}"
    return screen


def message(app: CheckinApp, name: str) -> str:
    """The message shown beside field ``name`` ("" when there is none)."""
    box = form(app).query_one(f"#error-{name}", Static)
    return "" if box.has_class("-empty") else str(box.content)


def top_message(app: CheckinApp) -> str:
    box = form(app).query_one("#form-error", Static)
    return "" if box.has_class("-empty") else str(box.content)


def value(app: CheckinApp, name: str) -> Any:
    return form(app).query_one(f"#field-{name}", Input).value


async def new_account_form(app: CheckinApp, pilot: Pilot[None]) -> FormModal:
    await pilot.pause()
    assert isinstance(app.screen, AccountsScreen)
    await pilot.press("ctrl+n")
    await pilot.pause()
    return form(app)


# -- 1. errors of the save keep the form open ------------------------------------------


async def test_a_taken_short_name_keeps_the_new_account_form_open(
    app: CheckinApp, ws: Workspace
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        modal = await new_account_form(app, pilot)
        await pilot.press(*"Zeta Corp", "tab")
        modal.query_one("#field-slug", Input).value = "acme"
        modal.query_one("#field-tier", Select).value = Tier.STRATEGIC
        modal.query_one("#field-phase", Select).value = Phase.PROJECT
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Still open, everything typed still there, the message beside the short name.
        assert form(app) is modal
        assert message(app, "slug") == "the slug 'acme' is taken by Acme Corp"
        assert top_message(app) == ""
        assert value(app, "name") == "Zeta Corp"
        assert modal.query_one("#field-tier", Select).value is Tier.STRATEGIC
        assert modal.focused is modal.query_one("#field-slug")
        assert [a.name for a in ws.accounts()] == ["Acme Corp", "Globex Retail"]
        await pilot.press("ctrl+u", *"zeta", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountsScreen)
    zeta = ws.account("zeta")
    assert (zeta.name, zeta.tier, zeta.phase) == ("Zeta Corp", Tier.STRATEGIC, Phase.PROJECT)


EDITS = [
    ("issues", "issue"),
    ("roadmap", "roadmap item"),
    ("feedback", "feedback"),
    ("actions", "action item"),
    ("contacts", "contact"),
]


@pytest.mark.parametrize(("tab", "kind"), EDITS)
async def test_an_edit_the_store_refuses_keeps_the_form_open(
    app: CheckinApp, ws: Workspace, tab: str, kind: str
) -> None:
    """The record was deleted meanwhile: the save fails, the edit stays with its message."""
    acme = ws.account("acme")
    async with app.run_test(size=SIZE) as pilot:
        app.open_account(acme, tab=tab)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        modal = form(app)
        assert modal.form_title == f"Edit {kind}"
        record = app.screen_stack[-2].query_one(f"#{tab}-table").selected  # type: ignore[attr-defined]
        ws.delete(record)
        first = next(f.name for f in modal.fields if f.kind in ("text", "multiline"))
        modal.query_one(f"#field-{first}").focus()
        await pilot.press("end", *" (edited)")
        typed = modal.query_one(f"#field-{first}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form(app) is modal
        assert f"no {kind} {record.id!r}" in top_message(app)
        shown = typed.text if isinstance(typed, TextArea) else typed.value  # type: ignore[attr-defined]
        assert shown.endswith(" (edited)")


async def test_a_profile_edit_to_a_taken_short_name_stays_open(
    app: CheckinApp, ws: Workspace
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.open_account(ws.account("acme"), tab="profile")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        modal = form(app)
        modal.query_one("#field-slug", Input).value = "globex"
        modal.query_one("#field-our_owner", Input).value = "Kim [b]Lee[/b]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form(app) is modal
        assert message(app, "slug") == "the slug 'globex' is taken by Globex Retail"
        modal.query_one("#field-slug", Input).value = "acme-corp"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
    acme = ws.account("acme-corp")
    assert acme.our_owner == "Kim [b]Lee[/b]"


# -- 2. long forms scroll; title, hint and buttons stay in view --------------------------


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_long_form_scrolls_and_keeps_its_buttons_in_view(
    app: CheckinApp, ws: Workspace, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        app.open_account(ws.account("acme"))
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        modal = form(app)
        dialog = modal.query_one("#dialog").region
        screen = modal.region
        for part in ("#title", "#hint", "#cancel", "#save"):
            region = modal.query_one(part).region
            assert region and dialog.contains_region(region), part
        assert screen.contains_region(dialog)
        hint = str(modal.query_one("#hint", Static).content)
        assert hint.startswith("ctrl+s save · esc cancel · dates:")
        fields = modal.query_one("#fields").region
        seen = []
        for _ in range(len(modal.fields) + 2):
            await pilot.pause(0.3)  # let the scroll reach the focused field
            focused = modal.focused
            assert focused is not None
            seen.append(focused.id)
            area = dialog if isinstance(focused, Button) else fields
            assert area.contains_region(focused.region), focused.id
            await pilot.press("tab")
        assert seen == [*(f"field-{f.name}" for f in modal.fields), "cancel", "save"]


# -- 3. esc asks before throwing changes away --------------------------------------------


async def test_esc_closes_an_unchanged_form_at_once(app: CheckinApp, ws: Workspace) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.open_account(ws.account("acme"))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)


async def test_esc_on_a_changed_form_asks_first(app: CheckinApp, ws: Workspace) -> None:
    acme = ws.account("acme")
    before = len(ws.issues(acme.id))
    async with app.run_test(size=SIZE) as pilot:
        app.open_account(acme)
        await pilot.pause()
        await pilot.press("n", *"Half-typed issue", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.question == "Discard your changes?"
        await pilot.press("n")
        await pilot.pause()
        assert value(app, "title") == "Half-typed issue"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
    assert len(ws.issues(acme.id)) == before


# -- 4. the short name follows the name ----------------------------------------------------


async def test_the_short_name_follows_the_name_and_is_free(app: CheckinApp, ws: Workspace) -> None:
    ws.add_account(name="Zeta", slug="zeta-corp")
    async with app.run_test(size=SIZE) as pilot:
        modal = await new_account_form(app, pilot)
        slug = modal.query_one("#field-slug", Input)
        assert slug.value == ""
        # The account form has a date (the renewal): the hint says how dates can be typed.
        hint = "ctrl+s save · esc cancel · dates: 2026-12-01, fri, +3d, next week"
        assert str(modal.query_one("#hint", Static).content) == hint
        assert slug.placeholder and slug.placeholder not in {a.slug for a in ws.accounts()}
        await pilot.press(*"Zeta Corp")
        assert slug.value == "zeta-corp-2"  # zeta-corp is taken
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"Café")
        assert slug.value == "zeta-cafe"
        # Once the user types a short name of their own, the name no longer changes it.
        await pilot.press("tab", "ctrl+u", *"zc", "shift+tab", "end", *" AG")
        assert slug.value == "zc"
        assert value(app, "name") == "Zeta Café AG"


async def test_a_new_account_saves_with_the_suggested_short_name(
    app: CheckinApp, ws: Workspace
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        modal = await new_account_form(app, pilot)
        await pilot.press(*"Acme")
        modal.query_one("#field-tier", Select).value = Tier.STANDARD
        modal.query_one("#field-phase", Select).value = Phase.NORMAL
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountsScreen)
    assert ws.account("acme-2").name == "Acme"


# -- 5. every invalid field at once ------------------------------------------------------


async def test_the_date_form_flags_a_bad_day_and_a_bad_time_together() -> None:
    ws = demo_workspace()
    app = CheckinApp(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        await pilot.press("d")
        await pilot.pause()
        modal = form(app)
        modal.query_one("#field-day", Input).value = "someday"
        modal.query_one("#field-time", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message(app, "day").startswith("'someday' is not a date")
        assert message(app, "time") == "'25:00' is not a time: use one such as 09:30 or 14:00"
        modal.query_one("#field-day", Input).value = "fri"
        modal.query_one("#field-time", Input).value = "9.15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        assert app.screen.draft is not None
        assert f"{app.screen.draft.now:%a %H:%M}" == "Fri 09:15"


async def test_every_missing_required_field_is_flagged(app: CheckinApp, ws: Workspace) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await new_account_form(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [message(app, n) for n in ("name", "slug", "tier", "phase")] == ["required"] * 4
        assert isinstance(form(app).focused, Input)
        assert form(app).focused.id == "field-name"  # type: ignore[union-attr]
    assert len(ws.accounts()) == 2


async def test_coming_back_to_a_field_and_typing_adds_to_it(app: CheckinApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormModal)
        await pilot.press(*"Zen Labs")
        await pilot.press("tab", "shift+tab")
        await pilot.press(*" Two")
        await pilot.pause()
        assert form.query_one("#field-name", Input).value == "Zen Labs Two"


async def test_an_action_item_and_a_milestone_can_be_linked_to_an_issue() -> None:
    """The optional links of DESIGN section 2: the agenda then discusses them as one topic."""
    ws = demo_workspace()
    app = CheckinApp(ws)
    acme = ws.account("acme")
    lab = next(i for i in ws.issues(acme.id) if i.title.startswith("Lab results"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Acme Health
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("5", "n")  # the action items tab, a new one
        await pilot.pause()
        modal = form(app)
        modal.query_one("#field-title", Input).value = "Send the sorting fix notes"
        modal.query_one("#field-linked_issue_id", Select).value = lab.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = next(a for a in ws.actions(acme.id) if a.title == "Send the sorting fix notes")
        assert added.linked_issue_id == lab.id
        await pilot.press("3", "n")  # the roadmap tab, a new milestone
        await pilot.pause()
        modal = form(app)
        modal.query_one("#field-title", Input).value = "Release 8.6"
        modal.query_one("#field-side", Select).value = RoadmapSide.OURS
        modal.query_one("#field-status", Select).value = RoadmapStatus.PLANNED
        modal.query_one("#field-target", Input).value = "+10d"
        modal.query_one("#field-linked_issue_id", Select).value = lab.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        milestone = next(r for r in ws.roadmap(acme.id) if r.title == "Release 8.6")
        assert milestone.linked_issue_ids == [lab.id]
