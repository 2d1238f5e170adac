"""The client's profile over the live meeting: culture notes, do's and don'ts, contacts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from checkin.core.enums import Side
from checkin.core.records import Account, Contact
from checkin.core.summary import AccountSummary
from checkin.core.text import clean_line
from checkin.ui.command_table import Command, CommandTable
from checkin.ui.text import literal
from checkin.ui.widgets.profile import profile_text


def contacts_text(contacts: Sequence[Contact]) -> Text:
    """Each contact on a line: name, role, side and focal mark, email; client side first."""
    text = Text()
    text.append("Contacts\n", style="bold")
    if not contacts:
        text.append("—\n")
    ordered = sorted(contacts, key=lambda c: (c.side is not Side.CLIENT, not c.focal, c.name))
    for contact in ordered:
        text.append("★ " if contact.focal else "  ", style="yellow")
        text.append(clean_line(contact.name), style="bold")
        if contact.role:
            text.append(f", {clean_line(contact.role)}")
        side = "client" if contact.side is Side.CLIENT else "ours"
        text.append(f" ({side}{', focal' if contact.focal else ''})", style="dim")
        if contact.email:
            text.append(f"  {clean_line(contact.email)}", style="dim")
        text.append("\n")
    return text


PROFILE_COMMANDS = CommandTable(
    [Command("escape,f2", "dismiss", "Close", help="Back to the meeting", id="profile.close")]
)


class ProfileModal(ModalScreen[None]):
    """Read-only; closing it returns to the meeting exactly as it was."""

    DEFAULT_CSS = """
    ProfileModal { align: center middle; }
    ProfileModal > Vertical {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary 60%; background: $surface; padding: 0 1;
    }
    ProfileModal .title { dock: top; width: 100%; text-style: bold; padding: 0 1; }
    ProfileModal VerticalScroll { height: auto; max-height: 100%; padding: 0 1; }
    ProfileModal .hint { dock: bottom; color: $text-muted; padding: 0 1; }
    """
    COMMAND_TABLE = PROFILE_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = PROFILE_COMMANDS.bindings()

    def __init__(
        self, account: Account, summary: AccountSummary, contacts: Sequence[Contact]
    ) -> None:
        super().__init__()
        self.account = account
        self.summary = summary
        self.contacts = contacts

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(literal(f"{self.account.name} · profile"), classes="title")
            with VerticalScroll(can_focus=True):
                body = profile_text(self.account, self.summary)
                body.append_text(contacts_text(self.contacts))
                body.rstrip()
                yield Static(body)
            yield Static("↑↓ scroll · esc or f2 closes", classes="hint")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
