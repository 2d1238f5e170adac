"""How each tracker's priorities and statuses map to checkin's severities and statuses.

The README's "Importing issues" section shows these tables; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TypeVar

from checkin.core.enums import IssueStatus, Severity

T = TypeVar("T")
C, H, M, L = Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW
NEW, ACK, PLANNED = IssueStatus.NEW, IssueStatus.ACKNOWLEDGED, IssueStatus.PLANNED
WORKING, WAITING = IssueStatus.IN_PROGRESS, IssueStatus.WAITING_ON_CLIENT
RESOLVED, CLOSED = IssueStatus.RESOLVED, IssueStatus.CLOSED

# An empty priority (the tracker has none, or it was never set) is medium everywhere.
DEFAULT_SEVERITY = M

JIRA_PRIORITY: dict[str, Severity] = {
    "highest": C, "blocker": C, "critical": C,
    "high": H, "major": H,
    "medium": M, "normal": M,
    "low": L, "lowest": L, "minor": L, "trivial": L,
}  # fmt: skip
JIRA_STATUS: dict[str, IssueStatus] = {
    "open": NEW, "new": NEW, "to do": NEW, "todo": NEW, "backlog": NEW,
    "waiting for support": NEW,
    "reopened": ACK, "under review": ACK, "triaged": ACK,
    "selected for development": PLANNED, "planned": PLANNED,
    "in progress": WORKING, "in review": WORKING, "in development": WORKING,
    "in testing": WORKING, "escalated": WORKING, "work in progress": WORKING,
    "waiting for customer": WAITING, "waiting for reporter": WAITING, "pending": WAITING,
    "resolved": RESOLVED, "done": RESOLVED, "fixed": RESOLVED,
    "closed": CLOSED, "cancelled": CLOSED, "canceled": CLOSED, "won't do": CLOSED,
    "won't fix": CLOSED, "declined": CLOSED, "rejected": CLOSED, "duplicate": CLOSED,
}  # fmt: skip
# Jira's own grouping of every (custom) status, exported as "Status Category".
JIRA_STATUS_CATEGORY: dict[str, IssueStatus] = {
    "to do": NEW, "new": NEW, "in progress": WORKING, "done": RESOLVED,
}  # fmt: skip

ZENDESK_PRIORITY: dict[str, Severity] = {"urgent": C, "high": H, "normal": M, "low": L}
ZENDESK_STATUS: dict[str, IssueStatus] = {
    "new": NEW, "open": ACK, "pending": WAITING, "hold": WORKING,
    "solved": RESOLVED, "closed": CLOSED,
}  # fmt: skip

LINEAR_PRIORITY: dict[str, Severity] = {
    "urgent": C, "high": H, "medium": M, "low": L, "no priority": M,
    "1": C, "2": H, "3": M, "4": L, "0": M,
}  # fmt: skip
LINEAR_STATUS: dict[str, IssueStatus] = {
    "triage": NEW, "backlog": NEW, "todo": ACK, "to do": ACK,
    "in progress": WORKING, "in review": WORKING,
    "done": RESOLVED, "canceled": CLOSED, "cancelled": CLOSED, "duplicate": CLOSED,
}  # fmt: skip

CSV_SEVERITY: dict[str, Severity] = {s.value: s for s in Severity}
CSV_STATUS: dict[str, IssueStatus] = {s.value: s for s in IssueStatus}

# GitHub has no priority field: labels such as "priority: critical", "P1" or "severity/high"
# carry it. The most severe one wins; without one an issue is medium.
GITHUB_LEVELS: dict[str, Severity] = {
    "critical": C, "urgent": C, "blocker": C, "highest": C, "p0": C, "sev0": C, "sev1": C,
    "high": H, "major": H, "p1": H, "sev2": H,
    "medium": M, "normal": M, "moderate": M, "p2": M, "sev3": M,
    "low": L, "lowest": L, "minor": L, "trivial": L, "p3": L, "p4": L, "sev4": L,
}  # fmt: skip
GITHUB_PRIORITY_PREFIXES = ("priority", "prio", "pri", "severity", "sev")
# Open issues: a status label decides, else an assignee means someone acknowledged it.
GITHUB_STATUS_LABELS: dict[str, IssueStatus] = {
    "acknowledged": ACK, "triaged": ACK, "confirmed": ACK,
    "planned": PLANNED,
    "in progress": WORKING, "wip": WORKING,
    "waiting for customer": WAITING, "waiting on client": WAITING, "waiting on customer": WAITING,
    "needs info": WAITING, "needs more info": WAITING, "awaiting response": WAITING,
    "more info needed": WAITING,
}  # fmt: skip
GITHUB_STATUS_PREFIXES = ("status", "state")


@lru_cache(maxsize=4096)  # an export repeats a handful of values thousands of times
def normalized(value: str) -> str:
    """Case, spacing, hyphens and underscores do not matter: ``In-Progress`` = ``in progress``."""
    text = value.replace("_", " ").replace("-", " ").replace("’", "'").lower()
    return " ".join(text.split())


def lookup(table: Mapping[str, T], raw: str) -> T | None:
    return table.get(normalized(raw))


def known(table: Mapping[str, object]) -> str:
    """The accepted values of ``table`` for an error message, as a reader writes them."""
    return ", ".join(sorted({k for k in table if not k.isdigit()}))


def _label_value(label: str, prefixes: tuple[str, ...]) -> str | None:
    """``priority: high`` / ``priority/high`` / ``priority-high`` -> ``high``; else None."""
    text = normalized(label.replace(":", " ").replace("/", " "))
    for prefix in prefixes:
        if text.startswith(prefix + " "):
            return text[len(prefix) + 1 :]
    return None


def github_severity(labels: tuple[str, ...]) -> tuple[Severity, str]:
    """The severity GitHub labels imply and the label that decided ("" for the default)."""
    best: tuple[Severity, str] | None = None
    for label in labels:
        value = _label_value(label, GITHUB_PRIORITY_PREFIXES)
        plain = normalized(label)
        level = GITHUB_LEVELS.get(value) if value is not None else None
        if level is None:
            level = GITHUB_LEVELS.get(plain)  # a bare "P1", "sev2", "LOW" or "critical"
        if level is not None and (best is None or level.rank < best[0].rank):
            best = (level, label)
    return best if best is not None else (DEFAULT_SEVERITY, "")


def github_status(
    state: str, reason: str, labels: tuple[str, ...], assigned: bool
) -> tuple[IssueStatus, str] | None:
    """The status of a GitHub issue and the raw description kept with it; None if unknown."""
    upper = state.strip().upper()
    if upper == "CLOSED":
        # state_reason: completed (fixed), not_planned or duplicate (closed unfixed).
        unfixed = closing(reason)
        return (CLOSED if unfixed else RESOLVED), upper + (f" ({reason})" if reason else "")
    if upper != "OPEN":
        return None
    for label in labels:
        value = _label_value(label, GITHUB_STATUS_PREFIXES) or normalized(label)
        status = GITHUB_STATUS_LABELS.get(value)
        if status is not None:
            return status, f"OPEN, {label}"
    return (ACK, "OPEN, assigned") if assigned else (NEW, "OPEN")


# -- vocabulary a tracker's own scheme adds: nearest known value, or the user's --map --------

# Words that say which checkin value a custom priority or status is nearest to, most telling
# first (a status "Won't do" is closed although its category is Done).
_SEVERITY_WORDS: tuple[tuple[Severity, tuple[str, ...]], ...] = (
    (C, ("critical", "blocker", "urgent", "highest", "showstopper", "emergency", "p0", "sev1")),
    (L, ("won't", "wont", "could", "low", "minor", "trivial", "nice", "cosmetic", "p3", "p4")),
    (H, ("must", "high", "major", "important", "severe", "p1", "sev2")),
    (M, ("should", "medium", "normal", "moderate", "p2", "sev3")),
)
_STATUS_WORDS: tuple[tuple[IssueStatus, tuple[str, ...]], ...] = (
    (CLOSED, ("abort", "abandon", "cancel", "won't", "wont", "reject", "declin", "duplicate",
              "invalid", "obsolete", "not planned", "not a bug", "cannot reproduce", "closed",
              "dropped")),
    (WAITING, ("wait", "pending", "hold", "blocked", "feedback", "customer", "reporter",
               "more info", "needs info")),
    (RESOLVED, ("done", "resolv", "fix", "complete", "deploy", "release", "shipped",
                "verified", "solved", "finished")),
    (WORKING, ("progress", "review", "develop", "test", "verif", "doing", "work", "qa",
               "implement", "started", "active")),
    (PLANNED, ("plan", "select", "ready", "schedul", "next", "sprint", "commit")),
    (ACK, ("triag", "ack", "accept", "confirm", "reopen", "assign", "investigat", "analys")),
    (NEW, ("open", "new", "to do", "todo", "backlog", "idea", "icebox", "unassigned")),
)  # fmt: skip


def _by_words(raw: str, table: tuple[tuple[T, tuple[str, ...]], ...]) -> T | None:
    """The first value one of whose words starts a word of ``raw`` ("slow" is not "low")."""
    text = " " + normalized(raw)
    for value, words in table:
        if any(" " + word in text for word in words):
            return value
    return None


def nearest_severity(raw: str) -> Severity | None:
    """The severity a custom priority's name suggests ("Must Have" -> high), or None."""
    return _by_words(raw, _SEVERITY_WORDS)


