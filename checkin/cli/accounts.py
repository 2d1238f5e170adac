"""``checkin accounts``: every account with its health, cadence, open work and recent meetings."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click
import orjson

from checkin.cli.context import db_option, open_for_reading
from checkin.core.dates import human_date
from checkin.core.summary import AccountSummary
from checkin.services.workspace import Workspace

if TYPE_CHECKING:
    from checkin.core.health import Health
    from checkin.core.trend import TrendPoint

SORTS = ("health", "due", "renewal", "name")


class Row:
    """One account's figures, read once: its summary, health, trend and meetings."""

    def __init__(self, ws: Workspace, summary: AccountSummary, health: Health) -> None:
        from checkin.services.meetings import default_start, planned_meeting

        account = summary.account
        self.summary = summary
        self.health = health
        self.trend: list[TrendPoint] = ws.health_trend(account, health)
        self.meetings = ws.meetings(account.id)
        planned = planned_meeting(ws, account)
        self.next_meeting = planned.planned_start if planned else default_start(ws, account)
        self.next_planned = planned is not None


def summary_json(row: Row, today: date) -> dict[str, Any]:
    """One account as ``checkin accounts --format json`` lists it (DESIGN.md section 5)."""
    from checkin.core.triage import attention

    summary, health = row.summary, row.health
    account = summary.account

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
        "health": {
            "score": health.score,
            "status": health.band.value,
            "why": health.why,
            "flags": [flag.text for flag in health.flags],
            "trend": [
                {"date": p.day.isoformat(), "score": p.score, "now": p.now} for p in row.trend
            ],
        },
        "needs_attention": list(attention(summary, health, today)),
        "focal_client": name(summary.focal_client),
        "focal_ours": name(summary.focal_ours),
        "last_checkin": summary.last_checkin.isoformat() if summary.last_checkin else None,
        "next_due": summary.next_due.isoformat(),
        "days_overdue": summary.days_overdue,
        "next_meeting": row.next_meeting.isoformat(),
        "next_meeting_planned": row.next_planned,
        "renewal": account.renewal.isoformat() if account.renewal else None,
        "contract_value": account.contract_value,
        "seats": account.seats,
        "open_issues": summary.open_issues,
        "open_critical": summary.open_critical,
        "in_breach_48h": summary.in_breach,
        "open_actions": summary.open_actions,
        "overdue_actions": summary.overdue_actions,
        "overdue_ours": summary.overdue_ours,
        "meetings": [
            {"id": m.id, "date": m.day.isoformat(), "state": m.state.value} for m in row.meetings
        ],
    }


def _table(rows: list[Row], today: date) -> str:
    header = (
        "ACCOUNT",
        "NAME",
        "HEALTH",
        "WHY",
        "FOCAL (CLIENT)",
        "LAST",
        "NEXT DUE",
        "CRIT",
        "OVERDUE",
        "RENEWAL",
        "MEETINGS",
    )
    lines = [header]
    for row in rows:
        s, health = row.summary, row.health
        due = human_date(s.next_due, today)
        if s.cadence_overdue:
            due += f" (!{s.days_overdue}d)"
        recent = [m.id for m in row.meetings[:3]]
        lines.append(
            (
                s.account.slug,
                s.account.name,
                f"{health.score} {health.band.value}",
                health.why or "—",
                s.focal_client.name if s.focal_client else "(none!)",
                human_date(s.last_checkin, today),
                due,
                str(s.open_critical) + (f" ({s.in_breach} 48h)" if s.in_breach else ""),
                str(s.overdue_actions),
                human_date(s.account.renewal, today),
                " ".join(recent) or "—",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
            for line in lines]  # fmt: skip
    return "\n".join(text)


@click.command()
@db_option
@click.option(
    "--sort",
    "sort_by",
    type=click.Choice(SORTS),
    default="name",
    show_default=True,
    help="health: weakest first; due: next check-in due soonest first; renewal: soonest first.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--all", "include_archived", is_flag=True, help="Include archived accounts.")
@click.pass_context
def accounts(ctx: click.Context, sort_by: str, fmt: str, include_archived: bool) -> None:
    """List accounts: health and why, focal contact, last check-in, next due, open work,
    renewal, meeting ids."""
    from checkin.core.triage import SortBy, sort_key

    ws = open_for_reading(ctx)
    today = ws.today()
    figures = [ws.overview(a) for a in ws.accounts(include_archived=include_archived)]
    key = sort_key(SortBy(sort_by))
    figures.sort(key=lambda pair: key(*pair))
    rows = [Row(ws, summary, health) for summary, health in figures]
    if fmt == "json":
        data = [summary_json(row, today) for row in rows]
        click.echo(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
    elif not rows:
        click.echo("No accounts yet. Open `checkin` to add one, or try `checkin demo`.")
    else:
        click.echo(_table(rows, today))
