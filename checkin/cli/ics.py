"""``checkin ics ACCOUNT``: the next check-in and open action items as an iCalendar file."""

from __future__ import annotations

from pathlib import Path

import click

from checkin.cli.context import db_option, open_for_reading, output_option
from checkin.services import sharing


@click.command()
@db_option
@click.argument("account")
@output_option
@click.pass_context
def ics(ctx: click.Context, account: str, output: Path | None) -> None:
    """Export ACCOUNT's next check-in (an event naming who attends) and its open action
    items (tasks with due dates) as an iCalendar feed (METHOD:PUBLISH).

    Import the file into your calendar; importing a newer export updates the same entries
    instead of adding copies. To invite people, send the minutes or the pre-read with
    --format eml: the invitation in that mail is the same entry.
    """
    ws = open_for_reading(ctx)
    try:
        data = sharing.calendar(ws, account)
        slug = ws.account(account).slug
    finally:
        ws.close()
    if output is None or str(output) == "-":
        click.echo(data, nl=False)  # bytes go to the binary stream unchanged (CRLF kept)
        return
    written = sharing.write_file(output, data)
    click.echo(f"Wrote the calendar of {slug} to {written}", err=True)
