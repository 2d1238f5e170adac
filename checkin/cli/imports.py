"""``checkin import FORMAT FILE --account ACCOUNT [--dry-run]``: tracker exports into an account."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checkin.cli.context import NoWorkspace, db_option, db_path
from checkin.core.errors import CheckinError
from checkin.importers import ImportFormat
from checkin.services.import_merge import shown
from checkin.services.importing import (
    ChangeKind,
    ImportPlan,
    ImportRejected,
    PlannedIssue,
    apply,
    not_in_file_note,
    preview,
)
from checkin.services.workspace import Workspace


class InputMissing(CheckinError):
    exit_code = 66


def read_input(file: str) -> tuple[bytes, str]:
    """The bytes of FILE ("-" is standard input) and the name messages use for it."""
    if file == "-":
        return sys.stdin.buffer.read(), "standard input"
    path = Path(file).expanduser()
    try:
        return path.read_bytes(), path.name
    except FileNotFoundError:
        raise InputMissing(f"{file}: no such file") from None
    except IsADirectoryError:
        raise InputMissing(f"{file} is a folder; give the export file in it") from None
    except OSError as error:
        raise InputMissing(f"{file} cannot be read: {error.strerror}") from None


def _line(item: PlannedIssue) -> list[str]:
    issue = item.issue
    mark = "+" if item.kind is ChangeKind.NEW else "~"
    lines = [f"  {mark} {item.row.external_id}  {issue.title}"]
    if item.kind is ChangeKind.NEW:
        detail = f"{issue.severity.value}, {issue.status.value}, opened {shown(issue.opened)}"
        lines.append(f"      new: {detail}")
    else:
        lines.extend(f"      {change}" for change in item.changes)
    return lines


def describe(plan: ImportPlan) -> list[str]:
    """What a dry run prints: every new and updated issue with its changes."""
    lines: list[str] = []
    for item in plan.changed:
        lines.extend(_line(item))
    if plan.not_in_file:
        lines.append("  " + not_in_file_note(plan))
    return lines


@click.command("import")
@db_option
@click.argument("fmt", metavar="FORMAT", type=click.Choice([f.value for f in ImportFormat]))
@click.argument("file", metavar="FILE")
@click.option(
    "--account", "-a", "account_key", metavar="ACCOUNT", required=True, help="Account slug or id."
)
@click.option("--dry-run", "-n", is_flag=True, help="Show what would change; write nothing.")
@click.pass_context
def import_issues(ctx: click.Context, fmt: str, file: str, account_key: str, dry_run: bool) -> None:
    """Import a tracker export (FILE, or - for standard input) into an account's issues.

    \b
    FORMAT is one of:
      jira     Jira "Export CSV (all fields)"
      github   gh issue list -s all --json number,title,body,state,labels,assignees,
               author,milestone,createdAt,updatedAt,closedAt,url
      zendesk  Zendesk tickets as JSON (one per line, or {"tickets": [...]})
      linear   Linear's CSV export
      csv      checkin's own CSV (columns in the README)

    Importing the same file again updates the issues it imported before (matched by source
    and id) and duplicates nothing. A file with any bad row is refused whole: nothing changes.

    Exit codes: 65 bad data in the file, 66 no such file or account, 75 database locked.
    """
    data, name = read_input(file)
    path = db_path(ctx)
    if not path.exists():
        raise NoWorkspace(path)
    ws = Workspace.open(path, read_only=dry_run)
    try:
        account = ws.account(account_key)
        plan = preview(ws, account, fmt, data, name=name)
        if not plan.ok:
            raise ImportRejected(name, plan.problems)
        if dry_run:
            click.echo(f"Dry run: importing {name} into {account.name} would make {plan.summary}.")
            for line in describe(plan):
                click.echo(line)
            click.echo("Nothing was written (--dry-run).")
            return
        report = apply(ws, plan)
        click.echo(f"Imported {name} into {account.name}: {report.summary}.")
    finally:
        ws.close()
