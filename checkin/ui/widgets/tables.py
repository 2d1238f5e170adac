"""The record tables of the account screen, one per tab, each with its own keys."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from checkin.core.dates import human_date
from checkin.core.enums import (
    ActionStatus,
    Direction,
    IssueStatus,
    ItemStatus,
    RoadmapStatus,
    Severity,
    Side,
)
from checkin.core.meeting import Meeting, MeetingState
from checkin.core.records import ActionItem, Contact, Feedback, Issue, RoadmapItem
from checkin.core.sla import ack_breach_hours, plan_breach_hours
from checkin.ui.text import plain
from checkin.ui.widgets.record_table import RecordTable

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold red",
    Severity.HIGH: "bold yellow",
    Severity.MEDIUM: "",
    Severity.LOW: "dim",
}
SENTIMENT = {2: "++", 1: "+", 0: "0", -1: "−", -2: "−−"}


def _due(day: object, today: object, open_: bool = True) -> Text:
    if day is None:
        return plain("—", "dim")
    late = open_ and day < today  # type: ignore[operator]
    return plain(human_date(day, today), "bold red" if late else "")  # type: ignore[arg-type]


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
    WIDTHS: ClassVar[dict[str, int]] = {"sla": 21}
    OPTIONAL = ("source", "opened", "owner", "due")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "request('acknowledge')",
            "Ack",
            id="issues.acknowledge",
            tooltip="Acknowledge the issue (the first 48-hour rule)",
        ),
        Binding(
            "g",
            "request('plan')",
            "Plan given",
            id="issues.plan",
            tooltip="Findings and an action plan were given to the client",
        ),
        Binding("r", "request('resolve')", "Resolve", id="issues.resolve"),
        Binding(
            "v",
            "request('verify')",
            "Verified",
            id="issues.verify",
            tooltip="The client confirmed the fix works",
        ),
        Binding(
            "i",
            "import_issues",
            "Import",
            id="issues.import",
            tooltip="Import issues from Jira, GitHub, Zendesk, Linear or CSV",
        ),
    ]

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
    WIDTHS: ClassVar[dict[str, int]] = {"topic": 18}
    OPTIONAL = ("addressed", "topic")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "x",
            "request('addressed')",
            "Addressed",
            id="feedback.addressed",
            tooltip="Mark this feedback as addressed today",
        ),
    ]

    def cells(self, item: Feedback) -> Sequence[Text]:
        negative_open = item.sentiment < 0 and item.addressed is None
        tone = "bold red" if negative_open else ("green" if item.sentiment > 0 else "")
        return [
            plain(human_date(item.received, self.today)),
            plain("from client" if item.direction is Direction.FROM_CLIENT else "to client"),
            plain(SENTIMENT.get(item.sentiment, str(item.sentiment)), tone),
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
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "request('done')", "Done", id="actions.done"),
        Binding("x", "request('drop')", "Drop", id="actions.drop"),
        Binding("o", "request('reopen')", "Reopen", id="actions.reopen"),
    ]

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
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f",
            "request('focal')",
            "Make focal",
            id="contacts.focal",
            tooltip="Make this the focal contact for their side",
        ),
    ]

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
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "create", "New", id="table.new", show=False),
        Binding("e", "edit", "Open", id="table.edit", show=False),
        Binding(
            "enter",
            "edit",
            "Open",
            id="meetings.open",
            tooltip="Resume a running meeting, plan a planned one, or read the minutes",
        ),
    ]

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
