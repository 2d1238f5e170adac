"""The small modals of the live check-in: each returns values; the screen saves them."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from checkin.core.enums import Direction, IssueStatus, Severity, Side
from checkin.core.records import Contact, Issue
from checkin.services.session import STATUS_CHANGES
from checkin.ui.modals.confirm import DIALOG_CSS
from checkin.ui.modals.confirm import ConfirmModal as ConfirmModal  # the live screen's import
from checkin.ui.modals.form import Field, FormModal
from checkin.ui.modals.planning import item_minutes_check, item_minutes_label
from checkin.ui.modals.records import FEEDBACK_FIELDS, owner_choices
from checkin.ui.text import literal


def action_modal(contacts: list[Contact], today: date) -> FormModal:
    fields = (
        Field("title", "Action", required=True, placeholder="Send the EU rollout plan"),
        Field("owner", "Owner", "choice", owner_choices(contacts), required=True),
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


def custom_item_modal(today: date, meeting_minutes: int | None = None) -> FormModal:
    """A topic raised during the call; its minutes are a suggestion typing replaces."""
    fields = (
        Field("title", "Agenda item", required=True),
        Field("minutes", item_minutes_label(meeting_minutes), "int"),
    )
    return FormModal(
        "Add an agenda item",
        fields,
        today=today,
        values={"minutes": 5},
        validate=item_minutes_check("Agenda item", meeting_minutes),
        suggested={"minutes"},
    )


class StatusModal(ModalScreen[str | None]):
    """Acknowledge (a), plan given (g), resolve (r) or verified (v) for one issue."""

    DEFAULT_CSS = DIALOG_CSS.format(name="StatusModal")
    KEYS = {"acknowledge": "a", "plan": "g", "resolve": "r", "verify": "v"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="status.cancel"),
        Binding("a", "dismiss('acknowledge')", "Acknowledge", id="status.ack"),
        Binding("g", "dismiss('plan')", "Plan given", id="status.plan"),
        Binding("r", "dismiss('resolve')", "Resolve", id="status.resolve"),
        Binding("v", "dismiss('verify')", "Verified", id="status.verify"),
    ]

    def __init__(self, issue: Issue) -> None:
        super().__init__()
        self.issue = issue

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(literal(f"{self.issue.title} ({self.issue.status.value})"), classes="title")
            yield OptionList(
                *(
                    Option(Text.assemble((f"{self.KEYS[change]}  ", "bold"), label), id=change)
                    for change, label in STATUS_CHANGES.items()
                    if self._possible(change)
                )
            )
            yield Static("a/g/r/v or enter · esc cancels", classes="hint")

    def _possible(self, change: str) -> bool:
        issue = self.issue
        if change == "acknowledge":
            return issue.acknowledged is None
        if change == "plan":
            return issue.is_open and issue.plan_given is None
        if change == "resolve":
            return issue.status not in (IssueStatus.RESOLVED, IssueStatus.CLOSED)
        return issue.verified is None

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class AttendeesModal(ModalScreen[list[str] | None]):
    DEFAULT_CSS = DIALOG_CSS.format(name="AttendeesModal")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="attendees.cancel"),
        Binding("ctrl+s,enter", "save", "Save", id="attendees.save", priority=True),
    ]

    def __init__(self, contacts: list[Contact], chosen: list[str]) -> None:
        super().__init__()
        self.contacts = contacts
        self.chosen = set(chosen)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Who is in the meeting?", classes="title")
            yield SelectionList[str](
                *(
                    (
                        Text(
                            f"{c.name} ({'client' if c.side is Side.CLIENT else 'ours'})"
                            + (f", {c.role}" if c.role else "")
                        ),
                        c.id,
                        c.id in self.chosen,
                    )
                    for c in self.contacts
                )
            )
            yield Static("space toggles · enter saves · esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_save(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))
