"""``checkin demo``: seed a realistic demo workspace and open it."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import click

from checkin.cli.context import CliState, db_option
from checkin.core.dates import parse_datetime
from checkin.core.errors import CheckinError
from checkin.services.paths import demo_db_path
from checkin.services.workspace import Workspace, system_clock


class NotADemoWorkspace(CheckinError):
    exit_code = 1


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
            if not ws.store.meta().get("demo"):
                raise NotADemoWorkspace(
                    f"{path} already holds a workspace with {len(existing)} accounts; the demo "
                    "only seeds an empty file. Pass --db with another path."
                )
            return len(existing), False
        with ws.transaction():
            accounts = seed_demo(ws, moment)
            ws.store.set_meta(demo=True)
        return len(accounts), True
    finally:
        ws.close()


@click.command()
@db_option
@click.option("--no-tui", is_flag=True, help="Only seed the workspace; do not open the app.")
@click.option(
    "--at",
    metavar="ISO-DATETIME",
    default=None,
    help="Seed as if it were this moment (dates in the demo are relative to it).",
)
@click.pass_context
def demo(ctx: click.Context, no_tui: bool, at: str | None) -> None:
    """Seed a realistic demo workspace (7 accounts) and open it.

    Uses --db if given, else demo.json in your user data folder (even when $CHECKIN_DB is
    set), so your own workspace is never touched. Running it again opens the existing demo.
    """
    try:
        moment = parse_datetime(at) if at else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--at") from None
    path = demo_path(ctx.ensure_object(CliState))
    count, seeded = ensure_demo(path, moment)
    if seeded:
        click.echo(f"Seeded a demo workspace with {count} accounts at {path}", err=no_tui is False)
    elif no_tui:
        click.echo(f"The demo workspace at {path} already exists ({count} accounts).")
    if not no_tui:
        from checkin.cli.tui import run_app

        run_app(path)
