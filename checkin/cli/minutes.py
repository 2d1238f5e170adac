"""``checkin minutes MEETING``: the minutes of a meeting as Markdown, HTML or chat text."""

from __future__ import annotations

from pathlib import Path

import click

from checkin.cli.context import db_option, open_for_reading, output_option
from checkin.core.meeting import MeetingState
from checkin.services import sharing


@click.command()
@db_option
@click.argument("meeting")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in sharing.MinutesFormat]),
    default=sharing.MinutesFormat.MARKDOWN.value,
    show_default=True,
    help="md: GitHub-flavoured Markdown; html: a web page; text: plain text for chat.",
)
@output_option
@click.pass_context
def minutes(ctx: click.Context, meeting: str, fmt: str, output: Path | None) -> None:
    """Print the minutes of MEETING, ready to paste into email, GitHub, Confluence or Notion.

    MEETING is a meeting id (listed by `checkin accounts` and the meetings tab), or an
    account slug for that account's latest meeting. A meeting that has not ended yet gives
    draft minutes, marked as such.
    """
    ws = open_for_reading(ctx)
    try:
        found = sharing.find_meeting(ws, meeting)
        if found.state is not MeetingState.ENDED:
            click.echo(
                f"checkin: meeting {found.id} has not ended yet; these minutes are a draft.",
                err=True,
            )
        text = sharing.minutes(ws, found.id, fmt)
    finally:
        ws.close()
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
        return
    written = sharing.write_file(output, text.encode("utf-8"))
    click.echo(f"Wrote the minutes of {found.id} to {written}", err=True)
