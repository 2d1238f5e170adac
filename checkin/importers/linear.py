"""Linear's CSV export: ID, Title, Status, Priority, comma-separated Labels, ISO timestamps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from checkin.importers import cleaning
from checkin.importers.mapping import (
    CLOSED,
    LINEAR_BACKLOG,
    LINEAR_PRIORITY,
    LINEAR_STATUS,
    RESOLVED,
    WORKING,
    normalized,
)
from checkin.importers.model import ImportFormat, ImportRow, ParsedFile
from checkin.importers.notes import Notes
from checkin.importers.rows import RowReader, file_dates, finish
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


Dates = tuple[Callable[[str], datetime], Callable[[str], date]]


def parse(table: CsvTable, notes: Notes) -> ParsedFile:
    """The issues of a Linear CSV export (see :data:`FIELDS` for the columns read)."""
    c = _Columns(table)
    dated = [
        i
        for i in (c.created, c.updated, c.started, c.completed, c.canceled, c.due)
        if i is not None
    ]
    dates = file_dates((row.cells[i] for row in table.rows for i in dated), notes)
    return finish(FORMAT, (_row(c, dates, notes, r) for r in table.rows), "ID", notes)


def _row(
    c: _Columns, dates: Dates, notes: Notes, record: CsvRow
) -> tuple[RowReader, ImportRow | None]:
    r = RowReader(record.number, f"row {record.number}", notes)
    when, day = dates
    key = r.line("ID", record.cell(c.id), required=True)
    r.name(key)
    started = r.when("Started", record.cell(c.started), when)
    completed = r.when("Completed", record.cell(c.completed), when)
    canceled = r.when("Canceled", record.cell(c.canceled), when)
    raw_status = cleaning.line(record.cell(c.status))
    # A team's own workflow state: Linear's timestamps say which kind of state it is.
    by_dates = CLOSED if canceled else RESOLVED if completed else WORKING if started else None
    status = r.status(
        "Status",
        raw_status,
        LINEAR_STATUS,
        "a Linear status",
        (by_dates, "as its dates say") if by_dates else None,
    )
    raw_priority = cleaning.line(record.cell(c.priority))
    return r, r.build(
        external_id=key,
        title=r.line("Title", record.cell(c.title), required=True),
        status=status,
        severity=r.severity("Priority", raw_priority, LINEAR_PRIORITY, "a Linear priority"),
        opened=r.when("Created", record.cell(c.created), when, required=True),
        updated=r.when("Updated", record.cell(c.updated), when),
        acknowledged=started,
        plan_given=started,
        resolved=completed or canceled,
        due=r.when("Due Date", record.cell(c.due), day),
        body=cleaning.text(record.cell(c.description)),
        url=r.url("URL", record.cell(c.url)),
        labels=record.cell(c.labels).split(","),
        owner=cleaning.line(record.cell(c.assignee)),
        raw_priority=raw_priority,
        raw_status=raw_status,
        backlog=normalized(raw_status) in LINEAR_BACKLOG,
    )
