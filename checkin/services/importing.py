"""Importing tracker exports into an account: preview what changes, then apply all or nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from checkin.core.enums import RecordKind
from checkin.core.errors import CheckinError, ExitCode, ValidationError
from checkin.core.records import Account, Issue
from checkin.core.text import count

# What the import modal and `checkin import` use of the importers is offered from here
# (ui, cli -> services; never straight to importers).
from checkin.importers import ImportFormat as ImportFormat
from checkin.importers import ImportProblem, ImportRow, ParsedFile, parse
from checkin.importers import detect as detect
from checkin.importers import source_field as _source_field
from checkin.importers.mapping import Maps as Maps
from checkin.importers.mapping import parse_map as parse_map
from checkin.importers.notes import ImportWarning, clip
from checkin.services.import_merge import FieldChange, changes, merged_issue, new_issue

if TYPE_CHECKING:
    from checkin.services.workspace import Workspace

PROBLEMS_SHOWN = 20
# Issues opened this long before an import count as acknowledged by it (DESIGN invariant 12):
# a two-year backlog is not two years of 48-hour breaches.
HORIZON_DAYS = 30


def default_horizon(now: datetime) -> date:
    """The day before which imported issues count as acknowledged: 30 days before ``now``."""
    return (now - timedelta(days=HORIZON_DAYS)).date()


class ChangeKind(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class PlannedIssue:
    """What an import does with one row: the issue as it will be stored, and what changes."""

    kind: ChangeKind
    row: ImportRow
    issue: Issue
    before: Issue | None = None
    changes: tuple[FieldChange, ...] = ()
    # Acknowledged by the import itself: a backlog state, or opened before the horizon.
    acknowledged_at_import: bool = False


def counts_text(new: int, updated: int, unchanged: int) -> str:
    return f"{new} new, {updated} updated, {unchanged} unchanged"


@dataclass(frozen=True)
class ImportPlan:
    """A preview: every row of the file matched against the account, or why the file is bad.

    ``not_in_file`` counts issues of this source in the account that the file does not
    mention; an import leaves them as they are (an export is often filtered).
    """

    account: Account
    fmt: ImportFormat
    items: tuple[PlannedIssue, ...]
    problems: tuple[ImportProblem, ...] = ()
    name: str = ""
    not_in_file: int = 0
    warnings: tuple[ImportWarning, ...] = ()
    horizon: date | None = None
    skipped: int = 0

    @property
    def acknowledged_at_import(self) -> int:
        """How many new or updated issues the import counts as acknowledged."""
        return sum(1 for item in self.items if item.acknowledged_at_import)

    @property
    def ok(self) -> bool:
        return not self.problems

    def of_kind(self, kind: ChangeKind) -> list[PlannedIssue]:
        return [item for item in self.items if item.kind is kind]

    @property
    def changed(self) -> list[PlannedIssue]:
        """The new and updated issues, in file order: what applying the plan writes."""
        return [item for item in self.items if item.kind is not ChangeKind.UNCHANGED]

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for item in self.items if item.kind is kind)

    @property
    def summary(self) -> str:
        """``N new, M updated, K unchanged``."""
        return counts_text(
            self.count(ChangeKind.NEW),
            self.count(ChangeKind.UPDATED),
            self.count(ChangeKind.UNCHANGED),
        )


@dataclass(frozen=True)
class ImportReport:
    """What an applied import did."""

    account: Account
    fmt: ImportFormat
    new: int
    updated: int
    unchanged: int
    name: str = ""

    @property
    def summary(self) -> str:
        return counts_text(self.new, self.updated, self.unchanged)


class ImportRejected(CheckinError):
    """The file has bad rows: nothing of it was imported. The message lists the problems."""

    exit_code = ExitCode.BAD_DATA

    def __init__(self, name: str, problems: Sequence[ImportProblem]) -> None:
        self.problems = tuple(problems)
        head = f"{name or 'the file'} was not imported"
        head += f" ({count(len(self.problems), 'problem')}); nothing was changed:"
        super().__init__("\n".join([head, *("  " + line for line in problem_lines(problems))]))


class StalePreview(CheckinError):
    """The account's issues changed between the preview and the confirmation."""


