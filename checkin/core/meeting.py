"""Meetings and the agenda items they carry, from planning through minutes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from checkin.core import rules
from checkin.core.enums import IssueStatus, ItemKind, ItemStatus, MeetingState, RecordKind
from checkin.core.errors import Problem, ValidationError
from checkin.core.records import Record

_TIMED_LOW, _TIMED_HIGH = rules.TIMED_MINUTES.low, rules.TIMED_MINUTES.high  # the fast check


@dataclass(frozen=True, kw_only=True)
class Reason:
    """Why an item is on the agenda: the rule that fired, the score it added, a sentence."""

    rule: str
    score: float
    text: str
    # The record the rule looked at, when the item joins several ("action:a-1"); None: the
    # item's own record (or no record).
    source: str | None = None


@dataclass(kw_only=True)
class AgendaItem:
    """One item of a meeting's agenda, as planned and as it went."""

    key: str
    kind: ItemKind
    title: str
    section: str = ""
    source_ref: str | None = None
    planned_minutes: int = 5
    actual_seconds: int = 0
    status: ItemStatus = ItemStatus.PENDING
    notes: str = ""
    reasons: list[Reason] = field(default_factory=list)
    score: float = 0.0
    owner: str = ""
    carried_from: date | None = None
    parked: bool = False
    # Set by the engine: a must-discuss topic (never parked while a less important item
    # stays), the other records joined into this topic, the fewest minutes it can be given,
    # and its place in the order of importance (1 = the most important; 0 = not ranked).
    must_discuss: bool = False
    records: list[str] = field(default_factory=list)
    min_minutes: int = 1
    rank: int = 0
    # Something was captured or done about its records while it was the current item, and
    # the records captured on it ("action:a-1x2y3z"): the topic's records during the call.
    touched: bool = False
    captured: list[str] = field(default_factory=list)
    # Notes for our team only: the team minutes show them, the client's never do.
    private_notes: str = ""

    def __post_init__(self) -> None:
        title, minutes = self.title, self.planned_minutes
        if (
            self.key
            and 0 < len(title) <= rules.MAX_TITLE
            and (minutes is None or _TIMED_LOW <= minutes <= _TIMED_HIGH)
            and title.strip()
            and "\n" not in title
            and "\r" not in title
        ):
            return  # valid: the common case, checked without building problem lists
        problems = list(rules.required_text("title", self.title))
        problems += rules.TIMED_MINUTES.problems("planned_minutes", self.planned_minutes)
        if not self.key:
            problems.append(Problem("key", "must not be empty"))
        if problems:
            raise ValidationError("Agenda item", problems)

    @property
    def source_kind(self) -> str | None:
        """The record kind named by ``source_ref`` ("issue" of "issue:i-7k2q9x")."""
        return self.source_ref.split(":", 1)[0] if self.source_ref else None

    @property
    def source_id(self) -> str | None:
        return self.source_ref.split(":", 1)[1] if self.source_ref else None


@dataclass(frozen=True, kw_only=True)
class Decision:
    """A decision taken in a meeting, when, and the agenda item it was taken on."""

    text: str
    at: datetime
    item_key: str | None = None


@dataclass(frozen=True, kw_only=True)
class StatusChange:
    """An issue status change captured during a meeting."""

    issue_id: str
    issue_title: str
    old: IssueStatus
    new: IssueStatus
    at: datetime
    # What happened, when the statuses alone do not say it ("verified", "reopened",
    # "plan given"), and what was said (the reopen's note, the plan with its date).
    event: str = ""
    note: str = ""

    @property
    def summary(self) -> str:
        """What happened, in words: "verified by the client", "reopened (resolved → in
        progress): still slow", "plan given: …", or "new → acknowledged"."""
        moved = f"{self.old.value} → {self.new.value}"
        if self.event == "verified":
            text = "verified by the client: the fix works"
        elif self.event == "reopened":
            text = f"reopened ({moved}): the fix did not work"
        elif self.event == "plan given":
            text = "plan given" if self.old is self.new else f"plan given ({moved})"
        else:
            text = moved
        return f"{text}: {self.note}" if self.note else text


def state_of(started: datetime | None, ended: datetime | None) -> MeetingState:
    """Planned until it starts, live until it ends."""
    if ended is not None:
        return MeetingState.ENDED
    if started is not None:
        return MeetingState.LIVE
    return MeetingState.PLANNED


@dataclass(kw_only=True)
class WrapUpDraft:
    """The wrap-up as typed so far, kept with the meeting until it is confirmed."""

    rating: int | None = None
    better: str = ""
    better_sentiment: int = 0
    next_meeting: str | None = None  # as typed ("+2w"); None: the default by the cadence


