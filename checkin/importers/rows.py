"""Building import rows: reading fields with problems named by row, and implied milestones."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import TypeVar

from checkin.core.enums import IssueStatus, Severity
from checkin.importers import cleaning, dates
from checkin.importers.mapping import (
    CLOSED,
    DEFAULT_SEVERITY,
    NEW,
    closing,
    lookup,
    mapped_severity,
    mapped_status,
    nearest_severity,
    nearest_status,
)
from checkin.importers.model import (
    ImportFormat,
    ImportProblem,
    ImportRow,
    ParsedFile,
    file_problem,
    rejected,
)
from checkin.importers.notes import Notes, clip
from checkin.importers.tabular import BadFile

T = TypeVar("T")
ACKNOWLEDGING = frozenset(IssueStatus) - {IssueStatus.NEW}
# Waiting on the client means findings were shared and the ball is in their court.
PLANNING = frozenset({IssueStatus.PLANNED, IssueStatus.IN_PROGRESS, IssueStatus.WAITING_ON_CLIENT})
DONE = frozenset({IssueStatus.RESOLVED, IssueStatus.CLOSED})


class RowReader:
    """Reads the fields of one record, collecting every problem instead of stopping at one."""

    def __init__(self, row: int, where: str, notes: Notes | None = None) -> None:
        self.row = row
        self.where = where
        self.problems: list[ImportProblem] = []
        self.notes = notes if notes is not None else Notes()

    def problem(self, field: str, message: str) -> None:
        self.problems.append(ImportProblem(self.where, field, clip(message), self.row))

    def name(self, key: str) -> None:
        """Add the record's external id to where it is: ``row 4 (ACME-412)``."""
        if key:
            self.where = f"{self.where} ({key})"

    def line(self, field: str, value: object, *, required: bool = False) -> str:
        cleaned = cleaning.line(value)
        if required and not cleaned:
            self.problem(field, "is empty; every issue needs one")
        return cleaned

    def when(
        self, field: str, value: str | None, parse: Callable[[str], T], *, required: bool = False
    ) -> T | None:
        """A date or date-time read with ``parse``; empty is None (a problem if required)."""
        if value is None or not str(value).strip():
            if required:
                self.problem(field, "is empty; every issue needs one")
            return None
        try:
            return parse(str(value))
        except ValueError as error:
            self.problem(field, str(error))
            return None

    def severity(self, field: str, raw: str, table: Mapping[str, Severity], what: str) -> Severity:
        """A priority: the user's ``--map``, the tracker's name, else the nearest by name
        (medium when the name says nothing), with a warning. Empty is medium."""
        if not raw.strip():
            return DEFAULT_SEVERITY
        explicit = mapped_severity(self.notes.maps, raw) if self.notes.maps else None
        if explicit is not None:
            return explicit
        found = lookup(table, raw)
        if found is not None:
            return found
        near = nearest_severity(raw)
        how = "the nearest by name" if near is not None else "the default"
        read_as = near or DEFAULT_SEVERITY
        self.notes.vocabulary("priority", field, raw.strip(), read_as.value, how, what, self.where)
        return read_as

    def status(
        self,
        field: str,
        raw: str,
        table: Mapping[str, IssueStatus],
        what: str,
        category: tuple[IssueStatus, str] | None = None,
        empty: IssueStatus | None = None,
    ) -> IssueStatus | None:
        """A status: the user's ``--map``, the tracker's name, else the nearest (a closing name
        such as "Aborted" first, then the tracker's own ``category`` (value, how it was told),
        then the name, else new), with a warning. Empty is ``empty``, or a problem."""
        if not raw.strip():
            if empty is None:
                self.problem(field, "is empty")
            return empty
        explicit = mapped_status(self.notes.maps, "status", raw) if self.notes.maps else None
        if explicit is not None:
            return explicit
        found = lookup(table, raw)
        if found is not None:
            return found
        if closing(raw):
            near, how = CLOSED, "the nearest by name"
        elif category is not None:
            near, how = category
        else:
            by_name = nearest_status(raw)
            near, how = (by_name, "the nearest by name") if by_name else (NEW, "the default")
        self.notes.vocabulary("status", field, raw.strip(), near.value, how, what, self.where)
        return near

    def url(self, field: str, value: object) -> str:
        address = cleaning.url(value)
        if address is None:
            self.problem(field, f"{cleaning.line(value)!r} is not an http(s) address")
            return ""
        return address

    def build(
        self,
        *,
        external_id: str,
        title: str,
        status: IssueStatus | None,
        severity: Severity | None,
        opened: datetime | None,
        updated: datetime | None = None,
        body: str = "",
        due: date | None = None,
        url: str = "",
        labels: Iterable[str] = (),
        owner: str = "",
        raw_priority: str = "",
        raw_status: str = "",
        acknowledged: datetime | None = None,
        plan_given: datetime | None = None,
        resolved: datetime | None = None,
        activity: Iterable[datetime | None] = (),
        backlog: bool = False,
    ) -> ImportRow | None:
        """The row, or None when a problem was found (they are in ``problems``).

        A due date before the opened date (a tracker allows it) is left out with a warning.
        """
        if self.problems or status is None or opened is None:
            return None
        if due is not None and due < opened.date():
            self.notes.kept("due date before the created date, left out", self.where)
            due = None
        ack, plan, done = milestones(
            status,
            opened,
            updated,
            acknowledged=acknowledged,
            plan_given=plan_given,
            resolved=resolved,
            activity=activity,
        )
        return ImportRow(
            row=self.row,
            where=self.where,
            external_id=external_id,
            title=title,
            body=body,
            severity=severity or DEFAULT_SEVERITY,
            status=status,
            opened=opened,
            updated=updated,
            acknowledged=ack,
            plan_given=plan,
            resolved=done,
            due=due,
            url=url,
            labels=cleaning.labels(labels),
            owner=owner,
            raw_priority=raw_priority,
            raw_status=raw_status,
            backlog=backlog and status is IssueStatus.NEW and ack is None,
        )


