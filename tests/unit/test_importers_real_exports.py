"""Exports as trackers really write them (tests/data/imports): strict about structure, forgiving
about vocabulary, with every liberty taken listed as a grouped warning."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from checkin.core import sla, transitions
from checkin.core.enums import IssueStatus, Severity
from checkin.importers import ImportFormat, ImportRow, detect, parse
from checkin.importers.dates import any_datetime, infer_order
from checkin.importers.mapping import Maps, parse_map
from checkin.services import importing, planning
from checkin.services.workspace import Workspace
from tests.unit.importer_files import backlog_export, fixture

JIRA, GITHUB, ZENDESK = ImportFormat.JIRA, ImportFormat.GITHUB, ImportFormat.ZENDESK
LINEAR, CSV = ImportFormat.LINEAR, ImportFormat.CSV
NOW = datetime(2026, 11, 22, 9, 0)


def rows_of(
    fmt: ImportFormat, name: str, maps: Maps | None = None
) -> tuple[dict[str, ImportRow], list[str]]:
    result = parse(fmt, fixture(name), maps)
    assert result.ok, [str(p) for p in result.problems]
    return {row.external_id: row for row in result.rows}, [str(w) for w in result.warnings]


# -- Jira ---------------------------------------------------------------------------------


def test_a_jira_server_export_with_a_custom_scheme_imports_with_warnings() -> None:
    rows, warnings = rows_of(JIRA, "jira-server-custom.csv")
    assert set(rows) == {"SRV-101", "SRV-102", "SRV-103", "SRV-104", "SRV-105"}
    shown = {key: (r.severity.value, r.status.value) for key, r in rows.items()}
    assert shown == {
        "SRV-101": ("high", "in progress"),  # Must Have, Verifying
        "SRV-102": ("medium", "acknowledged"),  # Should Have, Accepted
        "SRV-103": ("medium", "new"),  # Unknown, To Do
        "SRV-104": ("high", "closed"),  # Aborted + Won't Do: closed, never resolved
        "SRV-105": ("low", "resolved"),  # Could Have, Done + Fixed
    }
    assert rows["SRV-101"].opened == datetime(2017, 2, 16, 15, 26)  # day first, inferred
    assert rows["SRV-101"].due is None  # 10/02 is before it was created: left out
    assert rows["SRV-101"].raw_priority == "Must Have"
    assert warnings[0] == (
        "Dates such as 16/02/2017 15:26 were read day first (inferred from the file)."
    )
    assert "3 blank rows skipped (row 7; row 8; row 9)" in warnings
    assert (
        '2 rows: Priority "Must Have" is not a Jira priority I know: read as high, the nearest '
        'by name; --map priority:"Must Have"=… sets it (row 2 (SRV-101); row 5 (SRV-104))'
    ) in warnings
    assert "1 row: due date before the created date, left out (row 2 (SRV-101))" in warnings
    assert any(w.startswith('1 row: Priority "Unknown"') and "the default" in w for w in warnings)
    assert any(w.startswith('1 row: Status "Aborted"') and "closed" in w for w in warnings)


def test_map_makes_the_vocabulary_explicit_and_silences_its_warning() -> None:
    maps = parse_map('priority:"Must Have"=critical')
    parse_map("status:Accepted=planned", maps)
    parse_map("status:aborted=resolved", maps)
    rows, warnings = rows_of(JIRA, "jira-server-custom.csv", maps)
    assert rows["SRV-101"].severity is Severity.CRITICAL
    assert rows["SRV-102"].status is IssueStatus.PLANNED
    # The status says resolved; the resolution "Won't Do" still closes it.
    assert rows["SRV-104"].status is IssueStatus.CLOSED
    assert not any('"Must Have"' in w or '"Accepted"' in w for w in warnings)
    maps = parse_map("resolution:Won't Do=resolved")
    parse_map("status:Aborted=resolved", maps)
    rows, _ = rows_of(JIRA, "jira-server-custom.csv", maps)
    assert rows["SRV-104"].status is IssueStatus.RESOLVED


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("priority=high", "write it as FIELD:VALUE=OURS"),
        ("colour:red=high", "'colour' is not priority, status or resolution"),
        ("priority:P9=urgent", "'urgent' is not one of critical, high, medium, low"),
        ("status:=new", "is empty"),
        ("resolution:Obsolete=new", "is not one of resolved, closed"),
    ],
)
def test_bad_map_specs_say_what_is_wrong(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_map(spec)


def test_jira_cloud_categories_comment_authors_and_closing_statuses() -> None:
    rows, warnings = rows_of(JIRA, "jira-cloud-ids.csv")
    assert rows["CLD-7"].status is IssueStatus.IN_PROGRESS  # Verifying, In Progress category
    assert rows["CLD-8"].status is IssueStatus.NEW and rows["CLD-8"].backlog  # custom To Do
    assert rows["CLD-9"].status is IssueStatus.CLOSED  # Cancelled: not resolved
    assert rows["CLD-10"].status is IssueStatus.CLOSED  # Won't do
    assert rows["CLD-11"].status is IssueStatus.RESOLVED  # Shipped, Done category
    body = rows["CLD-7"].body
    assert "- 2017-02-17 10:02, Ana Lima: Reproduced on staging." in body
    assert "- 2017-02-18 08:15, Bo Chen: Thanks!" in body
    assert "557058" not in body and "5b10a2844c" not in body
    assert any("read as in progress, by its Status Category 'In Progress'" in w for w in warnings)
    assert any('"Shipped"' in w and "read as resolved" in w for w in warnings)
    assert not any("Dates such as" in w for w in warnings)  # month names: nothing inferred


def test_month_first_numeric_dates_are_inferred_and_reported() -> None:
    rows, warnings = rows_of(JIRA, "jira-month-first.csv")
    assert rows["US-1"].opened == datetime(2017, 2, 16, 15, 26)
    assert rows["US-2"].opened == datetime(2017, 2, 3, 10, 0)  # 3 February, not 2 March
    assert warnings[0].startswith("Dates such as 02/16/2017 3:26 PM were read month first")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("jira-ambiguous-dates.csv", "can be read day first or month first"),
        ("jira-mixed-dates.csv", "both day first (16/02/2017 15:26) and month first"),
    ],
)
def test_dates_that_are_ambiguous_within_a_file_are_refused(name: str, message: str) -> None:
    result = parse(JIRA, fixture(name))
    assert not result.ok and result.rows == ()
    (problem,) = result.problems
    assert message in str(problem)


def test_due_before_created_rows_and_blank_rows_never_refuse_the_file() -> None:
    header = "Summary,Issue key,Status,Created,Due Date\n"
    body = "".join(f"Item {n},K-{n},Open,03/Nov/26 9:00 AM,01/Nov/26\n" for n in range(5))
    body += ",,,,\n" * 739
    result = parse(JIRA, (header + body).encode())
    assert result.ok and len(result.rows) == 5 and result.skipped == 739
    warnings = [str(w) for w in result.warnings]
    assert warnings == [
        "739 blank rows skipped (row 7; row 8; row 9 and 736 more)",
        "5 rows: due date before the created date, left out (row 2 (K-0); row 3 (K-1); "
        "row 4 (K-2) and 2 more)",
    ]


def test_a_file_of_only_blank_rows_says_so() -> None:
    result = parse(JIRA, b"Summary,Issue key,Status,Created\n,,,\n , ,,\n")
    assert not result.ok
    assert str(result.problems[0]) == "The file has column names but only blank rows (2)."


def test_a_million_columns_do_not_make_a_ten_megabyte_message() -> None:
    header = ",".join(f"column {n}" for n in range(1_000_000))
    result = parse(CSV, (header + "\n" + "," * 999_999 + "x\n").encode())
    assert not result.ok
    lines = importing.problem_lines(result.problems)
    assert len(lines) <= importing.PROBLEMS_SHOWN + 1
    assert sum(len(line) for line in lines) < 2000
    assert "and 999990 more" in lines[0] or "…" in lines[0]


# -- Linear, Zendesk, GitHub, checkin CSV --------------------------------------------------


def test_linear_javascript_dates() -> None:
    rows, warnings = rows_of(LINEAR, "linear-js-dates.csv")
    search = rows["ENG-412"]
    assert search.opened == any_datetime("2022-08-23T13:54:01+00:00")
    assert search.acknowledged == any_datetime("2022-08-23T15:00:00Z")  # Started
    assert rows["ENG-415"].opened == any_datetime("2022-09-01T08:30:00Z")  # GMT+0200
    assert rows["ENG-415"].status is IssueStatus.NEW and rows["ENG-415"].backlog
    crash = rows["ENG-420"]
    assert crash.status is IssueStatus.IN_PROGRESS and crash.severity is Severity.CRITICAL
    assert crash.due is None  # due the day before it was created
    assert any('Status "QA Review"' in w for w in warnings)


def test_zendesk_incremental_export_skips_deleted_tickets() -> None:
    rows, warnings = rows_of(ZENDESK, "zendesk-incremental.json")
    assert set(rows) == {"70001", "70003"}
    assert rows["70001"].owner == "Kwame Asante"
    assert rows["70003"].severity is Severity.MEDIUM  # custom "p2-routine"
    assert "2 deleted tickets skipped (#70002; #70004)" in warnings
    assert any('priority "p2-routine"' in w for w in warnings)


def test_github_rest_dump() -> None:
    rows, warnings = rows_of(GITHUB, "github-rest-issues.json")
    prefix = "example-vendor/platform#"
    assert set(rows) == {prefix + str(n) for n in (11, 13, 14, 15, 16)}  # no pull request 12
    assert warnings == ["1 pull request skipped (#12)"]
    export = rows[prefix + "11"]
    assert export.url == "https://github.com/example-vendor/platform/issues/11"
    assert export.severity is Severity.LOW  # a bare "LOW" label
    assert export.backlog  # open and unassigned
    assert rows[prefix + "13"].severity is Severity.HIGH  # P1, severity: high
    assert rows[prefix + "13"].status is IssueStatus.ACKNOWLEDGED  # assigned
    assert rows[prefix + "14"].severity is Severity.CRITICAL  # priority/critical
    assert rows[prefix + "14"].status is IssueStatus.RESOLVED  # state_reason completed
    assert rows[prefix + "15"].status is IssueStatus.CLOSED  # not_planned
    assert rows[prefix + "15"].severity is Severity.LOW  # "Priority: Low"
    typo = rows[prefix + "16"]  # closed without closed_at: resolved at its last update
    assert typo.status is IssueStatus.RESOLVED and typo.resolved == any_datetime(
        "2026-09-07T08:30:00Z"
    )
    assert typo.resolved != typo.opened


def test_a_closed_issue_without_any_closing_date_is_not_resolved_when_opened() -> None:
    data = b'[{"number": 3, "title": "x", "state": "closed", "created_at": "2026-01-01T00:00:00Z"}]'
    (row,) = parse(GITHUB, data).rows
    assert row.status is IssueStatus.RESOLVED and row.resolved is None


def test_checkin_csv_with_epoch_dates_and_custom_vocabulary() -> None:
    rows, warnings = rows_of(CSV, "checkin-epoch.csv")
    assert rows["EP-1"].opened == any_datetime("2025-11-21T10:00:00Z")
    assert rows["EP-1"].resolved == any_datetime("2025-11-22T10:00:00Z")  # milliseconds
    assert rows["EP-2"].severity is Severity.HIGH
    assert rows["EP-2"].status is IssueStatus.IN_PROGRESS
    assert len(warnings) == 2


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("jira-server-custom.csv", JIRA),
        ("jira-cloud-ids.csv", JIRA),
        ("linear-js-dates.csv", LINEAR),
        ("zendesk-incremental.json", ZENDESK),
        ("github-rest-issues.json", GITHUB),
        ("checkin-epoch.csv", CSV),
    ],
)
def test_each_fixture_format_is_detected(name: str, fmt: ImportFormat) -> None:
    assert detect(fixture(name)) is fmt


def test_date_formats() -> None:
    assert any_datetime("16/Feb/17 3:26 PM") == datetime(2017, 2, 16, 15, 26)
    assert any_datetime("16/02/2017 15:26", "day first") == datetime(2017, 2, 16, 15, 26)
    assert any_datetime("16.02.2017") == datetime(2017, 2, 16)  # a day over 12 decides alone
    assert any_datetime("2017-02-16T15:26:00") == datetime(2017, 2, 16, 15, 26)
    with pytest.raises(ValueError, match="day first or month first"):
        any_datetime("01/02/2017")
    with pytest.raises(ValueError, match="is not a date"):
        any_datetime("someday")
    assert infer_order(["03/Nov/26 9:14 AM", "2026-01-01"]).order == ""


# -- the backlog policy -------------------------------------------------------------------


@pytest.fixture
def ws() -> Workspace:
    return Workspace.in_memory(clock=lambda: NOW, rng=random.Random(3))


def test_backlog_and_old_issues_count_as_acknowledged_at_import(ws: Workspace) -> None:
    acme = ws.add_account(name="Acme Corp", slug="acme")
    header = "Summary,Issue key,Status,Created\n"
    data = (
        header
        + "Queued,K-1,To Do,01/Nov/26 9:00 AM\n"  # backlog state
        + "Ancient,K-2,Waiting for support,01/Jan/25 9:00 AM\n"  # before the horizon
        + "Fresh,K-3,Waiting for support,19/Nov/26 9:00 AM\n"  # neither: a real 48 h clock
    ).encode()
    plan = importing.preview(ws, acme, JIRA, data)
    assert plan.horizon == date(2026, 10, 23)  # 30 days before the import
    assert plan.acknowledged_at_import == 2
    assert importing.warning_lines(plan)[-1] == (
        "2 issues in a backlog state or opened before 2026-10-23 counted as acknowledged at "
        "import (no 48-hour breach)"
    )
    importing.apply(ws, plan)
    issues = {i.external_id: i for i in ws.issues(acme.id)}
    assert issues["K-1"].acknowledged == NOW and issues["K-2"].acknowledged == NOW
    assert issues["K-3"].acknowledged is None
    # A later horizon acknowledges K-3 too; re-importing changes nothing else.
    later = importing.preview(ws, acme, JIRA, data, horizon=date(2026, 11, 20))
    assert later.summary == "0 new, 1 updated, 1 unchanged".replace("1 unchanged", "2 unchanged")
    assert later.acknowledged_at_import == 1


def test_a_two_year_backlog_leaves_no_old_not_acknowledged_reason(ws: Workspace) -> None:
    acme = ws.add_account(name="Acme Corp", slug="acme")
    plan = importing.preview(ws, acme, JIRA, backlog_export(2000, end=NOW - timedelta(hours=1)))
    assert plan.ok and plan.summary == "2000 new, 0 updated, 0 unchanged"
    importing.apply(ws, plan)
    horizon_hours = 30 * 24
    for at in (NOW, NOW + timedelta(days=1)):
        agenda = planning.plan(ws, acme, at=at, minutes=60)
        texts = [r.text for item in agenda.items + agenda.parked for r in item.reasons]
        late = [t.split()[2:4] for t in texts if t.startswith("not acknowledged")]
        hours = [int(n) * (1 if unit == "h" else 24) for n, unit in late]
        assert hours and max(hours) < horizon_hours  # only tickets of the last 30 days
    breaches = [t for t in texts if "48 h rule" in t]
    # Only the "Waiting for support" tickets (not a backlog) of the last 30 days: 1 in 7 of
    # the ~80 issues opened since the horizon.
    assert 0 < len(breaches) <= 12


def test_imported_backlog_owes_no_plan_until_it_moves_on(ws: Workspace) -> None:
    acme = ws.add_account(name="Acme Corp", slug="acme")
    importing.apply(ws, importing.preview(ws, acme, JIRA, backlog_export(2000, end=NOW)))
    later = NOW + timedelta(days=3)
    agenda = planning.plan(ws, acme, at=later, minutes=60)
    texts = [r.text for item in agenda.items + agenda.parked for r in item.reasons]
    assert not [t for t in texts if t.startswith("no findings or action plan")]
    queued = next(i for i in ws.issues(acme.id) if i.raw_status == "To Do")
    assert queued.acknowledged == NOW and sla.plan_breach_hours(queued, later) is None
    # Acknowledged for real in a meeting a week later: the plan clock starts then.
    moved = transitions.change_issue_status(queued, IssueStatus.ACKNOWLEDGED, NOW + timedelta(7))
    assert moved.acknowledged == NOW + timedelta(days=7)
    assert sla.plan_breach_hours(moved, NOW + timedelta(days=8)) is None
    assert sla.plan_breach_hours(moved, NOW + timedelta(days=10)) == 72


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("jira-server-custom.csv", JIRA),
        ("jira-cloud-ids.csv", JIRA),
        ("linear-js-dates.csv", LINEAR),
        ("zendesk-incremental.json", ZENDESK),
        ("github-rest-issues.json", GITHUB),
        ("checkin-epoch.csv", CSV),
    ],
)
def test_each_fixture_imports_once_then_is_unchanged(
    ws: Workspace, name: str, fmt: ImportFormat
) -> None:
    acme = ws.add_account(name="Acme Corp", slug="acme")
    first = importing.apply(ws, importing.preview(ws, acme, fmt, fixture(name)))
    again = importing.preview(ws, acme, fmt, fixture(name))
    assert again.summary == f"0 new, 0 updated, {first.new} unchanged"
    assert again.warnings  # the warnings come back with every preview
