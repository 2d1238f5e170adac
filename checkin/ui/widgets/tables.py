"""The record tables of the account screen, one per tab, each with its own keys."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message

from checkin.core.dates import human_date
from checkin.core.enums import (
    ActionStatus,
    Direction,
    IssueStatus,
    ItemStatus,
    MeetingState,
    RoadmapStatus,
    Severity,
    Side,
    sentiment_word,
)
from checkin.core.meeting import Meeting
from checkin.core.records import ActionItem, Contact, Feedback, Issue, RoadmapItem
from checkin.core.sla import ack_breach_hours, plan_breach_hours
from checkin.ui.command_table import Command, CommandTable
from checkin.ui.modals.topic import offered
from checkin.ui.text import plain
from checkin.ui.widgets.record_table import RECORD_COMMANDS, RecordTable

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold red",
    Severity.HIGH: "bold yellow",
    Severity.MEDIUM: "",
    Severity.LOW: "dim",
}


def _due(day: object, today: object, open_: bool = True) -> Text:
    if day is None:
        return plain("—", "dim")
    late = open_ and day < today  # type: ignore[operator]
    return plain(human_date(day, today), "bold red" if late else "")  # type: ignore[arg-type]


def _can(operation: str) -> Callable[[Any], bool]:
    """Whether ``operation`` applies to the table's highlighted issue or action item."""

    def applies(table: Any) -> bool:
        record = table.selected
        return record is not None and offered(record, operation)

    return applies


