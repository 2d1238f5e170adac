"""Workspaces for the minutes and calendar tests: the seeded demo and a hostile one."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from checkin.core.enums import (
    ActionStatus,
    Direction,
    IssueStatus,
    ItemKind,
    ItemStatus,
    RoadmapSide,
    RoadmapStatus,
    Severity,
    Side,
)
from checkin.core.meeting import AgendaItem, Decision, Meeting, Reason, StatusChange
from checkin.core.records import ActionItem, Contact, Feedback, Issue, RoadmapItem
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from tests.conftest import NOW

HOSTILE = (
    "Pipes | in | text, # not a heading, *not bold*, _not italic_, `not code`,\n"
    "<script>alert('x')</script> and <b>x</b>, [bold]x[/] and [a link](https://evil.example)\n"
    "> not a quote\n"
    "- not a list\n"
    "1. not numbered\n"
    "---\n"
    "    not code either\n"
    "```\n"
    "~~~ not a fence ~~~ &amp; &#124; \\ backslash \\| \\\n"
    "\n"
    "| --- | --- |\n"
    "=== ![img](x.png) [^1] <!-- c --> ## end ##"
)


def demo_workspace(now: datetime = NOW) -> Workspace:
    """The demo workspace in memory, seeded at ``now`` with a seeded rng: stable ids."""
    ws = Workspace.in_memory(clock=lambda: now, rng=random.Random(now.isoformat()))
    with ws.transaction():
        seed_demo(ws, now)
    return ws


def hostile_workspace(now: datetime = NOW) -> tuple[Workspace, Meeting]:
    """An account whose every text field tries to break the Markdown structure."""
    ws = Workspace.in_memory(clock=lambda: now, rng=random.Random(7))
    account = ws.add_account(name="Acme | <b>Corp</b> #1 *", slug="acme", cadence_days=14)
    dana = ws.add(
        Contact,
        account_id=account.id,
        name="Dana [x](y) *Whit*field",
        role="VP | Ops <i>",
        email="dana@acme.example",
        focal=True,
    )
    sam = ws.add(
        Contact,
        account_id=account.id,
        name="Sam `Reyes`",
        side=Side.OURS,
        email="sam@us.example",
        focal=True,
    )
    issue = ws.add(
        Issue,
        account_id=account.id,
        title="Sync | fails <script>x</script> #",
        severity=Severity.CRITICAL,
        status=IssueStatus.ACKNOWLEDGED,
        opened=now - timedelta(hours=70),
        acknowledged=now - timedelta(hours=60),
        owner="Priya | N",
        external_id="SUP-1|2",
        url="javascript:alert(1)",
    )
    ws.add(
        RoadmapItem,
        account_id=account.id,
        side=RoadmapSide.THEIRS,
        title="EU | rollout ## next",
        target=(now + timedelta(days=20)).date(),
        original_target=(now - timedelta(days=10)).date(),
        status=RoadmapStatus.SLIPPED,
        notes=HOSTILE,
    )
    start = now - timedelta(days=1)
    items = [
        AgendaItem(
            key=f"issue:{issue.id}",
            kind=ItemKind.ISSUE,
            title=issue.title,
            source_ref=f"issue:{issue.id}",
            planned_minutes=10,
            actual_seconds=615,
            notes=HOSTILE,
            reasons=[
                Reason(rule="critical", score=100, text="critical issue | <b>x</b>"),
                Reason(rule="ack", score=50, text="# acknowledged late\n- by 12 h"),
            ],
        ),
        AgendaItem(
            key="custom:1",
            kind=ItemKind.CUSTOM,
            title="1. Numbered? | no",
            planned_minutes=5,
            status=ItemStatus.DEFERRED,
            notes="- carry\n> over",
            carried_from=date(2026, 11, 1),
        ),
        AgendaItem(
            key="custom:2",
            kind=ItemKind.CUSTOM,
            title="Parked | item",
            planned_minutes=5,
            parked=True,
        ),
    ]
    meeting = ws.add(
        Meeting,
        account_id=account.id,
        template="monthly",
        planned_start=start,
        started=start,
        ended=start + timedelta(minutes=31),
        attendees=[dana.id, sam.id, "c-gone"],
        agenda=items,
        decisions=[
            Decision(text="Ship | it\n# now", at=start, item_key=items[0].key),
            Decision(text="<script>no</script>", at=start),
        ],
        status_changes=[
            StatusChange(
                issue_id=issue.id,
                issue_title=issue.title,
                old=IssueStatus.NEW,
                new=IssueStatus.ACKNOWLEDGED,
                at=start,
            )
        ],
        rating=4,
        next_meeting=(now + timedelta(days=13)).date(),
    )
    for title, owner, status in (
        ("Send | the *plan* - twice", dana, ActionStatus.OPEN),
        ("<b>Check</b> [x](y) `z`", None, ActionStatus.OPEN),
        ("# Done | already", sam, ActionStatus.DONE),
    ):
        ws.add(
            ActionItem,
            account_id=account.id,
            meeting_id=meeting.id,
            title=title,
            owner=owner.name if owner else "us",
            owner_contact_id=owner.id if owner else None,
            side=owner.side if owner else Side.OURS,
            due=(now + timedelta(days=5)).date(),
            status=status,
            done_on=now.date() if status is ActionStatus.DONE else None,
        )
    ws.add(
        Feedback,
        account_id=account.id,
        direction=Direction.FROM_CLIENT,
        sentiment=-2,
        topic="Support | <i>",
        text=HOSTILE,
        received=start.date(),
        meeting_id=meeting.id,
    )
    return ws, meeting
