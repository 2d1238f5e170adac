"""Open action items across accounts: what we owe and what they owe, overdue first."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Static

from checkin.core.dates import human_date
from checkin.core.enums import ActionStatus, Side
from checkin.core.records import Account, ActionItem
from checkin.ui.command_table import Command, CommandTable, TableCommands
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.text import plain, wrapping
from checkin.ui.widgets.bars import KeyBar, TitleBar
from checkin.ui.widgets.record_table import fit_columns

COLUMNS = (
    ("due", "Due"),
    ("account", "Account"),
    ("action", "Action"),
    ("owner", "Owner"),
    ("side", "Who owes it"),
)
FILTERS = {"all": "everything open", "ours": "what we owe", "theirs": "what they owe"}


def _on_row(screen: Any) -> bool:
    return screen.selected_pair() is not None


TABLE = CommandTable(
    [
        Command("escape", "back", "Back", help="Back to the accounts", id="actions.back"),
        Command("w", "show('ours')", "We owe", "Action items: Show what we owe",
                "Only the action items we owe the clients", id="actions.ours"),
        Command("t", "show('theirs')", "They owe", "Action items: Show what they owe",
                "Only the action items the clients owe us", id="actions.theirs"),
        Command("l", "show('all')", "All", "Action items: Show all",
                "Every open action item", id="actions.all"),
        Command("d", "done", "Done", "Action items: Mark done", "Mark the action item done",
                applies=_on_row, id="actions.done"),
        Command("enter", "open", "Open account", help="Open the account of the action item",
                applies=_on_row, id="actions.open"),
    ]
)  # fmt: skip


class ActionsOverviewScreen(TableCommands, CheckinScreen[None]):
    DEFAULT_CSS = """
    ActionsOverviewScreen #actions-all { height: 1fr; margin: 0 1; }
    ActionsOverviewScreen #actions-status { height: 1; padding: 0 2; color: $text-muted; }
    """
    COMMAND_TABLE = TABLE
    BINDINGS: ClassVar[list[BindingType]] = TABLE.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.side = "all"
        self.rows: dict[str, tuple[Account, ActionItem]] = {}

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield DataTable(id="actions-all", cursor_type="row", zebra_stripes=True)
        yield Static(id="actions-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Open action items"
        self.reload()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self.reload()

    def reload(self) -> None:
        table = self.query_one(DataTable)
        today = self.workspace.today()
        keep = self.selected_pair()
        self.rows = {}
        pairs = self.workspace.open_actions()
        shown = [
            (a, item)
            for a, item in pairs
            if self.side == "all" or (item.side is Side.OURS) == (self.side == "ours")
        ]
        rows = [(account, item, self._cells(account, item, today)) for account, item in shown]
        fit_columns(table, COLUMNS, [cells for _a, _i, cells in rows], flex="action")
        for account, item, cells in rows:
            # A long title wraps onto a second line instead of ending in "…".
            table.add_row(*cells, key=item.id, height=None)
            self.rows[item.id] = (account, item)
        if keep is not None and keep[1].id in self.rows:
            table.move_cursor(row=table.get_row_index(keep[1].id), animate=False)
        overdue = sum(1 for _a, i in shown if i.due is not None and i.due < today)
        self.sub_title = FILTERS[self.side]
        self.refresh_bindings()  # done and open need a row
        self.query_one("#actions-status", Static).update(
            f"{len(shown)} open · {overdue} overdue · w we owe · t they owe · l all"
        )

    @staticmethod
    def _cells(account: Account, item: ActionItem, today: date) -> list[Text]:
        late = item.due is not None and item.due < today
        due = human_date(item.due, today)
        if late and item.due is not None:
            due += f" ({(today - item.due).days} d late)"
        ours = item.side is Side.OURS
        return [
            plain(due, "bold red" if late else ""),
            plain(account.name),
            wrapping(item.title),
            plain(item.owner),
            plain("we owe" if ours else "they owe", "bold" if ours else ""),
        ]

    def selected_pair(self) -> tuple[Account, ActionItem] | None:
        table = self.query_one(DataTable)
        if not self.rows:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(key or "")

    def action_show(self, side: str) -> None:
        self.side = side
        self.reload()

    def action_done(self) -> None:
        if (pair := self.selected_pair()) is not None:
            _account, item = pair
            done = lambda: self.workspace.set_action_status(item.id, ActionStatus.DONE)  # noqa: E731
            if self.attempt(done, f"Done: {item.title}"):
                self.reload()

    @on(DataTable.RowSelected)
    def _selected_row(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        if (pair := self.selected_pair()) is not None:
            self.checkin.open_account(pair[0], tab="actions")

    def action_back(self) -> None:
        self.dismiss(None)
