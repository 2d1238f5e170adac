"""The demo workspace: seven fictional accounts, each in a situation an account manager knows."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from checkin.core.records import Account
from checkin.services.demo import attention, steady
from checkin.services.seeder import Seeder
from checkin.services.workspace import Workspace

STORIES = (
    steady.northwind,  # healthy: on cadence, fast answers, happy client
    attention.acme,  # a critical issue past the 48-hour rules, escalation phase
    attention.helios,  # a project whose roadmap slipped on both sides, weekly syncs
    attention.cobalt,  # negative feedback nobody has answered
    steady.bluefin,  # past its monthly cadence, overdue action items
    steady.juniper,  # new account, no focal contact yet
    steady.tessera,  # strategic bank, quarterly business review coming up
)


def seed_demo(ws: Workspace, now: datetime) -> list[Account]:
    """Add the demo accounts to ``ws`` (inside the caller's transaction); dates relative to now."""
    accounts = []
    for story in STORIES:
        seeder = Seeder(ws, now)
        story(seeder)
        assert seeder.account is not None
        accounts.append(seeder.account)
        store_past_scores(ws, seeder.account)
    return accounts


def store_past_scores(ws: Workspace, account: Account) -> None:
    """Give each past check-in the health score it ended with, worked out once from the
    seeded records (a real check-in stores its own at the wrap-up)."""
    from checkin.core.trend import score_at

    r = ws.relationship(account)
    for meeting in r.meetings:
        if meeting.ended is not None and meeting.health_score is None:
            ws.save(dataclasses.replace(meeting, health_score=score_at(r, meeting.ended)))
