"""A light table for the accounts screen: fixed columns, one line per row, a cursor.

DataTable measures every cell of every row with Rich on each change; this renders only the
visible lines, from cells that are already Rich Text, so the home screen paints fast even
with hundreds of accounts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from checkin.ui.command_table import Command, CommandTable

GAP = 2


class Column:
    """One column of the list (a plain class: a NamedTuple costs ten times as much to build
    at import, before the first frame).

    ``flexible``: takes the room that is left (``width`` is its minimum). ``give_way``: hidden
    when the screen is too narrow for every column: 1 goes first, then 2...; 0 never.
    """

    __slots__ = ("flexible", "give_way", "key", "label", "width")

    def __init__(
        self, key: str, label: str, width: int, *, flexible: bool = False, give_way: int = 0
    ) -> None:
        self.key = key
        self.label = label
        self.width = width
        self.flexible = flexible
        self.give_way = give_way

    def __repr__(self) -> str:
        return f"Column({self.key!r}, {self.label!r}, {self.width})"


LIST_COMMANDS = CommandTable(
    [Command("enter", "choose", "Open", help="Open the highlighted account", id="accounts.choose")]
)


class AccountList(ScrollView, can_focus=True):
    """Rows of Rich Text cells keyed by id. Attributes down (``set_rows``, ``update_row``),
    messages up (``Chosen`` on enter or a click on the highlighted row)."""

    COMPONENT_CLASSES = {"account-list--header", "account-list--cursor", "account-list--odd"}
    DEFAULT_CSS = """
    AccountList { height: 1fr; }
    AccountList > .account-list--header { text-style: bold; color: $text-primary; }
    AccountList > .account-list--cursor { background: $primary 35%; }
    AccountList:focus > .account-list--cursor { background: $primary 55%; }
    AccountList > .account-list--odd { background: $boost; }
    """
    COMMAND_TABLE = LIST_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = LIST_COMMANDS.bindings()

    cursor: reactive[int] = reactive(0, always_update=True)

    class Chosen(Message):
        """The user picked a row (enter, or a click on the highlighted row)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self._keys: list[str] = []
        self._cells: dict[str, list[Text]] = {}
        self._strips: dict[str, tuple[Style, Strip]] = {}  # a row's strip, and its style
        self._painting: _PaintStyles | None = None  # the styles of the paint under way
        self._width = 0
        self._sorted_by: str | None = None
        self._widths_for: tuple[int, str | None, list[int]] | None = None

    # -- data down -------------------------------------------------------------------------

    def mark_sorted(self, column: str | None) -> None:
        """Mark the column the rows are sorted by in the header (it never gives way)."""
        if column != self._sorted_by:
            self._sorted_by = column
            self._strips.clear()
            self.refresh()

    @property
    def sorted_by(self) -> str | None:
        return self._sorted_by

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    def set_rows(self, rows: Sequence[tuple[str, list[Text]]]) -> None:
        """Replace every row, keeping the cursor on the same key when it is still there."""
        current = self.cursor_key
        self._keys = [key for key, _cells in rows]
        self._cells = dict(rows)
        self._strips.clear()
        self.virtual_size = Size(0, len(self._keys) + 1)  # lines fit the width: no width
        index = self._keys.index(current) if current in self._cells else 0
        self.cursor = min(index, max(0, len(self._keys) - 1))

    def update_row(self, key: str, cells: list[Text]) -> None:
        if key in self._cells:
            self._cells[key] = cells
            self._strips.pop(key, None)
            self.refresh_line(self._keys.index(key) + 1)  # a virtual line: below the header

    @property
    def cursor_key(self) -> str | None:
        return self._keys[self.cursor] if 0 <= self.cursor < len(self._keys) else None

    def move_cursor(self, rows: int) -> None:
        if self._keys:
            self.cursor = max(0, min(len(self._keys) - 1, self.cursor + rows))

    def watch_cursor(self, _old: int, new: int) -> None:
        visible = max(1, self.size.height - 1)  # the header line stays put
        top = self.scroll_offset.y
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)
        self.refresh()

    # -- messages up -----------------------------------------------------------------------

    def action_choose(self) -> None:
        if (key := self.cursor_key) is not None:
            self.post_message(self.Chosen(key))

    def on_click(self, event: events.Click) -> None:
        row = event.y - 1 + self.scroll_offset.y
        if event.y == 0 or not 0 <= row < len(self._keys):
            return
        if row == self.cursor or event.chain > 1:
            self.cursor = row
            self.action_choose()
        else:
            self.cursor = row

    # -- rendering -------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # Lines are cut to the width when painted, so the virtual size has none: a change to
        # it lays the screen out again (the first frame was painted twice).
        self._strips.clear()

    def _widths(self, width: int) -> list[int]:
        """Each column's width (0: hidden); some columns give way on narrow screens. Worked
        out once per screen width and sort column (every painted line asks)."""
        known = self._widths_for
        if known is not None and known[:2] == (width, self._sorted_by):
            return known[2]
        widths = self._work_out_widths(width)
        self._widths_for = (width, self._sorted_by, widths)
        return widths

    def _work_out_widths(self, width: int) -> list[int]:
        shown = list(self.columns)

        def needed() -> int:
            return sum(c.width for c in shown) + GAP * (len(shown) - 1) + 1

        giving = (c for c in self.columns if c.give_way and c.key != self._sorted_by)
        for column in sorted(giving, key=lambda c: c.give_way):
            if needed() <= width:
                break
            shown.remove(column)
        room = max(0, width - needed())
        widths = []
        for c in self.columns:
            extra = 0
            if c in shown and c.flexible:
                # A flexible column grows up to twice its minimum: wider rows are harder to
                # read. The room left goes to the flexible columns in order.
                extra = min(room, c.width)
                room -= extra
            widths.append(c.width + extra if c in shown else 0)
        return widths

    def _line(
        self, cells: Sequence[Text], widths: list[int], row: Style, line_width: int | None = None
    ) -> Strip:
        """One row's cells in their columns, each cell's colours on top of the row's style
        (its background), in one pass: the strip a row shows until it or its style changes.
        With ``line_width``, exactly that wide (padded in the row's style, or cut)."""
        segments: list[Segment] = [Segment(" ", row)]
        length = 1  # each cell is cut or padded to its column's width: the length is known
        console = self.app.console
        last = max(n for n, w in enumerate(widths) if w)
        gap = Segment(" " * GAP, row)
        for n, (cell, width) in enumerate(zip(cells, widths, strict=False)):
            if not width:
                continue
            base = row + console.get_style(cell.style) if cell.style else row
            if cell.spans:
                text = cell.copy()
                text.truncate(width, overflow="ellipsis", pad=True)
                # Text.render leaves out the Text's own base style: add it to each piece.
                segments.extend(Segment(s.text, base + s.style) for s in text.render(console))
            else:
                # One style for the whole cell (almost every cell): no Rich layout needed.
                segments.append(Segment(_fit(cell.plain, width), base))
            length += width
            if n < last:
                segments.append(gap)
                length += GAP
        if line_width is None:
            return Strip(segments, length)
        if length < line_width:
            segments.append(Segment(" " * (line_width - length), row))
            return Strip(segments, line_width)
        return Strip(segments, length).crop(0, line_width)

    def _paint_styles(self) -> _PaintStyles:
        """The styles of the header and of plain, odd and highlighted rows. The widget's own
        style walks every ancestor: worked out once for all the lines of a paint."""
        base = self.rich_style
        return _PaintStyles(
            base=base,
            header=self.get_component_rich_style("account-list--header"),
            odd=base + self.get_component_rich_style("account-list--odd"),
            cursor=base + self.get_component_rich_style("account-list--cursor"),
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        self._painting = self._paint_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._painting = None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if width != self._width:
            self._width = width
            self._strips.clear()
        widths = self._widths(width)
        styles = self._painting or self._paint_styles()
        base = styles.base
        if y == 0:
            labels = [
                Text(f"{c.label} ↓" if c.key == self._sorted_by else c.label) for c in self.columns
            ]
            header = self._line(labels, widths, Style.null()).apply_style(styles.header)
            return header.crop_extend(0, width, base)
        row = y - 1 + self.scroll_offset.y
        if row >= len(self._keys):
            return Strip.blank(width, base)
        key = self._keys[row]
        style = base
        if row == self.cursor:
            style = styles.cursor
        elif row % 2:
            style = styles.odd
        # A row's strip, with its background, is kept while its cells and style stay the
        # same: moving the cursor paints two rows anew, not every row.
        kept = self._strips.get(key)
        if kept is not None and kept[0] == style:
            return kept[1]
        strip = self._line(self._cells[key], widths, style, width)
        self._strips[key] = (style, strip)
        return strip


class _PaintStyles:
    """The styles of one paint: a plain class, which costs a tenth of a NamedTuple to build
    at import (before the first frame)."""

    __slots__ = ("base", "cursor", "header", "odd")

    def __init__(self, *, base: Style, header: Style, odd: Style, cursor: Style) -> None:
        self.base = base
        self.header = header
        self.odd = odd
        self.cursor = cursor


def _fit(text: str, width: int) -> str:
    """``text`` cut with an ellipsis or padded with spaces to ``width`` cells."""
    size = cell_len(text)
    if size <= width:
        return text + " " * (width - size)
    cut = set_cell_size(text, width - 1)
    return cut + "…" + " " * (width - 1 - cell_len(cut))
