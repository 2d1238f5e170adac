"""Mail drafts: the minutes and the pre-read as .eml files with the next meeting as an
invitation, and opening a written draft with the system's mail client."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

from checkin.calendar.ics import CalendarData, organizer, render_invitation
from checkin.calendar.upcoming import Upcoming, upcoming
from checkin.core.agenda import Agenda
from checkin.core.enums import Audience, MeetingState, Side
from checkin.core.meeting import Meeting
from checkin.core.records import Contact
from checkin.markdown.chat import render_chat
from checkin.markdown.html import render_page
from checkin.markdown.mail import Draft, render_mail
from checkin.markdown.minutes import render_minutes
from checkin.markdown.preread import render_preread
from checkin.markdown.wording import short_date
from checkin.services.sharing import (
    SENDER_ENV,
    ExportError,
    MailResult,
    Who,
    calendar_data,
    html_title,
    minutes_data,
)
from checkin.services.workspace import Workspace


def next_after(ws: Workspace, meeting: Meeting, data: CalendarData) -> Upcoming | None:
    """The check-in after ``meeting``, when it is agreed and still ahead; else None.

    After the account's latest meeting this is the calendar feed's next check-in (a planned
    meeting, or the date agreed at the end of the call), with the same UID; an earlier
    meeting's agreed date is used while it has not passed.
    """
    ended = [m for m in data.meetings if m.state is MeetingState.ENDED]
    latest = max(ended, key=lambda m: m.started or m.planned_start, default=None)
    if latest is not None and latest.id == meeting.id:
        found = upcoming(data.account, data.contacts, data.meetings, data.now)
        return found if found.confirmed and found.start >= data.now else None
    start = meeting.agreed_next
    if start is None or start.date() < data.now.date():
        return None
    by_id = {c.id: c for c in data.contacts}
    people = [by_id[i] for i in meeting.attendees if i in by_id]
    people += [c for c in data.contacts if c.focal and c not in people]
    return Upcoming(
        key=f"{meeting.id}.next",
        start=start,
        minutes=meeting.length_minutes,
        template=meeting.template,
        attendees=people,
        confirmed=True,
        basis=f"Agreed at the check-in of {meeting.day.isoformat()}.",
        changed=meeting.updated_at or data.now,
    )


def _invitation(data: CalendarData, next_one: Upcoming | None, notes: list[str]) -> bytes | None:
    if next_one is None:
        notes.append("No invitation attached: the next meeting is not agreed yet.")
        return None
    if organizer(data.account, data.contacts, next_one.attendees, data.sender) is None:
        notes.append(
            "No invitation attached: nobody on our side has an email address to organize it "
            f"(add one to a contact of ours, or set {SENDER_ENV})."
        )
        return None
    return render_invitation(data, next_one)


def _sender(data: CalendarData, people: list[Contact]) -> tuple[str, str] | None:
    found = organizer(data.account, data.contacts, people, data.sender)
    return (found.name, found.email) if found else None


def minutes_mail(ws: Workspace, meeting_id: str, audience: Who = Audience.CLIENT) -> MailResult:
    """The minutes as a mail draft: to the client's attendees who were present (cc our team),
    plain text and HTML, and the next meeting as an invitation.

    The team's version goes to our team only (its To is our attendees): it is never
    addressed to the client.
    """
    data = minutes_data(ws, meeting_id, audience)
    cal = calendar_data(ws, data.account)
    by_id = {c.id: c for c in data.contacts}
    present = [by_id[i] for i in data.meeting.attendees if i in by_id]
    theirs = [c for c in present if c.side is not Side.OURS]
    ours = [c for c in present if c.side is Side.OURS]
    notes: list[str] = []
    team = not Audience(audience).is_client
    subject = f"{data.account.name} check-in, {short_date(data.meeting.day)}: minutes"
    draft = Draft(
        subject=f"{subject} (team)" if team else subject,
        text=render_chat(data, audience),
        html=render_page(render_minutes(data, audience), html_title(data, audience)),
        to=ours if team else theirs,
        cc=() if team else ours,
        sender=_sender(cal, present),
        invitation=_invitation(cal, next_after(ws, data.meeting, cal), notes),
        now=ws.now(),
    )
    mail, more = render_mail(draft)
    if team:
        more = [n for n in more if "client's side" not in n]
    return MailResult(data=mail, notes=notes + more)


def preread_mail(ws: Workspace, agenda: Agenda, audience: Who = Audience.CLIENT) -> MailResult:
    """The pre-read of ``agenda`` as a mail draft to the people invited to the meeting (the
    client's side; cc our team), with the meeting itself as an invitation."""
    cal = calendar_data(ws, agenda.account)
    known = upcoming(cal.account, cal.contacts, cal.meetings, cal.now)
    meeting = dataclasses.replace(
        known,
        start=agenda.now.replace(second=0, microsecond=0),
        minutes=agenda.length_minutes,
        template=agenda.template,
        confirmed=True,
        basis="The agenda is attached to the invitation mail.",
    )
    people = list(meeting.attendees)
    theirs = [c for c in people if c.side is not Side.OURS]
    ours = [c for c in people if c.side is Side.OURS]
    team = not Audience(audience).is_client
    markdown = render_preread(agenda, audience)
    subject = f"{agenda.account.name} check-in, {short_date(agenda.now.date())}: agenda"
    notes: list[str] = []
    draft = Draft(
        subject=f"{subject} (team)" if team else subject,
        text=markdown,
        html=render_page(markdown, f"{agenda.account.name}: {agenda.title}"),
        to=ours if team else theirs,
        cc=() if team else ours,
        sender=_sender(cal, people),
        invitation=None if team else _invitation(cal, meeting, notes),
        now=ws.now(),
    )
    mail, more = render_mail(draft)
    return MailResult(data=mail, notes=notes + more)


def open_with_system(path: Path) -> str:
    """Open ``path`` with the system's handler (the mail client for .eml) and say so.

    xdg-open on Linux and BSD, ``open`` on macOS, the shell on Windows. Without one it raises
    ExportError saying where the file is, so the user can open it by hand.
    """
    target = path.expanduser().absolute()
    try:
        if sys.platform == "win32":
            from checkin.storage.platform import start_file

            start_file(target)
        else:
            opener = "open" if sys.platform == "darwin" else "xdg-open"
            program = shutil.which(opener)
            if program is None:
                raise ExportError(
                    f"no program here opens mail drafts ({opener} was not found); "
                    f"open {target} in your mail client"
                )
            subprocess.Popen(
                [program, str(target)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
    except OSError as error:
        raise ExportError(f"cannot open {target}: {error.strerror or error}") from None
    return f"Opened {target.name} with your mail client"
