"""Sharing after the call: a meeting's minutes (Markdown, HTML, chat, a mail draft) for the
client or for our team, the pre-read as a mail draft, and the calendar file."""

# Gathers the records from the workspace and calls the pure renderers in checkin.markdown and
# checkin.calendar; only the write_* helpers touch the disk (atomic, 0600 files).

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from checkin.core.enums import Audience, MeetingState
from checkin.core.errors import CheckinError, ExitCode, NotFound
from checkin.core.health import Health
from checkin.core.meeting import Meeting
from checkin.core.records import Account

# What the minutes screen holds, offered from here (ui -> services, never ui -> markdown).
from checkin.markdown.minutes import MinutesData as MinutesData
from checkin.markdown.minutes import render_minutes
from checkin.markdown.tables import ISSUE_ROWS
from checkin.services.workspace import Workspace
from checkin.storage.files import write_private

if TYPE_CHECKING:
    from checkin.calendar.ics import CalendarData
    from checkin.core.agenda import Agenda

# The user's own address: organizer and sender of last resort, when no contact on our side of
# an account has an email address (`CHECKIN_EMAIL=me@example.com`).
SENDER_ENV = "CHECKIN_EMAIL"


class MinutesFormat(StrEnum):
    MARKDOWN = "md"
    HTML = "html"
    TEXT = "text"
    EML = "eml"

    @property
    def suffix(self) -> str:
        return {"md": ".md", "html": ".html", "text": ".txt", "eml": ".eml"}[self.value]

    @property
    def is_binary(self) -> bool:
        return self is MinutesFormat.EML


class ExportError(CheckinError):
    """A file could not be written where the user asked."""

    exit_code = ExitCode.ERROR


# -- finding the meeting ----------------------------------------------------------------------


def find_meeting(ws: Workspace, key: str) -> Meeting:
    """A meeting by id; an account slug gives that account's latest meeting.

    NotFound suggests close ids, or says where meeting ids are listed.
    """
    key = key.strip()
    found = ws.find(Meeting, key)
    if found is not None:
        return found
    account = next((a for a in ws.accounts(include_archived=True) if key in (a.slug, a.id)), None)
    if account is not None:
        latest = latest_meeting(ws, account)
        if latest is None:
            raise NotFound("meeting", key, f"{account.name} has no meetings yet.")
        return latest
    raise NotFound("meeting", key, _hint(ws, key))


def latest_meeting(ws: Workspace, account: Account) -> Meeting | None:
    """The account's most recent meeting that started; else its next planned one."""
    meetings = ws.meetings(account.id)
    started = [m for m in meetings if m.state is not MeetingState.PLANNED]
    if started:
        return started[0]
    planned = sorted(meetings, key=lambda m: m.planned_start)
    return planned[0] if planned else None


def _hint(ws: Workspace, key: str) -> str:
    meetings = {m.id: m for m in ws.all_meetings()}
    close = difflib.get_close_matches(key, list(meetings), n=3, cutoff=0.6)
    if close:
        names = {a.id: a.name for a in ws.accounts(include_archived=True)}
        listed = ", ".join(
            f"{mid} ({names.get(meetings[mid].account_id, '?')}, {meetings[mid].day.isoformat()})"
            for mid in close
        )
        return f"Did you mean {listed}?"
    return (
        "Meeting ids are listed by `checkin accounts`; "
        "`checkin minutes ACCOUNT` shows an account's latest meeting."
    )


# -- minutes -------------------------------------------------------------------------------


def minutes_data(
    ws: Workspace, meeting_id: str, audience: Audience | str = Audience.CLIENT
) -> MinutesData:
    """Everything the minutes of a meeting say, read from the workspace.

    Only the records the minutes show are decoded (the meeting's action items and feedback,
    the open issues the table lists): a busy account renders as fast as a quiet one. The
    team's version also carries the relationship's health as the meeting ended.
    """
    meeting = find_meeting(ws, meeting_id)
    account = ws.account(meeting.account_id)
    # Through the field indexes: only the records the minutes show are decoded.
    captured = ws.captured_in(meeting)
    issues, open_count = ws.open_issues_by_severity(account.id, ISSUE_ROWS)
    return MinutesData(
        meeting=meeting,
        account=account,
        contacts=ws.contacts(account.id),
        actions=captured.actions,
        feedback=captured.feedback,
        issues=issues,
        roadmap=ws.roadmap(account.id),
        today=ws.today(),
        open_issue_count=open_count,
        health=None if Audience(audience).is_client else _health_after(ws, meeting),
    )


def _health_after(ws: Workspace, meeting: Meeting) -> Health:
    """The account's health when ``meeting`` ended (now, while it has not)."""
    from checkin.core.health import assess
    from checkin.core.trend import as_of

    relationship = ws.relationship(ws.account(meeting.account_id))
    if meeting.ended is None:
        return assess(relationship, ws.now())
    return assess(as_of(relationship, meeting.ended), meeting.ended)


Who = Audience | str


def minutes_markdown(ws: Workspace, meeting_id: str, audience: Who = Audience.CLIENT) -> str:
    """The minutes as GitHub-flavoured Markdown, for the client (default) or our team."""
    return render_minutes(minutes_data(ws, meeting_id, audience), audience)


def preread_markdown(agenda: Agenda, audience: Who = Audience.CLIENT) -> str:
    """The pre-read of ``agenda`` as Markdown, for the client (default) or our team."""
    from checkin.markdown.preread import render_preread

    return render_preread(agenda, audience)


