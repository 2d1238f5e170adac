"""``checkin minutes MEETING``: the minutes of a meeting, for the client or our team, as
Markdown, HTML, chat text or a mail draft."""

from __future__ import annotations

from pathlib import Path

import click

from checkin.cli.context import db_option, open_for_reading, output_option
from checkin.core.enums import Audience, MeetingState
from checkin.services import sharing

AUDIENCE_HELP = (
    "client: what the client receives (no sentiment, health, ratings, 48-hour admissions, "
    "scores or private notes); team: all of it."
)


def audience_option(func: click.decorators.FC) -> click.decorators.FC:
    """``--for client|team`` (client by default)."""
    return click.option(
        "--for",
        "audience",
        type=click.Choice([a.value for a in Audience]),
        default=Audience.CLIENT.value,
        show_default=True,
        help=AUDIENCE_HELP,
    )(func)


def echo_notes(notes: list[str]) -> None:
    """What the user should know about a mail draft, on standard error."""
    for note in notes:
        click.echo(f"checkin: {note}", err=True)


@click.command()
@db_option
@click.argument("meeting")
@audience_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in sharing.MinutesFormat]),
    default=sharing.MinutesFormat.MARKDOWN.value,
    show_default=True,
    help="md: GitHub-flavoured Markdown; html: a web page; text: plain text for chat; "
    "eml: a mail draft with the next meeting as an invitation.",
)
@output_option
@click.pass_context
def minutes(ctx: click.Context, meeting: str, audience: str, fmt: str, output: Path | None) -> None:
    """Print the minutes of MEETING, ready to paste into email, GitHub, Confluence or Notion.

    MEETING is a meeting id (listed by `checkin accounts` and the meetings tab), or an
    account slug for that account's latest meeting. A meeting that has not ended yet gives
    draft minutes, marked as such.

    --format eml writes a mail draft (it opens as a draft in Outlook, Apple Mail and
    Thunderbird) to the client's attendees who were present, cc our team: plain text and
    HTML, and the next meeting as a calendar invitation. The organizer is our focal
    contact, else our contact named as the account's owner, else $CHECKIN_EMAIL.
    """
    ws = open_for_reading(ctx)
    try:
        found = sharing.find_meeting(ws, meeting)
        if found.state is not MeetingState.ENDED:
            click.echo(
                f"checkin: meeting {found.id} has not ended yet; these minutes are a draft.",
                err=True,
            )
        result = sharing.minutes_bytes(ws, found.id, fmt, audience)
    finally:
        ws.close()
    echo_notes(result.notes)
    if output is None or str(output) == "-":
        click.echo(result.data, nl=False)  # bytes go to the binary stream unchanged
        return
    written = sharing.write_file(output, result.data)
    click.echo(f"Wrote the minutes of {found.id} to {written}", err=True)
