"""Mail drafts (.eml): they parse back into plain text, HTML and a valid invitation."""

from __future__ import annotations

import dataclasses
import email
from datetime import timedelta
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from icalendar import Calendar

from checkin.core.enums import Side
from checkin.core.records import Contact
from checkin.services import mailing, planning, sharing
from checkin.services.workspace import Workspace
from tests.conftest import NOW
from tests.sharing_data import demo_workspace, hostile_workspace


@pytest.fixture
def demo() -> Workspace:
    return demo_workspace()


def parse(data: bytes) -> EmailMessage:
    msg = email.message_from_bytes(data, policy=default)
    assert isinstance(msg, EmailMessage)
    return msg


def parts(msg: EmailMessage) -> dict[str, EmailMessage]:
    found = {}
    for part in msg.walk():
        if not part.is_multipart():
            assert isinstance(part, EmailMessage)
            found[part.get_content_type()] = part
    return found


def latest(ws: Workspace, slug: str) -> str:
    return ws.meetings(ws.account(slug).id)[0].id


def test_the_minutes_mail_is_a_draft_with_text_html_and_an_invitation(demo: Workspace) -> None:
    result = sharing.minutes_bytes(demo, latest(demo, "acme"), "eml")
    assert result.notes == []
    assert b"\r\n" in result.data  # RFC 5322 line ends
    msg = parse(result.data)
    assert msg["X-Unsent"] == "1"
    assert msg["Subject"] == "Acme Health check-in, Mon 9 Nov 2026: minutes"
    assert msg["From"] == "Chris Moreno <chris.moreno@checkin.example>"
    # To: the client's attendees who were present; Cc: our team (the sender left out).
    assert [a.addr_spec for a in msg["To"].addresses] == [
        "elena.vasquez@acmehealth.example",
        "raj.patel@acmehealth.example",
    ]
    assert [a.addr_spec for a in msg["Cc"].addresses] == ["priya.natarajan@checkin.example"]
    assert msg.get_content_type() == "multipart/mixed"
    found = parts(msg)
    assert set(found) == {"text/plain", "text/html", "text/calendar"}
    alternative = next(p for p in msg.walk() if p.get_content_type() == "multipart/alternative")
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    plain = found["text/plain"].get_content()
    assert "Decided: Porto goes live before Lyon." in plain
    html = found["text/html"].get_content()
    assert html.startswith("<!DOCTYPE html>") and "<h2>Summary</h2>" in html
    invite = found["text/calendar"]
    assert invite.get_param("method") == "REQUEST"
    cal = Calendar.from_ical(invite.get_content())
    assert str(cal["METHOD"]) == "REQUEST"
    (event,) = cal.walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:chris.moreno@checkin.example"
    attendees = {str(a) for a in event["ATTENDEE"]}
    assert "mailto:raj.patel@acmehealth.example" in attendees
    assert event["DTSTART"].dt.date().isoformat() == "2026-11-23"


def test_the_client_mail_carries_no_internal_judgement(demo: Workspace) -> None:
    msg = parse(sharing.minutes_bytes(demo, latest(demo, "acme"), "eml").data)
    found = parts(msg)
    for kind in ("text/plain", "text/html"):
        text = found[kind].get_content()
        assert "Rating" not in text and "neutral" not in text and "Internal" not in text


def test_the_team_mail_goes_to_our_team_only(demo: Workspace) -> None:
    result = sharing.minutes_bytes(demo, latest(demo, "acme"), "eml", "team")
    msg = parse(result.data)
    assert msg["Subject"].endswith(": minutes (team)")
    assert all(a.domain == "checkin.example" for a in msg["To"].addresses)
    assert msg["Cc"] is None
    assert "Rating (team only): 3 of 5" in parts(msg)["text/plain"].get_content()


