"""Minutes: golden files of demo meetings, parsed back section by section, hostile notes."""

from __future__ import annotations

import dataclasses
import os
from datetime import timedelta
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from checkin.core.enums import ActionStatus, Audience, ItemKind, ItemStatus, Severity
from checkin.core.meeting import AgendaItem, Meeting, Reason
from checkin.core.records import Account, Issue
from checkin.markdown.chat import render_chat
from checkin.markdown.html import render_page
from checkin.markdown.minutes import SECTIONS, MinutesData, render_minutes, sections
from checkin.services import sharing
from checkin.services.workspace import Workspace
from tests.conftest import NOW
from tests.sharing_data import HOSTILE, demo_workspace, hostile_workspace

GOLDEN = Path(__file__).parent / "golden"
# CHECKIN_UPDATE_GOLDEN=1 pytest tests/unit/test_minutes.py rewrites the files: review the diff.
UPDATE = os.environ.get("CHECKIN_UPDATE_GOLDEN") == "1"
PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@pytest.fixture(scope="module")
def demo() -> Workspace:
    return demo_workspace()


def demo_meeting(ws: Workspace, slug: str, newest: int = 0) -> Meeting:
    """The account's ``newest``-th meeting, counting from the latest (0)."""
    return ws.meetings(ws.account(slug).id)[newest]


GOLDEN_CASES = {
    # An escalation: four attendees, a follow-up with a reason, feedback given to the client.
    "acme-latest": ("acme", 0),
    # A weekly sync that overran: a deferred item, one not reached, a custom item.
    "helios-latest": ("helios", 0),
    # A happy monthly: a done action item and feedback to the client.
    "northwind-second": ("northwind", 1),
}


@pytest.mark.parametrize("audience", ["client", "team"])
@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_minutes_match_the_golden_file(demo: Workspace, name: str, audience: str) -> None:
    slug, newest = GOLDEN_CASES[name]
    text = sharing.minutes_markdown(demo, demo_meeting(demo, slug, newest).id, audience)
    golden = GOLDEN / (f"{name}.md" if audience == "client" else f"{name}-team.md")
    if UPDATE:
        golden.write_text(text)
    assert text == golden.read_text(), f"minutes differ from {golden}; see the comment on UPDATE"


def headings(tokens: list[Token]) -> list[tuple[str, str]]:
    found = []
    for n, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((token.tag, tokens[n + 1].content))
    return found


def section_tokens(tokens: list[Token], title: str) -> list[Token]:
    """The tokens between the H2 ``title`` and the next H2."""
    start = next(
        n for n, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2" and tokens[n + 1].content == title
    )  # fmt: skip
    end = next(
        (n for n in range(start + 3, len(tokens))
         if tokens[n].type == "heading_open" and tokens[n].tag == "h2"),
        len(tokens),
    )  # fmt: skip
    return tokens[start + 3 : end]


def check_structure(text: str, data: MinutesData, audience: str = "client") -> list[Token]:
    """What every minutes document must look like, whatever the records say."""
    tokens = PARSER.parse(text)
    found = headings(tokens)
    assert [tag for tag, _ in found if tag == "h1"] == ["h1"]
    assert {tag for tag, _ in found} <= {"h1", "h2", "h3"}
    assert [title for tag, title in found if tag == "h2"] == list(sections(Audience(audience)))
    assert not [t for t in tokens if t.type in ("html_block", "code_block", "fence", "hr")]
    for token in tokens:
        for child in token.children or []:
            assert child.type not in ("html_inline", "code_inline", "image"), child
    # One list item per action item, as a task.
    actions = section_tokens(tokens, "Action items")
    items = [t for t in actions if t.type == "list_item_open"]
    assert len(items) == len(data.actions) or (not data.actions and not items)
    inline_texts = [t.content for t in actions if t.type == "inline"] if data.actions else []
    for action, shown in zip(w_sorted(data), inline_texts, strict=True):
        box = "[ ]" if action.status is ActionStatus.OPEN else "[x]"
        assert shown.startswith(box)
    # The agenda table has one row per agenda item plus the total.
    agenda = section_tokens(tokens, "Agenda")
    rows = [t for t in agenda if t.type == "tr_open"]
    assert len(rows) == 1 + len([i for i in data.meeting.agenda if not i.parked]) + 1 or not rows
    # One feedback item per feedback record.
    feedback = section_tokens(tokens, "Feedback")
    assert len([t for t in feedback if t.type == "list_item_open"]) == len(data.feedback)
    return tokens


def w_sorted(data: MinutesData) -> list:  # type: ignore[type-arg]
    from checkin.markdown.wording import sorted_actions

    return sorted_actions(data.actions)


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_demo_minutes_parse_back_into_every_section(demo: Workspace, name: str) -> None:
    slug, newest = GOLDEN_CASES[name]
    data = sharing.minutes_data(demo, demo_meeting(demo, slug, newest).id)
    tokens = check_structure(render_minutes(data), data)
    title = headings(tokens)[0][1]
    assert data.account.name in title and data.meeting.day.isoformat() in title


