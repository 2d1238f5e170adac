"""Client and team versions: what the client receives never carries internal judgement."""

from __future__ import annotations

import dataclasses
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from checkin.core.agenda import Agenda
from checkin.core.agenda.arrangement import PARKED_BY_HAND
from checkin.core.enums import Direction, ItemStatus
from checkin.core.meeting import Meeting
from checkin.core.records import Feedback
from checkin.markdown.audience import ZWSP, quiet_references
from checkin.markdown.chat import render_chat
from checkin.markdown.html import render_page
from checkin.markdown.minutes import MinutesData, render_minutes
from checkin.markdown.preread import render_preread
from checkin.services import planning, sharing
from checkin.services.workspace import Workspace
from tests.conftest import NOW
from tests.sharing_data import demo_workspace

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CHECKIN_UPDATE_GOLDEN") == "1"
PRIVATE = "Raj sounded fed up; escalate to Dana if the 8.5 date slips again."
PRIVATE_2 = "Elena hinted at a competitor pilot."
# What the client must never read, whatever the meeting holds.
SENTIMENT_LABEL = re.compile(r"(·|\(|, )\s*(very )?(negative|positive|neutral)\b", re.IGNORECASE)
INTERNAL = (
    "48 h",
    "48-hour",
    "not acknowledged",
    "no findings or action plan",
    "rated",
    "out of 5",
    "Rating",
    "Health at",
    "Health now",
    "(good)",
    "(watch)",
    "(at risk)",
    "(+",
    "Internal",
    "team only",
    "Private",
    PRIVATE,
    PRIVATE_2,
    "did not fit in",
    "by you",
)


@pytest.fixture(scope="module")
def demo() -> Workspace:
    return demo_workspace()


def acme_agenda(ws: Workspace) -> Agenda:
    return planning.plan(ws, "acme", at=NOW, minutes=20)  # some topics wait for later


def busy_meeting(ws: Workspace) -> MinutesData:
    """Acme's latest meeting, run on today's agenda (48-hour breaches, a falling rating...),
    with private notes, a rating, client feedback with a sentiment and an item parked by hand.
    """
    agenda = acme_agenda(ws)
    data = sharing.minutes_data(ws, ws.meetings(ws.account("acme").id)[0].id, "team")
    items = [
        dataclasses.replace(item, status=ItemStatus.DISCUSSED, actual_seconds=240)
        for item in agenda.items
    ]
    items[0] = dataclasses.replace(items[0], notes="Fix date agreed.", private_notes=PRIVATE)
    items[1] = dataclasses.replace(items[1], private_notes=PRIVATE_2)
    hand = dataclasses.replace(
        agenda.parked[0], parked=True, reasons=[*agenda.parked[0].reasons, PARKED_BY_HAND]
    )
    rest = [dataclasses.replace(item, parked=True) for item in agenda.parked[1:]]
    meeting: Meeting = dataclasses.replace(data.meeting, agenda=[*items, hand, *rest], rating=2)
    angry = Feedback(
        id="f-angry",
        account_id=data.account.id,
        direction=Direction.FROM_CLIENT,
        sentiment=-2,
        topic="Support",
        text="We heard about the outage from our own clinicians.",
        received=meeting.day,
        meeting_id=meeting.id,
    )
    return dataclasses.replace(data, meeting=meeting, feedback=[*data.feedback, angry])


def client_versions(data: MinutesData) -> dict[str, str]:
    markdown = render_minutes(data)
    return {
        "md": markdown,
        "text": render_chat(data),
        "html": render_page(markdown, data.title),
    }


def test_no_client_version_contains_an_internal_marker(demo: Workspace) -> None:
    data = busy_meeting(demo)
    team = render_minutes(data, "team")
    # The team version has it all: the test data does hold every marker.
    for marker in ("48 h rule", PRIVATE, PRIVATE_2, "Rating:** 2 of 5", "very negative", "(+"):
        assert marker in team, marker
    assert "Health at the end of the meeting:**" in team
    assert f"- {data.meeting.agenda[-len(acme_agenda(demo).parked)].title} (parked by hand)" in (
        team
    )
    for fmt, text in client_versions(data).items():
        for marker in INTERNAL:
            assert marker not in text, f"{fmt} version says {marker!r}"
        assert not SENTIMENT_LABEL.search(text), f"{fmt} version labels a sentiment"
        assert "We heard about the outage from our own clinicians." in text  # their words stay


def test_no_client_pre_read_contains_an_internal_marker(demo: Workspace) -> None:
    for account in demo.accounts():
        agenda = planning.plan(demo, account.slug, at=NOW)
        text = render_preread(agenda)
        for marker in INTERNAL:
            if marker == "did not fit in":
                continue  # true of items the time left out, and useful to the client
            assert marker not in text, f"{account.slug} pre-read says {marker!r}"
        assert "score" not in text


def test_team_minutes_with_private_notes_match_the_golden_file(demo: Workspace) -> None:
    data = busy_meeting(demo)
    for audience in ("client", "team"):
        text = render_minutes(data, audience)
        golden = GOLDEN / f"acme-busy-{audience}.md"
        if UPDATE:
            golden.write_text(text)
        assert text == golden.read_text(), f"differs from {golden}"


