"""``checkin agenda``: an account's next agenda as a Markdown pre-read or as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import orjson

from checkin.cli.context import db_option, open_for_reading
from checkin.cli.minutes import audience_option, echo_notes
from checkin.core.agenda import Agenda
from checkin.core.agenda.arrangement import importance
from checkin.core.dates import parse_moment
from checkin.core.meeting import AgendaItem
from checkin.core.rules import MEETING_MINUTES
from checkin.services.paths import user_template_dir
from checkin.services.workspace import system_clock


def item_json(rank: int, item: AgendaItem) -> dict[str, Any]:
    """One agenda item, machine-readable: rank is its position (parked items continue)."""
    return {
        "rank": rank,
        "key": item.key,
        "section": item.section,
        "kind": item.kind.value,
        "title": item.title,
        "planned_minutes": item.planned_minutes,
        "owner": item.owner,
        "score": item.score,
        "importance": importance(item),
        "must_discuss": item.must_discuss,
        "reasons": [
            {
                "rule": r.rule,
                "score": r.score,
                "text": r.text,
                "source": r.source or item.source_ref,
            }
            for r in item.reasons
        ],
        "source_ref": item.source_ref,
        "records": [ref for ref in (item.source_ref, *item.records) if ref],
        "carried_from": item.carried_from.isoformat() if item.carried_from else None,
    }


def agenda_json(agenda: Agenda) -> dict[str, Any]:
    """The whole agenda as a JSON-ready dict: the machine-readable face of the engine."""
    scheduled = len(agenda.items)
    return {
        "account": {"slug": agenda.account.slug, "name": agenda.account.name},
        "template": agenda.template,
        "title": agenda.title,
        "at": agenda.now.isoformat(),
        "length_minutes": agenda.length_minutes,
        "planned_minutes": agenda.planned_minutes,
        "free_minutes": agenda.free_minutes,
        "sections": agenda.sections,
        "items": [item_json(n, item) for n, item in enumerate(agenda.items, 1)],
        "parked": [item_json(scheduled + n, item) for n, item in enumerate(agenda.parked, 1)],
        "warnings": [{"rule": w.rule, "text": w.text} for w in agenda.warnings],
    }


def render(agenda: Agenda, fmt: str, audience: str = "client") -> str:
    """The agenda as ``md`` (the pre-read, for ``audience``) or ``json`` text, ending with a
    newline."""
    if fmt == "json":
        return orjson.dumps(agenda_json(agenda), option=orjson.OPT_INDENT_2).decode() + "\n"
    from checkin.services.sharing import preread_markdown

    return preread_markdown(agenda, audience)


@click.command(epilog=f"Your templates folder: {user_template_dir()}")
@db_option
@click.argument("account")
@click.option(
    "--minutes",
    type=click.IntRange(MEETING_MINUTES.low, MEETING_MINUTES.high),
    default=None,
    help="Meeting length in minutes (default: the template's).",
)
@click.option(
    "--template",
    "template_name",
    metavar="NAME",
    default=None,
    help="Agenda template (default by the account's phase: escalation, weekly or monthly).",
)
@click.option(
    "--fresh",
    is_flag=True,
    help="Build a new agenda from the records instead of showing the saved plan.",
)
@click.option(
    "--at",
    metavar="WHEN",
    default=None,
    help=(
        "Plan for a meeting starting then: 2026-11-22T09:00, or tomorrow, fri 14:00, +3d... "
        "(default: the next check-in's planned or likely start). Builds a new agenda, like "
        "--fresh."
    ),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json", "eml"]),
    default="md",
    show_default=True,
    help="md: the pre-read; json: every item with its reasons; eml: the pre-read as a mail "
    "draft to the client, with the meeting as an invitation.",
)
@audience_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE (private, 0600) instead of standard output.",
)
@click.pass_context
def agenda(
    ctx: click.Context,
    account: str,
    minutes: int | None,
    template_name: str | None,
    fresh: bool,
    at: str | None,
    fmt: str,
    audience: str,
    output: Path | None,
) -> None:
    """Show the prioritized agenda of ACCOUNT's next check-in (slug or id).

    By default this is the planned next meeting exactly as the app's planner shows it: the
    saved plan (order, minutes, parked and added items), its start, length and template; with
    no saved plan, the agenda the engine proposes for the next meeting's planned start.
    --fresh, --template, --minutes or --at build a new agenda instead (not saved).

    Markdown is a pre-read you can send to the client; JSON lists every item with its rank,
    section, kind, minutes, reasons (rule, score, sentence) and source record. Items that do
    not fit in the meeting are listed in the parking lot. The same inputs and --at always give
    the same output, byte for byte. --for team adds what the client does not read (our
    48-hour breaches, their ratings, each reason's score); --format eml makes the pre-read a
    mail draft to the client's side with the meeting as an invitation.

    Templates: monthly, weekly, qbr, escalation and kickoff ship with checkin; your own .md
    files in the folder below add to them (a file there wins over a shipped one with the same
    name). The syntax is in agendas/README.md.
    """
    from checkin.services import draft, planning

    try:
        moment = parse_moment(at, system_clock()) if at else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--at") from None
    ws = open_for_reading(ctx)
    try:
        acct = ws.account(account)
        built: Agenda
        if fresh or moment is not None or template_name is not None or minutes is not None:
            if moment is None:  # the reasons as of the next check-in's start, not of now
                moment = planning.meeting_start(ws, acct)
            built = planning.plan(ws, acct, template=template_name, minutes=minutes, at=moment)
        else:
            saved = draft.load_draft(ws, acct)
            built = saved.agenda()
            if saved.changed_since:
                click.echo(draft.stale_note(saved.changed_since), err=True)
    finally:
        ws.close()
    if fmt == "eml":
        from checkin.services.mailing import preread_mail

        ws = open_for_reading(ctx)
        try:
            mail = preread_mail(ws, built, audience)
        finally:
            ws.close()
        data, notes = mail.data, mail.notes
    else:
        data, notes = render(built, fmt, audience).encode("utf-8"), []
    echo_notes(notes)
    if output is None:
        click.echo(data, nl=False)
    else:
        from checkin.services.sharing import write_file

        write_file(output, data)
        click.echo(f"Wrote the agenda of {built.account.name} to {output}", err=True)