@dataclass(kw_only=True, eq=False, repr=False)
class Meeting(Record):
    """A check-in with an account: planned, then live, then ended, with what it captured."""

    LABEL: ClassVar[str] = "Meeting"
    KIND: ClassVar[RecordKind] = RecordKind.MEETING
    account_id: str
    template: str = "monthly"
    planned_start: datetime
    length_minutes: int = 30
    started: datetime | None = None
    ended: datetime | None = None
    attendees: list[str] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    status_changes: list[StatusChange] = field(default_factory=list)
    rating: int | None = None
    next_meeting: date | None = None
    current_key: str | None = None
    # When the call ended and the wrap-up began; ``ended`` is set once the wrap-up is confirmed
    # (meetings stored before the wrap-up was kept have neither field: they load as they were).
    call_ended: datetime | None = None
    wrap_up: WrapUpDraft | None = None
    # The account's health score when the meeting ended: stored once, never recomputed, so the
    # trend is history (None for meetings that ended before scores were kept).
    health_score: int | None = None
    # People on the call who are not contacts of the account, by name (``attendees`` holds the
    # contacts who were present).
    guests: list[str] = field(default_factory=list)
    # The next meeting's start agreed at the wrap-up (date and time); ``next_meeting`` keeps
    # its date for readers of the date alone. None on meetings stored before times were asked.
    next_meeting_at: datetime | None = None
    # A capture form (action item, decision, feedback, issue) that was open, half typed, when
    # the meeting was last saved: {"kind": ..., "values": {field: as typed}}. Offered back
    # when the call resumes after a closed terminal, a kill or a crash.
    form_draft: dict[str, Any] | None = None

    @property
    def agreed_next(self) -> datetime | None:
        """The next meeting agreed at this one: its date at the time agreed, or at the time
        this one was planned for (meetings stored before the wrap-up asked for a time)."""
        if self.next_meeting is None:
            return None
        agreed = self.next_meeting_at or self.planned_start
        return datetime.combine(self.next_meeting, agreed.time().replace(second=0, microsecond=0))

    def problems(self) -> Iterator[Problem]:
        yield from Record.problems(self)
        yield from rules.MEETING_MINUTES.problems("length_minutes", self.length_minutes)
        yield from rules.RATING.problems("rating", self.rating)
        yield from rules.HEALTH_SCORE.problems("health_score", self.health_score)
        yield from rules.not_before("ended", self.ended, "started", self.started)
        yield from rules.not_before("call_ended", self.call_ended, "started", self.started)
        if self.ended is not None and self.started is None:
            yield Problem("ended", "a meeting cannot end before it started")
        keys = [item.key for item in self.agenda]
        if len(keys) != len(set(keys)):
            yield Problem("agenda", "two agenda items share a key")

    @property
    def state(self) -> MeetingState:
        return state_of(self.started, self.ended)

    @property
    def in_wrap_up(self) -> bool:
        """The call is over and the wrap-up is open (not confirmed yet)."""
        return self.state is MeetingState.LIVE and self.call_ended is not None

    @property
    def day(self) -> date:
        """The day the meeting happened, or is planned for."""
        return (self.started or self.planned_start).date()

    def item(self, key: str) -> AgendaItem:
        for item in self.agenda:
            if item.key == key:
                return item
        raise KeyError(key)


# The current item counts as discussed once this long was spent on it (or it has notes): a
# few seconds on it while ending the call is not a discussion.
DISCUSSED_AFTER_SECONDS = 30


def was_discussed(item: AgendaItem) -> bool:
    """Something happened on ``item``: notes, a capture or an action on its records, or at
    least DISCUSSED_AFTER_SECONDS spent on it. Moving past an item is not a discussion."""
    return bool(
        item.touched or item.notes.strip() or item.actual_seconds >= DISCUSSED_AFTER_SECONDS
    )


def closing_status(item: AgendaItem, meeting: Meeting) -> ItemStatus:
    """The status ``item`` ends the meeting with: a pending item counts as discussed once
    :func:`was_discussed` says so; the others carry over as they are.

    The wrap-up question, its summary and the stored meeting (hence the minutes) all use it.
    """
    if item.status is ItemStatus.PENDING and was_discussed(item):
        return ItemStatus.DISCUSSED
    return item.status


def carried_over(meeting: Meeting) -> list[AgendaItem]:
    """The agenda items (parking lot excluded) that would carry over if the meeting ended now."""
    return [
        item
        for item in meeting.agenda
        if not item.parked
        and closing_status(item, meeting) in (ItemStatus.PENDING, ItemStatus.DEFERRED)
    ]
