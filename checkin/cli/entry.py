"""The installed ``checkin`` command.

``checkin`` alone (or with ``--db FILE``) opens the app straight away: it is what a user runs
all day, so it does not wait for the command-line parser to load. Anything else (a subcommand,
``--help``, ``--version``, a usage error) goes to the Click command group in ``main``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checkin.cli.tui import Probe

DB_OPTION = "--db"


COMPLETION_VARIABLE = "_CHECKIN_COMPLETE"  # Click's shell completion asks through it


def app_only(args: list[str]) -> tuple[bool, Path | None]:
    """Whether ``args`` just open the app, and the workspace file they name (if any).

    Never while a shell asks for completions: Click answers those, without a screen.
    """
    if os.environ.get(COMPLETION_VARIABLE):
        return False, None
    if not args:
        return True, None
    if len(args) == 2 and args[0] == DB_OPTION and args[1] and not args[1].startswith("-"):
        return True, Path(args[1])
    prefix = DB_OPTION + "="
    if len(args) == 1 and args[0].startswith(prefix) and len(args[0]) > len(prefix):
        return True, Path(args[0][len(prefix) :])
    return False, None


def open_app(db: Path | None, *, probe: Probe | None = None) -> dict[str, float]:
    """Run the app on ``db`` (else $CHECKIN_DB, else the default workspace); a CheckinError
    or a missing file becomes a one-paragraph message and its documented exit code.

    The cyclic garbage collector is paused from here to the first frame (``run_app`` starts
    it again then): start-up creates tens of thousands of long-lived objects (modules,
    classes, the workspace's records, the screen), and the collector would walk them again
    and again for nothing; on L one full pass alone took 13 ms before the first frame.
    """
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        from checkin.cli.tui import run_app
        from checkin.core.errors import CheckinError
        from checkin.services.paths import default_db_path

        path = (db or default_db_path()).expanduser().absolute()
        try:
            return run_app(path, probe=probe)
        except (CheckinError, OSError) as error:
            from checkin.cli import exits  # only to report the error: not on a good start

            sys.exit(exits.report(error))
    finally:
        if collecting:
            gc.enable()  # if the first frame never came (an error, a refused lock)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    args = sys.argv[1:] if argv is None else argv
    plain, db = app_only(args)
    if not plain:
        from checkin.cli.main import main as command_group

        command_group(args)
        return
    open_app(db)
    sys.exit(0)
