"""``checkin accounts``: every account with its cadence, open work and recent meetings."""

from __future__ import annotations

from typing import Any

import click
import orjson

from checkin.cli.context import db_option, open_for_reading
from checkin.core.dates import human_date
from checkin.core.summary import AccountSummary
from checkin.services.workspace import Workspace


def summary_json(ws: Workspace, summary: AccountSummary) -> dict[str, Any]:
    account = summary.account
    meetings = ws.meetings(account.id)

    def name(contact: Any) -> str | None:
        return None if contact is None else contact.name

    return {
        "slug": account.slug,
        "name": account.name,
        "id": account.id,
        "tier": account.tier.value,
        "phase": account.phase.value,
        "cadence_days": account.cadence_days,
        "our_owner": account.our_owner,
        "focal_client": name(summary.focal_client),
        "focal_ours": name(summary.focal_ours),
        "last_checkin": summary.last_checkin.isoformat() if summary.last_checkin else None,
        "next_due": summary.next_due.isoformat(),
        "days_overdue": summary.days_overdue,
        "open_issues": summary.open_issues,
        "open_critical": summary.open_critical,
        "in_breach_48h": summary.in_breach,
        "open_actions": summary.open_actions,
        "overdue_actions": summary.overdue_actions,
        "meetings": [
            {"id": m.id, "date": m.day.isoformat(), "state": m.state.value} for m in meetings
        ],
    }


def _table(ws: Workspace, summaries: list[AccountSummary]) -> str:
    today = ws.today()
    header = (
        "ACCOUNT",
        "NAME",
        "FOCAL (CLIENT)",
        "LAST",
        "NEXT DUE",
        "CRIT",
        "OVERDUE",
        "MEETINGS",
    )
    rows = [header]
    for s in summaries:
        due = human_date(s.next_due, today)
        if s.cadence_overdue:
            due += f" (!{s.days_overdue}d)"
        recent = [m.id for m in ws.meetings(s.account.id)[:3]]
        rows.append(
            (
                s.account.slug,
                s.account.name,
                s.focal_client.name if s.focal_client else "(none!)",
                human_date(s.last_checkin, today),
                due,
                str(s.open_critical) + (f" ({s.in_breach} 48h)" if s.in_breach else ""),
                str(s.overdue_actions),
                " ".join(recent) or "—",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]  # fmt: skip
    return "\n".join(lines)


@click.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--all", "include_archived", is_flag=True, help="Include archived accounts.")
@click.pass_context
def accounts(ctx: click.Context, fmt: str, include_archived: bool) -> None:
    """List accounts: focal contact, last check-in, next due, open work, meeting ids."""
    ws = open_for_reading(ctx)
    summaries = ws.summaries(include_archived=include_archived)
    if fmt == "json":
        data = [summary_json(ws, s) for s in summaries]
        click.echo(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
    elif not summaries:
        click.echo("No accounts yet. Open `checkin` to add one, or try `checkin demo`.")
    else:
        click.echo(_table(ws, summaries))
