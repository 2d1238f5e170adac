"""Zendesk tickets: JSON Lines (one ticket per line) or ``{"tickets": [...]}`` (Tickets API)."""

from __future__ import annotations

import re
from typing import Any

from checkin.importers import cleaning
from checkin.importers.dates import any_date, any_datetime
from checkin.importers.jsondata import load_any, text_of
from checkin.importers.mapping import ZENDESK_PRIORITY, ZENDESK_STATUS
from checkin.importers.model import ImportFormat, ImportRow, ParsedFile
from checkin.importers.notes import Notes
from checkin.importers.rows import RowReader, finish
from checkin.importers.tabular import BadFile

FORMAT = ImportFormat.ZENDESK
FIELDS = {
    "external_id": "id",
    "title": "subject",
    "body": "description",
    "severity": "priority",
    "status": "status",
    "opened": "created_at",
    "acknowledged": "created_at",
    "plan_given": "created_at",
    "resolved": "updated_at",
    "due": "due_at",
    "owner": "assignee_id",
    "labels": "tags",
    "url": "url",
}
_API_URL = re.compile(r"^(https?://[^/]+)/api/v2/tickets/(\d+)\.json$")
SUBJECT_FROM_DESCRIPTION = 80


def parse(text: str, notes: Notes | None = None) -> ParsedFile:
    """Tickets from any of Zendesk's JSON shapes (users sideloaded by ``include=users`` name
    the assignee). Deleted tickets, which the incremental export includes, are skipped."""
    notes = notes if notes is not None else Notes()
    tickets, users, noun = _tickets(text)
    rows = (_row(number, f"{noun} {number}", ticket, users, notes) for number, ticket in tickets)
    return finish(FORMAT, (pair for pair in rows if pair is not None), "id", notes)


def _tickets(text: str) -> tuple[list[tuple[int, Any]], dict[int, str], str]:
    """(position, ticket) pairs, the names of sideloaded users, and how positions are named."""
    data, whole = load_any(text)
    if not whole:
        return data, {}, "line"
    if isinstance(data, list):
        return list(enumerate(data, start=1)), {}, "ticket"
    if isinstance(data, dict) and isinstance(data.get("tickets"), list):
        return list(enumerate(data["tickets"], start=1)), _users(data), "ticket"
    if isinstance(data, dict) and isinstance(data.get("ticket"), dict):
        return [(1, data["ticket"])], _users(data), "ticket"
    if isinstance(data, dict) and "id" in data:
        return [(1, data)], {}, "line"
    raise BadFile('is JSON but holds no Zendesk tickets (no "tickets" list)')


def _users(data: dict[str, Any]) -> dict[int, str]:
    users = data.get("users")
    if not isinstance(users, list):
        return {}
    return {
        u["id"]: cleaning.line(u.get("name", ""))
        for u in users
        if isinstance(u, dict) and isinstance(u.get("id"), int)
    }


def _row(
    number: int, where: str, ticket: Any, users: dict[int, str], notes: Notes
) -> tuple[RowReader, ImportRow | None] | None:
    r = RowReader(number, where, notes)
    if not isinstance(ticket, dict):
        r.problem("", "is not a ticket object")
        return r, None
    if str(ticket.get("status") or "").strip().lower() == "deleted":
        ticket_id = ticket.get("id")
        notes.skip("deleted ticket", f"#{ticket_id}" if ticket_id is not None else where)
        return None
    ticket_id = ticket.get("id")
    if not isinstance(ticket_id, int) or isinstance(ticket_id, bool):
        r.problem("id", "is missing" if ticket_id is None else "is not a ticket number")
        ticket_id = None
    key = "" if ticket_id is None else str(ticket_id)
    r.name(f"#{key}" if key else "")
    description = cleaning.text(ticket.get("description") or "")
    subject = cleaning.line(_scalar(r, ticket, "subject"))
    if not subject and description:
        # Tickets made by email or the API may have no subject; Zendesk shows the text then.
        subject = description.split("\n", 1)[0][:SUBJECT_FROM_DESCRIPTION].strip()
    raw_priority = cleaning.line(_scalar(r, ticket, "priority"))
    raw_status = cleaning.line(_scalar(r, ticket, "status"))
    assignee = ticket.get("assignee_id")
    return r, r.build(
        external_id=key,
        title=r.line("subject", subject, required=True),
        severity=r.severity("priority", raw_priority, ZENDESK_PRIORITY, "a Zendesk priority"),
        status=r.status("status", raw_status, ZENDESK_STATUS, "a Zendesk status"),
        opened=r.when("created_at", _scalar(r, ticket, "created_at"), any_datetime, required=True),
        updated=r.when("updated_at", _scalar(r, ticket, "updated_at"), any_datetime),
        due=r.when("due_at", _scalar(r, ticket, "due_at"), any_date),
        body=description,
        url=_agent_url(r.url("url", _scalar(r, ticket, "url"))),
        labels=[str(t) for t in ticket.get("tags") or [] if isinstance(t, str)],
        owner=users.get(assignee, "") if isinstance(assignee, int) else "",
        raw_priority=raw_priority,
        raw_status=raw_status,
    )


def _scalar(r: RowReader, ticket: dict[str, Any], name: str) -> str:
    try:
        return text_of(ticket.get(name))
    except ValueError as error:
        r.problem(name, str(error))
        return ""


def _agent_url(url: str) -> str:
    """The API address of a ticket becomes the page an agent opens."""
    match = _API_URL.match(url)
    return f"{match.group(1)}/agent/tickets/{match.group(2)}" if match else url
