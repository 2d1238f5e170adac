"""A DataTable of records that keeps the cursor on the same record across refreshes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from checkin.core.records import Record
from checkin.ui.command_table import Command, CommandTable, TableCommands
from checkin.ui.text import plain

R = TypeVar("R", bound=Record)


MIN_FLEX = 20  # below this a table scrolls sideways rather than cut its main column further


def fit_columns(
    table: DataTable[Any],
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[Text]],
    *,
    flex: str | None = None,
    widths: Mapping[str, int] | None = None,
    optional: Sequence[str] = (),
    want: int = MIN_FLEX,
    reserve: int = 0,
) -> list[int]:
    """Clear ``table`` and add ``columns`` (key, label) sized for ``rows``; return the
    positions of the columns it added (the caller adds those cells of each row).

    Columns in ``widths`` get that width; the ``flex`` column (a title, a quote) gets the room
    the others leave, up to its longest text, so the columns after it stay on screen and a
    long title ends in an ellipsis. While the flex column would get less than ``want``
    cells, the ``optional`` columns are left out, in that order. The others fit their content.
    ``reserve`` cells are kept free (for a scrollbar the rows will bring).
    """
    fixed = widths or {}
    table.clear(columns=True)
    keys = [key for key, _label in columns]
    sized = [
        fixed.get(key, max([cell_len(label), *(row[n].cell_len for row in rows)]))
        for n, (key, label) in enumerate(columns)
    ]
    kept = list(range(len(columns)))
    if flex in keys:
        at = keys.index(flex)
        longest = max([cell_len(columns[at][1]), *(row[at].cell_len for row in rows)])

        def room() -> int:
            padding = 2 * table.cell_padding * len(kept)
            others = sum(sized[n] for n in kept if n != at)
            return table.scrollable_content_region.width - reserve - padding - others

        for key in optional:
            if room() >= min(want, longest):
                break
            kept.remove(keys.index(key))
        sized[at] = min(longest, max(MIN_FLEX, room()))
    for n in kept:
        key, label = columns[n]
        table.add_column(label, key=key, width=sized[n] if key in fixed or key == flex else None)
    return kept


def two_lines(cell: Text, width: int) -> Text:
    """``cell`` wrapped onto at most two lines of ``width``, the second ending in "…" when
    the text goes on."""
    source = cell.copy()
    source.no_wrap = False
    lines = source.wrap(Console(width=width, legacy_windows=False), width, overflow="fold")
    if len(lines) <= 2:
        shown = Text("\n").join(lines)
    else:
        second = lines[1]
        second.append(" " + lines[2].plain)  # longer than the line: it ends in "…"
        second.truncate(width, overflow="ellipsis")
        shown = Text("\n").join([lines[0], second])
    shown.no_wrap = True
    shown.overflow = "ellipsis"
    shown.style = cell.style
    return shown


def _on_row(table: Any) -> bool:
    return table.selected is not None


RECORD_COMMANDS = CommandTable(
    [
        Command("n", "create", "New", help="Add a new one", id="table.new"),
        Command("e", "edit", "Edit", help="Edit the selected one (or enter)", applies=_on_row,
                show=False, id="table.edit"),
    ]
)  # fmt: skip


class RecordTable(TableCommands, DataTable[Text], Generic[R]):
    """Rows are records keyed by id; subclasses define COLUMNS and ``cells``.

    Keys post messages up (attributes down, messages up): the screen decides what they do.
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = ()
    # The column that takes the room the others leave (a title, a quote), so the columns
    # after it stay on screen; and fixed widths of some others.
    FLEX: ClassVar[str | None] = None
    WIDTHS: ClassVar[dict[str, int]] = {}
    # Columns left out, in this order, while the flex column would be narrower than FLEX_WANT.
    OPTIONAL: ClassVar[tuple[str, ...]] = ()
    FLEX_WANT: ClassVar[int] = 36
    NOUN: ClassVar[str] = "record"
    EMPTY: ClassVar[str] = "Nothing here yet: press n to add one."
    COMMAND_TABLE: ClassVar[CommandTable] = RECORD_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = RECORD_COMMANDS.bindings()

    class CreateRequested(Message):
        def __init__(self, table: RecordTable[Any]) -> None:
            super().__init__()
            self.table = table

    class EditRequested(Message):
        def __init__(self, table: RecordTable[Any], record: Record) -> None:
            super().__init__()
            self.table = table
            self.record = record

    class ActionRequested(Message):
        """A table-specific key was pressed on a record ("done", "acknowledge"...)."""

        def __init__(self, table: RecordTable[Any], action: str, record: Record) -> None:
            super().__init__()
            self.table = table
            self.action = action
            self.record = record

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.records: dict[str, R] = {}
        self.now = datetime.now()
        self.today = self.now.date()

    def on_mount(self) -> None:
        self._fit([])

    def on_resize(self) -> None:
        # Refit to the new width, the "nothing here yet" row of an empty table too.
        if self.records or self.row_count:
            self.show(list(self.records.values()), self.now)

    def cells(self, record: R) -> Sequence[Text]:
        """One cell per column; the default shows the attribute named by each column key."""
        return [plain(getattr(record, key, "")) for key, _label in self.COLUMNS]

    def show(self, records: Sequence[R], now: datetime) -> None:
        """Replace the rows (as of ``now``), keeping the cursor on the record it was on."""
        keep = self.selected.id if self.selected is not None else None
        self.now = now
        self.today = now.date()
        self.records = {r.id: r for r in records}
        rows = [self.cells(record) for record in records] or [self._empty_row()]
        kept = self._fit(rows)
        width = self.columns[ColumnKey(self.FLEX)].width if self.FLEX in self.columns else 0
        at = [key for key, _label in self.COLUMNS].index(self.FLEX or "") if width else -1
        for record, row in zip(records, rows, strict=False):
            cells = [row[n] for n in kept]
            if width and row[at].cell_len > width:
                # A long title or quote gets a second line before it ends in "…".
                cells[kept.index(at)] = two_lines(row[at], width)
                self.add_row(*cells, key=record.id, height=2)
            else:
                self.add_row(*cells, key=record.id)
        if not records:
            self.add_row(*(rows[0][n] for n in kept), key="")
        if keep in self.records:
            self.move_cursor(row=self.get_row_index(keep))

    def _fit(self, rows: Sequence[Sequence[Text]]) -> list[int]:
        return fit_columns(
            self,
            self.COLUMNS,
            rows,
            flex=self.FLEX,
            widths=self.WIDTHS,
            optional=self.OPTIONAL,
            want=self.FLEX_WANT,
        )

    def _empty_row(self) -> list[Text]:
        """The row an empty table shows: what to do, in the main column (the title's), so
        the header keeps its place above the columns of a filled table."""
        keys = [key for key, _label in self.COLUMNS]
        at = keys.index(self.FLEX) if self.FLEX in keys else 0
        row = [Text("") for _ in self.COLUMNS]
        row[at] = Text(self.EMPTY, style="italic")
        return row

    @property
    def selected(self) -> R | None:
        if not self.records or self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.records.get(key or "")

    def action_create(self) -> None:
        self.post_message(self.CreateRequested(self))

    def action_edit(self) -> None:
        if self.selected is not None:
            self.post_message(self.EditRequested(self, self.selected))

    def request(self, action: str) -> None:
        if self.selected is not None:
            self.post_message(self.ActionRequested(self, action, self.selected))

    def action_request(self, action: str) -> None:
        self.request(action)

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()  # the keys that apply follow the highlighted record

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()
