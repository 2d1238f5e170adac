"""Shared helpers of the importer tests: the copied samples and a parse shortcut."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from checkin.importers import ImportFormat, ParsedFile, parse

SAMPLES = Path(__file__).parents[1] / "data" / "samples"
SAMPLE_FILES = {
    ImportFormat.JIRA: "jira-export.csv",
    ImportFormat.GITHUB: "gh-issues.json",
    ImportFormat.ZENDESK: "zendesk-tickets.ndjson",
    ImportFormat.LINEAR: "linear-export.csv",
    ImportFormat.CSV: "issues.csv",
}
SAMPLE_ROWS = {
    ImportFormat.JIRA: 6,
    ImportFormat.GITHUB: 4,
    ImportFormat.ZENDESK: 3,
    ImportFormat.LINEAR: 4,
    ImportFormat.CSV: 3,
}


def sample(fmt: ImportFormat) -> bytes:
    return (SAMPLES / SAMPLE_FILES[fmt]).read_bytes()


def parsed_sample(fmt: ImportFormat) -> ParsedFile:
    result = parse(fmt, sample(fmt))
    assert result.ok, [str(p) for p in result.problems]
    return result


def problems_of(fmt: ImportFormat, data: bytes | str) -> list[str]:
    """The problems of a file that must be refused (asserts it is)."""
    raw = data.encode() if isinstance(data, str) else data
    result = parse(fmt, raw)
    assert not result.ok, "the file was accepted"
    assert result.rows == ()
    return [str(p) for p in result.problems]


FIXTURES = Path(__file__).parents[1] / "data" / "imports"


def fixture(name: str) -> bytes:
    """One of the hand-built exports in tests/data/imports (see its README)."""
    return (FIXTURES / name).read_bytes()


def backlog_export(rows: int = 2000, *, end: datetime | None = None) -> bytes:
    """A Jira Cloud export of a two-year backlog: ``rows`` issues opened every ~9 hours up to
    ``end``, in backlog states (To Do, Backlog, Open, a custom "Icebox" in the To Do category),
    plus some in progress and done, and a few "Waiting for support" tickets (not a backlog)."""
    import csv
    import io

    end = end or datetime(2026, 12, 1, 9, 0)
    states = [
        ("To Do", "To Do"), ("Backlog", "To Do"), ("Open", "To Do"), ("Icebox", "To Do"),
        ("In Progress", "In Progress"), ("Done", "Done"), ("Waiting for support", "To Do"),
    ]  # fmt: skip
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["Summary", "Issue key", "Status", "Status Category", "Priority", "Created", "Updated"]
    )
    for number in range(1, rows + 1):
        created = end - timedelta(hours=9 * (rows - number) + 1)
        status, category = states[number % len(states)]
        stamp = f"{created:%d/%b/%y} {created.hour % 12 or 12}:{created:%M} "
        stamp += "AM" if created.hour < 12 else "PM"
        priority = ("Highest", "High", "Medium", "Low")[number % 4]
        writer.writerow(
            [f"Backlog item {number}", f"BL-{number}", status, category, priority, stamp, stamp]
        )
    return out.getvalue().encode()
