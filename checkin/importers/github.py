"""GitHub issues as ``gh issue list --json ...`` writes them (the REST API's names work too)."""

from __future__ import annotations

import re
from typing import Any

from checkin.core.enums import IssueStatus
from checkin.importers import cleaning
from checkin.importers.dates import any_date, any_datetime
from checkin.importers.jsondata import load
from checkin.importers.mapping import github_severity, github_status
from checkin.importers.model import ImportFormat, ImportRow, ParsedFile
from checkin.importers.notes import Notes
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
# The page of an issue (https://github.com/o/r/issues/1) or its API address
# (https://api.github.com/repos/o/r/issues/1), and a REST dump's repository_url.
_PAGE = re.compile(r"^https?://(?!api\.)[^/]+/([^/]+/[^/]+)/(?:issues|pull)/\d+")
_API = re.compile(r"^(https?://)api\.([^/]+)/repos/([^/]+/[^/]+)/(issues|pulls)/(\d+)$")
_API_REPO = re.compile(r"^https?://[^/]+/repos/([^/]+/[^/]+?)/?$")


def parse(text: str, notes: Notes | None = None) -> ParsedFile:
    """The issues of a ``gh issue list --json`` array or a REST ``/issues`` dump (pull
    requests, which the REST API lists among issues, are skipped)."""
    notes = notes if notes is not None else Notes()
    data = load(text)
    if isinstance(data, dict) and isinstance(data.get("issues"), list):
        data = data["issues"]
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]  # the search API's shape
    if not isinstance(data, list):
        raise BadFile("is not a JSON array of issues, as `gh issue list --json ...` writes")
    rows = (_row(n, item, notes) for n, item in enumerate(data, start=1))
    return finish(FORMAT, (pair for pair in rows if pair is not None), "number", notes)


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


def _web_address(item: dict[str, Any]) -> str:
    """The issue's page: ``html_url`` over the REST ``url``, which is the API's address."""
    for name in ("html_url", "url"):
        value = item.get(name)
        if isinstance(value, str) and value:
            api = _API.match(value.strip())
            if api is None:
                return value
            scheme, host, repo, kind, number = api.groups()
            return f"{scheme}{host}/{repo}/{'pull' if kind == 'pulls' else 'issues'}/{number}"
    return ""


def _repository(item: dict[str, Any], url: str) -> str:
    """``owner/repo``, from ``repository_url`` (REST), the page's address or ``repository``."""
    value = item.get("repository_url")
    if isinstance(value, str) and (found := _API_REPO.match(value.strip())):
        return found.group(1)
    if found := _PAGE.match(url):
        return found.group(1)
    repository = item.get("repository")
    if isinstance(repository, dict):
        name = repository.get("nameWithOwner") or repository.get("full_name")
        if isinstance(name, str):
            return name
    return ""


def _row(number: int, item: Any, notes: Notes) -> tuple[RowReader, ImportRow | None] | None:
    r = RowReader(number, f"issue {number}", notes)
    if not isinstance(item, dict):
        r.problem("", "is not a JSON object")
        return r, None
    issue_number = item.get("number")
    if not isinstance(issue_number, int) or isinstance(issue_number, bool):
        r.problem("number", "is missing" if issue_number is None else "is not a number")
        issue_number = None
    if item.get("pull_request") or item.get("isPullRequest") is True:
        notes.skip("pull request", f"#{issue_number}" if issue_number is not None else r.where)
        return None
    url = r.url("url", _web_address(item))
    repo = _repository(item, url)
    # Issue numbers repeat across repositories: "owner/repo#231" keeps two repos apart.
    key = f"{repo}#{issue_number}" if issue_number is not None else ""
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
            "createdAt", _when(item, "createdAt", "created_at"), any_datetime, required=True
        ),
        updated=r.when("updatedAt", _when(item, "updatedAt", "updated_at"), any_datetime),
        resolved=r.when("closedAt", _when(item, "closedAt", "closed_at"), any_datetime),
        due=r.when("milestone", due_on, any_date),
        body=cleaning.text(_get(item, "body") or ""),
        url=url,
        labels=labels,
        owner=", ".join(a for a in assignees if a),
        raw_priority=raw_priority,
        raw_status=raw_status,
        backlog=status is IssueStatus.NEW,
    )


def _when(item: dict[str, Any], *names: str) -> str | None:
    """A timestamp as text (REST dumps made by scripts sometimes hold epoch numbers)."""
    value = _get(item, *names)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None
