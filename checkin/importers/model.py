"""What an importer produces: the formats, one parsed issue per row, and problems by row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from checkin.core.enums import IssueStatus, Severity
from checkin.importers.notes import ImportWarning


class ImportFormat(StrEnum):
    """The trackers checkin reads; the value is also the ``source`` of the imported issues."""

    CSV = "csv"
    JIRA = "jira"
    GITHUB = "github"
    ZENDESK = "zendesk"
    LINEAR = "linear"

    @property
    def label(self) -> str:
        """How the format is named in menus and messages."""
        return _LABELS[self]

    @property
    def tool(self) -> str:
        """The tracker's name: "Jira", "GitHub"... ("a CSV file" for checkin's own CSV)."""
        return _TOOLS[self]


_LABELS = {
    ImportFormat.CSV: "checkin CSV",
    ImportFormat.JIRA: "Jira CSV (all fields)",
    ImportFormat.GITHUB: "GitHub (gh issue list --json)",
    ImportFormat.ZENDESK: "Zendesk JSON",
    ImportFormat.LINEAR: "Linear CSV",
}

_TOOLS = {
    ImportFormat.CSV: "a CSV file",
    ImportFormat.JIRA: "Jira",
    ImportFormat.GITHUB: "GitHub",
    ImportFormat.ZENDESK: "Zendesk",
    ImportFormat.LINEAR: "Linear",
}


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """Something wrong in the file: where (``row 4 (ACME-412)``), which field, and why."""

    where: str
    field: str
    message: str
    row: int = 0

    def __str__(self) -> str:
        if not self.where:
            return self.message
        if not self.field:
            return f"{self.where}: {self.message}"
        return f"{self.where}, {self.field}: {self.message}"


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which made
# building the rows of a 10,000-row import three times as slow (35 ms against 13). Nothing
# changes a row once it is built.
@dataclass(slots=True)
class ImportRow:
    """One issue as the source describes it, already mapped to checkin's vocabulary.

    ``row`` counts the way the user sees the file (a spreadsheet row, a line, an array
    position) and ``where`` says it in words. Timestamps are naive local time.
    ``acknowledged``, ``plan_given`` and ``resolved`` are the milestones the source's status
    and dates imply (None when the status does not imply them).
    """

    row: int
    where: str
    external_id: str
    title: str
    body: str
    severity: Severity
    status: IssueStatus
    opened: datetime
    updated: datetime | None
    acknowledged: datetime | None
    plan_given: datetime | None
    resolved: datetime | None
    due: date | None
    url: str
    labels: tuple[str, ...]
    owner: str
    raw_priority: str
    raw_status: str
    # In a backlog state of its tracker (To Do, Backlog...): acknowledged at import.
    backlog: bool = False


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """The rows of a file, or the problems that make it unusable (then ``rows`` is empty)."""

    fmt: ImportFormat
    rows: tuple[ImportRow, ...]
    problems: tuple[ImportProblem, ...]
    warnings: tuple[ImportWarning, ...] = ()
    skipped: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def file_problem(predicate: str) -> ImportProblem:
    """A problem with the file as a whole: ``file_problem("is empty")`` -> "The file is empty."."""
    sentence = f"The file {predicate}"
    return ImportProblem("", "", sentence if sentence.endswith((".", "?", "!")) else sentence + ".")


def rejected(fmt: ImportFormat, problems: list[ImportProblem]) -> ParsedFile:
    return ParsedFile(fmt, (), tuple(problems))
