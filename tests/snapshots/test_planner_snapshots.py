"""SVG snapshots of the agenda planner on the demo workspace (fixed clock, seeded ids).

Update after an intended change with ``pytest tests/snapshots --snapshot-update`` and look at
the SVGs in ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from checkin.ui.app import CheckinApp
from tests.sharing_data import demo_workspace


def planner_app() -> CheckinApp:
    return CheckinApp(demo_workspace())


async def open_acme(pilot: Pilot[Any]) -> None:
    """Plan Acme Health, the account with the critical issue."""
    app = pilot.app
    assert isinstance(app, CheckinApp)
    await pilot.pause()
    app.plan_agenda(app.workspace.account("acme"))
    await pilot.pause()


def test_planner_opens_on_the_generated_agenda(snap_compare: Any) -> None:
    assert snap_compare(planner_app(), terminal_size=(120, 40), run_before=open_acme)


def test_planner_overrun_with_every_reason(snap_compare: Any) -> None:
    # A 15-minute meeting (45 fit everything, shortened): restore the last parked item (the
    # agenda runs over), then show every reason.
    press = ["l", "backspace", "backspace", "1", "5", "enter", "end", "x", "home", "e"]
    assert snap_compare(planner_app(), terminal_size=(120, 40), run_before=open_acme, press=press)


def test_planner_at_100_by_30(snap_compare: Any) -> None:
    assert snap_compare(planner_app(), terminal_size=(100, 30), run_before=open_acme)


def test_planner_at_80_by_24(snap_compare: Any) -> None:
    # The details go under the agenda; minutes, borders and the figures stay in view.
    assert snap_compare(planner_app(), terminal_size=(80, 24), run_before=open_acme)


def test_preread_preview(snap_compare: Any) -> None:
    assert snap_compare(
        planner_app(), terminal_size=(120, 40), run_before=open_acme, press=["v", "_"]
    )
