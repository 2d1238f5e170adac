"""Sharing after the call: a meeting's minutes (Markdown, HTML, chat) and the calendar file."""

# Gathers the records from the workspace and calls the pure renderers in checkin.markdown and
# checkin.calendar; only the write_* helpers touch the disk (atomic, 0600 files).

from __future__ import annotations

import difflib
from enum import StrEnum
from pathlib import Path

from checkin.core.enums import IssueStatus, Severity
from checkin.core.errors import CheckinError, NotFound
from checkin.core.meeting import Meeting, MeetingState
from checkin.core.records import Account, Issue
from checkin.markdown.minutes import MinutesData, render_minutes
from checkin.markdown.tables import ISSUE_ROWS
from checkin.services.workspace import Workspace
from checkin.storage.files import write_private


class MinutesFormat(StrEnum):
    MARKDOWN = "md"
    HTML = "html"
    TEXT = "text"

    @property
    def suffix(self) -> str:
        return {"md": ".md", "html": ".html", "text": ".txt"}[self.value]


class ExportError(CheckinError):
    """A file could not be written where the user asked."""

    exit_code = 1


# -- finding the meeting ----------------------------------------------------------------------


def find_meeting(ws: Workspace, key: str) -> Meeting:
    """A meeting by id; an account slug gives that account's latest meeting.

    NotFound suggests close ids, or says where meeting ids are listed.
    """
    key = key.strip()
    found = ws.store.meetings.find(key)
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
    meetings = {m.id: m for m in ws.store.meetings.all()}
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


def minutes_data(ws: Workspace, meeting_id: str) -> MinutesData:
    """Everything the minutes of a meeting say, read from the workspace.

    Only the records the minutes show are decoded (the meeting's action items and feedback,
    the open issues the table lists): a busy account renders as fast as a quiet one.
    """
    meeting = find_meeting(ws, meeting_id)
    account = ws.account(meeting.account_id)
    store = ws.store
    # Through the field indexes: only the records the minutes show are decoded.
    of_meeting = store.actions.ids_by_field(account.id, "meeting_id").get(meeting.id, [])
    feedback = store.feedback.ids_by_field(account.id, "meeting_id").get(meeting.id, [])
    issues, open_count = _open_issues(ws, account.id)
    return MinutesData(
        meeting=meeting,
        account=account,
        contacts=ws.contacts(account.id),
        actions=[store.actions.get(i) for i in of_meeting],
        feedback=[store.feedback.get(i) for i in feedback],
        issues=issues,
        roadmap=ws.roadmap(account.id),
        today=ws.today(),
        open_issue_count=open_count,
    )


def _open_issues(ws: Workspace, account_id: str) -> tuple[list[Issue], int]:
    """The open issues the minutes list (most severe, then oldest) and how many are open."""
    repo = ws.store.issues

    def in_order() -> list[str]:
        is_open = {
            record_id
            for status, ids in repo.ids_by_field(account_id, "status").items()
            if IssueStatus(status).is_open
            for record_id in ids
        }
        found = [i for i in repo.ids_for_account(account_id) if i in is_open]  # oldest first
        rank = {severity.value: severity.rank for severity in Severity}
        found.sort(key=lambda i: (rank[repo.field(i, "severity")], repo.field(i, "opened")))
        return found

    open_ids = repo.derived(account_id, "open issues by severity", in_order)
    return [repo.get(i) for i in open_ids[:ISSUE_ROWS]], len(open_ids)


def minutes_markdown(ws: Workspace, meeting_id: str) -> str:
    """The minutes as GitHub-flavoured Markdown."""
    return render_minutes(minutes_data(ws, meeting_id))


def minutes_html(ws: Workspace, meeting_id: str) -> str:
    """The minutes as a self-contained HTML page (raw HTML from notes shown as text)."""
    from checkin.markdown.html import render_page

    data = minutes_data(ws, meeting_id)
    return render_page(render_minutes(data), data.title)


def minutes_chat(ws: Workspace, meeting_id: str) -> str:
    """The minutes as plain text for a chat message (no tables, bullet lists)."""
    from checkin.markdown.chat import render_chat

    return render_chat(minutes_data(ws, meeting_id))


def minutes(ws: Workspace, meeting_id: str, fmt: MinutesFormat | str) -> str:
    """The minutes in ``fmt`` (md, html or text)."""
    render = {
        MinutesFormat.MARKDOWN: minutes_markdown,
        MinutesFormat.HTML: minutes_html,
        MinutesFormat.TEXT: minutes_chat,
    }[MinutesFormat(fmt)]
    return render(ws, meeting_id)


def default_minutes_path(
    ws: Workspace, meeting_id: str, fmt: MinutesFormat | str = MinutesFormat.MARKDOWN
) -> Path:
    """``~/<account-slug>-<date>-minutes.md`` (``.html``, ``.txt`` for the other formats)."""
    meeting = find_meeting(ws, meeting_id)
    account = ws.account(meeting.account_id)
    name = f"{account.slug}-{meeting.day.isoformat()}-minutes{MinutesFormat(fmt).suffix}"
    return Path("~") / name


def write_minutes(
    ws: Workspace,
    meeting_id: str,
    path: Path,
    fmt: MinutesFormat | str = MinutesFormat.MARKDOWN,
) -> Path:
    """Write the minutes to ``path`` (atomic, 0600); returns the absolute path written."""
    return write_file(path, minutes(ws, meeting_id, fmt).encode("utf-8"))


# -- calendar ------------------------------------------------------------------------------


def calendar(ws: Workspace, account: Account | str) -> bytes:
    """The account's next check-in and action items as an iCalendar file."""
    from checkin.calendar.ics import CalendarData, render_calendar

    found = ws.account(account if isinstance(account, str) else account.id)
    return render_calendar(
        CalendarData(
            account=found,
            contacts=ws.contacts(found.id),
            meetings=ws.meetings(found.id),
            actions=ws.actions(found.id),
            now=ws.now(),
        )
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