def render_markdown(data: MinutesData, audience: Who = Audience.CLIENT) -> str:
    """The Markdown of minutes read already (:func:`minutes_data`)."""
    return render_minutes(data, audience)


def meeting_kind(meeting: Meeting) -> str:
    """What the meeting is called after its template ("Monthly check-in")."""
    from checkin.markdown.wording import meeting_title

    return meeting_title(meeting.template)


def minutes_html(ws: Workspace, meeting_id: str, audience: Who = Audience.CLIENT) -> str:
    """The minutes as a self-contained HTML page (raw HTML from notes shown as text)."""
    from checkin.markdown.html import render_page

    data = minutes_data(ws, meeting_id, audience)
    return render_page(render_minutes(data, audience), html_title(data, audience))


def html_title(data: MinutesData, audience: Who) -> str:
    """The HTML page title: the minutes title, marked "(team)" for our team's version."""
    return data.title if Audience(audience).is_client else f"{data.title} (team)"


def minutes_chat(ws: Workspace, meeting_id: str, audience: Who = Audience.CLIENT) -> str:
    """The minutes as plain text for a chat message (no tables, bullet lists)."""
    from checkin.markdown.chat import render_chat

    return render_chat(minutes_data(ws, meeting_id, audience), audience)


def minutes(
    ws: Workspace, meeting_id: str, fmt: MinutesFormat | str, audience: Who = Audience.CLIENT
) -> str:
    """The minutes in ``fmt`` (md, html or text) for ``audience``."""
    render = {
        MinutesFormat.MARKDOWN: minutes_markdown,
        MinutesFormat.HTML: minutes_html,
        MinutesFormat.TEXT: minutes_chat,
    }[MinutesFormat(fmt)]
    return render(ws, meeting_id, audience)


@dataclass(frozen=True)
class MailResult:
    """The bytes of a file to write, and what the user should know before sending it."""

    data: bytes
    notes: list[str] = field(default_factory=list)


def minutes_bytes(
    ws: Workspace, meeting_id: str, fmt: MinutesFormat | str, audience: Who = Audience.CLIENT
) -> MailResult:
    """The minutes in any format as bytes, with what the user should know (mail notes)."""
    if MinutesFormat(fmt) is MinutesFormat.EML:
        from checkin.services.mailing import minutes_mail

        return minutes_mail(ws, meeting_id, audience)
    return MailResult(data=minutes(ws, meeting_id, fmt, audience).encode("utf-8"))


def default_minutes_path(
    ws: Workspace,
    meeting_id: str,
    fmt: MinutesFormat | str = MinutesFormat.MARKDOWN,
    audience: Who = Audience.CLIENT,
) -> Path:
    """``~/<account-slug>-<date>-minutes.md`` (``-team`` before the suffix for our team's
    version; ``.html``, ``.txt``, ``.eml`` for the other formats)."""
    meeting = find_meeting(ws, meeting_id)
    account = ws.account(meeting.account_id)
    team = "" if Audience(audience).is_client else "-team"
    suffix = MinutesFormat(fmt).suffix
    return Path("~") / f"{account.slug}-{meeting.day.isoformat()}-minutes{team}{suffix}"


def write_minutes(
    ws: Workspace,
    meeting_id: str,
    path: Path,
    fmt: MinutesFormat | str = MinutesFormat.MARKDOWN,
    audience: Who = Audience.CLIENT,
) -> Path:
    """Write the minutes to ``path`` (atomic, 0600); returns the absolute path written."""
    return write_file(path, minutes_bytes(ws, meeting_id, fmt, audience).data)


# -- calendar ------------------------------------------------------------------------------


def calendar(ws: Workspace, account: Account | str) -> bytes:
    """The account's next check-in and action items as an iCalendar feed (METHOD:PUBLISH)."""
    from checkin.calendar.ics import render_calendar

    found = ws.account(account if isinstance(account, str) else account.id)
    return render_calendar(calendar_data(ws, found))


def sender_address() -> str:
    """The user's configured address (``$CHECKIN_EMAIL``), or ""."""
    return os.environ.get(SENDER_ENV, "").strip()


def calendar_data(ws: Workspace, account: Account) -> CalendarData:
    """The records an account's calendar entries come from, as of now."""
    from checkin.calendar.ics import CalendarData

    return CalendarData(
        account=account,
        contacts=ws.contacts(account.id),
        meetings=ws.meetings(account.id),
        actions=ws.actions(account.id),
        now=ws.now(),
        sender=sender_address(),
    )


def default_calendar_path(ws: Workspace, account: Account | str) -> Path:
    """``~/<account-slug>-checkin.ics``."""
    found = ws.account(account if isinstance(account, str) else account.id)
    return Path("~") / f"{found.slug}-checkin.ics"


def write_calendar(ws: Workspace, account: Account | str, path: Path) -> Path:
    """Write the account's calendar file to ``path`` (atomic, 0600); returns the path."""
    return write_file(path, calendar(ws, account))


# -- files ---------------------------------------------------------------------------------


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically as a 0600 file (folders made 0700).

    ``~`` is expanded; a folder or an unwritable place raises ExportError naming the path.
    """
    target = path.expanduser().absolute()
    if target.is_dir():
        raise ExportError(f"{target} is a folder: give a file name, e.g. {target / 'minutes.md'}")
    try:
        write_private(target, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write {target}: {reason}") from None
    return target