def milestones(
    status: IssueStatus,
    opened: datetime,
    updated: datetime | None,
    *,
    acknowledged: datetime | None = None,
    plan_given: datetime | None = None,
    resolved: datetime | None = None,
    activity: Iterable[datetime | None] = (),
) -> tuple[datetime | None, datetime | None, datetime | None]:
    """The acknowledged, plan-given and resolved times a status implies.

    Dates the source states are kept. A status past "new" without a stated acknowledgement is
    taken as acknowledged at the earliest activity the export shows (first comment, start,
    resolution or last update): the tracker does not say when, but it was no later than that.
    A plan goes with planned / in progress / waiting on client (taken as given when the issue
    was acknowledged), a resolution with resolved / closed (the source's resolution date, else
    its last update; with neither it stays unknown rather than "the second it was opened").
    Nothing comes before ``opened``.
    """

    evidence = [t for t in (acknowledged, plan_given, *activity, resolved, updated) if t]
    first = min(evidence) if evidence else opened
    ack = acknowledged or (first if status in ACKNOWLEDGING else None)
    plan = plan_given or (ack if status in PLANNING else None)
    done = (resolved or updated or (ack if ack != opened else None)) if status in DONE else None
    # Each clamped to ``opened`` as max(value, opened) would, without a call per value.
    return (
        None if ack is None else (opened if opened > ack else ack),
        None if plan is None else (opened if opened > plan else plan),
        None if done is None else (opened if opened > done else done),
    )


def file_dates(
    values: Iterable[str], notes: Notes
) -> tuple[Callable[[str], datetime], Callable[[str], date]]:
    """Date-time and date readers for a file whose date cells are ``values`` (the numeric
    order inferred from them and reported; BadFile when they are ambiguous)."""
    try:
        order = dates.infer_order(values)
    except dates.AmbiguousDates as error:
        raise BadFile(str(error)) from None
    notes.fact(order.note)
    return dates.reader(order.order)


def finish(
    fmt: ImportFormat,
    readers: Iterable[tuple[RowReader, ImportRow | None]],
    id_field: str,
    notes: Notes | None = None,
) -> ParsedFile:
    """Every row, or every problem (duplicate ids included): a file imports whole or not at all.

    ``notes`` (shared by the readers) give the warnings of an accepted file.
    """
    rows: list[ImportRow] = []
    problems: list[ImportProblem] = []
    first_seen: dict[str, str] = {}
    for reader, row in readers:
        problems.extend(reader.problems)
        if row is None:
            continue
        earlier = first_seen.setdefault(row.external_id, row.where)
        if earlier != row.where:
            reader.problem(id_field, f"{row.external_id!r} appears twice (also {earlier})")
            problems.extend(reader.problems)
            continue
        rows.append(row)
    if problems:
        return rejected(fmt, problems)
    if not rows:
        reason = "holds no issues"
        if notes is not None and notes.skipped:
            reason += " to import: " + "; ".join(str(w) for w in notes.warnings() if w.count)
        return rejected(fmt, [file_problem(reason)])
    if notes is None:
        return ParsedFile(fmt, tuple(rows), ())
    return ParsedFile(fmt, tuple(rows), (), notes.warnings(), notes.skipped)
