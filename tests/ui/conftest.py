"""Pilot fixtures: the app on a small, deterministic workspace."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from checkin.core import ActionItem, Contact, Feedback, Issue, RoadmapItem, Side
from checkin.core.enums import Direction, RoadmapSide, Severity
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from tests.conftest import NOW


def small_workspace() -> Workspace:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(3))
    acme = ws.add_account(name="Acme Corp", slug="acme", cadence_days=7, our_owner="Sam Reyes")
    ws.add_account(name="Globex Retail", slug="globex", cadence_days=14)
    ws.add(
        Contact,
        account_id=acme.id,
        name="Dana Whitfield",
        role="VP Ops",
        email="dana@acme.example",
        focal=True,
    )
    ws.add(Contact, account_id=acme.id, name="Sam Reyes", side=Side.OURS, focal=True)
    ws.add(
        Issue,
        account_id=acme.id,
        title="[bold]Sync[/] fails for EU tenants",
        severity=Severity.CRITICAL,
        opened=NOW - timedelta(hours=70),
    )
    ws.add(
        Issue,
        account_id=acme.id,
        title="Export drops a column",
        severity=Severity.MEDIUM,
        opened=NOW - timedelta(days=9),
    )
    ws.add(
        RoadmapItem,
        account_id=acme.id,
        side=RoadmapSide.THEIRS,
        title="EU rollout",
        target=(NOW + timedelta(days=20)).date(),
        original_target=(NOW - timedelta(days=10)).date(),
    )
    ws.add(
        Feedback,
        account_id=acme.id,
        direction=Direction.FROM_CLIENT,
        sentiment=-2,
        text="Reports arrive late",
        received=(NOW - timedelta(days=5)).date(),
    )
    ws.add(
        ActionItem,
        account_id=acme.id,
        title="Send the EU plan",
        owner="us",
        due=(NOW - timedelta(days=3)).date(),
    )
    return ws


@pytest.fixture
def ws() -> Workspace:
    return small_workspace()


@pytest.fixture
def app(ws: Workspace) -> CheckinApp:
    return CheckinApp(ws)
