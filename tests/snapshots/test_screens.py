"""SVG snapshots of the main screens on the demo workspace at 120x40 (review before accepting:
``pytest tests/snapshots --snapshot-update``, then look at the SVGs)."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from checkin.services import meetings
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp

NOW = datetime(2026, 11, 22, 9, 0)
SIZE = (120, 40)


def demo_app() -> CheckinApp:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(11))
    with ws.transaction():
        seed_demo(ws, NOW)
    return CheckinApp(ws)


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_accounts_home(snap_compare: Any) -> None:
    assert snap_compare(demo_app(), terminal_size=SIZE, run_before=settle)


def test_account_with_a_critical_issue(snap_compare: Any) -> None:
    app = demo_app()

    async def open_acme(pilot: Any) -> None:
        await settle(pilot)
        app.open_account(app.workspace.account("acme"))
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_acme)


def test_account_health_breakdown(snap_compare: Any) -> None:
    app = demo_app()

    async def open_health(pilot: Any) -> None:
        await settle(pilot)
        app.open_account(app.workspace.account("cobalt"), tab="health")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_health)


def test_live_check_in(snap_compare: Any) -> None:
    app = demo_app()

    async def start(pilot: Any) -> None:
        await settle(pilot)
        ws = app.workspace
        app.run_meeting(meetings.meeting_to_run(ws, ws.account("acme")))
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=start)


def test_live_check_in_at_80_by_24(snap_compare: Any) -> None:
    """The compact live layout: why the item is on the agenda stays in view, titles are not
    cut to a stub, the notes editor and its keys fit."""
    app = demo_app()

    async def start(pilot: Any) -> None:
        await settle(pilot)
        ws = app.workspace
        app.run_meeting(meetings.meeting_to_run(ws, ws.account("acme")))
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=start)
