"""How each tracker's priorities and statuses map to checkin's severities and statuses.

The README's "Importing issues" section shows these tables; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Mapping
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
        if level is None and plain in GITHUB_LEVELS and (plain.startswith(("p", "sev"))):
            level = GITHUB_LEVELS[plain]  # bare "P1" / "sev2"; a bare "low" could mean anything
        if level is None and plain in ("critical", "urgent", "blocker"):
            level = GITHUB_LEVELS[plain]
        if level is not None and (best is None or level.rank < best[0].rank):
            best = (level, label)
    return best if best is not None else (DEFAULT_SEVERITY, "")


def github_status(
    state: str, reason: str, labels: tuple[str, ...], assigned: bool
) -> tuple[IssueStatus, str] | None:
    """The status of a GitHub issue and the raw description kept with it; None if unknown."""
    upper = state.strip().upper()
    if upper == "CLOSED":
        not_planned = normalized(reason) == "not planned"
        return (CLOSED if not_planned else RESOLVED), upper + (f" ({reason})" if reason else "")
    if upper != "OPEN":
        return None
    for label in labels:
        value = _label_value(label, GITHUB_STATUS_PREFIXES) or normalized(label)
        status = GITHUB_STATUS_LABELS.get(value)
        if status is not None:
            return status, f"OPEN, {label}"
    return (ACK, "OPEN, assigned") if assigned else (NEW, "OPEN")
