"""The commercial context in the forms: renewal, contract value and seats on the profile, the
stakeholder role of a contact; bad values are refused beside their field and nothing is saved."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Select, Static

from checkin.core.enums import Side, StakeholderRole
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.form import FormModal
from checkin.ui.screens.account import AccountScreen
from checkin.ui.widgets.profile import ProfileView

SIZE = (120, 40)


def form(app: CheckinApp) -> FormModal:
    assert isinstance(app.screen, FormModal), app.screen
    return app.screen


def error(app: CheckinApp, name: str) -> str:
    box = form(app).query_one(f"#error-{name}", Static)
    return "" if box.has_class("-empty") else str(box.content)


async def test_the_profile_form_takes_the_commercial_context(
    app: CheckinApp, ws: Workspace
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.open_account(ws.account("acme"), tab="profile")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        modal = form(app)
        modal.query_one("#field-renewal", Input).value = "2027-01-31"
        modal.query_one("#field-contract_value", Input).value = "-5"
        modal.query_one("#field-seats", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form(app) is modal
        assert error(app, "contract_value") == "must not be negative, not -5"
        assert error(app, "seats") == "must be between 1 and 10000000, not 0"
        assert ws.account("acme").renewal is None  # nothing saved
        modal.query_one("#field-contract_value", Input).value = "48000"
        modal.query_one("#field-seats", Input).value = "120"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        profile = str(app.screen.query_one(ProfileView).query_one("#profile-body", Static).content)
        assert "Renewal 2027-01-31" in profile and "48,000 a year" in profile
    acme = ws.account("acme")
    assert (acme.renewal, acme.contract_value, acme.seats) == (dt.date(2027, 1, 31), 48000, 120)


async def test_a_contact_gets_a_stakeholder_role(app: CheckinApp, ws: Workspace) -> None:
    acme = ws.account("acme")
    async with app.run_test(size=SIZE) as pilot:
        app.open_account(acme, tab="contacts")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        modal = form(app)
        modal.query_one("#field-name", Input).value = "Ada Byron"
        modal.query_one("#field-side", Select).value = Side.CLIENT
        modal.query_one("#field-stakeholder", Select).value = StakeholderRole.EXECUTIVE_SPONSOR
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
    (ada,) = [c for c in ws.contacts(acme.id) if c.name == "Ada Byron"]
    assert ada.stakeholder is StakeholderRole.EXECUTIVE_SPONSOR
