"""Deterministic S and L workspaces: realistic shapes, a skewed busiest account, one seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from checkin.core.codec import encode
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
from checkin.core.ids import new_id
from checkin.core.meeting import AgendaItem, Decision, Meeting, Reason
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue, RoadmapItem
from checkin.storage.doctable import dump_tables, from_plain
from checkin.storage.files import atomic_write
from checkin.storage.schema import META_ID, META_TABLE, SCHEMA_VERSION


@dataclass(frozen=True)
class Size:
    name: str
    accounts: int
    issues: int
    meetings: int


S = Size("S", 25, 1_500, 300)
DEMO_X10 = Size("demo x10", 70, 300, 170)  # about ten times the demo's records
L = Size("L", 250, 15_000, 3_000)
NOW = datetime(2026, 11, 22, 9, 0)
WORDS = [
    "sync",
    "export",
    "invoice",
    "login",
    "report",
    "dashboard",
    "webhook",
    "import",
    "approval",
    "payroll",
    "audit",
    "search",
    "billing",
    "mobile",
    "api",
    "latency",
    "timeout",
    "permissions",
    "sso",
    "calendar",
    "pdf",
]


def _weights(count: int) -> list[float]:
    """A skewed share per account: the busiest holds several times the average."""
    return [1.0 / (rank + 1) ** 0.8 for rank in range(count)]


def _title(rng: random.Random) -> str:
    a, b = rng.sample(WORDS, 2)
    region = rng.choice(["EU", "US", "APAC"])
    return f"{a.capitalize()} {b} fails for {region} users #{rng.randrange(10_000)}"


def generate(size: Size, seed: int = 7, now: datetime = NOW) -> dict[str, dict[str, Any]]:
    """All tables of a workspace of ``size``, as stored (encoded) documents."""
    rng = random.Random(f"{size.name}-{seed}")
    tables: dict[str, dict[str, Any]] = {
        META_TABLE: {META_ID: {"schema_version": SCHEMA_VERSION, "created_at": now.isoformat()}},
    }

    def put(table: str, record: Any) -> None:
        tables.setdefault(table, {})[record.id] = encode(record)

    accounts = []
    for n in range(size.accounts):
        account = Account(
            id=new_id("account", rng),
            name=f"Account {n:04d}",
            slug=f"acct-{n:04d}",
            cadence_days=rng.choice((7, 14, 30)),
            our_owner="Sam Reyes",
            culture_notes="Prefers agendas a day ahead.",
            created_at=now - timedelta(days=400),
            updated_at=now,
        )
        accounts.append(account)
        put("accounts", account)
        for c in range(4):
            side = Side.CLIENT if c < 3 else Side.OURS
            put(
                "contacts",
                Contact(
                    id=new_id("contact", rng),
                    account_id=account.id,
                    name=f"Person {n}-{c}",
                    role="Ops",
                    side=side,
                    email=f"p{n}.{c}@example.com",
                    focal=c in (0, 3),
                    created_at=now,
                    updated_at=now,
                ),
            )
    weights = _weights(size.accounts)
    issues_by_account: dict[str, list[str]] = {}
    for _ in range(size.issues):
        account = rng.choices(accounts, weights)[0]
        opened = now - timedelta(hours=rng.randrange(1, 24 * 300))
        status = rng.choice(list(IssueStatus))
        ack = (
            opened + timedelta(hours=rng.randrange(1, 90))
            if status is not IssueStatus.NEW
            else None
        )
        resolved = (
            (ack or opened) + timedelta(days=rng.randrange(1, 20)) if not status.is_open else None
        )
        issue = Issue(
            id=new_id("issue", rng),
            account_id=account.id,
            title=_title(rng),
            body="Steps: open the page, wait, see the error. " * rng.randrange(1, 4),
            severity=rng.choice(list(Severity)),
            status=status,
            source="jira",
            external_id=f"X-{rng.randrange(100_000)}",
            opened=opened,
            acknowledged=min(ack, now) if ack else None,
            resolved=min(resolved, now) if resolved else None,
            due=(opened + timedelta(days=rng.randrange(5, 60))).date(),
            owner="Priya",
            labels=rng.sample(WORDS, 2),
            created_at=opened,
            updated_at=now,
        )
        put("issues", issue)
        issues_by_account.setdefault(account.id, []).append(issue.id)
    for account in accounts:
        for r in range(6):
            target = (now + timedelta(days=rng.randrange(-60, 120))).date()
            put(
                "roadmap",
                RoadmapItem(
                    id=new_id("roadmap", rng),
                    account_id=account.id,
                    side=RoadmapSide.OURS if r % 2 else RoadmapSide.THEIRS,
                    title=f"Milestone {r}",
                    target=target,
                    original_target=target - timedelta(days=rng.choice((0, 0, 14))),
                    status=rng.choice(list(RoadmapStatus)),
                    created_at=now,
                    updated_at=now,
                ),
            )
        for _f in range(8):
            put(
                "feedback",
                Feedback(
                    id=new_id("feedback", rng),
                    account_id=account.id,
                    direction=rng.choice(list(Direction)),
                    sentiment=rng.randrange(-2, 3),
                    topic="Support",
                    text="The last release went well, reporting is slow.",
                    received=(now - timedelta(days=rng.randrange(1, 200))).date(),
                    created_at=now,
                    updated_at=now,
                ),
            )
    for _ in range(size.meetings):
        account = rng.choices(accounts, weights)[0]
        put("meetings", _meeting(rng, account, issues_by_account.get(account.id, []), now))
    for _ in range(size.meetings * 3):
        account = rng.choices(accounts, weights)[0]
        action_status = rng.choice((ActionStatus.OPEN, ActionStatus.OPEN, ActionStatus.DONE))
        due = (now + timedelta(days=rng.randrange(-40, 30))).date()
        put(
            "actions",
            ActionItem(
                id=new_id("action", rng),
                account_id=account.id,
                title=f"Follow up on {rng.choice(WORDS)}",
                owner="us",
                due=due,
                status=action_status,
                done_on=due if action_status is ActionStatus.DONE else None,
                created_at=now,
                updated_at=now,
            ),
        )
    return tables


def _meeting(rng: random.Random, account: Account, issue_ids: list[str], now: datetime) -> Meeting:
    started = now - timedelta(days=rng.randrange(1, 360), hours=rng.randrange(0, 6))
    items = []
    for n, issue_id in enumerate(rng.sample(issue_ids, min(len(issue_ids), 6))):
        items.append(
            AgendaItem(
                key=f"issue:{issue_id}",
                kind=ItemKind.ISSUE,
                title=f"Issue {n}",
                source_ref=f"issue:{issue_id}",
                planned_minutes=5,
                actual_seconds=rng.randrange(60, 600),
                status=ItemStatus.DISCUSSED,
                notes="Agreed next steps; client to confirm by Friday.",
                reasons=[Reason(rule="severity", score=40, text="high severity")],
            )
        )
    items.append(
        AgendaItem(
            key="standing:better",
            kind=ItemKind.STANDING,
            planned_minutes=5,
            title="What could we have done better?",
            status=ItemStatus.DISCUSSED,
        )
    )
    return Meeting(
        id=new_id("meeting", rng),
        account_id=account.id,
        template="monthly",
        planned_start=started,
        started=started,
        ended=started + timedelta(minutes=35),
        length_minutes=30,
        agenda=items,
        rating=rng.randrange(2, 6),
        decisions=[Decision(text="Ship the fix in 8.5", at=started)],
        next_meeting=(started + timedelta(days=30)).date(),
        created_at=started,
        updated_at=started,
    )


def write(size: Size, path: Path, seed: int = 7) -> int:
    """Write a generated workspace to ``path``; returns its size in bytes."""
    data = dump_tables(from_plain(generate(size, seed)))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)
    return len(data)


def busiest_account(tables: dict[str, dict[str, Any]]) -> str:
    counts: dict[str, int] = {}
    for doc in tables["issues"].values():
        counts[doc["account_id"]] = counts.get(doc["account_id"], 0) + 1
    return max(sorted(counts), key=lambda a: counts[a])


def today() -> date:
    return NOW.date()