def problem_lines(problems: Sequence[ImportProblem], limit: int = PROBLEMS_SHOWN) -> list[str]:
    """At most ``limit`` lines, then "and N more": the same problem (field and message) in
    many rows is one line naming the first rows and how many there are; no line is long."""
    groups: dict[tuple[str, str], list[ImportProblem]] = {}
    for problem in problems:
        groups.setdefault((problem.field, problem.message), []).append(problem)
    lines: list[str] = []
    for (field, message), members in groups.items():
        if len(lines) == limit:
            break
        if len(members) == 1:
            lines.append(clip(str(members[0])))
            continue
        shown = ", ".join(m.where for m in members[:3])
        more = f" and {len(members) - 3} more" if len(members) > 3 else ""
        what = f"{field}: {message}" if field else message
        lines.append(clip(f"{len(members)} rows, {what} ({shown}{more})"))
    left = len(groups) - len(lines)
    if left > 0:
        rows = sum(len(members) for members in list(groups.values())[len(lines) :])
        lines.append(f"and {left} more" + (f" ({count(rows, 'row')})" if rows != left else ""))
    return lines


def warning_lines(plan: ImportPlan) -> list[str]:
    """What the import did on its own (vocabulary read, rows skipped, values left out, dates),
    then what it counts as acknowledged: at most PROBLEMS_SHOWN lines."""
    lines = [str(w) for w in plan.warnings]
    if len(lines) > PROBLEMS_SHOWN:
        lines = [*lines[: PROBLEMS_SHOWN - 1], f"and {len(lines) - PROBLEMS_SHOWN + 1} more"]
    acknowledged = plan.acknowledged_at_import
    if acknowledged and plan.horizon is not None:
        lines.append(
            f"{count(acknowledged, 'issue')} in a backlog state or opened before "
            f"{plan.horizon.isoformat()} counted as acknowledged at import (no 48-hour breach)"
        )
    return lines


def not_in_file_note(plan: ImportPlan) -> str:
    """A sentence about the account's earlier imported issues that this file does not list."""
    count = plan.not_in_file
    source = plan.fmt.tool
    if count == 1:
        return f"1 issue imported earlier from {source} is not in this file: it stays as it is."
    return f"{count} issues imported earlier from {source} are not in this file: they stay."


def preview(
    ws: Workspace,
    account: Account,
    fmt: ImportFormat | str,
    data: bytes,
    *,
    name: str = "",
    maps: Maps | None = None,
    horizon: date | None = None,
) -> ImportPlan:
    """What importing ``data`` (an export of ``fmt``) into ``account`` would change.

    ``maps``: the user's ``--map`` vocabulary; ``horizon``: issues opened before this day
    count as acknowledged at import (None: :data:`HORIZON_DAYS` before now).
    """
    fmt = ImportFormat(fmt)
    return plan_rows(ws, account, parse(fmt, data, maps), name=name, horizon=horizon)


