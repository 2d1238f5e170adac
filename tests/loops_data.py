"""A small account whose call closes loops: an overdue action, two fixes to check, an issue
waiting for its plan, and an earlier check-in that talked about the first fix."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from checkin.core.enums import IssueStatus, ItemKind, ItemStatus, RoadmapSide, Severity, Side
from checkin.core.meeting import AgendaItem, Meeting
from checkin.core.records import ActionItem, Contact, Issue, RoadmapItem
from checkin.services.workspace import Workspace

NOW = datetime(2026, 12, 6, 10, 0)


class Clock:
    """A clock the test moves forward."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def loops_workspace(clock: Clock) -> Workspace:
    ws = Workspace.in_memory(clock=clock, rng=random.Random(21))
    with ws.transaction():
        account = ws.add_account(name="Borealis Bank", slug="borealis", cadence_days=30)
        aid = account.id
        for cid, name, side, focal in (
            ("c-ana", "Ana Ruiz", Side.CLIENT, True),
            ("c-ben", "Ben Okafor", Side.CLIENT, False),
            ("c-chris", "Chris Lane", Side.OURS, True),
        ):
            ws.add(Contact, id=cid, account_id=aid, name=name, side=side, focal=focal)
        ws.add(
            ActionItem,
            id="a-sso",
            account_id=aid,
            title="Send the SSO checklist",
            owner="Chris Lane",
            owner_contact_id="c-chris",
            due=date(2026, 11, 30),
        )
        opened = datetime(2026, 11, 2, 9, 0)
        for iid, title, severity, resolved in (
            ("i-export", "Export is slow", Severity.HIGH, datetime(2026, 12, 1, 9, 0)),
            ("i-login", "Login loop on Safari", Severity.MEDIUM, datetime(2026, 12, 2, 9, 0)),
        ):
            ws.add(
                Issue,
                id=iid,
                account_id=aid,
                title=title,
                severity=severity,
                status=IssueStatus.RESOLVED,
                opened=opened,
                acknowledged=opened,
                plan_given=opened + timedelta(days=1),
                resolved=resolved,
            )
        ws.add(
            Issue,
            id="i-totals",
            account_id=aid,
            title="Report totals are wrong",
            severity=Severity.HIGH,
            status=IssueStatus.ACKNOWLEDGED,
            opened=datetime(2026, 12, 5, 9, 0),
            acknowledged=datetime(2026, 12, 5, 11, 0),
        )
        for rid, side, title, target in (
            ("r-eu", RoadmapSide.OURS, "EU data centre", date(2026, 12, 20)),
            ("r-mobile", RoadmapSide.THEIRS, "Their mobile app launch", date(2027, 1, 10)),
        ):
            ws.add(
                RoadmapItem, id=rid, account_id=aid, side=side, title=title,
                target=target,
            )  # fmt: skip
        last = datetime(2026, 11, 16, 10, 0)
        ws.add(
            Meeting,
            account_id=aid,
            planned_start=last,
            started=last,
            ended=last + timedelta(minutes=30),
            attendees=["c-ana", "c-chris"],
            agenda=[
                AgendaItem(
                    key="issue:i-export",
                    kind=ItemKind.ISSUE,
                    title="Export is slow",
                    source_ref="issue:i-export",
                    status=ItemStatus.DISCUSSED,
                    notes="Index rebuild planned for the next sprint",
                )
            ],
        )
    return ws
