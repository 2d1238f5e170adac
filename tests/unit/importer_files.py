"""Shared helpers of the importer tests: the copied samples and a parse shortcut."""

from __future__ import annotations

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