def plan_rows(
    ws: Workspace,
    account: Account,
    parsed: ParsedFile,
    *,
    name: str = "",
    horizon: date | None = None,
) -> ImportPlan:
    """Match parsed rows against the account's issues by (source, external id).

    An open issue the tracker keeps in a backlog state, or opened before ``horizon``, with no
    acknowledgement yet counts as acknowledged now, at the import.
    """
    fmt = parsed.fmt
    if not parsed.ok:
        return ImportPlan(account, fmt, (), parsed.problems, name)
    now = ws.now()
    horizon = horizon if horizon is not None else default_horizon(now)
    cutoff = datetime.combine(horizon, datetime.min.time())
    existing = _by_key(ws.issues(account.id), fmt)
    items: list[PlannedIssue] = []
    problems: list[ImportProblem] = []
    # One id for each row checkin does not have yet, in row order.
    fresh_ids = iter(
        ws.new_ids(
            RecordKind.ISSUE,
            sum(1 for row in parsed.rows if row.external_id not in existing),
        )
    )
    for row in parsed.rows:
        before = existing.get(row.external_id)
        try:
            if before is None:
                at = _acknowledged_at_import(row, cutoff, now)
                issue = new_issue(
                    row,
                    issue_id=next(fresh_ids),
                    account_id=account.id,
                    source=fmt.value,
                    acknowledged=at,
                )
                items.append(PlannedIssue(ChangeKind.NEW, row, issue, None, (), at is not None))
                continue
            issue = merged_issue(row, before)
            at = None if issue.acknowledged else _acknowledged_at_import(row, cutoff, now)
            if at is not None and issue.is_open:
                issue = dataclasses.replace(issue, acknowledged=at)
        except ValidationError as error:
            problems.extend(
                ImportProblem(row.where, _source_field(fmt, p.field), p.message, row.row)
                for p in error.problems
            )
            continue
        found = changes(before, issue)
        kind = ChangeKind.UPDATED if found else ChangeKind.UNCHANGED
        backlog = at is not None and bool(found)
        items.append(PlannedIssue(kind, row, issue if found else before, before, found, backlog))
    if problems:
        return ImportPlan(account, fmt, (), tuple(problems), name)
    mentioned = {row.external_id for row in parsed.rows}
    not_in_file = sum(1 for key in existing if key not in mentioned)
    return ImportPlan(
        account,
        fmt,
        tuple(items),
        (),
        name,
        not_in_file,
        parsed.warnings,
        horizon,
        parsed.skipped,
    )


def _acknowledged_at_import(row: ImportRow, cutoff: datetime, now: datetime) -> datetime | None:
    """``now`` for an open, unacknowledged row in a backlog state or opened before ``cutoff``
    (the import acknowledges it: DESIGN invariant 12); else None."""
    if row.acknowledged is not None or not row.status.is_open:
        return None
    if not (row.backlog or row.opened < cutoff):
        return None
    return max(now, row.opened)


def apply(ws: Workspace, plan: ImportPlan) -> ImportReport:
    """Write a plan in one transaction: every new and updated issue, or nothing at all.

    Raises ImportRejected for a plan with problems and StalePreview when the account's issues
    changed since the preview (preview again then).
    """
    if not plan.ok:
        raise ImportRejected(plan.name, plan.problems)
    ws.account(plan.account.id)  # NotFound if it was deleted meanwhile
    _check_fresh(ws, plan)
    new = [item.issue for item in plan.of_kind(ChangeKind.NEW)]
    updated = [item.issue for item in plan.of_kind(ChangeKind.UPDATED)]
    if new or updated:
        with ws.transaction():
            ws.add_many(Issue, new)
            ws.save_many(Issue, updated)
    return ImportReport(
        plan.account,
        plan.fmt,
        len(new),
        len(updated),
        plan.count(ChangeKind.UNCHANGED),
        plan.name,
    )


def _by_key(issues: Iterable[Issue], fmt: ImportFormat) -> dict[str, Issue]:
    """The account's issues from this source by external id (the oldest wins a tie)."""
    found: dict[str, Issue] = {}
    for issue in issues:
        if issue.source == fmt.value and issue.external_id:
            found.setdefault(issue.external_id, issue)
    return found


def _check_fresh(ws: Workspace, plan: ImportPlan) -> None:
    current = _by_key(ws.issues(plan.account.id), plan.fmt)
    for item in plan.changed:
        now = current.get(item.row.external_id)
        then = item.before
        same = now == then  # every field: two edits within a second share updated_at
        if then is None and ws.exists(Issue, item.issue.id):
            same = False
        if not same:
            raise StalePreview(
                f"the issues of {plan.account.name} changed since the preview "
                f"({item.row.external_id}); preview the import again"
            )
