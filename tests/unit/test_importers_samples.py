"""Every shared sample export parses into the issues it describes, mapped and sanitized."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from checkin.core.dates import to_local
from checkin.core.enums import IssueStatus, Severity
from checkin.importers import ImportFormat, detect, parse
from tests.unit.importer_files import SAMPLE_ROWS, parsed_sample, sample


def utc(*args: int) -> datetime:
    return to_local(datetime(*args, tzinfo=UTC))


@pytest.mark.parametrize("fmt", list(ImportFormat), ids=str)
def test_every_sample_parses_whole(fmt: ImportFormat) -> None:
    result = parsed_sample(fmt)
    assert len(result.rows) == SAMPLE_ROWS[fmt]
    assert len({r.external_id for r in result.rows}) == len(result.rows)
    for row in result.rows:
        assert row.title and "\n" not in row.title
        assert row.opened is not None
        assert "\x1b" not in row.title + row.body


@pytest.mark.parametrize("fmt", list(ImportFormat), ids=str)
def test_detect_recognizes_every_sample(fmt: ImportFormat) -> None:
    assert detect(sample(fmt)) is fmt


def test_jira_fields_dates_and_mappings() -> None:
    rows = {r.external_id: r for r in parsed_sample(ImportFormat.JIRA).rows}
    sync = rows["ACME-412"]
    assert sync.where == "row 2 (ACME-412)"
    assert sync.severity is Severity.CRITICAL and sync.raw_priority == "Highest"
    assert sync.status is IssueStatus.IN_PROGRESS and sync.raw_status == "In Progress"
    assert sync.opened == datetime(2026, 11, 3, 9, 14)
    assert sync.updated == datetime(2026, 11, 19, 16, 2)
    assert sync.due == date(2026, 11, 25)
    assert sync.labels == ("billing", "eu")  # both "Labels" columns
    assert sync.owner == "Priya Natarajan"
    # Acknowledged at the first comment, the earliest activity the export shows.
    assert sync.acknowledged == datetime(2026, 11, 5, 10, 0) == sync.plan_given
    assert sync.resolved is None
    assert rows["ACME-415"].status is IssueStatus.NEW and rows["ACME-415"].acknowledged is None
    assert rows["ACME-377"].status is IssueStatus.WAITING_ON_CLIENT
    assert rows["ACME-377"].title == 'Request: bulk-edit approvers, with "delegate" option'
    assert rows["ACME-398"].status is IssueStatus.RESOLVED
    assert rows["ACME-398"].resolved == datetime(2026, 11, 10, 9, 0)
    assert rows["ACME-390"].status is IssueStatus.CLOSED
    assert rows["ACME-390"].severity is Severity.LOW  # Lowest


def test_jira_description_becomes_markdown_with_the_comments() -> None:
    rows = {r.external_id: r for r in parsed_sample(ImportFormat.JIRA).rows}
    body = rows["ACME-412"].body
    assert body.startswith("## Symptoms\n")
    assert "with **timeout** on the ledger export" in body
    assert "- affects 14 tenants\n- started after release 8.4" in body
    assert "Comments in Jira:\n- 2026-11-05 10:00, priya: Reproduced on staging" in body
    assert "- 2026-11-12 14:31, dana: Any ETA? Month-end close is on the 28th." in body
    assert rows["ACME-415"].body == "Users like `jane+ops@acme.example` bounce between IdP and app."
    assert rows["ACME-420"].body == ""


def test_github_ids_labels_priorities_and_states() -> None:
    rows = {r.external_id: r for r in parsed_sample(ImportFormat.GITHUB).rows}
    webhook = rows["example-vendor/platform#231"]
    assert webhook.severity is Severity.CRITICAL and webhook.raw_priority == "priority: critical"
    assert webhook.status is IssueStatus.ACKNOWLEDGED  # open and assigned
    assert webhook.owner == "kwame-a"
    assert webhook.labels == ("bug", "priority: critical", "client: globex")
    assert webhook.opened == utc(2026, 11, 18, 16, 22, 5)
    assert webhook.url == "https://github.com/example-vendor/platform/issues/231"
    assert "- [ ] honour Retry-After" in webhook.body
    audit = rows["example-vendor/platform#219"]
    assert audit.severity is Severity.HIGH and audit.status is IssueStatus.NEW
    docs = rows["example-vendor/platform#204"]
    assert docs.status is IssueStatus.RESOLVED and docs.resolved == utc(2026, 11, 12, 17, 45)
    assert docs.severity is Severity.MEDIUM and docs.raw_priority == ""  # no priority label
    assert docs.body == ""


def test_zendesk_tickets_map_and_link_to_the_agent_page() -> None:
    rows = {r.external_id: r for r in parsed_sample(ImportFormat.ZENDESK).rows}
    payroll = rows["58211"]
    assert payroll.where == "line 1 (#58211)"
    assert payroll.severity is Severity.CRITICAL and payroll.raw_priority == "urgent"
    assert payroll.status is IssueStatus.ACKNOWLEDGED and payroll.raw_status == "open"
    assert payroll.url == "https://initech.zendesk.example/agent/tickets/58211"
    assert payroll.labels == ("payroll", "approvals")
    pdf = rows["58190"]
    assert pdf.status is IssueStatus.WAITING_ON_CLIENT and pdf.severity is Severity.MEDIUM
    assert pdf.due == utc(2026, 11, 30, 17, 0).date()
    solved = rows["58102"]
    assert solved.status is IssueStatus.RESOLVED and solved.resolved == utc(2026, 11, 5, 16, 20)


def test_zendesk_tickets_api_list_and_array_forms_give_the_same_rows() -> None:
    lines = sample(ImportFormat.ZENDESK).decode().strip().split("\n")
    listed = '{"tickets": [' + ",\n".join(lines) + '], "count": 3}'
    array = "[\n" + ",\n".join(lines) + "\n]"
    expected = [r.external_id for r in parsed_sample(ImportFormat.ZENDESK).rows]
    for text in (listed, array):
        result = parse(ImportFormat.ZENDESK, text.encode())
        assert result.ok and [r.external_id for r in result.rows] == expected
        assert result.rows[0].where == "ticket 1 (#58211)"


def test_zendesk_sideloaded_users_name_the_assignee() -> None:
    text = (
        '{"tickets": [{"id": 1, "subject": "Late payroll", "status": "open", '
        '"priority": null, "assignee_id": 77, "created_at": "2026-11-21T07:48:12Z"}], '
        '"users": [{"id": 77, "name": "Jordan Kim"}]}'
    )
    result = parse(ImportFormat.ZENDESK, text.encode())
    assert result.ok and result.rows[0].owner == "Jordan Kim"
    assert result.rows[0].severity is Severity.MEDIUM  # no priority set


def test_linear_rows_and_the_formula_guard() -> None:
    rows = {r.external_id: r for r in parsed_sample(ImportFormat.LINEAR).rows}
    guarded = rows["UMB-95"]
    assert guarded.title == (
        '=HYPERLINK("http://evil.example";"click") in contract title breaks export'
    )
    assert guarded.status is IssueStatus.NEW and guarded.severity is Severity.LOW
    imp = rows["UMB-88"]
    assert imp.severity is Severity.CRITICAL and imp.status is IssueStatus.IN_PROGRESS
    assert imp.labels == ("Bug", "Import")
    assert imp.acknowledged == utc(2026, 11, 17, 9, 0) == imp.plan_given  # Started
    assert imp.body == "Numbers with spaces like `+44 20 7946 0000` are rejected."
    done = rows["UMB-70"]
    assert done.status is IssueStatus.RESOLVED and done.resolved == utc(2026, 11, 8, 12, 0)
    assert rows["UMB-91"].status is IssueStatus.ACKNOWLEDGED  # Todo


def test_generic_csv_rows() -> None:
    rows = {r.external_id: r for r in parsed_sample(ImportFormat.CSV).rows}
    seats = rows["HX-2"]
    assert seats.labels == ("reporting", "billing")
    assert seats.acknowledged == datetime(2026, 11, 10) and seats.due == date(2026, 11, 28)
    assert seats.owner == "Sam" and seats.status is IssueStatus.ACKNOWLEDGED
    crash = rows["HX-3"]
    assert crash.severity is Severity.CRITICAL and crash.url == "https://tracker.example/HX-3"
    assert rows["HX-1"].url == "" and rows["HX-1"].acknowledged is None


def test_the_benchmark_export_has_the_sample_shape() -> None:
    from checkin.bench.jira_rows import jira_export

    data = jira_export(200)
    assert detect(data) is ImportFormat.JIRA
    result = parse(ImportFormat.JIRA, data)
    assert result.ok, [str(p) for p in result.problems[:3]]
    assert len(result.rows) == 200 and result.rows[0].external_id == "ACME-1"
    assert jira_export(20) == jira_export(20)  # deterministic
