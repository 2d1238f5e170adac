"""At 80x24 the Health tab scrolls by keyboard: every row of it can be reached, and f1 says how."""

from __future__ import annotations

import random
from datetime import datetime

from textual.geometry import Region
from textual.widgets import DataTable

from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.screens.account import AccountScreen, HealthScroll
from checkin.ui.screens.help import HelpScreen
from checkin.ui.widgets.health import HealthPanel

NOW = datetime(2026, 12, 6, 9, 0)
SMALL = (80, 24)


def demo() -> Workspace:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(3))
    with ws.transaction():
        seed_demo(ws, NOW)
    return ws


def rows_of(panel: HealthPanel) -> list[tuple[str, Region]]:
    """Every line of content the Health tab holds, where it is in the scroll (virtual)."""
    rows: list[tuple[str, Region]] = []
    for child in panel.children:
        if not child.display:
            continue
        if isinstance(child, DataTable):  # every row shown, none behind a scroll of its own
            assert child.max_scroll_y == 0, f"{child.id} hides rows in a box of its own"
        top = child.virtual_region.y + panel.virtual_region.y
        for n in range(child.outer_size.height):
            rows.append((f"{child.id} line {n}", Region(0, top + n, 1, 1)))
    return rows


async def test_every_row_of_the_health_tab_is_reached_by_keyboard_at_80x24() -> None:
    app = CheckinApp(demo())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(*"acme", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("1")
        await pilot.pause()
        scroll = app.screen.query_one(HealthScroll)
        assert app.screen.focused is scroll
        assert scroll.max_scroll_y > 0, "the Health tab fits: this test needs a smaller screen"
        panel = scroll.query_one(HealthPanel)
        wanted = dict(rows_of(panel))
        height = scroll.scrollable_content_region.height
        assert max(where.y for where in wanted.values()) >= height  # some start out of sight
        seen: set[str] = set()
        for _ in range(scroll.max_scroll_y + 2):
            window = Region(0, int(scroll.scroll_y), 1, scroll.scrollable_content_region.height)
            seen |= {name for name, where in wanted.items() if window.contains_region(where)}
            await pilot.press("down")
            await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        assert sorted(set(wanted) - seen) == []
        await pilot.press("home")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert scroll.scroll_y < scroll.max_scroll_y


async def test_f1_names_the_health_tabs_scroll_keys() -> None:
    app = CheckinApp(demo())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(*"acme", "enter")
        await pilot.pause()
        await pilot.press("1", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        actions = {str(table.get_row_at(n)[1]) for n in range(table.row_count)}
        assert {"Scroll up", "Scroll down", "Page up", "Page down", "Top", "Bottom"} <= actions
