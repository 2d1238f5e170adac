"""The home screen: every account with its cadence, focal contact and open work."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from checkin.core.dates import human_date
from checkin.core.summary import AccountSummary
from checkin.services.workspace import Workspace
from checkin.ui.text import plain

COLUMNS = (
    ("account", "Account"),
    ("focal", "Focal contact"),
    ("last", "Last check-in"),
    ("due", "Next due"),
    ("critical", "Critical"),
    ("actions", "Overdue actions"),
)


class AccountsScreen(Screen[None]):
    """Type to filter; enter opens an account."""

    CSS_PATH = "accounts.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear filter", id="accounts.clear_filter", show=False),
        Binding(
            "slash",
            "focus_filter",
            "Filter",
            id="accounts.filter",
            tooltip="Filter accounts by name",
        ),
    ]

    @property
    def workspace(self) -> Workspace:
        return self.app.workspace  # type: ignore[attr-defined, no-any-return]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter accounts…", id="filter")
        yield DataTable(id="accounts", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = str(self.workspace.path or "in memory")
        table = self.query_one(DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        self._summaries = self.workspace.summaries()
        self._fill("")
        table.focus()

    def _fill(self, text: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        needle = text.casefold().strip()
        today = self.workspace.today()
        shown = 0
        for summary in self._summaries:
            account = summary.account
            if needle and needle not in f"{account.name} {account.slug}".casefold():
                continue
            table.add_row(*self._cells(summary, today), key=account.id)
            shown += 1
        flagged = sum(1 for s in self._summaries if s.cadence_overdue)
        self.query_one("#status", Static).update(
            f"{shown} of {len(self._summaries)} accounts · {flagged} past their cadence"
        )

    @staticmethod
    def _cells(summary: AccountSummary, today: object) -> list[Text]:
        account = summary.account
        focal = summary.focal_client
        due = human_date(summary.next_due, today)  # type: ignore[arg-type]
        due_style = "bold $warning" if summary.cadence_overdue else ""
        if summary.cadence_overdue:
            due = f"⚑ {due} ({summary.days_overdue} d late)"
        critical = str(summary.open_critical) if summary.open_critical else "·"
        if summary.in_breach:
            critical += f" ⚠ {summary.in_breach} past 48 h"
        return [
            plain(account.name, "bold"),
            plain(focal.name) if focal else plain("⚠ no focal contact", "italic"),
            plain(human_date(summary.last_checkin, today)),  # type: ignore[arg-type]
            plain(due, "bold" if due_style else ""),
            plain(critical, "bold" if summary.open_critical else ""),
            plain(str(summary.overdue_actions) if summary.overdue_actions else "·"),
        ]

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one(DataTable).focus()
