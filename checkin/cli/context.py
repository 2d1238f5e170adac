"""What the subcommands share: the database option and opening the workspace."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from checkin.core.errors import CheckinError, ExitCode
from checkin.services.paths import DB_ENV, default_db_path, demo_db_path
from checkin.services.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])


class NoWorkspace(CheckinError):
    exit_code = ExitCode.INPUT_MISSING

    def __init__(self, path: Path) -> None:
        demo = demo_db_path().expanduser().absolute()
        if demo.exists() and demo != path:
            try_demo = f"add `--db {demo}` to use the demo workspace"
        else:
            try_demo = "`checkin demo` to try a demo workspace"
        super().__init__(
            f"there is no workspace at {path}. Run `checkin` to start one, or {try_demo}."
        )


@dataclass
class CliState:
    db: Path | None = None

    def db_path(self, override: Path | None = None) -> Path:
        return (override or self.db or default_db_path()).expanduser().absolute()

    def demo_stands_in(self) -> Path | None:
        """The demo workspace while you have no workspace of your own (no --db, no
        $CHECKIN_DB, no default file yet) and the demo exists; else None."""
        if self.db is not None or os.environ.get(DB_ENV) or self.db_path().exists():
            return None
        demo = demo_db_path().expanduser().absolute()
        return demo if demo.exists() else None

    def workspace_path(self) -> Path:
        """The workspace the subcommands use: ``db_path``, or right after ``checkin demo``
        the demo that stands in for it (said in one line on standard error)."""
        demo = self.demo_stands_in()
        if demo is None:
            return self.db_path()
        print(
            f"checkin: using the demo workspace ({demo}): you have no workspace of your own "
            "yet (`checkin` starts one).",
            file=sys.stderr,
        )
        return demo


def _remember_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None:
        ctx.ensure_object(CliState).db = value
    return value


DB_HELP = "Workspace database file (default: $CHECKIN_DB, else your user data folder)."


def db_option(func: F, help: str = DB_HELP) -> F:
    """``--db PATH``, accepted before or after the subcommand name."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        expose_value=func.__name__ == "cli",
        callback=_remember_db,
        is_eager=True,
        help=help,
    )(func)


def output_option(func: F) -> F:
    """``-o FILE`` (or ``-`` for standard output) for commands that print by default."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
        default=None,
        metavar="FILE",
        help="Write to FILE (private, 0600) instead of printing.",
    )(func)


def db_path(ctx: click.Context) -> Path:
    """The workspace file a subcommand uses (see ``CliState.workspace_path``)."""
    return ctx.ensure_object(CliState).workspace_path()


def open_for_reading(ctx: click.Context) -> Workspace:
    """Open the workspace without taking the writer lock: safe beside a running app."""
    path = db_path(ctx)
    if not path.exists():
        raise NoWorkspace(path)
    ws = Workspace.open(path, read_only=True)
    demo = demo_db_path().expanduser().absolute()
    if path != demo and demo.exists() and not ws.accounts(include_archived=True):
        print(
            f"checkin: {path} has no accounts yet; the demo's are in {demo} (add `--db {demo}`).",
            file=sys.stderr,
        )
    return ws


def open_for_writing(ctx: click.Context) -> Workspace:
    return Workspace.open(db_path(ctx))
