"""``checkin import [FORMAT] FILE --account ACCOUNT [--dry-run] [--map ...]``: tracker exports."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from checkin.cli.context import NoWorkspace, db_option, db_path
from checkin.core.errors import CheckinError, ExitCode
from checkin.services.import_merge import shown
from checkin.services.importing import (
    ChangeKind,
    ImportFormat,
    ImportPlan,
    ImportRejected,
    Maps,
    PlannedIssue,
    apply,
    detect,
    not_in_file_note,
    parse_map,
    preview,
    warning_lines,
)
from checkin.services.workspace import Workspace


class InputMissing(CheckinError):
    exit_code = ExitCode.INPUT_MISSING


class CannotDetect(CheckinError):
    """No FORMAT was given and the file does not say which tracker wrote it."""

    exit_code = ExitCode.BAD_DATA


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


def _maps(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> Maps:
    maps: Maps = {}
    for spec in values:
        try:
            parse_map(spec, maps)
        except ValueError as error:
            raise click.BadParameter(str(error), ctx, param) from None
    return maps


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-06", ctx, param) from None


FORMATS = [f.value for f in ImportFormat]


@click.command("import")
@db_option
@click.argument("arguments", nargs=-1, metavar="[FORMAT] FILE")
@click.option(
    "--account", "-a", "account_key", metavar="ACCOUNT", help="Account slug or id (required)."
)
@click.option("--dry-run", "-n", is_flag=True, help="Show what would change; write nothing.")
@click.option(
    "--map",
    "maps",
    metavar="FIELD:VALUE=OURS",
    multiple=True,
    callback=_maps,
    help='Read a tracker value as ours: priority:"Must Have"=high, status:Verifying="in '
    'progress", resolution:Obsolete=closed. Repeatable.',
)
@click.option(
    "--acknowledged-before",
    "horizon",
    metavar="DATE",
    callback=_day,
    help="Open issues opened before DATE count as acknowledged at import (default: 30 days "
    "before today).",
)
@click.pass_context
def import_issues(
    ctx: click.Context,
    arguments: tuple[str, ...],
    account_key: str | None,
    dry_run: bool,
    maps: Maps,
    horizon: date | None,
) -> None:
    """Import a tracker export (FILE, or - for standard input) into an account's issues.

    \b
    FORMAT is one of (detected from the file when left out):
      jira     Jira "Export CSV (all fields)"
      github   gh issue list -s all --json number,title,body,state,labels,assignees,
               author,milestone,createdAt,updatedAt,closedAt,url (or a REST /issues dump)
      zendesk  Zendesk tickets as JSON (one per line, or {"tickets": [...]})
      linear   Linear's CSV export
      csv      checkin's own CSV (columns in the README)

    A priority, status or resolution the tracker adds (a custom scheme) is read as the nearest
    known value and listed as a warning; --map sets it. Issues in a backlog state, or opened
    before --acknowledged-before, count as acknowledged at import.

    Importing the same file again updates the issues it imported before (matched by source
    and id) and duplicates nothing. A file with a broken structure or a bad row is refused
    whole: nothing changes.

    Exit codes: 65 bad data in the file, 66 no such file or account, 75 database locked,
    2 usage (an unknown FORMAT, a malformed --map or date).
    """
    if not arguments:
        raise click.UsageError("Missing argument 'FILE'.", ctx)
    if len(arguments) > 2:
        raise click.UsageError(f"Got unexpected extra argument ({arguments[2]})", ctx)
    if account_key is None:
        raise click.UsageError("Missing option '--account' / '-a'.", ctx)
    detected = len(arguments) == 1
    if detected:
        fmt, file = None, arguments[0]
    elif arguments[0] in FORMATS:
        fmt, file = ImportFormat(arguments[0]), arguments[1]
    else:
        raise click.BadParameter(
            f"{arguments[0]!r} is not one of {', '.join(FORMATS)}", ctx, param_hint="FORMAT"
        )
    data, name = read_input(file)
    if fmt is None:
        fmt = detect(data)
        if fmt is None:
            raise CannotDetect(
                f"{name}: I cannot tell which tracker this file comes from; give the format: "
                f"checkin import {{{','.join(FORMATS)}}} {file} --account {account_key}"
            )
    path = db_path(ctx)
    if not path.exists():
        raise NoWorkspace(path)
    ws = Workspace.open(path, read_only=dry_run)
    try:
        account = ws.account(account_key)
        plan = preview(ws, account, fmt, data, name=name, maps=maps, horizon=horizon)
        if not plan.ok:
            raise ImportRejected(name, plan.problems)
        said = f" (detected: {fmt.label})" if detected else ""
        warnings = warning_lines(plan)
        if dry_run:
            click.echo(
                f"Dry run: importing {name}{said} into {account.name} would make {plan.summary}."
            )
            for line in describe(plan):
                click.echo(line)
            _echo_warnings(warnings)
            click.echo("Nothing was written (--dry-run).")
            return
        report = apply(ws, plan)
        click.echo(f"Imported {name}{said} into {account.name}: {report.summary}.")
        _echo_warnings(warnings)
    finally:
        ws.close()


def _echo_warnings(lines: list[str]) -> None:
    if lines:
        click.echo("Warnings:")
        for line in lines:
            click.echo(f"  {line}")
