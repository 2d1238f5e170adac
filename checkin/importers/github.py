"""GitHub issues as ``gh issue list --json ...`` writes them (the REST API's names work too)."""

from __future__ import annotations

import re
from typing import Any

from checkin.importers import cleaning
from checkin.importers.dates import iso_date, iso_datetime
from checkin.importers.jsondata import load
from checkin.importers.mapping import github_severity, github_status
from checkin.importers.model import ImportFormat, ImportRow, ParsedFile
from checkin.importers.rows import RowReader, finish
from checkin.importers.tabular import BadFile

FORMAT = ImportFormat.GITHUB
FIELDS = {
    "external_id": "number",
    "title": "title",
    "body": "body",
    "severity": "labels",
    "status": "state",
    "opened": "createdAt",
    "acknowledged": "createdAt",
    "plan_given": "createdAt",
    "resolved": "closedAt",
    "due": "milestone",
    "owner": "assignees",
    "labels": "labels",
    "url": "url",
}
_REPO = re.compile(r"^https?://[^/]+/([^/]+/[^/]+)/(?:issues|pull)/\d+")


def parse(text: str) -> ParsedFile:
    """The issues of a ``gh issue list --json`` array."""
    data = load(text)
    if isinstance(data, dict) and isinstance(data.get("issues"), list):
        data = data["issues"]
    if not isinstance(data, list):
        raise BadFile("is not a JSON array of issues, as `gh issue list --json ...` writes")
    return finish(FORMAT, (_row(n, item) for n, item in enumerate(data, start=1)), "number")


def _get(item: dict[str, Any], *names: str) -> Any:
    for name in names:
        if item.get(name) is not None:
            return item[name]
    return None


def _names(values: Any, key: str) -> list[str]:
    """``[{"name": "bug"}]`` or ``["bug"]`` -> ``["bug"]``."""
    if not isinstance(values, list):
        return []
    return [str(v.get(key, "")) if isinstance(v, dict) else str(v) for v in values]


def _row(number: int, item: Any) -> tuple[RowReader, ImportRow | None]:
    r = RowReader(number, f"issue {number}")
    if not isinstance(item, dict):
        r.problem("", "is not a JSON object")
        return r, None
    issue_number = item.get("number")
    if not isinstance(issue_number, int) or isinstance(issue_number, bool):
        r.problem("number", "is missing" if issue_number is None else "is not a number")
        issue_number = None
    url = r.url("url", _get(item, "url", "html_url") or "")
    repo = _REPO.match(url)
    # Issue numbers repeat across repositories: "owner/repo#231" keeps two repos apart.
    key = f"{repo.group(1) if repo else ''}#{issue_number}" if issue_number is not None else ""
    r.name(key)
    labels = tuple(cleaning.labels(_names(item.get("labels"), "name")))
    assignees = [cleaning.line(a) for a in _names(item.get("assignees"), "login")]
    if not assignees and isinstance(item.get("assignee"), dict):
        assignees = [cleaning.line(item["assignee"].get("login", ""))]
    state = str(item.get("state") or "")
    reason = str(_get(item, "stateReason", "state_reason") or "")
    found = github_status(state, reason, labels, bool(assignees))
    if found is None:
        r.problem("state", f"{state!r} is not OPEN or CLOSED" if state else "is missing")
    status, raw_status = found if found is not None else (None, state)
    severity, raw_priority = github_severity(labels)
    title = _get(item, "title")
    milestone = item.get("milestone")
    due_on = _get(milestone, "dueOn", "due_on") if isinstance(milestone, dict) else None
    return r, r.build(
        external_id=key,
        title=r.line("title", title if isinstance(title, str) else "", required=True),
        status=status,
        severity=severity,
        opened=r.when(
            "createdAt", _get(item, "createdAt", "created_at"), iso_datetime, required=True
        ),
        updated=r.when("updatedAt", _get(item, "updatedAt", "updated_at"), iso_datetime),
        resolved=r.when("closedAt", _get(item, "closedAt", "closed_at"), iso_datetime),
        due=r.when("milestone", due_on, iso_date),
        body=cleaning.text(_get(item, "body") or ""),
        url=url,
        labels=labels,
        owner=", ".join(a for a in assignees if a),
        raw_priority=raw_priority,
        raw_status=raw_status,
    )
