"""checkin's own CSV: one issue per row with the columns documented in the README."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from checkin.importers import cleaning
from checkin.importers.mapping import CSV_SEVERITY, CSV_STATUS, NEW
from checkin.importers.model import ImportFormat, ImportRow, ParsedFile
from checkin.importers.notes import Notes
from checkin.importers.rows import RowReader, file_dates, finish
from checkin.importers.tabular import CsvRow, CsvTable

FORMAT = ImportFormat.CSV
REQUIRED = ("title", "external_id", "opened")
COLUMNS = (
    "title",
    "external_id",
    "severity",
    "status",
    "opened",
    "acknowledged",
    "plan_given",
    "resolved",
    "due",
    "owner",
    "url",
    "labels",
    "body",
)
FIELDS = {name: name for name in COLUMNS}
LABEL_SEPARATOR = ";"


DATES = ("opened", "acknowledged", "plan_given", "resolved", "due")


def parse(table: CsvTable, notes: Notes) -> ParsedFile:
    """The issues of a checkin CSV file (the registry refuses columns not in COLUMNS)."""
    index = {name: table.column(name) for name in COLUMNS}
    dated = [i for i in (index[name] for name in DATES) if i is not None]
    dates = file_dates((row.cells[i] for row in table.rows for i in dated), notes)
    return finish(FORMAT, (_row(index, dates, notes, r) for r in table.rows), "external_id", notes)


def _row(
    index: dict[str, int | None],
    dates: tuple[Callable[[str], datetime], Callable[[str], date]],
    notes: Notes,
    record: CsvRow,
) -> tuple[RowReader, ImportRow | None]:
    r = RowReader(record.number, f"row {record.number}", notes)
    when, day = dates

    def cell(name: str) -> str:
        return record.cell(index[name])

    key = r.line("external_id", cell("external_id"), required=True)
    r.name(key)
    raw_severity, raw_status = cleaning.line(cell("severity")), cleaning.line(cell("status"))
    return r, r.build(
        external_id=key,
        title=r.line("title", cell("title"), required=True),
        severity=r.severity("severity", raw_severity, CSV_SEVERITY, "a severity"),
        status=r.status("status", raw_status, CSV_STATUS, "a status", empty=NEW),
        opened=r.when("opened", cell("opened"), when, required=True),
        acknowledged=r.when("acknowledged", cell("acknowledged"), when),
        plan_given=r.when("plan_given", cell("plan_given"), when),
        resolved=r.when("resolved", cell("resolved"), when),
        due=r.when("due", cell("due"), day),
        owner=cleaning.line(cell("owner")),
        url=r.url("url", cell("url")),
        labels=cell("labels").split(LABEL_SEPARATOR),
        body=cleaning.text(cell("body")),
        raw_priority=raw_severity,
        raw_status=raw_status,
    )
