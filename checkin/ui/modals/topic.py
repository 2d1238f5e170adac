"""The current topic's records during the call, with the account screen's keys; and the
small forms some of their changes ask for (the plan, the reopen note, a date, an owner).

Each modal returns values; the live screen hands them to the session, which saves.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from checkin.core.dates import human_date
from checkin.core.enums import Side
from checkin.core.records import ActionItem, Contact, Issue, Record
from checkin.core.text import clean_line
from checkin.core.transitions import offered_action_changes, offered_changes
from checkin.services.topic import GUEST_PREFIX
from checkin.ui.command_table import Command, CommandTable, TableCommands
from checkin.ui.modals.capture import owners
from checkin.ui.modals.confirm import DIALOG_CSS
from checkin.ui.modals.form import Field, FormModal
from checkin.ui.widgets.bars import KeyBar


# The account screen's keys (a/g/r/v on issues, d/x/o on action items), then the changes it
# does not have; each offered only when it applies to the highlighted record.
def _op(kind: str, key: str, operation: str, label: str, tip: str) -> Command:
    return Command(
        key,
        f"act('{kind}', '{operation}')",
        label,
        help=tip,
        applies=lambda modal: modal.offers(kind, operation),
        id=f"topic.{kind}.{operation}",
    )


TABLE = CommandTable(
    [
        Command("escape", "dismiss(None)", "Cancel", id="topic.cancel"),
        _op("issue", "a", "acknowledge", "Ack", "Acknowledge the issue (the first 48-hour rule)"),
        _op("issue", "g", "plan", "Plan given", "The plan (one line) and its estimated date"),
        _op("issue", "p", "start", "In progress", "Someone is working on it"),
        _op("issue", "w", "wait", "Waiting on client", "It waits on the client's input"),
        _op("issue", "r", "resolve", "Resolve",
            "Fixed: it comes back as “did that work for you?”"),
        _op("issue", "c", "close", "Close", "Closed: nothing more to do"),
        _op("issue", "v", "verify", "Worked: verified", "“Did that work for you?” Yes: verified"),
        _op("issue", "n", "reopen", "Did not work",
            "“Did that work for you?” No: reopen with a note"),
        _op("action", "d", "done", "Done", "The action item is done (today)"),
        _op("action", "x", "drop", "Drop", "Not needed any more"),
        _op("action", "o", "reopen", "Reopen", "Open again"),
        _op("action", "u", "redate", "Re-date", "A new due date"),
        _op("action", "h", "reassign", "Reassign",
            "Hand it to someone else (a contact, a guest or us)"),
    ]
)  # fmt: skip


def offered(record: Record, operation: str) -> bool:
    """Whether ``operation`` applies to ``record`` as it is now."""
    if isinstance(record, Issue):
        return operation in {change.value for change in offered_changes(record)}
    if isinstance(record, ActionItem):
        return operation in {change.value for change in offered_action_changes(record)}
    return False


def record_line(record: Record, today: date) -> Text:
    """One line about a record of the topic: what it is and where it stands."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if isinstance(record, Issue):
        text.append("Issue  ", style="bold")
        text.append(clean_line(record.title))
        state = record.status.value
        if record.verified is not None:
            state = "verified"
        elif record.resolved is not None and record.status.value == "resolved":
            state = "resolved, not verified yet"
        text.append(f"  · {state}", style="dim")
        if record.reopened_count:
            text.append(f" · reopened ×{record.reopened_count}", style="yellow")
    elif isinstance(record, ActionItem):
        text.append("Action ", style="bold")
        text.append(f"{clean_line(record.owner)}: {clean_line(record.title)}")
        late = record.is_open and record.due is not None and record.due < today
        if record.due is not None:
            text.append(
                f"  · due {human_date(record.due, today)}", style="bold red" if late else ""
            )
        if not record.is_open:
            text.append(f" · {record.status.value}", style="dim")
    return text


class TopicRecordsModal(TableCommands, ModalScreen[tuple[str, str] | None]):
    """The topic's issues and action items; a key acts on the highlighted one and returns
    (operation, record id). Only the keys that apply to that record are shown and work."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="TopicRecordsModal")
        + """
    TopicRecordsModal > Vertical { width: 90; }
    TopicRecordsModal OptionList { height: auto; max-height: 12; }
    """
    )
    COMMAND_TABLE = TABLE
    BINDINGS: ClassVar[list[BindingType]] = TABLE.bindings()

    def __init__(self, title: str, records: list[Record], today: date) -> None:
        super().__init__()
        self.topic_title = title
        self.records = records
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Records of “{clean_line(self.topic_title)}”"), classes="title")
            yield OptionList(
                *(Option(record_line(r, self.today), id=r.id) for r in self.records),
                id="topic-records",
            )
            yield Static(id="topic-hint", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._hint()

    @property
    def highlighted(self) -> Record | None:
        index = self.query_one(OptionList).highlighted
        return self.records[index] if index is not None and self.records else None

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()
        self._hint()

    def _hint(self) -> None:
        shown = [
            f"{binding.key} {label.lower()}"
            for binding, label, _help in TABLE.help_rows(self)
            if binding.id != "topic.cancel"
        ]
        hint = " · ".join(shown) if shown else "Nothing to change here"
        self.query_one("#topic-hint", Static).update(Text(hint + " · esc closes"))

    def offers(self, kind: str, operation: str) -> bool:
        """Whether ``operation`` on a ``kind`` ("issue", "action") applies to the highlighted
        record (issues and action items both reopen, on different keys)."""
        record = self.highlighted
        wanted = Issue if kind == "issue" else ActionItem
        return isinstance(record, wanted) and offered(record, operation)

    def action_act(self, kind: str, operation: str) -> None:
        record = self.highlighted
        if record is not None and self.offers(kind, operation):
            self.dismiss((operation, record.id))


# -- the forms some changes ask for -------------------------------------------------------


def plan_modal(issue: Issue, today: date) -> FormModal:
    fields = (
        Field("plan", "The plan (one line)", required=True, placeholder="Patch the sync job"),
        Field("estimate", "Estimated date", "date", required=True, placeholder="fri, +1w"),
    )
    values = {"plan": issue.plan_text, "estimate": issue.plan_estimate}
    return FormModal(f"Plan given: {clean_line(issue.title)}", fields, today=today, values=values)


def reopen_modal(issue: Issue, today: date) -> FormModal:
    fields = (Field("note", "What still does not work?", required=True),)
    title = f"Did that work for you? No: reopen “{clean_line(issue.title)}”"
    return FormModal(title, fields, today=today, save_label="Reopen")


def redate_modal(action: ActionItem, today: date) -> FormModal:
    fields = (Field("due", "New due date (empty: no date)", "date", placeholder="fri, +1w"),)
    title = f"Re-date: {clean_line(action.title)}"
    return FormModal(title, fields, today=today, values={"due": action.due})


def reassign_modal(
    action: ActionItem, contacts: list[Contact], guests: list[str], today: date
) -> FormModal:
    fields = (Field("owner", "New owner", "choice", owners(contacts, guests), required=True),)
    current = action.owner_contact_id or (
        "us" if action.owner == "us" and action.side is Side.OURS else GUEST_PREFIX + action.owner
    )
    choices = {value for _label, value in fields[0].choices}
    values = {"owner": current if current in choices else "us"}
    return FormModal(f"Reassign: {clean_line(action.title)}", fields, today=today, values=values)
