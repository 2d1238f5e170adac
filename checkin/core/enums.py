"""The closed vocabularies of the domain, as StrEnums that store as readable strings."""

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


class Audience(StrEnum):
    """Who a document is for: the client (what they receive) or our team (everything)."""

    CLIENT = "client"
    TEAM = "team"

    @property
    def is_client(self) -> bool:
        return self is Audience.CLIENT


class Tier(StrEnum):
    STRATEGIC = "strategic"
    GROWTH = "growth"
    STANDARD = "standard"


class Phase(StrEnum):
    NORMAL = "normal"
    PROJECT = "project"
    ESCALATION = "escalation"


class Side(StrEnum):
    CLIENT = "client"
    OURS = "ours"


class StakeholderRole(StrEnum):
    """Who a contact is in the buying decision (DESIGN.md section 2)."""

    CHAMPION = "champion"
    DECISION_MAKER = "decision maker"
    EXECUTIVE_SPONSOR = "executive sponsor"
    USER = "user"


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for critical up to 3 for low: sorts most severe first."""
        return _SEVERITY_RANK[self]


class IssueStatus(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    PLANNED = "planned"
    IN_PROGRESS = "in progress"
    WAITING_ON_CLIENT = "waiting on client"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self not in _DONE


_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(Severity)}
_DONE = frozenset({IssueStatus.RESOLVED, IssueStatus.CLOSED})


class RoadmapSide(StrEnum):
    OURS = "ours"
    THEIRS = "theirs"


class RoadmapStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in progress"
    AT_RISK = "at risk"
    SHIPPED = "shipped"
    SLIPPED = "slipped"
    DROPPED = "dropped"


class Direction(StrEnum):
    FROM_CLIENT = "from client"
    TO_CLIENT = "to client"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class ItemKind(StrEnum):
    """What an agenda item is about."""

    ISSUE = "issue"
    FOLLOW_UP = "follow-up"
    ACTION = "action"
    ROADMAP = "roadmap"
    FEEDBACK = "feedback"
    RELATIONSHIP = "relationship"
    STANDING = "standing"
    CUSTOM = "custom"


class ItemStatus(StrEnum):
    PENDING = "pending"
    DISCUSSED = "discussed"
    SKIPPED = "skipped"
    DEFERRED = "deferred"


# One vocabulary for a feedback's sentiment (-2 to +2), wherever it is shown or chosen.
SENTIMENT_WORDS = {
    2: "very positive",
    1: "positive",
    0: "neutral",
    -1: "negative",
    -2: "very negative",
}


def sentiment_word(sentiment: int) -> str:
    """ "very positive" ... "very negative" for +2 ... -2."""
    return SENTIMENT_WORDS.get(sentiment, f"{sentiment:+d}")


class MeetingState(StrEnum):
    """Where a meeting is (``checkin.core.meeting.state_of`` works it out)."""

    PLANNED = "planned"
    LIVE = "live"  # started, not ended: the call, then its wrap-up until that is confirmed
    ENDED = "ended"
