"""Jira's "Export CSV (all fields)": repeated columns, locale dates, wiki markup, comments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from checkin.core.enums import IssueStatus
from checkin.importers import cleaning
from checkin.importers.dates import AmbiguousDates, infer_order, reader
from checkin.importers.jira_wiki import to_markdown
from checkin.importers.mapping import (
    CLOSED,
    JIRA_BACKLOG,
    JIRA_PRIORITY,
    JIRA_RESOLUTION,
    JIRA_STATUS,
    JIRA_STATUS_CATEGORY,
    RESOLVED,
    closing,
    lookup,
    mapped_status,
    normalized,
)
from checkin.importers.model import ImportFormat, ImportRow, ParsedFile
from checkin.importers.notes import Notes
from checkin.importers.rows import RowReader, finish
from checkin.importers.tabular import BadFile, CsvRow, CsvTable

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
        self.resolution = c("Resolution")
        self.created, self.updated, self.resolved = c("Created"), c("Updated"), c("Resolved")
        self.due, self.assignee = c("Due Date"), c("Assignee")
        self.description, self.url = c("Description"), c("Issue URL")
        self.labels = table.columns("Labels")
        self.comments = table.columns("Comment")
        # Cloud exports name people by account id in comments, and give "Assignee Id" (etc.)
        # beside "Assignee": those pairs tell the names.
        self.people = [
            (c(name), c(f"{name} Id"))
            for name in ("Assignee", "Reporter", "Creator")
            if c(name) is not None and c(f"{name} Id") is not None
        ]


def parse(table: CsvTable, notes: Notes | None = None) -> ParsedFile:
    """The issues of a Jira CSV export (see :data:`FIELDS` for the columns read)."""
    notes = notes if notes is not None else Notes()
    columns = _Columns(table)
    c = columns
    dated = [i for i in (c.created, c.updated, c.resolved, c.due) if i is not None]
    try:
        order = infer_order(row.cells[i] for row in table.rows for i in dated)
    except AmbiguousDates as error:
        raise BadFile(str(error)) from None
    notes.fact(order.note)
    read = _Reading(order.order, _names(columns, table), notes)
    return finish(FORMAT, (_row(columns, read, r) for r in table.rows), "Issue key", notes)


class _Reading:
    """What every row of one file is read with: its date parsers, people and notes."""

    def __init__(self, order: str, names: dict[str, str], notes: Notes) -> None:
        self.datetime, self.date = reader(order)
        self.names = names
        self.notes = notes


def _names(c: _Columns, table: CsvTable) -> dict[str, str]:
    """Account id -> display name, from the name and id column pairs of every row."""
    names: dict[str, str] = {}
    for name_at, id_at in c.people:
        for row in table.rows:
            person, account = row.cells[name_at], row.cells[id_at]  # type: ignore[index]
            if person and account:
                names.setdefault(account.strip(), cleaning.line(person))
    return names


def _row(c: _Columns, read: _Reading, record: CsvRow) -> tuple[RowReader, ImportRow | None]:
    r = RowReader(record.number, f"row {record.number}", read.notes)
    key = r.line("Issue key", record.cell(c.key), required=True)
    r.name(key)
    title = r.line("Summary", record.cell(c.summary), required=True)
    raw_status = cleaning.line(record.cell(c.status))
    raw_category = cleaning.line(record.cell(c.category))
    by_category = lookup(JIRA_STATUS_CATEGORY, raw_category) if raw_category else None
    status = r.status(
        "Status",
        raw_status,
        JIRA_STATUS,
        "a Jira status",
        (by_category, f"by its Status Category {raw_category!r}") if by_category else None,
    )
    if status in (RESOLVED, CLOSED):
        status = _resolution(r, status, cleaning.line(record.cell(c.resolution)))
    raw_priority = cleaning.line(record.cell(c.priority))
    severity = r.severity("Priority", raw_priority, JIRA_PRIORITY, "a Jira priority")
    opened = r.when("Created", record.cell(c.created), read.datetime, required=True)
    comments = list(_comments(record.cells_at(c.comments), read))
    # A custom status counts by its category; "Waiting for support" is not a backlog.
    name = normalized(raw_status)
    backlog = name in JIRA_BACKLOG or (
        name not in JIRA_STATUS and normalized(raw_category) in ("to do", "new")
    )
    return r, r.build(
        external_id=key,
        title=title,
        status=status,
        severity=severity,
        opened=opened,
        updated=r.when("Updated", record.cell(c.updated), read.datetime),
        resolved=r.when("Resolved", record.cell(c.resolved), read.datetime),
        due=r.when("Due Date", record.cell(c.due), read.date),
        body=_body(record.cell(c.description), comments),
        url=r.url("Issue URL", record.cell(c.url)),
        labels=record.cells_at(c.labels),
        owner=cleaning.line(record.cell(c.assignee)),
        raw_priority=raw_priority,
        raw_status=raw_status,
        activity=[when for when, _author, _text in comments],
        backlog=backlog,
    )


def _resolution(r: RowReader, status: IssueStatus, raw: str) -> IssueStatus:
    """A done issue's Resolution says whether it was fixed ("Fixed") or not ("Won't Do")."""
    if not raw or normalized(raw) in ("unresolved", "none"):
        return status
    explicit = mapped_status(r.notes.maps, "resolution", raw) if r.notes.maps else None
    if explicit is not None:
        return explicit
    found = lookup(JIRA_RESOLUTION, raw)
    if found is not None:
        return CLOSED if found is CLOSED else status
    read_as = CLOSED if closing(raw) else status
    how = "the nearest by name" if read_as is CLOSED else "as its status says"
    what = "a Jira resolution"
    r.notes.vocabulary("resolution", "Resolution", raw, read_as.value, how, what, r.where)
    return read_as


Comment = tuple[datetime | None, str, str]


def _comments(cells: list[str], read: _Reading) -> Iterator[Comment]:
    """Jira writes each comment as ``date;author;text``; the text may hold more semicolons.
    An author written as an account id is named when the export tells whose id it is."""
    for cell in cells:
        if not cell.strip():
            continue
        parts = cell.split(";", 2)
        if len(parts) == 3:
            try:
                when = read.datetime(parts[0])
            except ValueError:
                pass
            else:
                author = parts[1].strip()
                yield when, cleaning.line(read.names.get(author, author)), parts[2]
                continue
        yield None, "", cell


def _body(description: str, comments: list[Comment]) -> str:
    """The description as Markdown, then the comments, oldest first, as a list."""
    body = cleaning.text(to_markdown(cleaning.text(description)))
    if not comments:
        return body
    lines = [body, "", "Comments in Jira:"] if body else ["Comments in Jira:"]
    for when, author, text in comments:
        stamp = _stamp(when) if when is not None else ""
        head = ", ".join(part for part in (stamp, author) if part)
        content = cleaning.text(to_markdown(cleaning.text(text))).replace("\n", "\n  ")
        lines.append(f"- {head}: {content}" if head else f"- {content}")
    return "\n".join(lines)


def _stamp(when: datetime) -> str:
    """``2026-11-03 09:14``: a comment's time as its list item shows it."""
    if when.tzinfo is None and when.year >= 1000:
        return when.isoformat(" ", "minutes")  # the same text, without strftime's cost
    return f"{when:%Y-%m-%d %H:%M}"
