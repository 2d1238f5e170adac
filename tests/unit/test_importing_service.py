"""Previewing and applying imports: idempotent, all or nothing, and kind to checkin's edits."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from checkin.core.enums import IssueStatus, Severity
from checkin.core.records import Account, Issue
from checkin.importers import ImportFormat
from checkin.services import importing
from checkin.services.importing import ChangeKind, ImportRejected, StalePreview
from checkin.services.workspace import Workspace
from tests.unit.importer_files import SAMPLE_ROWS, sample

JIRA = ImportFormat.JIRA
HEADER = "Summary,Issue key,Status,Priority,Created,Resolved,Due Date,Assignee\n"


def jira(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode()


@pytest.fixture
def acme(workspace: Workspace) -> Account:
    return workspace.add_account(name="Acme Corp", slug="acme")


def run(ws: Workspace, account: Account, fmt: ImportFormat, data: bytes) -> str:
    plan = importing.preview(ws, account, fmt, data, name="export")
    assert plan.ok, [str(p) for p in plan.problems]
    return importing.apply(ws, plan).summary


def by_key(ws: Workspace, account: Account) -> dict[str, Issue]:
    return {i.external_id: i for i in ws.issues(account.id)}


@pytest.mark.parametrize("fmt", list(ImportFormat), ids=str)
def test_each_sample_imports_once_then_is_unchanged(
    workspace: Workspace, acme: Account, fmt: ImportFormat
) -> None:
    rows = SAMPLE_ROWS[fmt]
    assert run(workspace, acme, fmt, sample(fmt)) == f"{rows} new, 0 updated, 0 unchanged"
    assert run(workspace, acme, fmt, sample(fmt)) == f"0 new, 0 updated, {rows} unchanged"
    issues = workspace.issues(acme.id)
    assert len(issues) == rows
    assert {i.source for i in issues} == {fmt.value}


def test_imported_issues_keep_the_raw_values(workspace: Workspace, acme: Account) -> None:
    run(workspace, acme, JIRA, sample(JIRA))
    sync = by_key(workspace, acme)["ACME-412"]
    assert sync.raw_priority == "Highest" and sync.severity is Severity.CRITICAL
    assert sync.raw_status == "In Progress" and sync.status is IssueStatus.IN_PROGRESS
    assert sync.acknowledged == datetime(2026, 11, 5, 10, 0)
    assert sync.created_at == workspace.now()


def test_a_changed_row_is_an_update_with_its_changes(workspace: Workspace, acme: Account) -> None:
    # "Waiting for support" is new but no backlog: the import does not acknowledge it.
    first = "Sync fails,ACME-1,Waiting for support,High,03/Nov/26 9:14 AM,,,"
    run(workspace, acme, JIRA, jira(first))
    plan = importing.preview(
        workspace,
        acme,
        JIRA,
        jira("Sync fails for EU,ACME-1,In Progress,Highest,03/Nov/26 9:14 AM,,25/Nov/26,Priya"),
    )
    (item,) = plan.items
    assert item.kind is ChangeKind.UPDATED and plan.summary == "0 new, 1 updated, 0 unchanged"
    shown = [str(c) for c in item.changes]
    assert "title: Sync fails → Sync fails for EU" in shown
    assert "severity: high → critical" in shown
    assert "status: new → in progress" in shown
    assert "acknowledged: — → 2026-11-03 09:14" in shown
    assert "due: — → 2026-11-25" in shown and "owner: — → Priya" in shown
    importing.apply(workspace, plan)
    issue = by_key(workspace, acme)["ACME-1"]
    assert issue.status is IssueStatus.IN_PROGRESS and issue.owner == "Priya"
    assert len(workspace.issues(acme.id)) == 1


def test_checkin_edits_survive_a_reimport_of_an_unchanged_ticket(
    workspace: Workspace, acme: Account
) -> None:
    data = jira("Sync fails,ACME-1,Open,High,03/Nov/26 9:14 AM,,,")
    run(workspace, acme, JIRA, data)
    issue = by_key(workspace, acme)["ACME-1"]
    # In a meeting: acknowledged, plan given, made critical, owner set.
    issue = workspace.give_plan(issue.id)
    workspace.save(dataclasses.replace(issue, severity=Severity.CRITICAL, owner="Sam"))
    assert run(workspace, acme, JIRA, data) == "0 new, 0 updated, 1 unchanged"
    kept = by_key(workspace, acme)["ACME-1"]
    assert kept.status is IssueStatus.PLANNED and kept.severity is Severity.CRITICAL
    assert kept.acknowledged == kept.plan_given == workspace.now() and kept.owner == "Sam"


def test_a_source_status_change_wins_but_keeps_checkin_milestones(
    workspace: Workspace, acme: Account
) -> None:
    run(workspace, acme, JIRA, jira("Sync fails,ACME-1,Open,High,03/Nov/26 9:14 AM,,,"))
    acked = workspace.set_issue_status(
        by_key(workspace, acme)["ACME-1"].id, IssueStatus.ACKNOWLEDGED
    )
    resolved = "Sync fails,ACME-1,Resolved,High,03/Nov/26 9:14 AM,10/Nov/26 9:00 AM,,"
    assert run(workspace, acme, JIRA, jira(resolved)) == "0 new, 1 updated, 0 unchanged"
    issue = by_key(workspace, acme)["ACME-1"]
    assert issue.status is IssueStatus.RESOLVED and issue.acknowledged == acked.acknowledged
    assert issue.resolved == datetime(2026, 11, 10, 9, 0)
    verified = workspace.verify_issue(issue.id)
    assert run(workspace, acme, JIRA, jira(resolved)) == "0 new, 0 updated, 1 unchanged"
    assert by_key(workspace, acme)["ACME-1"].verified == verified.verified
    # Reopened in Jira: the resolution and the client's verification no longer hold.
    run(workspace, acme, JIRA, jira("Sync fails,ACME-1,Reopened,High,03/Nov/26 9:14 AM,,,"))
    reopened = by_key(workspace, acme)["ACME-1"]
    assert reopened.status is IssueStatus.ACKNOWLEDGED
    assert reopened.resolved is None and reopened.verified is None
    assert reopened.acknowledged == acked.acknowledged


def test_issues_missing_from_the_file_are_left_alone(workspace: Workspace, acme: Account) -> None:
    run(workspace, acme, JIRA, sample(JIRA))
    plan = importing.preview(
        workspace, acme, JIRA, jira("New one,ACME-999,Open,High,20/Nov/26 9:00 AM,,,")
    )
    assert plan.summary == "1 new, 0 updated, 0 unchanged" and plan.not_in_file == 6
    importing.apply(workspace, plan)
    assert len(workspace.issues(acme.id)) == 7


def test_matching_is_per_account_and_per_source(workspace: Workspace, acme: Account) -> None:
    other = workspace.add_account(name="Globex", slug="globex")
    workspace.add(
        Issue, account_id=acme.id, title="Typed by hand", external_id="ACME-412",
        opened=datetime(2026, 11, 1),
    )  # fmt: skip
    run(workspace, acme, JIRA, sample(JIRA))
    run(workspace, other, JIRA, sample(JIRA))
    assert len(workspace.issues(acme.id)) == 7 and len(workspace.issues(other.id)) == 6


def test_a_bad_row_rejects_the_whole_file(workspace: Workspace, acme: Account) -> None:
    before = workspace.store.storage.serialize()
    plan = importing.preview(
        workspace,
        acme,
        JIRA,
        jira(
            "Fine,ACME-1,Open,High,03/Nov/26 9:14 AM,,,",
            "Never opened,ACME-2,Open,High,,,01/Nov/26,",
        ),
    )
    assert not plan.ok and plan.items == ()
    (problem,) = plan.problems
    assert str(problem) == "row 3 (ACME-2), Created: is empty; every issue needs one"
    with pytest.raises(ImportRejected) as raised:
        importing.apply(workspace, plan)
    assert raised.value.exit_code == 65 and "nothing was changed" in str(raised.value)
    assert workspace.store.storage.serialize() == before


def test_a_rejected_file_lists_twenty_problems_then_how_many_more() -> None:
    from checkin.importers import ImportProblem

    problems = [ImportProblem(f"row {n}", "Created", f"'x{n}' is bad", n) for n in range(2, 32)]
    message = str(ImportRejected("big.csv", problems))
    lines = message.split("\n")
    assert lines[0] == "big.csv was not imported (30 problems); nothing was changed:"
    assert lines[1] == "  row 2, Created: 'x2' is bad" and lines[-1] == "  and 10 more"
    assert len(lines) == 22


def test_the_same_problem_in_many_rows_is_one_line() -> None:
    from checkin.importers import ImportProblem

    problems = [ImportProblem(f"row {n}", "Created", "is empty", n) for n in range(2, 741)]
    problems.append(ImportProblem("row 800", "Summary", "is empty", 800))
    lines = str(ImportRejected("big.csv", problems)).split("\n")
    assert lines[1:] == [
        "  739 rows, Created: is empty (row 2, row 3, row 4 and 736 more)",
        "  row 800, Summary: is empty",
    ]


def test_a_stale_preview_is_refused(workspace: Workspace, acme: Account) -> None:
    run(workspace, acme, JIRA, jira("Sync,ACME-1,Open,High,03/Nov/26 9:14 AM,,,"))
    plan = importing.preview(
        workspace, acme, JIRA, jira("Sync,ACME-1,Done,High,03/Nov/26 9:14 AM,,,")
    )
    issue = by_key(workspace, acme)["ACME-1"]
    workspace.save(dataclasses.replace(issue, owner="Sam"))  # edited while the preview was open
    with pytest.raises(StalePreview, match="preview the import again"):
        importing.apply(workspace, plan)
    assert by_key(workspace, acme)["ACME-1"].status is IssueStatus.NEW


def test_new_ids_are_unique_within_one_import(workspace: Workspace, acme: Account) -> None:
    rows = [f"Issue {n},ACME-{n},Open,High,03/Nov/26 9:14 AM,,," for n in range(300)]
    plan = importing.preview(workspace, acme, JIRA, jira(*rows))
    assert len({item.issue.id for item in plan.items}) == 300
    importing.apply(workspace, plan)
    assert len(workspace.issues(acme.id)) == 300


def test_a_failure_halfway_through_apply_leaves_the_file_untouched(
    file_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = file_workspace
    acme = ws.add_account(name="Acme Corp", slug="acme")
    run(ws, acme, JIRA, jira("Sync,ACME-1,Open,High,03/Nov/26 9:14 AM,,,"))
    assert ws.path is not None
    before = ws.path.read_bytes()
    plan = importing.preview(
        ws,
        acme,
        JIRA,
        jira("Sync,ACME-1,Done,High,03/Nov/26 9:14 AM,,,", "New,ACME-2,Open,Low,03/Nov/26,,,"),
    )
    assert plan.summary == "1 new, 1 updated, 0 unchanged"

    def broken(records: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(ws.store.issues, "save_many", broken)
    with pytest.raises(OSError):
        importing.apply(ws, plan)
    assert ws.path.read_bytes() == before
    assert set(by_key(ws, acme)) == {"ACME-1"}  # the new issue was rolled back in memory too
