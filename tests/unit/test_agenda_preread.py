"""The Markdown pre-read: golden files of the demo accounts, and user text that cannot escape.

Regenerate the golden files after an intended change with
``CHECKIN_UPDATE_GOLDEN=1 pytest tests/unit/test_agenda_preread.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import os
import random
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from checkin.cli.agenda import render
from checkin.core.agenda import arrangement, build_agenda
from checkin.core.enums import ItemStatus, Severity, Side
from checkin.markdown.escape import inline as escape
from checkin.markdown.preread import render_preread, when
from checkin.services.demo import seed_demo
from checkin.services.planning import plan
from checkin.services.workspace import Workspace
from tests.unit import agenda_data as build
from tests.unit.agenda_data import NOW

GOLDEN = Path(__file__).parent / "golden" / "agenda"
NASTY = [
    "# Not a heading | not a cell",
    "- not a list item",
    "1. not a numbered item",
    "> not a quote",
    "`code` and <script>alert(1)</script> and <b>bold</b>",
    "**not bold** _not italic_ [not a link](http://x) ![no image](x.png)",
    "trailing backslash \\",
    "&amp; entity and ~~strike~~ and #42",
    "=====",
]


@pytest.fixture(scope="module")
def demo() -> Iterator[Workspace]:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(NOW.isoformat()))
    with ws.transaction():
        seed_demo(ws, NOW)
    yield ws
    ws.close()


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CHECKIN_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with CHECKIN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", ["acme", "helios", "bluefin", "northwind"])
def test_demo_preread_matches_its_golden_file(demo: Workspace, slug: str) -> None:
    check_golden(f"{slug}.md", render_preread(plan(demo, slug)))


def test_demo_json_matches_its_golden_file(demo: Workspace) -> None:
    check_golden("helios.json", render(plan(demo, "helios"), "json"))


def test_user_text_cannot_break_the_structure() -> None:
    issues = [build.issue(Severity.HIGH, title=title, owner="<i>Eve</i> | #1") for title in NASTY]
    last = build.meeting(7, [build.agenda_item("custom:x", ItemStatus.PENDING, title="- [ ] x")])
    data = build.data(
        account=build.account(name="Acme | <Health> #1", our_owner="*Chris*"),
        issues=issues,
        meetings=[last],
        contacts=[build.contact("Elena"), build.contact("Chris", Side.OURS)],
    )
    agenda = build_agenda(data, build.template(), 18, NOW)
    text = render_preread(agenda)
    check_golden("escaping.md", text)
    tokens = MarkdownIt("gfm-like").parse(text)
    kinds = [t.type for t in tokens]
    assert "html_block" not in kinds and "html_inline" not in kinds
    assert not any(t.type == "inline" and any(c.type == "html_inline" for c in t.children or [])
                   for t in tokens)  # fmt: skip
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    assert len(headings) == 1 + len({i.section for i in agenda.items}) + 1  # title, sections, lot
    assert kinds.count("list_item_open") == len(agenda.items) + len(agenda.parked)
    assert "blockquote_open" not in kinds and "hr" not in kinds
    for t in tokens:
        for child in t.children or []:
            if child.markup == "linkify":  # a bare URL may be linked, as GitHub does
                continue
            assert child.type not in ("link_open", "image", "s_open", "code_inline", "em_open")


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("plain words", "plain words"),
        ("a | b", "a \\| b"),
        ("# x", "\\# x"),
        ("- x", "\\- x"),
        ("+ x", "\\+ x"),
        ("> x", "\\> x"),
        ("12. x", "12\\. x"),
        ("3) x", "3\\) x"),
        ("2026-W47", "2026-W47"),
        ("<b>", "\\<b>"),
        ("a\nb\x1b[31m", "a b"),
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_scores_and_internal_judgement_stay_out_of_the_client_text(demo: Workspace) -> None:
    agenda = plan(demo, "acme")
    text = render_preread(agenda)
    assert "score" not in text and "ack_breach_48h" not in text
    assert "48 h" not in text and "(+" not in text and "Internal" not in text
    assert "Why: critical severity;" in text
    # In the client's voice: "your side", never "the client's".
    assert "the client's" not in text and "their side" not in text
    assert "With: an action on your side, 'Share the list of EU tenants" in text
    team = render_preread(agenda, "team")
    assert team.startswith("# Acme Health: Escalation review\n\n> **Internal:**")
    assert "not acknowledged 61 h after it was opened (48 h rule) (+" in team


def test_the_team_pre_read_says_why_each_item_was_parked(demo: Workspace) -> None:
    from checkin.core.agenda.arrangement import PARKED_BY_HAND

    agenda = plan(demo, "acme", minutes=20)  # 20 minutes: four topics wait for later
    first = agenda.parked[0]
    by_hand = dataclasses.replace(first, reasons=[*first.reasons, PARKED_BY_HAND])
    agenda = dataclasses.replace(agenda, parked=[by_hand, *agenda.parked[1:]])
    client = render_preread(agenda)
    assert "These are kept for a later meeting. Tell us if one" in client
    assert "did not fit" not in client and "parked" not in client
    team = render_preread(agenda, "team")
    assert "(some did not fit in 20 minutes)" in team
    assert f"- {first.title} ({first.planned_minutes} min, parked by hand)" in team
    assert "(1 min, did not fit)" in team


def test_bluefin_ratings_are_for_the_team_only(demo: Workspace) -> None:
    agenda = plan(demo, "bluefin")
    assert "rated" not in render_preread(agenda)
    assert "recent check-ins were rated 4, 3 (out of 5) (+" in render_preread(agenda, "team")


def test_dates_read_the_same_in_any_locale() -> None:
    assert when(datetime(2026, 11, 22, 9, 0)) == "Sunday 22 November 2026, 09:00"


def test_a_long_parking_lot_is_cut_with_a_count() -> None:
    issues = [build.issue(Severity.HIGH, title=f"Issue {n}") for n in range(30)]
    agenda = build_agenda(build.data(issues=issues), build.template(), 10, NOW)
    text = render_preread(agenda)
    assert f"- and {len(agenda.parked) - 15} more" in text


def test_an_item_the_account_manager_added_has_no_why_for_the_client(demo: Workspace) -> None:
    # The reason says "added by you": the client reading the pre-read would take it as them.
    agenda = plan(demo, "acme")
    added = arrangement.custom_item("custom:k", "Budget for Q1 pilot", 5, agenda.sections[-1])
    planned = arrangement.add(arrangement.from_agenda(agenda), added)
    text = render_preread(
        arrangement.to_agenda(
            planned, account=agenda.account, template="escalation", title=agenda.title, now=NOW
        )
    )
    assert "added by you" not in text.casefold()
    line = next(n for n, row in enumerate(text.splitlines()) if "Budget for Q1 pilot" in row)
    entry = text.splitlines()[line]
    assert entry.endswith("— 5 min")  # no hard break: no "Why" line follows
    assert not text.splitlines()[line + 1].lstrip().startswith("Why")