@pytest.mark.parametrize("audience", ["client", "team"])
def test_every_demo_meeting_renders_with_the_same_structure(demo: Workspace, audience: str) -> None:
    for account in demo.accounts():
        for meeting in demo.meetings(account.id):
            data = sharing.minutes_data(demo, meeting.id, audience)
            check_structure(render_minutes(data, audience), data, audience)


def test_action_items_are_a_task_list_with_owner_and_due_date(demo: Workspace) -> None:
    text = sharing.minutes_markdown(demo, demo_meeting(demo, "acme").id)
    assert "- [ ] Raj Patel: Share the list of EU tenants and clinic hours (due 2026-11-24)" in text


def test_hostile_notes_cannot_break_the_structure() -> None:
    ws, meeting = hostile_workspace()
    data = sharing.minutes_data(ws, meeting.id)
    text = render_minutes(data)
    tokens = check_structure(text, data)
    h3 = [title for tag, title in headings(tokens) if tag == "h3"]
    assert len(h3) == 2  # one per noted agenda item, whatever the notes hold
    notes = section_tokens(tokens, "Notes")
    paragraphs = [t for t in notes if t.type == "inline"]
    shown = "".join(c.content for p in paragraphs for c in p.children or [] if c.type == "text")
    assert "<script>alert('x')</script>" in shown and "[bold]x[/]" in shown
    roadmap = section_tokens(tokens, "Roadmap")
    assert [t.type for t in roadmap].count("td_open") == 5  # one row, five cells
    issues = section_tokens(tokens, "Open issues")
    assert [t.type for t in issues].count("td_open") == 6
    assert "(SUP-1\\|2) |" in text and "javascript" not in text  # an unsafe URL is left out


def test_html_never_passes_raw_html_through() -> None:
    ws, meeting = hostile_workspace()
    page = sharing.minutes_html(ws, meeting.id)
    body = page.split("<body>")[1]
    assert "<script" not in page and "<b>" not in body and "<i>" not in body
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in body
    assert "<title>Acme | &lt;b&gt;Corp&lt;/b&gt; #1 * · Monthly check-in · " in page
    assert 'href="javascript' not in page and "<img" not in page
    assert body.count("<h1>") == 1 and body.count("<h2>") == len(SECTIONS)
    assert 'type="checkbox"' in body and "<table>" in body


def test_html_page_is_self_contained(demo: Workspace) -> None:
    page = sharing.minutes_html(demo, demo_meeting(demo, "northwind").id)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<title>Northwind Logistics · Monthly check-in · 2026-11-10</title>" in page
    assert "http" not in page.split("<style>")[1].split("</style>")[0]  # no external resources


def test_a_meeting_that_has_not_ended_is_a_draft(demo: Workspace) -> None:
    meeting = demo_meeting(demo, "tessera")
    agenda = [dataclasses.replace(item, status=ItemStatus.PENDING) for item in meeting.agenda]
    live = dataclasses.replace(meeting, ended=None, agenda=agenda, current_key=agenda[1].key)
    data = dataclasses.replace(sharing.minutes_data(demo, meeting.id), meeting=live)
    text = render_minutes(data)
    assert text.splitlines()[0].endswith("(draft)")
    assert "> **Draft:** this meeting is still in progress; these minutes are not final." in text
    assert "| In progress |" in text and "| Pending |" in text
    check_structure(text, data)
    planned = dataclasses.replace(live, started=None, current_key=None)
    text = render_minutes(dataclasses.replace(data, meeting=planned))
    assert "this meeting has not started yet" in text


def test_chat_text_has_no_tables_and_uses_bullets(demo: Workspace) -> None:
    text = sharing.minutes_chat(demo, demo_meeting(demo, "helios").id)
    lines = text.splitlines()
    assert lines[0] == "Helios Energy · Weekly project sync · 2026-11-15"
    assert not any(line.startswith("|") for line in lines)
    assert "Deferred to the next meeting" in lines
    assert "• Henrik Larsen: Approve the historian read-only window (due 2026-11-23)" in lines
    assert "**" not in text and "##" not in text


def test_chat_text_keeps_multi_line_notes_under_their_bullet() -> None:
    ws, meeting = hostile_workspace()
    text = render_chat(sharing.minutes_data(ws, meeting.id))
    block = text.split("Not reached (carried to the next meeting)\n")[1].split("\n\n")[0]
    assert block.startswith("• ")
    assert all(line.startswith("  ") for line in block.splitlines()[1:])
    assert len(block.splitlines()) == len([x for x in HOSTILE.splitlines() if x.strip()])


def test_html_of_the_markdown_is_rendered_once(demo: Workspace) -> None:
    data = sharing.minutes_data(demo, demo_meeting(demo, "acme").id)
    page = render_page(render_minutes(data), data.title)
    assert page == sharing.minutes_html(demo, data.meeting.id)


