"""The live agenda: every item with its status mark and its time against the plan."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from checkin.core.enums import ItemStatus
from checkin.core.meeting import AgendaItem
from checkin.core.text import clean_line

MARKS = {
    ItemStatus.PENDING: ("○", "dim"),
    ItemStatus.DISCUSSED: ("✓", "green"),
    ItemStatus.SKIPPED: ("↷", "dim"),
    ItemStatus.DEFERRED: ("⇥", "yellow"),
}


def clock(seconds: int) -> str:
    """``mm:ss`` (or ``h:mm:ss`` past an hour)."""
    minutes, secs = divmod(max(0, seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def item_line(item: AgendaItem, seconds: int, *, current: bool, width: int = 38) -> Text:
    mark, style = MARKS[item.status]
    if current:
        mark, style = "▶", "bold"
    planned = item.planned_minutes * 60
    over = seconds > planned > 0 or (planned == 0 and seconds > 0)
    timing = (
        f"{clock(seconds)}/{item.planned_minutes}m" if seconds else f"{item.planned_minutes} min"
    )
    title = clean_line(item.title)
    room = max(8, width - len(timing) - 4)
    if len(title) > room:
        title = title[: room - 1] + "…"
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{mark} ", style=style)
    line.append(
        title.ljust(room),
        style="bold" if current else ("dim" if item.status in (ItemStatus.SKIPPED,) else ""),
    )
    line.append(" ")
    line.append(timing, style="bold yellow" if over else "dim")
    return line


def parked_line(item: AgendaItem, width: int) -> Text:
    """A parking-lot item: dimmed, on one line (enter brings it into the meeting)."""
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append("⏸ ", style="dim")
    title = clean_line(item.title)
    room = max(8, width - 2)
    line.append(title if len(title) <= room else title[: room - 1] + "…", style="dim italic")
    return line


def _signature(item: AgendaItem, seconds: int, current: bool, width: int) -> tuple[object, ...]:
    """Everything :func:`item_line` draws from: the row is repainted when it changes."""
    return (item.status, current, seconds, item.title, item.planned_minutes, width)


class AgendaList(OptionList):
    """Attributes down: :meth:`show` gets the items; selecting one is the screen's business."""

    DEFAULT_CSS = """
    AgendaList { height: 1fr; border: round $primary 40%; }
    AgendaList:focus { border: round $primary; }
    """

    _keys: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # the rows shown, in order
    _drawn: dict[str, tuple[object, ...]]  # each item row's signature as drawn

    def show(
        self,
        items: Sequence[AgendaItem],
        parked: Sequence[AgendaItem],
        current_key: str | None,
        seconds: Callable[[AgendaItem], int],
    ) -> None:
        """Show the items; only rows whose line changed are repainted (the clock ticks every
        second, and a busy account's parking lot holds hundreds of rows)."""
        self._shown = (items, parked, current_key, seconds)
        inner = self.scrollable_content_region.width
        width = max(20, inner - 2) if inner else 38
        wanted = (tuple(i.key for i in items), tuple(i.key for i in parked))
        drawn: dict[str, tuple[object, ...]] = getattr(self, "_drawn", {})
        if wanted != self._keys:
            highlighted = self.highlighted
            drawn = {}
            options: list[Option | None] = []
            for i in items:
                drawn[i.key] = _signature(i, seconds(i), i.key == current_key, width)
                options.append(
                    Option(
                        item_line(i, seconds(i), current=i.key == current_key, width=width),
                        id=i.key,
                    )
                )
            if parked:
                options.append(None)
                options += [Option(parked_line(i, width), id=f"parked:{i.key}") for i in parked]
            self.set_options(options)
            self._keys = wanted
            self._drawn = drawn
            if highlighted is not None and highlighted < self.option_count:
                self.highlighted = highlighted
            return
        for item in items:
            spent = seconds(item)
            current = item.key == current_key
            signature = _signature(item, spent, current, width)
            if drawn.get(item.key) != signature:
                drawn[item.key] = signature
                self._repaint_row(item.key, item_line(item, spent, current=current, width=width))

    def _repaint_row(self, key: str, line: Text) -> None:
        """Show ``line`` in the row ``key``, dropping only that row's cached drawing.

        ``replace_option_prompt`` clears the whole list's caches, so the next frame measures
        every row again and draws every visible row afresh: with the 1,591 rows of a busy
        account that took 10-15 ms of each clock tick and delayed the keys typed meanwhile.
        Every row here is one line (``no_wrap``), so a new text never changes a row's height
        and the line map stays valid; the drawings are cached per option object, and only
        this row's line is marked for repainting.
        """
        index = self.get_option_index(key)
        option = self.get_option_at_index(index)
        option._set_prompt(line)
        cache = self._option_render_cache
        stale = [cached for cached in cache.keys() if cached[0] is option]  # noqa: SIM118 (no __iter__)
        for cached in stale:
            cache.discard(cached)
        # The item rows come first, one line each, so an item's row is its line; the other
        # visible rows keep their drawing.
        self.refresh_line(index)

    def on_resize(self) -> None:
        shown = getattr(self, "_shown", None)
        if shown is not None:
            items, parked, current_key, seconds = shown
            highlighted = self.highlighted  # clear_options forgets it: the rows are the same
            self.clear_options()
            self._keys = None
            self.show(items, parked, current_key, seconds)
            if highlighted is not None and highlighted < self.option_count:
                self.highlighted = highlighted

    def highlight_key(self, key: str | None) -> None:
        if key is None:
            return
        with contextlib.suppress(OptionDoesNotExist):
            self.highlighted = self.get_option_index(key)
