"""The pure domain core: records, rules and the agenda engine (standard library only).

The names below are importable from here, each loaded on first use (PEP 562): importing one
submodule (``checkin.core.errors`` to start the app) does not load every record class, and
``Account`` comes without the other records (``checkin.core.account``), which, like the
meeting classes, are not needed before the app's first frame.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checkin.core.enums import (
        ActionStatus,
        Direction,
        IssueStatus,
        ItemKind,
        ItemStatus,
        MeetingState,
        Phase,
        RoadmapSide,
        RoadmapStatus,
        Severity,
        Side,
        Tier,
    )
    from checkin.core.errors import CheckinError, Conflict, NotFound, Problem, ValidationError
    from checkin.core.meeting import AgendaItem, Decision, Meeting, Reason, StatusChange
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

_HOMES = {
    **dict.fromkeys(
        (
            "ActionStatus",
            "Direction",
            "IssueStatus",
            "ItemKind",
            "ItemStatus",
            "RoadmapSide",
            "RoadmapStatus",
            "Severity",
            "Side",
        ),
        "enums",
    ),
    **dict.fromkeys(("MeetingState", "Phase", "Tier"), "base_enums"),
    **dict.fromkeys(
        ("CheckinError", "Conflict", "NotFound", "Problem", "ValidationError"), "errors"
    ),
    **dict.fromkeys(("AgendaItem", "Decision", "Meeting", "Reason", "StatusChange"), "meeting"),
    **dict.fromkeys(
        ("ActionItem", "Contact", "Feedback", "Issue", "RoadmapItem"),
        "records",
    ),
    **dict.fromkeys(("Account", "Record"), "account"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'checkin.core' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"checkin.core.{home}"), name)
    globals()[name] = value
    return value
