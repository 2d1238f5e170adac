"""The workspace records of DESIGN.md section 2, validated on construction.

``Record`` and ``Account`` are defined in ``checkin.core.account`` (what the app's first
frame needs) and re-exported here: import every record class from this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar

from checkin.core import rules
from checkin.core.account import Account as Account
from checkin.core.account import Record as Record
from checkin.core.enums import (
    ActionStatus,
    Direction,
    IssueStatus,
    RecordKind,
    RoadmapSide,
    RoadmapStatus,
    Severity,
    Side,
    StakeholderRole,
)
from checkin.core.errors import Problem


@dataclass(kw_only=True, eq=False, repr=False)
class Contact(Record):
    """A person at the client or on our side, and their part in the relationship."""

    LABEL: ClassVar[str] = "Contact"
    KIND: ClassVar[RecordKind] = RecordKind.CONTACT
    account_id: str
    name: str
    role: str = ""
    email: str = ""
    side: Side = Side.CLIENT
    focal: bool = False
    stakeholder: StakeholderRole | None = None  # their part in the buying decision

    def problems(self) -> Iterator[Problem]:
        yield from Record.problems(self)
        yield from rules.required_text("name", self.name, max_len=120)
        if self.email and not re.match(rules.EMAIL_PATTERN, self.email):
            yield Problem("email", f"{self.email!r} is not an email address")
        yield from rules.one_of("side", self.side, Side)
        if self.stakeholder is not None:
            yield from rules.one_of("stakeholder", self.stakeholder, StakeholderRole)


@dataclass(kw_only=True, eq=False, repr=False)
class Issue(Record):
    """An issue of the account (typed or imported), with the milestones of its handling."""

    LABEL: ClassVar[str] = "Issue"
    KIND: ClassVar[RecordKind] = RecordKind.ISSUE
    account_id: str
    title: str
    body: str = ""
    severity: Severity = Severity.MEDIUM
    status: IssueStatus = IssueStatus.NEW
    source: str = "manual"
    external_id: str = ""
    url: str = ""
    opened: datetime
    acknowledged: datetime | None = None
    plan_given: datetime | None = None
    resolved: datetime | None = None
    verified: datetime | None = None
    due: date | None = None
    owner: str = ""
    labels: list[str] = field(default_factory=list)
    raw_priority: str = ""
    raw_status: str = ""
    # The plan given to the client (one line) and when it should be done; how often a fix
    # did not work ("did that work for you?" answered no) and when that was last said.
    plan_text: str = ""
    plan_estimate: date | None = None
    reopened_count: int = 0
    last_reopened: datetime | None = None

    def problems(self) -> Iterator[Problem]:
        yield from Record.problems(self)
        yield from rules.required_text("title", self.title)
        yield from rules.one_of("severity", self.severity, Severity)
        yield from rules.one_of("status", self.status, IssueStatus)
        for name in ("acknowledged", "plan_given", "resolved", "verified"):
            yield from rules.not_before(name, getattr(self, name), "opened", self.opened)
        yield from rules.not_before("due", self.due, "opened", self.opened)
        yield from rules.not_before("verified", self.verified, "resolved", self.resolved)
        if self.verified is not None and self.resolved is None:
            yield Problem("verified", "an issue can only be verified after it was resolved")
        if len(self.plan_text) > 300 or "\n" in self.plan_text:
            yield Problem("plan_text", "the plan is one line of at most 300 characters")
        yield from rules.not_before("plan_estimate", self.plan_estimate, "opened", self.opened)
        yield from rules.in_range("reopened_count", self.reopened_count, 0, 10_000)

    @property
    def is_open(self) -> bool:
        return self.status.is_open


@dataclass(kw_only=True, eq=False, repr=False)
class RoadmapItem(Record):
    """Something either party plans to ship, with its target date and how it moved."""

    LABEL: ClassVar[str] = "Roadmap item"
    KIND: ClassVar[RecordKind] = RecordKind.ROADMAP
    account_id: str
    side: RoadmapSide
    title: str
    target: date
    original_target: date | None = None
    status: RoadmapStatus = RoadmapStatus.PLANNED
    notes: str = ""
    # The issues this milestone fixes or depends on: the agenda discusses them as one topic.
    linked_issue_ids: list[str] = field(default_factory=list)

    def problems(self) -> Iterator[Problem]:
        yield from Record.problems(self)
        yield from rules.required_text("title", self.title)
        yield from rules.one_of("side", self.side, RoadmapSide)
        yield from rules.one_of("status", self.status, RoadmapStatus)

    @property
    def slipped_by_days(self) -> int:
        """Days the target moved out from the original target (0 when it did not)."""
        if self.original_target is None:
            return 0
        return max(0, (self.target - self.original_target).days)


@dataclass(kw_only=True, eq=False, repr=False)
class Feedback(Record):
    """Feedback given or received, with its sentiment, until it is addressed."""

    LABEL: ClassVar[str] = "Feedback"
    KIND: ClassVar[RecordKind] = RecordKind.FEEDBACK
    account_id: str
    direction: Direction
    sentiment: int = 0
    topic: str = ""
    text: str
    received: date
    addressed: date | None = None
    meeting_id: str | None = None

    def problems(self) -> Iterator[Problem]:
        yield from Record.problems(self)
        yield from rules.one_of("direction", self.direction, Direction)
        yield from rules.in_range("sentiment", self.sentiment, -2, 2)
        if not self.text or not self.text.strip():
            yield Problem("text", "must not be empty")
        yield from rules.not_before("addressed", self.addressed, "received", self.received)


@dataclass(kw_only=True, eq=False, repr=False)
class ActionItem(Record):
    """Something one party promised to do, with an owner and a due date."""

    LABEL: ClassVar[str] = "Action item"
    KIND: ClassVar[RecordKind] = RecordKind.ACTION
    account_id: str
    meeting_id: str | None = None
    title: str
    owner: str
    owner_contact_id: str | None = None
    side: Side = Side.OURS
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    done_on: date | None = None
    # The issue this action serves (a client action that unblocks our fix): one agenda topic.
    linked_issue_id: str | None = None

    def problems(self) -> Iterator[Problem]:
        yield from Record.problems(self)
        yield from rules.required_text("title", self.title)
        if not self.owner or not self.owner.strip():
            yield Problem("owner", "every action item needs an owner (a contact or “us”)")
        yield from rules.one_of("side", self.side, Side)
        yield from rules.one_of("status", self.status, ActionStatus)
        if self.status is ActionStatus.DONE and self.done_on is None:
            yield Problem("done_on", "a done action item needs the date it was done")

    @property
    def is_open(self) -> bool:
        return self.status is ActionStatus.OPEN
