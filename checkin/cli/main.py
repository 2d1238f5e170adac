"""The ``checkin`` command: the terminal app and its subcommands, with documented exit codes."""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path

import click

from checkin import __version__
from checkin.cli import exits
from checkin.cli.context import CliState, db_option
from checkin.core.errors import CheckinError

# Subcommands load when used: a plain ``checkin`` opens the app without importing the agenda
# engine, the importers or the calendar export. Name -> (module, attribute).
SUBCOMMANDS = {
    "accounts": ("checkin.cli.accounts", "accounts"),
    "agenda": ("checkin.cli.agenda", "agenda"),
    "demo": ("checkin.cli.demo", "demo"),
    "ics": ("checkin.cli.ics", "ics"),
    "import": ("checkin.cli.imports", "import_issues"),
    "keys": ("checkin.cli.keys", "keys"),
    "minutes": ("checkin.cli.minutes", "minutes"),
}


class CheckinGroup(click.Group):
    """Turns checkin's errors into a one-paragraph message and the matching exit code.

    It also loads each subcommand's module the first time that subcommand is asked for.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *SUBCOMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in SUBCOMMANDS and cmd_name not in self.commands:
            module, attribute = SUBCOMMANDS[cmd_name]
            self.add_command(getattr(import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (CheckinError, OSError) as error:
            ctx.exit(exits.report(error))


@click.group(
    cls=CheckinGroup,
    invoke_without_command=True,
    subcommand_metavar="[COMMAND] [ARGS]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@db_option
@click.version_option(__version__, "--version", "-V", prog_name="checkin")
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """Prioritized, explainable client check-ins in your terminal.

    Without a command, opens the terminal app on your workspace (the --db file, else
    $CHECKIN_DB, else workspace.json in your user data folder). Until you have one, the
    commands use the demo workspace of `checkin demo` and say so.

    \b
    Exit codes: 0 ok, 1 error, 2 usage, 65 bad input data, 66 input missing,
    70 checkin crashed, 73 the workspace path cannot hold a workspace, 74 the disk refused a
    save, 75 database locked by another checkin.
    """
    state = ctx.ensure_object(CliState)
    state.db = db
    if ctx.invoked_subcommand is None:
        from checkin.cli.tui import run_app

        run_app(state.db_path())


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=argv, prog_name="checkin")
    sys.exit(0)
