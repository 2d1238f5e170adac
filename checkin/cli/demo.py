"""``checkin demo``: seed a realistic demo workspace and open it."""

from __future__ import annotations

import random
import shlex
from datetime import datetime
from pathlib import Path

import click

from checkin.cli.context import CliState, F, db_option
from checkin.core.dates import parse_moment
from checkin.core.errors import CheckinError, ExitCode
from checkin.services.paths import demo_db_path
from checkin.services.workspace import Workspace, system_clock


class NotADemoWorkspace(CheckinError):
    exit_code = ExitCode.ERROR


def demo_path(state: CliState) -> Path:
    """--db, else demo.json in the user data folder; never $CHECKIN_DB (your own workspace)."""
    if state.db is None:
        return demo_db_path().absolute()
    return state.db_path()


def ensure_demo(path: Path, at: datetime | None) -> tuple[int, bool]:
    """Seed ``path`` unless it already holds the demo; returns (accounts, seeded now)."""
    from checkin.services.demo import seed_demo

    moment = at or system_clock()
    clock = (lambda: moment) if at else system_clock
    # A fixed --at gives reproducible ids too: handy for docs and tests.
    rng = random.Random(moment.isoformat()) if at else None
    ws = Workspace.open(path, clock=clock, rng=rng)
    try:
        existing = ws.accounts(include_archived=True)
        if existing:
            if not ws.is_demo:
                raise NotADemoWorkspace(
                    f"{path} already holds a workspace with {len(existing)} accounts; the demo "
                    "only seeds an empty file. Pass --db with another path."
                )
            return len(existing), False
        with ws.transaction():
            accounts = seed_demo(ws, moment)
            ws.mark_demo()
        return len(accounts), True
    finally:
        ws.close()


def next_steps(path: Path, uses_demo: bool) -> str:
    """What to run after ``checkin demo --no-tui``: the README's commands, on the demo."""
    db = "" if uses_demo else f" --db {shlex.quote(str(path))}"
    steps = [
        ("checkin demo", "open it in the terminal app"),
        (f"checkin{db} accounts", "every account, its next due date and recent meetings"),
        (f"checkin{db} agenda acme", "Acme Health's next agenda, with why each item is there"),
        (f"checkin{db} minutes acme", "the minutes of Acme Health's latest check-in"),
        (f"checkin{db} ics acme -o acme.ics", "its next check-in and action items, for a calendar"),
    ]
    if db:
        steps[0] = (f"checkin demo{db}", steps[0][1])
    width = max(len(command) for command, _ in steps)
    lines = ["Next, try:", *(f"  {command.ljust(width)}  {what}" for command, what in steps)]
    if uses_demo:
        lines.append(
            "These use the demo while you have no workspace of your own; `checkin` starts one."
        )
    return "\n".join(lines)


def _demo_db_option(func: F) -> F:
    return db_option(
        func,
        help="Where to seed the demo (default: demo.json in your user data folder; "
        "$CHECKIN_DB, your own workspace, is never used).",
    )


@click.command()
@_demo_db_option
@click.option("--no-tui", is_flag=True, help="Only seed the workspace; do not open the app.")
@click.option(
    "--at",
    metavar="WHEN",
    default=None,
    help="Seed as if it were this moment (2026-11-22T09:00, yesterday, fri 14:00...); the "
    "demo's dates are relative to it.",
)
@click.pass_context
def demo(ctx: click.Context, no_tui: bool, at: str | None) -> None:
    """Seed a realistic demo workspace (7 accounts) and open it.

    Uses --db if given, else demo.json in your user data folder ($CHECKIN_DB is ignored), so
    your own workspace is never touched. Running it again opens the existing demo. While you
    have no workspace of your own, `checkin accounts`, `agenda`, `minutes`, `ics` and `import`
    use the demo and say so.
    """
    try:
        moment = parse_moment(at, system_clock()) if at else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--at") from None
    path = demo_path(ctx.ensure_object(CliState))
    count, seeded = ensure_demo(path, moment)
    if seeded:
        click.echo(f"Seeded a demo workspace with {count} accounts at {path}", err=no_tui is False)
    elif no_tui:
        click.echo(f"The demo workspace at {path} already exists ({count} accounts).")
    if no_tui:
        click.echo(next_steps(path, ctx.ensure_object(CliState).demo_stands_in() == path))
    else:
        from checkin.cli.tui import run_app

        run_app(path)
