"""A DataTable of records that keeps the cursor on the same record across refreshes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from checkin.core.records import Record
from checkin.ui.text import plain

R = TypeVar("R", bound=Record)


def clear_rows(table: DataTable[Any]) -> None:
    """Remove every row, and let columns that size to their content shrink again.

    DataTable.clear keeps the widest cell it has ever measured, so one long title (or the
    "nothing here yet" line) would leave a column wide after the rows changed.
    """
    table.clear()
    for column in table.columns.values():
        if column.auto_width:
            column.content_width = column.label.cell_len


class RecordTable(DataTable[Text], Generic[R]):
    """Rows are records keyed by id; subclasses define COLUMNS and ``cells``.

    Keys post messages up (attributes down, messages up): the screen decides what they do.
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = ()
    # Widths of the columns that would otherwise grow with their longest text (titles,
    # quotes): the columns after them stay on screen at 100 and 120 columns.
    WIDTHS: ClassVar[dict[str, int]] = {}
    NOUN: ClassVar[str] = "record"
    EMPTY: ClassVar[str] = "Nothing here yet: press n to add one."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "create", "New", id="table.new", tooltip="Add a new one"),
        Binding(
            "e",
            "edit",
            "Edit",
            id="table.edit",
            tooltip="Edit the selected one (or enter)",
            show=False,
        ),
    ]

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
        for key, label in self.COLUMNS:
            self.add_column(label, key=key, width=self.WIDTHS.get(key))

    def cells(self, record: R) -> Sequence[Text]:
        """One cell per column; the default shows the attribute named by each column key."""
        return [plain(getattr(record, key, "")) for key, _label in self.COLUMNS]

    def show(self, records: Sequence[R], now: datetime) -> None:
        """Replace the rows (as of ``now``), keeping the cursor on the record it was on."""
        keep = self.selected.id if self.selected is not None else None
        self.now = now
        self.today = now.date()
        self.records = {r.id: r for r in records}
        clear_rows(self)
        for record in records:
            self.add_row(*self.cells(record), key=record.id)
        if not records:
            self.add_row(*self._empty_row(), key="")
        if keep in self.records:
            self.move_cursor(row=self.get_row_index(keep))

    def _empty_row(self) -> list[Text]:
        first = Text(self.EMPTY, style="italic")
        return [first, *(Text("") for _ in self.COLUMNS[1:])]

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

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()
