"""Builders for agenda engine tests: records relative to a fixed ``NOW``, terse defaults."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from typing import Any

from checkin.core.agenda import AccountData, Section, StandingItem, Template
from checkin.core.agenda.context import Context
from checkin.core.enums import (
    Direction,
    IssueStatus,
    ItemKind,
    ItemStatus,
    RoadmapSide,
    RoadmapStatus,
    Severity,
    Side,
)
from checkin.core.meeting import AgendaItem, Meeting
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue, RoadmapItem

NOW = datetime(2026, 11, 22, 9, 0)
TODAY = NOW.date()
_ids = itertools.count(1)


def _id(prefix: str) -> str:
    return f"{prefix}-{next(_ids):06d}"


def hours_ago(hours: float) -> datetime:
    return NOW - timedelta(hours=hours)


def days_from_today(days: int) -> date:
    return TODAY + timedelta(days=days)


def account(**fields: Any) -> Account:
    values: dict[str, Any] = {
        "id": "a-acct01",
        "name": "Acme Health",
        "slug": "acme",
        "cadence_days": 30,
        "our_owner": "Chris Moreno",
        "created_at": NOW - timedelta(days=10),  # new: no cadence item unless a test wants one
    }
    return Account(**(values | fields))


def contact(name: str, side: Side = Side.CLIENT, *, focal: bool = True) -> Contact:
    return Contact(id=_id("c"), account_id="a-acct01", name=name, side=side, focal=focal)


def issue(
    severity: Severity = Severity.MEDIUM,
    status: IssueStatus = IssueStatus.ACKNOWLEDGED,
    *,
    opened_h: float = 24,
    ack_h: float | None = None,
    plan_h: float | None = None,
    resolved_h: float | None = None,
    verified_h: float | None = None,
    due_in: int | None = None,
    **fields: Any,
) -> Issue:
    """Milestones in hours before NOW; an acknowledged-or-later status defaults ack to opened."""
    if ack_h is None and status is not IssueStatus.NEW:
        ack_h = opened_h
    values: dict[str, Any] = {
        "id": _id("i"),
        "account_id": "a-acct01",
        "title": "Sync fails for EU tenants",
        "severity": severity,
        "status": status,
        "opened": hours_ago(opened_h),
        "acknowledged": None if ack_h is None else hours_ago(ack_h),
        "plan_given": None if plan_h is None else hours_ago(plan_h),
        "resolved": None if resolved_h is None else hours_ago(resolved_h),
        "verified": None if verified_h is None else hours_ago(verified_h),
        "due": None if due_in is None else days_from_today(due_in),
    }
    return Issue(**(values | fields))


def action(
    title: str = "Send the test plan",
    *,
    owner: str = "us",
    side: Side = Side.OURS,
    due_in: int | None = None,
    **fields: Any,
) -> ActionItem:
    values: dict[str, Any] = {
        "id": _id("t"),
        "account_id": "a-acct01",
        "title": title,
        "owner": owner,
        "side": side,
        "due": None if due_in is None else days_from_today(due_in),
    }
    return ActionItem(**(values | fields))


def milestone(
    title: str = "EU rollout",
    status: RoadmapStatus = RoadmapStatus.PLANNED,
    *,
    side: RoadmapSide = RoadmapSide.THEIRS,
    target_in: int = 20,
    original_in: int | None = None,
    **fields: Any,
) -> RoadmapItem:
    values: dict[str, Any] = {
        "id": _id("r"),
        "account_id": "a-acct01",
        "side": side,
        "title": title,
        "status": status,
        "target": days_from_today(target_in),
        "original_target": None if original_in is None else days_from_today(original_in),
    }
    return RoadmapItem(**(values | fields))


def feedback(
    sentiment: int = -1,
    *,
    direction: Direction = Direction.FROM_CLIENT,
    days_ago: int = 3,
    addressed_days_ago: int | None = None,
    **fields: Any,
) -> Feedback:
    values: dict[str, Any] = {
        "id": _id("f"),
        "account_id": "a-acct01",
        "direction": direction,
        "sentiment": sentiment,
        "topic": "Support",
        "text": "Replies were slow this month.",
        "received": days_from_today(-days_ago),
        "addressed": None if addressed_days_ago is None else days_from_today(-addressed_days_ago),
    }
    return Feedback(**(values | fields))


def agenda_item(
    key: str,
    status: ItemStatus = ItemStatus.DISCUSSED,
    *,
    kind: ItemKind | None = None,
    title: str = "An item",
    minutes: int = 5,
    parked: bool = False,
) -> AgendaItem:
    """An item of a past meeting; a record key ("issue:i-1") is also its source_ref."""
    record = key.split(":", 1)[0] in ("issue", "action", "roadmap", "feedback")
    if kind is None:
        kind = ItemKind(key.split(":", 1)[0]) if record else ItemKind.CUSTOM
    return AgendaItem(
        key=key,
        kind=kind,
        title=title,
        source_ref=key if record else None,
        planned_minutes=minutes,
        status=status,
        parked=parked,
    )


def meeting(
    days_ago: int,
    items: list[AgendaItem] | None = None,
    *,
    rating: int | None = 4,
    length: int = 30,
) -> Meeting:
    start = datetime.combine(days_from_today(-days_ago), datetime.min.time()).replace(hour=10)
    return Meeting(
        id=_id("m"),
        account_id="a-acct01",
        planned_start=start,
        started=start,
        ended=start + timedelta(minutes=length),
        length_minutes=length,
        agenda=list(items or []),
        rating=rating,
    )


def data(**fields: Any) -> AccountData:
    values: dict[str, Any] = {"account": account()}
    return AccountData(**(values | fields))


def context(now: datetime = NOW, **fields: Any) -> Context:
    return Context.build(data(**fields), now)


def template(*sections: Section, minutes: int = 30, **fields: Any) -> Template:
    """A template; without sections, one that takes every kind and has one standing item."""
    if not sections:
        sections = (
            Section(title="Issues", kinds=(ItemKind.ISSUE, ItemKind.FOLLOW_UP)),
            Section(title="Actions", kinds=(ItemKind.ACTION,)),
            Section(title="Roadmaps", kinds=(ItemKind.ROADMAP,)),
            Section(
                title="Feedback",
                kinds=(ItemKind.FEEDBACK, ItemKind.RELATIONSHIP, ItemKind.CUSTOM),
                standing=(
                    StandingItem(
                        key="standing:better", title="What could we do better?", minutes=5
                    ),
                ),
            ),
        )
    values: dict[str, Any] = {
        "name": "test",
        "title": "Test check-in",
        "minutes": minutes,
        "sections": sections,
    }
    return Template(**(values | fields))
