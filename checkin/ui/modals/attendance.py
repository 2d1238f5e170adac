"""Who is on the call: a checklist of the account's contacts and the guests added by name."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from checkin.core.enums import Side
from checkin.core.records import Contact
from checkin.core.text import clean_line
from checkin.ui.command_table import Command, CommandTable
from checkin.ui.modals.confirm import DIALOG_CSS
from checkin.ui.modals.form import Field, FormModal
from checkin.ui.widgets.bars import KeyBar

GUEST_FIELDS = (
    Field("name", "Guest's name", required=True),
    Field("side", "Side", "choice", (("Client", Side.CLIENT), ("Ours", Side.OURS)), required=True),
    Field("role", "Role"),
    Field("save", "Also save as a contact of the account", "bool"),
)


@dataclass
class NewContact:
    name: str
    side: Side
    role: str = ""


@dataclass
class Attendance:
    """What the checklist returns: contacts present (ids), guests present (names), and the
    guests to save as contacts (present too)."""

    present: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    new_contacts: list[NewContact] = field(default_factory=list)


def box(ticked: bool) -> Text:
    """ "[x]" or "[ ]": the state reads without colour."""
    return Text("[x] " if ticked else "[ ] ", style="bold green" if ticked else "dim")


ATTENDANCE_COMMANDS = CommandTable(
    [
        Command("escape", "dismiss(None)", "Cancel", help="Close: attendance stays as it was",
                id="attendance.cancel"),
        Command("space", "tick", "Present / not", help="Tick or untick the highlighted person",
                id="attendance.toggle"),
        Command("g", "add_guest", "Add guest",
                help="Someone who is not a contact of the account (optionally saved as one)",
                id="attendance.guest"),
        Command("ctrl+s,enter", "save", "Save", help="Save who is on the call", priority=True,
                id="attendance.save"),
    ]
)  # fmt: skip


class AttendanceModal(ModalScreen[Attendance | None]):
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="AttendanceModal")
        + """
    AttendanceModal OptionList { height: auto; max-height: 16; }
    """
    )
    COMMAND_TABLE = ATTENDANCE_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = ATTENDANCE_COMMANDS.bindings()

    def __init__(
        self, contacts: list[Contact], present: list[str], guests: list[str], today: date
    ) -> None:
        super().__init__()
        self.contacts = contacts
        self.today = today
        # (key, label, ticked): contacts by id, guests by "guest:<name>", new contacts "new:<n>"
        self.rows: list[tuple[str, str, bool]] = [
            (c.id, self._contact_label(c), c.id in present) for c in contacts
        ] + [(f"guest:{g}", f"{g} (guest)", True) for g in guests]
        self.new_contacts: dict[str, NewContact] = {}

    @staticmethod
    def _contact_label(contact: Contact) -> str:
        side = "client" if contact.side is Side.CLIENT else "ours"
        role = f", {contact.role}" if contact.role else ""
        return f"{clean_line(contact.name)} ({side}{role})"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Who is on the call?", classes="title")
            yield OptionList(id="attendance")
            yield Static(
                "space ticks or unticks · g adds a guest · enter saves · esc cancels",
                classes="hint",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self._show()
        self.query_one(OptionList).focus()

    def _show(self, highlight: int | None = None) -> None:
        options = self.query_one(OptionList)
        keep = options.highlighted if highlight is None else highlight
        options.clear_options()
        options.add_options(
            Option(Text.assemble(box(ticked), label), id=key) for key, label, ticked in self.rows
        )
        if self.rows:
            options.highlighted = min(keep or 0, len(self.rows) - 1)

    def action_tick(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or not self.rows:
            return
        key, label, ticked = self.rows[index]
        self.rows[index] = (key, label, not ticked)
        self._show(index)

    def action_add_guest(self) -> None:
        known = {label.casefold() for _k, label, _t in self.rows}

        def check(values: dict[str, Any]) -> None:
            from checkin.core.errors import Problem, ValidationError

            name = " ".join(str(values.get("name") or "").split())
            if f"{name} (guest)".casefold() in known or any(
                c.name.casefold() == name.casefold() for c in self.contacts
            ):
                raise ValidationError("Guest", [Problem("name", f"{name} is already on the list")])

        modal = FormModal(
            "Add a guest",
            GUEST_FIELDS,
            today=self.today,
            values={"side": Side.CLIENT},
            validate=check,
            save_label="Add",
        )
        self.app.push_screen(modal, self._guest_added)

    def _guest_added(self, values: dict[str, Any] | None) -> None:
        if not values:
            return
        name = " ".join(str(values["name"]).split())
        if values.get("save"):
            key = f"new:{len(self.new_contacts)}"
            self.new_contacts[key] = NewContact(name, values["side"], values.get("role") or "")
            self.rows.append((key, f"{name} (new contact)", True))
        else:
            self.rows.append((f"guest:{name}", f"{name} (guest)", True))
        self._show(len(self.rows) - 1)

    def action_save(self) -> None:
        ticked = [key for key, _label, on in self.rows if on]
        self.dismiss(
            Attendance(
                present=[k for k in ticked if not k.startswith(("guest:", "new:"))],
                guests=[k.removeprefix("guest:") for k in ticked if k.startswith("guest:")],
                new_contacts=[self.new_contacts[k] for k in ticked if k.startswith("new:")],
            )
        )