def test_a_long_issue_list_is_capped_with_a_count() -> None:
    ws, meeting = hostile_workspace()
    template = ws.issues(meeting.account_id)[0]
    with ws.transaction():
        for n in range(60):
            ws.add(
                Issue,
                **{
                    **{f.name: getattr(template, f.name) for f in dataclasses.fields(Issue)},
                    "id": None,
                    "title": f"Issue {n}",
                    "severity": Severity.LOW if n % 2 else Severity.HIGH,
                },
            )
    data = sharing.minutes_data(ws, meeting.id)
    assert len(data.issues) == 50 and data.open_issue_count == 61
    assert all(i.severity is not Severity.LOW for i in data.issues[:31])
    text = render_minutes(data)
    assert "61 open issues as of 2026-11-22. The 50 most severe (oldest first) are listed." in text
    rows = [t for t in section_tokens(PARSER.parse(text), "Open issues") if t.type == "tr_open"]
    assert len(rows) == 1 + 50


def test_only_the_meetings_own_action_items_and_feedback_are_listed(demo: Workspace) -> None:
    meeting = demo_meeting(demo, "northwind")
    data = sharing.minutes_data(demo, meeting.id)
    account_id = meeting.account_id
    assert {a.id for a in data.actions} == {
        a.id for a in demo.actions(account_id) if a.meeting_id == meeting.id
    }
    assert {f.id for f in data.feedback} == {
        f.id for f in demo.feedback(account_id) if f.meeting_id == meeting.id
    }


def test_an_empty_planned_meeting_still_has_every_section(demo: Workspace) -> None:
    juniper = demo.account("juniper")
    planned = demo.add(
        Meeting,
        account_id=juniper.id,
        template="my-own_template",
        planned_start=NOW.replace(hour=15) + timedelta(days=3),
    )
    data = sharing.minutes_data(demo, planned.id)
    text = render_minutes(data)
    check_structure(text, data)
    assert text.startswith("# Juniper Bio · My own template · 2026-11-25 (draft)\n")
    for empty in (
        "No attendees were recorded.",
        "The agenda was empty.",
        "No notes were taken.",
        "No decisions were recorded.",
        "No action items were agreed.",
        "No feedback was recorded in this meeting.",
        "There were no agenda items.",
        "Not scheduled yet (we meet every 14 days).",
    ):
        assert empty in text
    assert "Wednesday 25 November 2026, 15:00 (30 min planned). 0 agenda items planned." in text
    chat = render_chat(data)
    assert chat.endswith("Next meeting: not scheduled yet\n")


def bare_minutes(meeting: Meeting, account: Account) -> MinutesData:
    """The minutes data of a meeting of an account with no other records."""
    return MinutesData(
        meeting=meeting,
        account=account,
        contacts=[],
        actions=[],
        feedback=[],
        issues=[],
        roadmap=[],
        today=NOW.date(),
    )


def test_counts_of_one_read_in_the_singular() -> None:
    ws = Workspace.in_memory(clock=lambda: NOW)
    account = ws.add_account(name="Solo", slug="solo", cadence_days=1)
    item = AgendaItem(key="k", kind=ItemKind.CUSTOM, title="Only item")
    meeting = ws.add(
        Meeting,
        account_id=account.id,
        planned_start=NOW,
        started=NOW,
        ended=NOW + timedelta(minutes=20),
        agenda=[item],
    )
    data = bare_minutes(meeting, account)
    text = render_minutes(data)
    assert "0 of 1 agenda item discussed, 1 not discussed." in text
    assert "we meet every 1 day)" in text
    planned = render_minutes(
        dataclasses.replace(
            data, meeting=Meeting(id="m-p", account_id=account.id, planned_start=NOW, agenda=[item])
        )
    )
    assert "1 agenda item planned." in planned


def test_minutes_shared_with_the_client_never_say_by_you() -> None:
    ws = Workspace.in_memory(clock=lambda: NOW)
    account = ws.add_account(name="Solo", slug="solo", cadence_days=14)
    added = AgendaItem(
        key="a",
        kind=ItemKind.CUSTOM,
        title="Budget for the Q1 pilot",
        reasons=[Reason(rule="added_by_hand", score=0, text="added by you")],
    )
    parked = AgendaItem(
        key="p",
        kind=ItemKind.CUSTOM,
        title="Office move",
        parked=True,
        reasons=[Reason(rule="parked", score=0, text="parked by you")],
    )
    meeting = ws.add(
        Meeting,
        account_id=account.id,
        planned_start=NOW,
        started=NOW,
        ended=NOW + timedelta(minutes=20),
        agenda=[added, parked],
    )
    data = bare_minutes(meeting, account)
    text = render_minutes(data)
    assert "by you" not in text.lower()
    assert "**1. Budget for the Q1 pilot:** Added by our team." in text
    # The client reads an item parked by hand as kept for later, never as "did not fit".
    assert "**For a later meeting: Office move:** Moved to a later meeting." in text
    assert "did not fit" not in text
    team = render_minutes(data, "team")
    assert "by you" not in team.lower()
    assert "Moved to the parking lot while planning." in team
    assert "- Office move (parked by hand)" in team