def _on(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """Whether the table has a highlighted record that passes ``check``."""
    return lambda table: table.selected is not None and check(table.selected)


ISSUE_COMMANDS = CommandTable(
    [
        Command("a", "request('acknowledge')", "Ack",
                help="Acknowledge the issue (the first 48-hour rule)",
                applies=_can("acknowledge"), id="issues.acknowledge"),
        Command("g", "request('plan')", "Plan given",
                help="Findings and an action plan were given to the client",
                applies=_can("plan"), id="issues.plan"),
        Command("r", "request('resolve')", "Resolve",
                help="Fixed: it comes back as “did that work for you?”",
                applies=_can("resolve"), id="issues.resolve"),
        Command("v", "request('verify')", "Verified", help="The client confirmed the fix works",
                applies=_can("verify"), id="issues.verify"),
        Command("i", "import_issues", "Import",
                help="Import issues from Jira, GitHub, Zendesk, Linear or CSV", id="issues.import"),
    ]
)  # fmt: skip
FEEDBACK_COMMANDS = CommandTable(
    [
        Command("x", "request('addressed')", "Addressed",
                help="Mark this feedback as addressed today",
                applies=_on(lambda feedback: feedback.addressed is None), id="feedback.addressed"),
    ]
)  # fmt: skip
ACTION_COMMANDS = CommandTable(
    [
        Command("d", "request('done')", "Done", help="The action item is done (today)",
                applies=_can("done"), id="actions.done"),
        Command("x", "request('drop')", "Drop", help="Not needed any more",
                applies=_can("drop"), id="actions.drop"),
        Command("o", "request('reopen')", "Reopen", help="Open again",
                applies=_can("reopen"), id="actions.reopen"),
    ]
)  # fmt: skip
CONTACT_COMMANDS = CommandTable(
    [
        Command("f", "request('focal')", "Make focal",
                help="Make this the focal contact for their side",
                applies=_on(lambda contact: not contact.focal), id="contacts.focal"),
    ]
)  # fmt: skip
MEETING_COMMANDS = CommandTable(
    [
        Command("n", "create", "New", help="Plan the next check-in", show=False, id="table.new"),
        Command("e", "edit", "Open", help="Open the selected meeting (or enter)", show=False,
                applies=_on(bool), id="table.edit"),
        Command("enter", "edit", "Open",
                help="Resume a running meeting, plan a planned one, or read the minutes",
                applies=_on(bool), id="meetings.open"),
    ]
)  # fmt: skip


class IssuesTable(RecordTable[Issue]):
    NOUN = "issue"
    EMPTY = "No issues: press n to log one, or i to import from a tracker."
    COLUMNS = (
        ("severity", "Severity"),
        ("title", "Title"),
        ("status", "Status"),
        ("opened", "Opened"),
        ("sla", "48 h rules"),
        ("due", "Due"),
        ("owner", "Owner"),
        ("source", "Source"),
    )
    FLEX = "title"
    # The 48 h rules column is as wide as what it says: "ok" leaves the room to the title.
    OPTIONAL = ("source", "opened", "owner", "due")
    COMMAND_TABLE = RECORD_COMMANDS + ISSUE_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = ISSUE_COMMANDS.bindings()

    class ImportRequested(Message):
        """Import was asked for; unlike row actions it needs no selected row."""

    def action_import_issues(self) -> None:
        self.post_message(self.ImportRequested())

    def cells(self, issue: Issue) -> Sequence[Text]:
        now = self.now
        ack = ack_breach_hours(issue, now)
        plan = plan_breach_hours(issue, now)
        if ack is not None:
            sla = plain(f"⚠ no ack for {ack} h", "bold red")
        elif plan is not None:
            sla = plain(f"⚠ no plan for {plan} h", "bold red")
        elif issue.status is IssueStatus.RESOLVED and issue.verified is None:
            sla = plain("awaiting client check", "yellow")
        elif issue.verified is not None:
            sla = plain("✓ verified by client", "green")
        elif issue.is_open and issue.reopened_count:
            sla = plain(f"reopened ×{issue.reopened_count}", "bold yellow")
        else:
            sla = plain("ok" if issue.is_open else "", "dim")
        source = issue.source if not issue.external_id else f"{issue.source} {issue.external_id}"
        muted = "" if issue.is_open else "dim"
        return [
            plain(issue.severity.value, SEVERITY_STYLE[issue.severity] if issue.is_open else "dim"),
            plain(issue.title, muted),
            plain(issue.status.value, muted),
            plain(human_date(issue.opened.date(), self.today), muted),
            sla,
            _due(issue.due, self.today, issue.is_open),
            plain(issue.owner, muted),
            plain(source, "dim"),
        ]


class RoadmapTable(RecordTable[RoadmapItem]):
    NOUN = "roadmap item"
    COLUMNS = (
        ("side", "Side"),
        ("title", "Milestone"),
        ("target", "Target"),
        ("original", "Originally"),
        ("status", "Status"),
    )
    FLEX = "title"
    STATUS_STYLE: ClassVar[dict[RoadmapStatus, str]] = {
        RoadmapStatus.SLIPPED: "bold yellow",
        RoadmapStatus.AT_RISK: "bold yellow",
        RoadmapStatus.SHIPPED: "green",
        RoadmapStatus.DROPPED: "dim",
    }

    def cells(self, item: RoadmapItem) -> Sequence[Text]:
        slipped = f" (+{item.slipped_by_days} d)" if item.slipped_by_days else ""
        return [
            plain("ours" if item.side.value == "ours" else "theirs", "bold"),
            plain(item.title),
            plain(item.target.isoformat()),
            plain(item.original_target.isoformat() + slipped if item.original_target else "—"),
            plain(item.status.value, self.STATUS_STYLE.get(item.status, "")),
        ]


class FeedbackTable(RecordTable[Feedback]):
    NOUN = "feedback"
    COLUMNS = (
        ("received", "Received"),
        ("direction", "Direction"),
        ("sentiment", "Sentiment"),
        ("topic", "Topic"),
        ("text", "What was said"),
        ("addressed", "Addressed"),
    )
    FLEX = "text"
    # The topic is as wide as the longest one: short labels, typed by the user.
    OPTIONAL = ("addressed", "topic")
    COMMAND_TABLE = RECORD_COMMANDS + FEEDBACK_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = FEEDBACK_COMMANDS.bindings()

    def cells(self, item: Feedback) -> Sequence[Text]:
        negative_open = item.sentiment < 0 and item.addressed is None
        tone = "bold red" if negative_open else ("green" if item.sentiment > 0 else "")
        return [
            plain(human_date(item.received, self.today)),
            plain("from client" if item.direction is Direction.FROM_CLIENT else "to client"),
            plain(sentiment_word(item.sentiment), tone),
            plain(item.topic),
            plain(item.text.replace("\n", " ")),
            plain(
                human_date(item.addressed, self.today) if item.addressed else "—",
                "bold" if negative_open else "dim",
            ),
        ]


class ActionsTable(RecordTable[ActionItem]):
    NOUN = "action item"
    COLUMNS = (
        ("due", "Due"),
        ("title", "Action"),
        ("owner", "Owner"),
        ("status", "Status"),
    )
    FLEX = "title"
    COMMAND_TABLE = RECORD_COMMANDS + ACTION_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = ACTION_COMMANDS.bindings()

    def cells(self, item: ActionItem) -> Sequence[Text]:
        muted = "" if item.is_open else "dim"
        owner = "us" if item.side is Side.OURS and item.owner == "us" else item.owner
        side = " (client)" if item.side is Side.CLIENT else ""
        status = item.status.value
        if item.status is ActionStatus.DONE and item.done_on:
            status = f"done {human_date(item.done_on, self.today)}"
        return [
            _due(item.due, self.today, item.is_open),
            plain(item.title, muted),
            plain(owner + side, muted),
            plain(status, muted),
        ]


class ContactsTable(RecordTable[Contact]):
    NOUN = "contact"
    COLUMNS = (
        ("name", "Name"),
        ("role", "Role"),
        ("email", "Email"),
        ("side", "Side"),
        ("focal", "Focal"),
        ("stakeholder", "Stakeholder"),
    )
    FLEX = "role"
    OPTIONAL = ("email",)
    FLEX_WANT = 24
    COMMAND_TABLE = RECORD_COMMANDS + CONTACT_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = CONTACT_COMMANDS.bindings()

    def cells(self, contact: Contact) -> Sequence[Text]:
        return [
            plain(contact.name, "bold" if contact.focal else ""),
            plain(contact.role),
            plain(contact.email),
            plain(contact.side.value),
            plain("★ focal" if contact.focal else "", "bold"),
            plain(contact.stakeholder.value if contact.stakeholder else ""),
        ]


class MeetingsTable(RecordTable[Meeting]):
    NOUN = "meeting"
    EMPTY = "No meetings yet: press p to plan the first check-in."
    COLUMNS = (
        ("date", "Date"),
        ("template", "Template"),
        ("state", "State"),
        ("length", "Length"),
        ("items", "Items discussed"),
        ("rating", "Rating"),
        ("id", "Id"),
    )
    COMMAND_TABLE = MEETING_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = MEETING_COMMANDS.bindings()

    def show(self, records: Sequence[Meeting], now: datetime) -> None:
        """As a record table does; a meeting that started since the last showing gets the
        cursor, so enter resumes it."""
        before = set(self.records)
        super().show(records, now)
        started = [m for m in records if m.state is MeetingState.LIVE and m.id not in before]
        if before and started:
            self.move_cursor(row=self.get_row_index(started[0].id))

    def cells(self, meeting: Meeting) -> Sequence[Text]:
        # As the minutes count: the items on the agenda, not its parking lot.
        items = [item for item in meeting.agenda if not item.parked]
        discussed = sum(1 for item in items if item.status is ItemStatus.DISCUSSED)
        stars = "★" * (meeting.rating or 0)
        return [
            plain(human_date(meeting.day, self.today)),
            plain(meeting.template),
            plain("wrap-up" if meeting.in_wrap_up else meeting.state.value),
            plain(f"{meeting.length_minutes} min"),
            plain(f"{discussed} of {len(items)}"),
            plain(stars or "—", "yellow"),
            plain(meeting.id, "dim"),
        ]