def nearest_status(raw: str) -> IssueStatus | None:
    """The status a custom status's name suggests ("Verifying" -> in progress), or None."""
    return _by_words(raw, _STATUS_WORDS)


def closing(raw: str) -> bool:
    """A status or resolution that ends an issue without fixing it: "Aborted", "Won't do"."""
    return _by_words(raw, _STATUS_WORDS[:1]) is CLOSED


# Jira resolutions: how a done issue ended. "Fixed" is resolved; the rest close it unfixed.
JIRA_RESOLUTION: dict[str, IssueStatus] = {
    "fixed": RESOLVED, "done": RESOLVED, "resolved": RESOLVED, "complete": RESOLVED,
    "completed": RESOLVED, "answered": RESOLVED, "workaround": RESOLVED, "configuration": RESOLVED,
    "won't do": CLOSED, "won't fix": CLOSED, "duplicate": CLOSED, "cannot reproduce": CLOSED,
    "incomplete": CLOSED, "declined": CLOSED, "obsolete": CLOSED, "not a bug": CLOSED,
    "works as designed": CLOSED, "rejected": CLOSED, "cancelled": CLOSED, "canceled": CLOSED,
    "abandoned": CLOSED, "invalid": CLOSED,
}  # fmt: skip

# The statuses that mean "in the queue, nobody owes an answer yet": imported in one of these,
# an issue counts as acknowledged at import (DESIGN invariant 12).
JIRA_BACKLOG = frozenset({"open", "new", "to do", "todo", "backlog", "selected for development"})
LINEAR_BACKLOG = frozenset({"backlog", "todo", "to do"})


