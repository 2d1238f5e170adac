"""The account profile: culture notes, do's and don'ts, cadence and people, to read at a glance."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from checkin.core.records import Account
from checkin.core.summary import AccountSummary
from checkin.core.text import clean_text
from checkin.ui.command_table import Command, CommandTable


def profile_text(account: Account, summary: AccountSummary) -> Text:
    """The profile as styled text; every user-written part is plain text, never markup."""
    text = Text()

    def section(title: str, body: str) -> None:
        text.append(f"{title}\n", style="bold")
        text.append((clean_text(body).strip() or "—") + "\n\n")

    focal_client = summary.focal_client.name if summary.focal_client else "none (add one!)"
    focal_ours = summary.focal_ours.name if summary.focal_ours else "none (add one!)"
    text.append("Tier ", style="dim")
    text.append(account.tier.value)
    text.append("   Phase ", style="dim")
    text.append(account.phase.value)
    text.append("   Cadence ", style="dim")
    text.append(f"every {account.cadence_days} days\n")
    # One fact a line from here: a name never wraps away from its label on a narrow screen.
    text.append("Our owner ", style="dim")
    text.append((account.our_owner or "—") + "\n")
    text.append("Focal contacts ", style="dim")
    text.append(f"{focal_client} (client) · {focal_ours} (ours)\n")
    text.append("Renewal ", style="dim")
    text.append(account.renewal.isoformat() if account.renewal else "—")
    text.append("   Contract ", style="dim")
    text.append(f"{account.contract_value:,} a year" if account.contract_value is not None else "—")
    text.append("   Seats ", style="dim")
    text.append(f"{account.seats:,}\n" if account.seats is not None else "—\n")
    text.append("Meetings ", style="dim")
    text.append(account.preferences.describe() + "\n\n")
    section("Culture notes", account.culture_notes)
    section("Do's", account.dos)
    section("Don'ts", account.donts)
    return text


PROFILE_COMMANDS = CommandTable(
    [
        Command("e", "edit", "Edit profile",
                help="Edit the account: tier, phase, cadence, renewal, culture notes",
                id="profile.edit"),
    ]
)  # fmt: skip


class ProfileView(VerticalScroll, can_focus=True):
    """Read-only view of the profile; ``e`` asks the screen to edit it."""

    DEFAULT_CSS = """
    ProfileView { padding: 1 2; }
    """
    COMMAND_TABLE = PROFILE_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = PROFILE_COMMANDS.bindings()

    class EditRequested(Message):
        pass

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="profile-body")

    def show(self, account: Account, summary: AccountSummary) -> None:
        self.query_one("#profile-body", Static).update(profile_text(account, summary))

    def action_edit(self) -> None:
        self.post_message(self.EditRequested())