def test_the_summary_says_decisions_who_does_what_by_when_and_the_next_meeting(
    demo: Workspace,
) -> None:
    text = sharing.minutes_markdown(demo, demo.meetings(demo.account("acme").id)[0].id)
    summary = text.split("## Summary\n\n")[1].split("\n\n")[0].splitlines()
    assert summary == [
        "- **Decided:** Porto goes live before Lyon.",
        "- **Next steps:** Our team: Add database changes to the 8.5 release notes (by Wed 2 "
        "Dec). Acme Health: Share the list of EU tenants and clinic hours (by Tue 24 Nov); "
        "Validate the audit export fix with the auditors (by Sat 28 Nov).",
        "- **Next meeting:** Monday 23 November 2026.",
    ]
    chat = sharing.minutes_chat(demo, demo.meetings(demo.account("acme").id)[0].id)
    assert "\nDecided: Porto goes live before Lyon.\n" in chat
    assert "\nNext meeting: Monday 23 November 2026.\n" in chat


# GitHub's autolinking, as its documentation describes it: a mention is "@" and a login
# (letters, digits, hyphens) not preceded by a word character; an issue reference is "#"
# and digits, optionally after owner/repo, or GH- and digits.
GITHUB_MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9][A-Za-z0-9-]*")
GITHUB_REFERENCE = re.compile(r"(?:(?<![\w&])|[\w.-]+/[\w.-]+)#\d+|\bGH-\d+", re.IGNORECASE)
REFERENCES = "Ask @raj-patel and @Elena about #12, acme/portal#34 and GH-56 (mail raj@acme.example)"


def rendered_text(markdown: str) -> list[str]:
    """The text nodes a GFM renderer (linkify on) makes of ``markdown``."""
    md = MarkdownIt("gfm-like")  # tables, strikethrough, linkify: as GitHub renders
    texts = []
    for token in md.parse(markdown):
        for child in token.children or []:
            if child.type == "text":
                texts.append(child.content)
    return texts


def test_mentions_and_issue_references_are_neutralised_in_client_markdown(
    demo: Workspace,
) -> None:
    data = busy_meeting(demo)
    items = list(data.meeting.agenda)
    items[0] = dataclasses.replace(items[0], notes=REFERENCES, title="Follow up #12 with @dana")
    data = dataclasses.replace(data, meeting=dataclasses.replace(data.meeting, agenda=items))
    client = render_minutes(data)
    texts = rendered_text(client)
    assert any("raj" in t and "@" in t for t in texts)  # the words are still there
    for text in texts:
        assert not GITHUB_MENTION.search(text), text
        assert not GITHUB_REFERENCE.search(text), text
    # Read without the invisible space, the text is as typed; an email address is untouched.
    visible = client.replace(ZWSP, "")
    assert REFERENCES.replace("#", "\\#", 0) in visible
    assert "raj@acme.example" in client and f"@{ZWSP}raj-patel" in client
    # The team version (for our own tools) keeps them as typed.
    assert REFERENCES in render_minutes(data, "team")


def test_links_to_issues_are_left_working() -> None:
    text = "[owner/repo#12](<https://github.com/owner/repo/issues/12#issuecomment-1>) and #7"
    quiet = quiet_references(text)
    assert "(<https://github.com/owner/repo/issues/12#issuecomment-1>)" in quiet
    assert quiet.endswith(f"#{ZWSP}7") and f"repo#{ZWSP}12]" in quiet


def test_team_file_names_say_team(demo: Workspace) -> None:
    meeting = demo.meetings(demo.account("acme").id)[0]
    client = sharing.default_minutes_path(demo, meeting.id, "eml")
    team = sharing.default_minutes_path(demo, meeting.id, "md", "team")
    assert client.name == f"acme-{meeting.day.isoformat()}-minutes.eml"
    assert team.name == f"acme-{meeting.day.isoformat()}-minutes-team.md"


def test_the_next_meeting_of_an_older_meeting_is_its_agreed_date(demo: Workspace) -> None:
    from checkin.services.mailing import next_after

    acme = demo.account("acme")
    older = demo.meetings(acme.id)[1]
    data = sharing.calendar_data(demo, acme)
    agreed = dataclasses.replace(older, next_meeting=NOW.date() + timedelta(days=3))
    found = next_after(demo, agreed, data)
    assert found is not None and found.key == f"{older.id}.next"
    assert found.start.date() == NOW.date() + timedelta(days=3)
    past = dataclasses.replace(older, next_meeting=date(2026, 1, 1))
    assert next_after(demo, past, data) is None


def test_private_notes_are_escaped_in_the_team_html() -> None:
    from tests.sharing_data import HOSTILE, hostile_workspace

    ws, meeting = hostile_workspace()
    items = [dataclasses.replace(item, private_notes=HOSTILE) for item in meeting.agenda]
    data = dataclasses.replace(
        sharing.minutes_data(ws, meeting.id, "team"),
        meeting=dataclasses.replace(meeting, agenda=items),
    )
    page = render_page(render_minutes(data, "team"), data.title)
    body = page.split("<body>")[1]
    assert "<script" not in page and "<b>" not in body and "<img" not in page
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in body
    assert "Private (team only):" in body
    assert "Private" not in render_minutes(data)  # and the client's has none of it