def test_html_in_the_mail_never_passes_raw_html_through() -> None:
    ws, meeting = hostile_workspace()
    result = sharing.minutes_bytes(ws, meeting.id, "eml")
    html = parts(parse(result.data))["text/html"].get_content()
    body = html.split("<body>")[1]
    assert "<script" not in html and "<b>" not in body and "<i>" not in body
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in body


def test_without_any_address_on_our_side_the_mail_says_why_there_is_no_invitation(
    demo: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(sharing.SENDER_ENV, raising=False)
    acme = demo.account("acme")
    with demo.transaction():
        for contact in demo.contacts(acme.id):
            if contact.side is Side.OURS:
                demo.save(dataclasses.replace(contact, email=""))
    result = sharing.minutes_bytes(demo, latest(demo, "acme"), "eml")
    assert any("nobody on our side has an email address" in note for note in result.notes)
    msg = parse(result.data)
    assert "text/calendar" not in parts(msg) and msg["From"] is None
    monkeypatch.setenv(sharing.SENDER_ENV, "me@vendor.example")
    msg = parse(sharing.minutes_bytes(demo, latest(demo, "acme"), "eml").data)
    assert msg["From"] == "Chris Moreno <me@vendor.example>"  # named after the owner
    cal = Calendar.from_ical(parts(msg)["text/calendar"].get_content())
    assert str(cal.walk("VEVENT")[0]["ORGANIZER"]) == "mailto:me@vendor.example"


def test_names_with_quotes_and_accents_are_encoded_in_the_headers(demo: Workspace) -> None:
    acme = demo.account("acme")
    raj = next(c for c in demo.contacts(acme.id) if c.name == "Raj Patel")
    with demo.transaction():
        demo.save(dataclasses.replace(raj, name='Raj "RJ" Pátel, MD'))
    msg = parse(sharing.minutes_bytes(demo, latest(demo, "acme"), "eml").data)
    names = [a.display_name for a in msg["To"].addresses]
    assert names == ["Dr. Elena Vasquez", 'Raj "RJ" Pátel, MD']


def test_the_pre_read_mail_invites_to_the_meeting_it_prepares(demo: Workspace) -> None:
    agenda = planning.plan(demo, "acme", at=NOW)
    result = mailing.preread_mail(demo, agenda)
    msg = parse(result.data)
    assert msg["Subject"] == "Acme Health check-in, Sun 22 Nov 2026: agenda"
    assert msg["X-Unsent"] == "1"
    assert all(a.domain == "acmehealth.example" for a in msg["To"].addresses)
    found = parts(msg)
    assert set(found) == {"text/plain", "text/html", "text/calendar"}
    assert "48 h" not in found["text/plain"].get_content()
    (event,) = Calendar.from_ical(found["text/calendar"].get_content()).walk("VEVENT")
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=agenda.length_minutes)
    assert str(event["ORGANIZER"]) == "mailto:chris.moreno@checkin.example"


def test_a_guest_without_contact_record_is_not_a_problem(demo: Workspace) -> None:
    # Contacts of the account that were not present are not addressed.
    acme = demo.account("acme")
    extra = demo.add(Contact, account_id=acme.id, name="Absent Person", email="absent@x.example")
    msg = parse(sharing.minutes_bytes(demo, latest(demo, "acme"), "eml").data)
    assert extra.email not in str(msg["To"]) and extra.email not in str(msg["Cc"] or "")


def test_opening_a_draft_says_where_it_is_when_nothing_can_open_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mailing.sys, "platform", "linux")
    monkeypatch.setattr(mailing.shutil, "which", lambda _name: None)
    target = tmp_path / "x.eml"
    with pytest.raises(sharing.ExportError, match=r"xdg-open was not found.*x\.eml"):
        mailing.open_with_system(target)
    launched: list[list[str]] = []
    monkeypatch.setattr(mailing.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(mailing.subprocess, "Popen", lambda args, **_kw: launched.append(args))
    assert mailing.open_with_system(target) == "Opened x.eml with your mail client"
    assert launched == [["/usr/bin/xdg-open", str(target)]]
