"""Broken files are refused whole, with messages that name the row and the field."""

from __future__ import annotations

import os

import pytest

from checkin.importers import ImportFormat
from tests.unit.importer_files import problems_of, sample

ALL = list(ImportFormat)
JIRA_HEADER = "Summary,Issue key,Status,Priority,Created,Labels,Labels\n"
LINEAR_HEADER = "ID,Team,Title,Status,Priority,Created,Labels\n"
CSV_HEADER = "title,external_id,severity,status,opened\n"
GARBAGE = bytes(range(256)) * 4 + os.urandom(512)


@pytest.mark.parametrize("fmt", ALL, ids=str)
@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom"])
def test_an_empty_file_is_refused(fmt: ImportFormat, data: bytes) -> None:
    assert problems_of(fmt, data) == ["The file is empty."]


@pytest.mark.parametrize("fmt", ALL, ids=str)
def test_binary_garbage_is_refused(fmt: ImportFormat) -> None:
    (problem,) = problems_of(fmt, GARBAGE)
    assert "not a text export" in problem


@pytest.mark.parametrize("fmt", ALL, ids=str)
def test_a_file_that_is_not_utf8_names_the_line(fmt: ImportFormat) -> None:
    data = sample(fmt).replace(b"\n", b"\n\xff", 1)
    (problem,) = problems_of(fmt, data)
    assert "is not UTF-8 text (byte 0xff on line 2)" in problem


@pytest.mark.parametrize(
    ("fmt", "header"),
    [
        (ImportFormat.JIRA, JIRA_HEADER),
        (ImportFormat.LINEAR, LINEAR_HEADER),
        (ImportFormat.CSV, CSV_HEADER),
    ],
    ids=str,
)
def test_a_header_without_rows_is_refused(fmt: ImportFormat, header: str) -> None:
    assert problems_of(fmt, header) == ["The file has column names but no rows."]


@pytest.mark.parametrize(
    ("fmt", "text"), [(ImportFormat.GITHUB, "[]"), (ImportFormat.ZENDESK, '{"tickets": []}')]
)
def test_json_without_issues_is_refused(fmt: ImportFormat, text: str) -> None:
    assert problems_of(fmt, text) == ["The file holds no issues."]


def test_wrong_columns_name_them_and_suggest_the_right_format() -> None:
    (problem,) = problems_of(ImportFormat.JIRA, sample(ImportFormat.LINEAR))
    assert problem.startswith("The file has no Issue key or Summary column")
    assert "it looks like a Linear CSV export: import it as linear" in problem
    (problem,) = problems_of(ImportFormat.LINEAR, sample(ImportFormat.CSV))
    assert "has no ID or Created column" in problem and "import it as csv" in problem
    (problem,) = problems_of(ImportFormat.CSV, "name,when\nx,2026-11-01\n")
    assert "has columns checkin does not know: 'name', 'when'" in problem


def test_a_json_export_given_as_csv_says_so() -> None:
    (problem,) = problems_of(ImportFormat.GITHUB, sample(ImportFormat.JIRA))
    assert "is not valid JSON" in problem and "import it as jira" in problem


def test_bad_dates_name_row_and_column() -> None:
    text = JIRA_HEADER + "Sync fails,ACME-1,Open,High,31/Feb/26 9:00 AM,,\n"
    text += "Login loops,ACME-2,Open,High,yesterday,,\n"
    assert problems_of(ImportFormat.JIRA, text) == [
        "row 2 (ACME-1), Created: '31/Feb/26 9:00 AM' is not a day of the calendar",
        "row 3 (ACME-2), Created: 'yesterday' is not a date: dates can be ISO 8601 "
        "(2026-11-19T14:30), Jira's 03/Nov/26 9:14 AM, 16/02/2017 15:26, JavaScript's "
        "Tue Aug 23 2022 13:54:01 GMT+0000, or epoch seconds",
    ]
    (problem,) = problems_of(ImportFormat.CSV, CSV_HEADER + "Crash,HX-1,high,new,19.13.2026\n")
    assert problem.startswith("row 2 (HX-1), opened: '19.13.2026' is not a day of the calendar")
    gh = '[{"number": 1, "title": "x", "state": "OPEN", "createdAt": "last week"}]'
    (problem,) = problems_of(ImportFormat.GITHUB, gh)
    assert problem.startswith("issue 1 (#1), createdAt: 'last week' is not a date")


