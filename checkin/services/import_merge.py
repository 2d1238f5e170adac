"""Merging an imported row into the issue checkin already has, and what that changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from checkin.core.enums import IssueStatus
from checkin.core.records import Issue
from checkin.importers import ImportRow

DONE = (IssueStatus.RESOLVED, IssueStatus.CLOSED)
# The fields a preview compares, in the order it lists them.
COMPARED = (
    "title",
    "severity",
    "status",
    "opened",
    "acknowledged",
    "plan_given",
    "resolved",
    "verified",
    "due",
    "owner",
    "labels",
    "url",
    "body",
    "raw_priority",
    "raw_status",
)
LABELS = {
    "plan_given": "plan given",
    "body": "description",
    "raw_priority": "source priority",
    "raw_status": "source status",
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field an import changes, with both values as a user reads them."""

    field: str
    old: str
    new: str

    @property
    def label(self) -> str:
        return LABELS.get(self.field, self.field)

    def __str__(self) -> str:
        if self.field == "body":
            return (
                "description changed"
                if self.old and self.new
                else ("description added" if self.new else "description removed")
            )
        return f"{self.label}: {self.old or '—'} → {self.new or '—'}"


def new_issue(
    row: ImportRow,
    *,
    issue_id: str,
    account_id: str,
    source: str,
    acknowledged: datetime | None = None,
) -> Issue:
    """The issue a row becomes when checkin does not have it yet (raises ValidationError);
    ``acknowledged`` when the import itself acknowledges it (the backlog policy)."""
    return Issue(
        id=issue_id,
        account_id=account_id,
        source=source,
        external_id=row.external_id,
        title=row.title,
        body=row.body,
        severity=row.severity,
        status=row.status,
        url=row.url,
        opened=row.opened,
        acknowledged=row.acknowledged or acknowledged,
        plan_given=row.plan_given,
        resolved=row.resolved,
        due=row.due,
        owner=row.owner,
        labels=list(row.labels),
        raw_priority=row.raw_priority,
        raw_status=row.raw_status,
    )


def merged_issue(row: ImportRow, before: Issue) -> Issue:
    """``before`` brought up to date with ``row``, keeping what checkin owns.

    The source owns title, description, opened, url, labels and its raw values. Severity and
    status follow the source only when its raw priority / status changed since the last
    import, so a status set in a meeting survives re-imports of an unchanged ticket. Owner
    and due date follow the source when it has one. Acknowledged and plan-given times are
    kept once set (filled from the source when empty); a resolution and the client's
    verification are kept while the issue stays resolved and cleared when it reopens.
    """
    status_moved = row.raw_status != before.raw_status
    status = row.status if status_moved else before.status
    severity = row.severity if row.raw_priority != before.raw_priority else before.severity
    acknowledged, plan_given = before.acknowledged, before.plan_given
    resolved, verified = before.resolved, before.verified
    if status_moved:
        acknowledged = acknowledged or row.acknowledged
        plan_given = plan_given or row.plan_given
        resolved = (resolved or row.resolved) if status in DONE else None
        verified = verified if status in DONE else None
    return Issue(
        id=before.id,
        account_id=before.account_id,
        created_at=before.created_at,
        updated_at=before.updated_at,
        source=before.source,
        external_id=before.external_id,
        title=row.title,
        body=row.body,
        severity=severity,
        status=status,
        url=row.url,
        opened=row.opened,
        acknowledged=acknowledged,
        plan_given=plan_given,
        resolved=resolved,
        verified=verified,
        due=row.due or before.due,
        owner=row.owner or before.owner,
        labels=list(row.labels),
        raw_priority=row.raw_priority,
        raw_status=row.raw_status,
    )


def changes(before: Issue, after: Issue) -> tuple[FieldChange, ...]:
    """Every compared field whose value differs, shown as text."""
    found = []
    for name in COMPARED:
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            found.append(FieldChange(name, shown(old), shown(new)))
    return tuple(found)


def shown(value: object) -> str:
    """A field value as a preview shows it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
