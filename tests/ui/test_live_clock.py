"""The live screen's one-second clock repaints only what changed, and always shows it right.

The clock ticks every second while the account manager types, so its repaint must be small:
one agenda row (not the whole list, which holds a busy account's parking lot), the timer,
the meeting clock. These tests check that what is shown stays right after such partial
repaints; the latency itself is measured by ``python -m checkin.bench --only typing``.
"""

from __future__ import annotations

import gc
import random
from datetime import datetime, timedelta

from textual.app import App, ComposeResult
from textual.geometry import Region

from checkin.core.enums import ItemKind, ItemStatus
from checkin.core.meeting import AgendaItem
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.screens.live import LiveScreen, NotesArea
from checkin.ui.widgets.agenda_list import AgendaList
from checkin.ui.widgets.item_detail import ItemDetail
from tests.conftest import Clock

NOW = datetime(2026, 11, 22, 9, 0)


def rows_on_screen(widget: AgendaList | ItemDetail) -> list[str]:
    """The widget's lines as the compositor gets them (cached ones included)."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [strip.text for strip in strips]


class AgendaApp(App[None]):
    def __init__(self, items: list[AgendaItem], parked: list[AgendaItem]) -> None:
        super().__init__()
        self.items = items
        self.parked = parked
        self.spent: dict[str, int] = {}
        self.current = items[0].key

    def compose(self) -> ComposeResult:
        yield AgendaList()

    def show(self) -> None:
        self.query_one(AgendaList).show(
            self.items, self.parked, self.current, lambda i: self.spent.get(i.key, 0)
        )


def agenda(n: int, *, parked: bool = False) -> list[AgendaItem]:
    prefix = "parked" if parked else "item"
    return [
        AgendaItem(
            key=f"{prefix}-{i}",
            kind=ItemKind.CUSTOM,
            title=f"{prefix.title()} {i}",
            planned_minutes=5,
            parked=parked,
        )
        for i in range(n)
    ]


async def test_a_tick_repaints_the_running_row_and_leaves_the_others_as_drawn() -> None:
    app = AgendaApp(agenda(4), agenda(300, parked=True))
    async with app.run_test(size=(60, 20)) as pilot:
        app.show()
        await pilot.pause()
        app.show()  # as the screen does: the rows now fit beside the scroll bar
        await pilot.pause()
        widget = app.query_one(AgendaList)
        before = rows_on_screen(widget)
        assert "▶ Item 0" in before[1] and "5 min" in before[1]
        assert "○ Item 1" in before[2]
        for seconds in (1, 2, 75):
            app.spent["item-0"] = seconds
            app.show()
            await pilot.pause()
        rows = rows_on_screen(widget)
        assert "▶ Item 0" in rows[1] and "01:15/5m" in rows[1]
        assert rows[2:] == before[2:]  # the other items, the divider and the parking lot
        # Past its planned minutes the row says so; another item's time shows on its own row.
        app.spent["item-0"] = 6 * 60
        app.spent["item-2"] = 30
        app.show()
        await pilot.pause()
        rows = rows_on_screen(widget)
        assert "06:00/5m" in rows[1] and "00:30/5m" in rows[3]
        assert "Item 1" in rows[2] and "5 min" in rows[2]


async def test_a_row_scrolled_out_of_view_shows_its_new_time_when_scrolled_back() -> None:
    items = agenda(40)
    app = AgendaApp(items, agenda(50, parked=True))
    async with app.run_test(size=(60, 12)) as pilot:
        app.show()
        await pilot.pause()
        widget = app.query_one(AgendaList)
        widget.scroll_to(y=30, animate=False)
        await pilot.pause()
        app.spent["item-0"] = 125
        app.show()
        await pilot.pause()
        widget.scroll_home(animate=False)
        await pilot.pause()
        assert "02:05/5m" in rows_on_screen(widget)[1]
        # Moving on repaints both rows: the old one loses its marker, the new one gets it.
        items[0].status = ItemStatus.DISCUSSED
        app.current = "item-1"
        app.show()
        await pilot.pause()
        rows = rows_on_screen(widget)
        assert "✓ Item 0" in rows[1] and "▶ Item 1" in rows[2]


def demo(clock: Clock) -> Workspace:
    ws = Workspace.in_memory(clock=clock, rng=random.Random(5))
    with ws.transaction():
        seed_demo(ws, NOW)
    return ws


async def test_the_clock_moves_on_screen_while_the_notes_keep_their_title() -> None:
    clock = Clock()
    ws = demo(clock)
    app = CheckinApp(ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")  # run the first account's check-in
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        await pilot.press(*"hello")
        notes = live.query_one(NotesArea)
        title = notes.border_title
        current = live.session.current
        assert current is not None
        for _ in range(3):
            clock.now += timedelta(seconds=65)
            live._tick()
            await pilot.pause()
        detail = "\n".join(rows_on_screen(live.query_one(ItemDetail)))
        assert f"03:15 of {current.planned_minutes} min" in detail
        row = rows_on_screen(live.query_one(AgendaList))[1]
        assert "▶" in row and f"03:15/{current.planned_minutes}m" in row
        assert "Meeting 03:15 of" in str(live.query_one("#clock").render())
        assert notes.border_title == title
        assert notes.text == "hello"
        # On to the next item: the title follows it.
        await pilot.press("ctrl+n")
        await pilot.pause()
        following = live.session.current
        assert following is not None
        assert notes.border_title is not None and following.title in notes.border_title


async def test_the_heap_is_frozen_for_the_call_and_handed_back_after() -> None:
    ws = demo(Clock())
    app = CheckinApp(ws)
    assert gc.get_freeze_count() == 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert gc.get_freeze_count() > 0
        await pilot.press("f3")  # leave the meeting running
        await pilot.pause()
        assert not isinstance(app.screen, LiveScreen)
        assert gc.get_freeze_count() == 0


async def test_a_resize_keeps_the_highlighted_row() -> None:
    """The list draws its rows again at a new width; the highlight stays where it was (it
    used to be lost until the next tick, so what the screen showed depended on timing)."""
    app = AgendaApp(agenda(6), agenda(10, parked=True))
    async with app.run_test(size=(60, 20)) as pilot:
        app.show()
        await pilot.pause()
        widget = app.query_one(AgendaList)
        widget.highlight_key("item-2")
        await pilot.pause()
        await pilot.resize_terminal(80, 20)
        await pilot.pause()
        assert widget.highlighted == 2
        assert widget.get_option_at_index(2).id == "item-2"