def test_unknown_priorities_and_statuses_are_read_as_the_nearest_with_a_warning() -> None:
    from checkin.importers import parse

    text = JIRA_HEADER + "Sync fails,ACME-1,Open,Super urgent,03/Nov/26 9:14 AM,,\n"
    text += "Login loops,ACME-2,Parked,High,03/Nov/26 9:14 AM,,\n"
    result = parse(ImportFormat.JIRA, text.encode())
    assert result.ok
    assert [(r.severity.value, r.status.value) for r in result.rows] == [
        ("critical", "new"),
        ("high", "new"),
    ]
    assert [str(w) for w in result.warnings] == [
        '1 row: Priority "Super urgent" is not a Jira priority I know: read as critical, the '
        'nearest by name; --map priority:"Super urgent"=… sets it (row 2 (ACME-1))',
        '1 row: Status "Parked" is not a Jira status I know: read as new, the default; '
        '--map status:"Parked"=… sets it (row 3 (ACME-2))',
    ]
    line = sample(ImportFormat.ZENDESK).split(b"\n")[0].replace(b'"urgent"', b'"p1"')
    (warning,) = parse(ImportFormat.ZENDESK, line).warnings
    assert str(warning).startswith('1 row: priority "p1" is not a Zendesk priority I know: read ')
    csv = parse(ImportFormat.CSV, (CSV_HEADER + "Crash,HX-1,severe,new,2026-11-19\n").encode())
    assert csv.rows[0].severity.value == "high"
    linear = LINEAR_HEADER + "UMB-1,Umbrella,Slow,Parked,High,2026-11-19T11:00:00Z,\n"
    result = parse(ImportFormat.LINEAR, linear.encode())
    assert result.rows[0].status.value == "new" and 'Status "Parked"' in str(result.warnings[0])


def test_a_custom_jira_status_falls_back_to_its_status_category() -> None:
    from checkin.importers import parse

    header = "Summary,Issue key,Status,Status Category,Created\n"
    text = header + "Sync,ACME-1,Ready for QA,In Progress,03/Nov/26 9:14 AM\n"
    text += "Old,ACME-2,Aborted,Done,03/Nov/26 9:14 AM\n"
    result = parse(ImportFormat.JIRA, text.encode())
    assert result.ok and result.rows[0].status.value == "in progress"
    assert result.rows[0].raw_status == "Ready for QA"
    assert result.rows[1].status.value == "closed"  # a closing name beats the Done category
    assert "read as in progress, by its Status Category 'In Progress'" in str(result.warnings[0])


@pytest.mark.parametrize("fmt", [ImportFormat.GITHUB, ImportFormat.ZENDESK], ids=str)
def test_truncated_json_is_refused(fmt: ImportFormat) -> None:
    data = sample(fmt)
    (problem,) = problems_of(fmt, data[: len(data) * 2 // 3])
    assert "JSON" in problem


def test_truncated_json_says_it_looks_cut_off() -> None:
    data = sample(ImportFormat.GITHUB)
    (problem,) = problems_of(ImportFormat.GITHUB, data[:-40])
    assert "is not complete JSON" in problem and "cut off" in problem
    lines = sample(ImportFormat.ZENDESK).rstrip()
    (problem,) = problems_of(ImportFormat.ZENDESK, lines[:-30])
    assert problem.startswith("The file has invalid JSON on line 3")


def test_a_csv_cut_off_inside_a_quoted_cell_is_refused() -> None:
    data = sample(ImportFormat.JIRA)
    cut = data[: data.index(b"* affects 14 tenants")]
    (problem,) = problems_of(ImportFormat.JIRA, cut)
    assert problem == "The file ends inside a quoted cell of row 2: the file looks cut off."


def test_a_row_with_too_few_cells_is_refused() -> None:
    (problem,) = problems_of(ImportFormat.CSV, CSV_HEADER + "Crash,HX-1,high\n")
    assert "has 3 cells in row 2 but 5 column names" in problem


def test_missing_required_values_and_duplicates() -> None:
    text = CSV_HEADER + ",HX-1,high,new,2026-11-19\nCrash,HX-2,high,new,\nA,HX-3,,,2026-11-19\n"
    text += "B,HX-3,,,2026-11-19\n"
    assert problems_of(ImportFormat.CSV, text) == [
        "row 2 (HX-1), title: is empty; every issue needs one",
        "row 3 (HX-2), opened: is empty; every issue needs one",
        "row 5 (HX-3), external_id: 'HX-3' appears twice (also row 4 (HX-3))",
    ]


def test_a_link_that_is_not_http_is_refused() -> None:
    header = "title,external_id,opened,url\n"
    (problem,) = problems_of(ImportFormat.CSV, header + "X,HX-1,2026-11-19,javascript:alert(1)\n")
    assert problem == "row 2 (HX-1), url: 'javascript:alert(1)' is not an http(s) address"


def test_json_of_the_wrong_shape_is_refused() -> None:
    assert problems_of(ImportFormat.GITHUB, '{"a": 1}') == [
        "The file is not a JSON array of issues, as `gh issue list --json ...` writes."
    ]
    assert problems_of(ImportFormat.GITHUB, '[1, {"number": "x"}]') == [
        "issue 1: is not a JSON object",
        "issue 2, number: is not a number",
        "issue 2, state: is missing",
        "issue 2, title: is empty; every issue needs one",
        "issue 2, createdAt: is empty; every issue needs one",
    ]
    assert problems_of(ImportFormat.ZENDESK, '{"count": 0}') == [
        'The file is JSON but holds no Zendesk tickets (no "tickets" list).'
    ]
