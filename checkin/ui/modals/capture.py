"""The small modals of the live check-in: each returns values; the screen saves them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from checkin.core.enums import Direction, Severity
from checkin.core.records import Contact
from checkin.services.topic import GUEST_PREFIX
from checkin.ui.modals.confirm import ConfirmModal as ConfirmModal  # the live screen's import
from checkin.ui.modals.form import Field, FormModal
from checkin.ui.modals.records import FEEDBACK_FIELDS, owner_choices


def owners(contacts: list[Contact], guests: Sequence[str]) -> tuple[tuple[str, Any], ...]:
    """Action item owners during a call: us, the contacts, then the guests of the call."""
    return (*owner_choices(contacts), *((f"{g} (guest)", GUEST_PREFIX + g) for g in guests))


def action_modal(contacts: list[Contact], today: date, guests: Sequence[str] = ()) -> FormModal:
    """What, who (us, a contact or a guest of the call) and by when."""
    fields = (
        Field("title", "Action", required=True, placeholder="Send the EU rollout plan"),
        Field("owner", "Owner", "choice", owners(contacts, guests), required=True),
        Field("due", "Due", "date", placeholder="fri, +3d, 2026-12-01"),
    )
    return FormModal("New action item", fields, today=today, values={"owner": "us"})


def decision_modal(today: date) -> FormModal:
    return FormModal("Decision", (Field("text", "What was decided", required=True),), today=today)


def feedback_modal(today: date) -> FormModal:
    # The feedback form of the account screen, without the dates: it is received today.
    fields = tuple(f for f in FEEDBACK_FIELDS if f.kind != "date")
    values = {"direction": Direction.FROM_CLIENT, "sentiment": 0}
    return FormModal("Feedback", fields, today=today, values=values)


def issue_modal(today: date) -> FormModal:
    fields = (
        Field("title", "Issue", required=True),
        Field(
            "severity",
            "Severity",
            "choice",
            tuple((s.value.capitalize(), s) for s in Severity),
            required=True,
        ),
        Field("body", "Details", "multiline"),
    )
    return FormModal("New issue (acknowledged now)", fields, today=today)


def custom_item_modal(today: date) -> FormModal:
    fields = (Field("title", "Agenda item", required=True), Field("minutes", "Minutes", "int"))
    return FormModal("Add an agenda item", fields, today=today, values={"minutes": 5})
