"""Jira's "Export CSV (all fields)": repeated columns, locale dates, wiki markup, comments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from checkin.importers import cleaning
from checkin.importers.dates import jira_date, jira_datetime
from checkin.importers.jira_wiki import to_markdown
from checkin.importers.mapping import (
    DEFAULT_SEVERITY,
    JIRA_PRIORITY,
    JIRA_STATUS,
    JIRA_STATUS_CATEGORY,
    known,
    lookup,
)
from checkin.importers.model import ImportFormat, ImportRow, ParsedFile
from checkin.importers.rows import RowReader, finish
from checkin.importers.tabular import CsvRow, CsvTable

FORMAT = ImportFormat.JIRA
REQUIRED = ("Issue key", "Summary", "Status", "Created")
# The column a problem with an issue field is reported under.
FIELDS = {
    "external_id": "Issue key",
    "title": "Summary",
    "body": "Description",
    "severity": "Priority",
    "status": "Status",
    "opened": "Created",
    "acknowledged": "Created",
    "plan_given": "Created",
    "resolved": "Resolved",
    "due": "Due Date",
    "owner": "Assignee",
    "labels": "Labels",
    "url": "Issue URL",
}


class _Columns:
    """Where each field is, looked up once per file rather than once per row."""

    def __init__(self, table: CsvTable) -> None:
        c = table.column
        self.key, self.summary, self.status = c("Issue key"), c("Summary"), c("Status")
        self.category, self.priority = c("Status Category"), c("Priority")
        self.created, self.updated, self.resolved = c("Created"), c("Updated"), c("Resolved")
        self.due, self.assignee = c("Due Date"), c("Assignee")
        self.description, self.url = c("Description"), c("Issue URL")
        self.labels = table.columns("Labels")
        self.comments = table.columns("Comment")


def parse(table: CsvTable) -> ParsedFile:
    """The issues of a Jira CSV export (see :data:`FIELDS` for the columns read)."""
    columns = _Columns(table)
    return finish(FORMAT, (_row(columns, r) for r in table.rows), "Issue key")


def _row(c: _Columns, record: CsvRow) -> tuple[RowReader, ImportRow | None]:
    r = RowReader(record.number, f"row {record.number}")
    key = r.line("Issue key", record.cell(c.key), required=True)
    r.name(key)
    title = r.line("Summary", record.cell(c.summary), required=True)
    raw_status = cleaning.line(record.cell(c.status))
    status = lookup(JIRA_STATUS, raw_status)
    if status is None:
        status = lookup(JIRA_STATUS_CATEGORY, record.cell(c.category))
    if status is None:
        r.problem(
            "Status",
            f"{raw_status!r} is not a Jira status I know and the export has no Status Category "
            f"for it; known: {known(JIRA_STATUS)}"
            if raw_status
            else "is empty",
        )
    raw_priority = cleaning.line(record.cell(c.priority))
    severity = r.mapped(
        "Priority", raw_priority, JIRA_PRIORITY, "a Jira priority", default=DEFAULT_SEVERITY
    )
    opened = r.when("Created", record.cell(c.created), jira_datetime, required=True)
    comments = list(_comments(record.cells_at(c.comments)))
    return r, r.build(
        external_id=key,
        title=title,
        status=status,
        severity=severity,
        opened=opened,
        updated=r.when("Updated", record.cell(c.updated), jira_datetime),
        resolved=r.when("Resolved", record.cell(c.resolved), jira_datetime),
        due=r.when("Due Date", record.cell(c.due), jira_date),
        body=_body(record.cell(c.description), comments),
        url=r.url("Issue URL", record.cell(c.url)),
        labels=record.cells_at(c.labels),
        owner=cleaning.line(record.cell(c.assignee)),
        raw_priority=raw_priority,
        raw_status=raw_status,
        activity=[when for when, _author, _text in comments],
    )


Comment = tuple[datetime | None, str, str]


def _comments(cells: list[str]) -> Iterator[Comment]:
    """Jira writes each comment as ``date;author;text``; the text may hold more semicolons."""
    for cell in cells:
        if not cell.strip():
            continue
        parts = cell.split(";", 2)
        if len(parts) == 3:
            try:
                when = jira_datetime(parts[0])
            except ValueError:
                pass
            else:
                yield when, cleaning.line(parts[1]), parts[2]
                continue
        yield None, "", cell


def _body(description: str, comments: list[Comment]) -> str:
    """The description as Markdown, then the comments, oldest first, as a list."""
    body = cleaning.text(to_markdown(cleaning.text(description)))
    if not comments:
        return body
    lines = [body, "", "Comments in Jira:"] if body else ["Comments in Jira:"]
    for when, author, text in comments:
        stamp = f"{when:%Y-%m-%d %H:%M}" if when is not None else ""
        head = ", ".join(part for part in (stamp, author) if part)
        content = cleaning.text(to_markdown(cleaning.text(text))).replace("\n", "\n  ")
        lines.append(f"- {head}: {content}" if head else f"- {content}")
    return "\n".join(lines)
