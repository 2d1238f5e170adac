"""checkin's own CSV: one issue per row with the columns documented in the README."""

from __future__ import annotations

from checkin.importers import cleaning
from checkin.importers.dates import iso_date, iso_datetime
from checkin.importers.mapping import CSV_SEVERITY, CSV_STATUS, DEFAULT_SEVERITY, NEW
from checkin.importers.model import ImportFormat, ImportRow, ParsedFile
from checkin.importers.rows import RowReader, finish
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


def parse(table: CsvTable) -> ParsedFile:
    """The issues of a checkin CSV file (the registry refuses columns not in COLUMNS)."""
    index = {name: table.column(name) for name in COLUMNS}
    return finish(FORMAT, (_row(index, r) for r in table.rows), "external_id")


def _row(index: dict[str, int | None], record: CsvRow) -> tuple[RowReader, ImportRow | None]:
    r = RowReader(record.number, f"row {record.number}")

    def cell(name: str) -> str:
        return record.cell(index[name])

    key = r.line("external_id", cell("external_id"), required=True)
    r.name(key)
    raw_severity, raw_status = cleaning.line(cell("severity")), cleaning.line(cell("status"))
    return r, r.build(
        external_id=key,
        title=r.line("title", cell("title"), required=True),
        severity=r.mapped("severity", raw_severity, CSV_SEVERITY, "a severity", DEFAULT_SEVERITY),
        status=r.mapped("status", raw_status, CSV_STATUS, "a status", NEW),
        opened=r.when("opened", cell("opened"), iso_datetime, required=True),
        acknowledged=r.when("acknowledged", cell("acknowledged"), iso_datetime),
        plan_given=r.when("plan_given", cell("plan_given"), iso_datetime),
        resolved=r.when("resolved", cell("resolved"), iso_datetime),
        due=r.when("due", cell("due"), iso_date),
        owner=cleaning.line(cell("owner")),
        url=r.url("url", cell("url")),
        labels=cell("labels").split(LABEL_SEPARATOR),
        body=cleaning.text(cell("body")),
        raw_priority=raw_severity,
        raw_status=raw_status,
    )
