"""Linear's CSV export: ID, Title, Status, Priority, comma-separated Labels, ISO timestamps."""

from __future__ import annotations

from checkin.importers import cleaning
from checkin.importers.dates import iso_date, iso_datetime
from checkin.importers.mapping import (
    CLOSED,
    DEFAULT_SEVERITY,
    LINEAR_PRIORITY,
    LINEAR_STATUS,
    RESOLVED,
    WORKING,
    known,
    lookup,
)
from checkin.importers.model import ImportFormat, ImportRow, ParsedFile
from checkin.importers.rows import RowReader, finish
from checkin.importers.tabular import CsvRow, CsvTable

FORMAT = ImportFormat.LINEAR
REQUIRED = ("ID", "Title", "Status", "Created")
FIELDS = {
    "external_id": "ID",
    "title": "Title",
    "body": "Description",
    "severity": "Priority",
    "status": "Status",
    "opened": "Created",
    "acknowledged": "Started",
    "plan_given": "Started",
    "resolved": "Completed",
    "due": "Due Date",
    "owner": "Assignee",
    "labels": "Labels",
    "url": "URL",
}


class _Columns:
    def __init__(self, table: CsvTable) -> None:
        c = table.column
        self.id, self.title, self.status, self.priority = (
            c("ID"),
            c("Title"),
            c("Status"),
            c("Priority"),
        )
        self.description, self.assignee, self.labels = c("Description"), c("Assignee"), c("Labels")
        self.created, self.updated, self.started = c("Created"), c("Updated"), c("Started")
        self.completed, self.canceled, self.due, self.url = (
            c("Completed"),
            c("Canceled"),
            c("Due Date"),
            c("URL"),
        )


def parse(table: CsvTable) -> ParsedFile:
    """The issues of a Linear CSV export (see :data:`FIELDS` for the columns read)."""
    columns = _Columns(table)
    return finish(FORMAT, (_row(columns, r) for r in table.rows), "ID")


def _row(c: _Columns, record: CsvRow) -> tuple[RowReader, ImportRow | None]:
    r = RowReader(record.number, f"row {record.number}")
    key = r.line("ID", record.cell(c.id), required=True)
    r.name(key)
    started = r.when("Started", record.cell(c.started), iso_datetime)
    completed = r.when("Completed", record.cell(c.completed), iso_datetime)
    canceled = r.when("Canceled", record.cell(c.canceled), iso_datetime)
    raw_status = cleaning.line(record.cell(c.status))
    status = lookup(LINEAR_STATUS, raw_status)
    if status is None:
        # A team's own workflow state: Linear's timestamps say which kind of state it is.
        status = CLOSED if canceled else RESOLVED if completed else WORKING if started else None
    if status is None:
        r.problem(
            "Status",
            f"{raw_status!r} is not a Linear status I know; known: {known(LINEAR_STATUS)}"
            if raw_status
            else "is empty",
        )
    raw_priority = cleaning.line(record.cell(c.priority))
    return r, r.build(
        external_id=key,
        title=r.line("Title", record.cell(c.title), required=True),
        status=status,
        severity=r.mapped(
            "Priority", raw_priority, LINEAR_PRIORITY, "a Linear priority", DEFAULT_SEVERITY
        ),
        opened=r.when("Created", record.cell(c.created), iso_datetime, required=True),
        updated=r.when("Updated", record.cell(c.updated), iso_datetime),
        acknowledged=started,
        plan_given=started,
        resolved=completed or canceled,
        due=r.when("Due Date", record.cell(c.due), iso_date),
        body=cleaning.text(record.cell(c.description)),
        url=r.url("URL", record.cell(c.url)),
        labels=record.cell(c.labels).split(","),
        owner=cleaning.line(record.cell(c.assignee)),
        raw_priority=raw_priority,
        raw_status=raw_status,
    )
