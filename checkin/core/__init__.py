"""The pure domain core: records, rules and the agenda engine (standard library only)."""

from checkin.core.enums import (
    ActionStatus,
    Direction,
    IssueStatus,
    ItemKind,
    ItemStatus,
    Phase,
    RoadmapSide,
    RoadmapStatus,
    Severity,
    Side,
    Tier,
)
from checkin.core.errors import CheckinError, Conflict, NotFound, Problem, ValidationError
from checkin.core.meeting import AgendaItem, Decision, Meeting, MeetingState, Reason, StatusChange
from checkin.core.records import (
    Account,
    ActionItem,
    Contact,
    Feedback,
    Issue,
    Record,
    RoadmapItem,
)

__all__ = [
    "Account",
    "ActionItem",
    "ActionStatus",
    "AgendaItem",
    "CheckinError",
    "Conflict",
    "Contact",
    "Decision",
    "Direction",
    "Feedback",
    "Issue",
    "IssueStatus",
    "ItemKind",
    "ItemStatus",
    "Meeting",
    "MeetingState",
    "NotFound",
    "Phase",
    "Problem",
    "Reason",
    "Record",
    "RoadmapItem",
    "RoadmapSide",
    "RoadmapStatus",
    "Severity",
    "Side",
    "StatusChange",
    "Tier",
    "ValidationError",
]
