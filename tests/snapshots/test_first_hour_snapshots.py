"""SVG snapshots of the first hour: the accounts home (empty and with the demo) and the
account's Health tab, at 120x40 and at 80x24, reviewed for text cut while there is room."""

from __future__ import annotations

from typing import Any

import pytest

from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from tests.snapshots.test_screens import NOW, demo_app, settle

SIZES = {"120x40": (120, 40), "80x24": (80, 24)}


@pytest.mark.parametrize("size", SIZES)
def test_empty_home_says_what_to_do(snap_compare: Any, size: str) -> None:
    app = CheckinApp(Workspace.in_memory(clock=lambda: NOW))
    assert snap_compare(app, terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_demo_home(snap_compare: Any, size: str) -> None:
    assert snap_compare(demo_app(), terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_account_health_tab(snap_compare: Any, size: str) -> None:
    app = demo_app()

    async def open_health(pilot: Any) -> None:
        await settle(pilot)
        app.open_account(app.workspace.account("acme"), tab="health")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=open_health)


def test_account_health_tab_scrolled_to_the_end_at_80x24(snap_compare: Any) -> None:
    app = demo_app()

    async def scroll_down(pilot: Any) -> None:
        await settle(pilot)
        app.open_account(app.workspace.account("acme"), tab="health")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=scroll_down)
