"""The closed vocabularies of the domain, as StrEnums that store as readable strings.

The few the app needs before its first frame live in ``checkin.core.base_enums`` and are
re-exported here: import every enum from this module.
"""

from __future__ import annotations

from enum import StrEnum

from checkin.core.base_enums import MeetingState as MeetingState
from checkin.core.base_enums import Phase as Phase
from checkin.core.base_enums import RecordKind as RecordKind
from checkin.core.base_enums import Tier as Tier


class Audience(StrEnum):
    """Who a document is for: the client (what they receive) or our team (everything)."""

    CLIENT = "client"
    TEAM = "team"

    @property
    def is_client(self) -> bool:
        return self is Audience.CLIENT


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
