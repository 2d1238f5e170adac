"""The importers' building blocks: dates, markup, formula guards, mappings, CSV columns."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkin.core.enums import IssueStatus, Severity
from checkin.importers.cleaning import labels, line, text, unguard, url
from checkin.importers.dates import iso_datetime, jira_date, jira_datetime
from checkin.importers.jira_wiki import to_markdown
from checkin.importers.mapping import github_severity, github_status
from checkin.importers.rows import milestones
from checkin.importers.tabular import BadFile, CsvTable, decode

OPENED = datetime(2026, 11, 3, 9, 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("03/Nov/26 9:14 AM", datetime(2026, 11, 3, 9, 14)),
        ("19/Nov/26 4:02 PM", datetime(2026, 11, 19, 16, 2)),
        ("12/Nov/26 12:31 AM", datetime(2026, 11, 12, 0, 31)),
        ("12/Nov/26 12:05 PM", datetime(2026, 11, 12, 12, 5)),
        ("03/nov/2026 09:14", datetime(2026, 11, 3, 9, 14)),
        ("03/Dez/26 14:00", datetime(2026, 12, 3, 14, 0)),  # a German export
        ("03/févr./26 8:00", datetime(2026, 2, 3, 8, 0)),  # a French one
        ("2026-11-03 09:14", datetime(2026, 11, 3, 9, 14)),  # Jira's ISO option
        ("25/Nov/26", datetime(2026, 11, 25)),
    ],
)
def test_jira_locale_dates(value: str, expected: datetime) -> None:
    assert jira_datetime(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31/Feb/26", "is not a day of the calendar"),
        ("03/Foo/26 9:14 AM", "'Foo' is not a month name"),
        ("13:14 03/Nov/26", "Jira dates look like 03/Nov/26 9:14 AM"),
        ("03/Nov/26 14:14 PM", "is not a time of day"),
    ],
)
def test_bad_jira_dates_say_why(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        jira_datetime(value)


def test_jira_due_dates_and_iso_timestamps() -> None:
    assert jira_date("15/Dec/26").isoformat() == "2026-12-15"
    assert iso_datetime("2026-11-16T10:05:00.123Z").microsecond == 0
    assert iso_datetime("2026-11-19") == datetime(2026, 11, 19)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("'=SUM(A1:A3)", "=SUM(A1:A3)"),
        ("'+44 20 7946 0000", "+44 20 7946 0000"),
        ("'-5 degrees", "-5 degrees"),
        ("'@channel", "@channel"),
        ('\'=HYPERLINK(""http://x"")', '=HYPERLINK("http://x")'),
        ("'quoted' title", "'quoted' title"),
        ("'", "'"),
        ("plain", "plain"),
    ],
)
def test_formula_guards_are_undone(cell: str, expected: str) -> None:
    assert unguard(cell) == expected


def test_sanitizing_strips_escapes_and_controls() -> None:
    assert line("\x1b[31mRed\x1b[0m  title\x07\n next") == "Red title next"
    assert text("a\x1b]8;;http://x\x07link\x1b]8;;\x07\r\nb  \n\n") == "alink\nb"
    assert labels(["bug", " bug ", "", "\x1b[1mux"]) == ("bug", "ux")
    assert url("https://x.example/1") == "https://x.example/1"
    assert url("javascript:alert(1)") is None and url("") == ""


def test_jira_wiki_markup_becomes_light_markdown() -> None:
    wiki = "\n".join(
        [
            "h1. Title",
            "Some *bold* and {{mono}} text, [a link|https://x.example] and [https://y.example].",
            "* one",
            "** nested",
            "# first",
            "bq. a quote",
            "{code:python}",
            "x = a * b * c  # *not bold*",
            "{code}",
            "{noformat}raw *text*{noformat}",
            "2 * 3 = 6",
        ]
    )
    assert to_markdown(wiki).split("\n") == [
        "# Title",
        "Some **bold** and `mono` text, [a link](https://x.example) and <https://y.example>.",
        "- one",
        "  - nested",
        "1. first",
        "> a quote",
        "```python",
        "x = a * b * c  # *not bold*",
        "```",
        "```",
        "raw *text*",
        "```",
        "2 * 3 = 6",
    ]


def test_an_unclosed_code_block_is_closed() -> None:
    assert to_markdown("{code}\nx").split("\n") == ["```", "x", "```"]


@pytest.mark.parametrize(
    ("names", "severity", "deciding"),
    [
        (("bug", "priority: critical"), Severity.CRITICAL, "priority: critical"),
        (("priority/high",), Severity.HIGH, "priority/high"),
        (("severity-low", "P1"), Severity.HIGH, "P1"),
        (("P0",), Severity.CRITICAL, "P0"),
        (("sev2",), Severity.HIGH, "sev2"),
        (("critical",), Severity.CRITICAL, "critical"),
        (("low-hanging fruit", "bug"), Severity.MEDIUM, ""),
        ((), Severity.MEDIUM, ""),
    ],
)
def test_github_priority_comes_from_labels(
    names: tuple[str, ...], severity: Severity, deciding: str
) -> None:
    assert github_severity(names) == (severity, deciding)


def test_github_status_from_state_labels_and_assignees() -> None:
    assert github_status("OPEN", "", (), False) == (IssueStatus.NEW, "OPEN")
    assert github_status("open", "", (), True) == (IssueStatus.ACKNOWLEDGED, "OPEN, assigned")
    assert github_status("OPEN", "", ("status: in progress",), False) == (
        IssueStatus.IN_PROGRESS,
        "OPEN, status: in progress",
    )
    assert github_status("OPEN", "", ("needs-info",), True)[0] is IssueStatus.WAITING_ON_CLIENT
    assert github_status("CLOSED", "COMPLETED", (), False)[0] is IssueStatus.RESOLVED
    assert github_status("CLOSED", "NOT_PLANNED", (), False) == (
        IssueStatus.CLOSED,
        "CLOSED (NOT_PLANNED)",
    )
    assert github_status("MERGED", "", (), False) is None


def test_milestones_follow_the_status_and_never_precede_opening() -> None:
    later = datetime(2026, 11, 6, 12, 0)
    comment = datetime(2026, 11, 4, 10, 0)
    assert milestones(IssueStatus.NEW, OPENED, later) == (None, None, None)
    assert milestones(IssueStatus.ACKNOWLEDGED, OPENED, later, activity=[comment]) == (
        comment,
        None,
        None,
    )
    assert milestones(IssueStatus.IN_PROGRESS, OPENED, None) == (OPENED, OPENED, None)
    assert milestones(IssueStatus.RESOLVED, OPENED, later) == (later, None, later)
    before = datetime(2026, 1, 1)
    assert milestones(IssueStatus.CLOSED, OPENED, None, resolved=before) == (
        OPENED,
        None,
        OPENED,
    )
    stated = datetime(2026, 11, 3, 10, 0)
    ack, plan, done = milestones(IssueStatus.NEW, OPENED, later, acknowledged=stated)
    assert (ack, plan, done) == (stated, None, None)


def test_csv_tables_keep_repeated_columns_and_multiline_cells() -> None:
    table = CsvTable.parse('Key,Labels,Labels,Note\nA-1,x,y,"two\nlines"\n\nA-2,,z,\n')
    labels_at = table.columns("labels")
    assert labels_at == [1, 2] and table.column("NOTE") == 3
    assert [r.number for r in table.rows] == [2, 4]  # as a spreadsheet numbers them
    assert table.rows[0].cells_at(labels_at) == ["x", "y"]
    assert table.rows[0].cell(3) == "two\nlines"
    assert table.missing("Key", "Summary") == ["Summary"]


def test_decoding_accepts_bom_utf16_and_windows_line_ends() -> None:
    assert decode("\ufefftitle\r\nx\r\n".encode()) == "title\nx\n"
    assert decode("title\nx".encode("utf-16")) == "title\nx"
    with pytest.raises(BadFile, match="NUL"):
        decode(b"ti\x00tle")


def test_importers_load_no_framework() -> None:
    import subprocess
    import sys

    code = (
        "import sys, checkin.importers;"
        "bad = [m for m in ('textual', 'tinydb', 'rich', 'click') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@given(st.text(max_size=40))
def test_a_one_line_field_is_cleaned_the_same_with_or_without_the_fast_path(text: str) -> None:
    from checkin.core.text import clean_line

    assert line(text) == (clean_line(text) if text else "")
