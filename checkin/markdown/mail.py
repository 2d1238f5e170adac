"""A ready-to-send mail draft (RFC 5322): plain text and HTML alternatives, and an invitation.

Built with the standard library's :mod:`email` package. ``X-Unsent: 1`` makes Outlook, Apple
Mail and Thunderbird open the file as a draft to review and send, not as a received mail. The
invitation is a ``text/calendar; method=REQUEST`` part (RFC 6047, iMIP), which mail clients
offer to accept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from checkin.core.records import Contact
from checkin.core.text import clean_line

INVITE_NAME = "invite.ics"


@dataclass(frozen=True, kw_only=True)
class Draft:
    """What goes into the mail: people, subject, the two bodies and an optional invitation."""

    subject: str
    text: str
    html: str
    to: Sequence[Contact]
    cc: Sequence[Contact] = ()
    sender: tuple[str, str] | None = None  # (name, address)
    invitation: bytes | None = None
    now: datetime


def address(name: str, email: str) -> Address | None:
    """A header address, or None when ``email`` is not a usable address."""
    email = email.strip()
    if email.count("@") != 1 or any(c.isspace() for c in email):
        return None
    local, domain = email.split("@")
    try:
        return Address(display_name=clean_line(name), username=local, domain=domain)
    except (ValueError, HeaderParseError):
        return None


def _addresses(people: Sequence[Contact], skipped: list[str]) -> list[Address]:
    found: list[Address] = []
    seen: set[str] = set()
    for person in people:
        parsed = address(person.name, person.email)
        if parsed is None:
            skipped.append(clean_line(person.name))
        elif parsed.addr_spec.casefold() not in seen:
            seen.add(parsed.addr_spec.casefold())
            found.append(parsed)
    return found


def render_mail(draft: Draft) -> tuple[bytes, list[str]]:
    """The draft as the bytes of an .eml file (CRLF line ends, as RFC 5322 has them), and
    what the user should know before sending it.

    Structure: multipart/mixed of a multipart/alternative (text/plain, text/html) and, when
    there is one, the invitation as text/calendar; method=REQUEST. People without a usable
    address are left off the headers and named in the notes.
    """
    msg = EmailMessage(policy=SMTP)
    skipped: list[str] = []
    to = _addresses(draft.to, skipped)
    cc = [a for a in _addresses(draft.cc, skipped) if a.addr_spec not in {t.addr_spec for t in to}]
    if draft.sender is not None:
        sender = address(*draft.sender)
        if sender is not None:
            msg["From"] = sender
            cc = [a for a in cc if a.addr_spec.casefold() != sender.addr_spec.casefold()]
    if to:
        msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = clean_line(draft.subject)
    msg["Date"] = format_datetime(draft.now.astimezone())
    msg["Message-ID"] = make_msgid(domain="checkin.invalid")
    msg["X-Unsent"] = "1"
    msg.set_content(draft.text, subtype="plain", charset="utf-8")
    msg.add_alternative(draft.html, subtype="html", charset="utf-8")
    if draft.invitation is not None:
        msg.make_mixed()
        msg.add_attachment(
            draft.invitation.decode("utf-8"),
            subtype="calendar",
            charset="utf-8",
            params={"method": "REQUEST"},
            filename=INVITE_NAME,
        )
    notes = []
    if skipped:
        notes.append(f"No usable email address for {', '.join(skipped)}: add them by hand.")
    if not to:
        notes.append("Nobody on the client's side has an email address: fill in To.")
    return msg.as_bytes(), notes