# -- --map FIELD:VALUE=OURS ------------------------------------------------------------------

MAP_FIELDS = {"priority": "priority", "severity": "priority", "status": "status",
              "resolution": "resolution"}  # fmt: skip
RESOLUTION_VALUES = {"resolved": RESOLVED, "closed": CLOSED}
Maps = dict[str, dict[str, str]]
MAP_HINT = 'write it as FIELD:VALUE=OURS, like priority:"Must Have"=high'


def parse_map(spec: str, maps: Maps | None = None) -> Maps:
    """Add one ``--map`` to ``maps`` (a new dict when None); ValueError says what is wrong."""
    maps = {} if maps is None else maps
    field, colon, rest = spec.partition(":")
    value, equals, ours = rest.rpartition("=")
    kind = MAP_FIELDS.get(field.strip().lower())
    if not colon or not equals or kind is None:
        if colon and kind is None:
            raise ValueError(
                f"{spec!r}: {field.strip()!r} is not priority, status or resolution; {MAP_HINT}"
            )
        raise ValueError(f"{spec!r}: {MAP_HINT}")
    value, ours = value.strip().strip("\"'"), normalized(ours.strip().strip("\"'"))
    if not value:
        raise ValueError(f"{spec!r}: the tracker's value before '=' is empty; {MAP_HINT}")
    allowed = {
        "priority": [s.value for s in Severity],
        "status": [s.value for s in IssueStatus],
        "resolution": list(RESOLUTION_VALUES),
    }[kind]
    if ours not in allowed:
        raise ValueError(f"{spec!r}: {ours!r} is not one of " + ", ".join(allowed))
    maps.setdefault(kind, {})[normalized(value)] = ours
    return maps


def mapped_severity(maps: Maps, raw: str) -> Severity | None:
    found = maps.get("priority", {}).get(normalized(raw))
    return Severity(found) if found else None


def mapped_status(maps: Maps, kind: str, raw: str) -> IssueStatus | None:
    found = maps.get(kind, {}).get(normalized(raw))
    return IssueStatus(found) if found else None
