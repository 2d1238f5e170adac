"""The enums needed before the app's first frame: the kinds of record, an account's tier and
phase, a meeting's state. ``checkin.core.enums`` holds the rest and re-exports these, so
import any of them from there; this module exists so that starting the app, which lists
accounts only, does not build every vocabulary of the domain (~0.1 ms each)."""

from __future__ import annotations

from enum import StrEnum


class RecordKind(StrEnum):
    """The kinds of stored record: the word of a source reference ("issue:i-7k2q9x") and of a
    new id's kind; each record class names its own (``Issue.KIND``)."""

    ACCOUNT = "account"
    CONTACT = "contact"
    ISSUE = "issue"
    ROADMAP = "roadmap"
    FEEDBACK = "feedback"
    ACTION = "action"
    MEETING = "meeting"

    @property
    def prefix(self) -> str:
        """The letter record ids of this kind start with ("i" of "i-7k2q9x")."""
        return _ID_PREFIX[self]

    @property
    def noun(self) -> str:
        """What a message calls one record of this kind ("action item")."""
        return _NOUN.get(self, self.value)

    def ref(self, record_id: str) -> str:
        """The source reference of a record of this kind: "issue:i-7k2q9x"."""
        return f"{self.value}:{record_id}"


_ID_PREFIX = {
    RecordKind.ACCOUNT: "a",
    RecordKind.CONTACT: "c",
    RecordKind.ISSUE: "i",
    RecordKind.ROADMAP: "r",
    RecordKind.FEEDBACK: "f",
    RecordKind.ACTION: "t",
    RecordKind.MEETING: "m",
}
_NOUN = {RecordKind.ROADMAP: "roadmap item", RecordKind.ACTION: "action item"}


class Tier(StrEnum):
    STRATEGIC = "strategic"
    GROWTH = "growth"
    STANDARD = "standard"


class Phase(StrEnum):
    NORMAL = "normal"
    PROJECT = "project"
    ESCALATION = "escalation"


class MeetingState(StrEnum):
    """Where a meeting is (``checkin.core.meeting.state_of`` works it out)."""

    PLANNED = "planned"
    LIVE = "live"  # started, not ended: the call, then its wrap-up until that is confirmed
    ENDED = "ended"
