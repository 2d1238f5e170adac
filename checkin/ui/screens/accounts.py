"""The home screen: every account with its cadence, focal contact, open work and health."""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Key
from textual.widgets import Input, Static

from checkin.core.records import Account
from checkin.core.text import count
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.text import health_badge, plain
from checkin.ui.widgets.account_list import AccountList, Column
from checkin.ui.widgets.bars import KeyBar, TitleBar

if TYPE_CHECKING:
    from checkin.core.summary import AccountSummary

Figures = tuple["AccountSummary", Text, Account]  # an account's figures, as of that account
FIGURES_BATCH_SECONDS = 0.05  # the figures worked out in a thread reach the screen this often

COLUMNS = (
    Column("account", "Account", 18, flexible=True),
    Column("health", "Health", 10),
    Column("focal", "Focal contact", 18, give_way=3),
    Column("last", "Last check-in", 13, give_way=1),
    Column("due", "Next due", 14),
    Column("critical", "Critical", 15),
    Column("actions", "Late actions", 12, give_way=2),
)


def summary_cells(summary: AccountSummary, today: date) -> list[Text]:
    """The row of one account; the health cell is filled in separately."""
    from checkin.core.dates import human_date

    account = summary.account
    focal = summary.focal_client
    due = human_date(summary.next_due, today)
    if summary.cadence_overdue:
        due = f"⚑ {count(summary.days_overdue, 'day')} late"
    elif summary.live_meeting_id:
        due = "● check-in in progress"
    critical = str(summary.open_critical) if summary.open_critical else "·"
    if summary.in_breach:
        critical += f" ⚠ {summary.in_breach} past 48 h"
    return [
        plain(account.name, "bold"),
        plain("…", "dim"),
        plain(focal.name) if focal else plain("⚠ no focal contact", "bold yellow"),
        plain(human_date(summary.last_checkin, today)),
        plain(due, "bold yellow" if summary.cadence_overdue else ""),
        plain(critical, "bold red" if summary.open_critical or summary.in_breach else "dim"),
        plain(str(summary.overdue_actions), "yellow")
        if summary.overdue_actions
        else plain("·", "dim"),
    ]


class AccountsScreen(CheckinScreen[None]):
    """Type to filter; enter opens an account."""

    CSS_PATH = "accounts.tcss"
    # Every printable key types into the filter, so the commands sit on enter and ctrl keys.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="accounts.open", tooltip="Open the account"),
        Binding(
            "ctrl+l",
            "plan",
            "Plan agenda",
            id="accounts.plan",
            tooltip="Plan the next check-in of the selected account",
        ),
        Binding(
            "ctrl+r",
            "start",
            "Run check-in",
            id="accounts.start",
            tooltip="Start (or resume) the check-in of the selected account",
        ),
        Binding(
            "ctrl+t",
            "actions",
            "Action items",
            id="accounts.actions",
            tooltip="What we owe and what they owe, across accounts",
        ),
        Binding(
            "ctrl+n",
            "new_account",
            "New account",
            id="accounts.new",
            tooltip="Add an account: name, short name, tier, cadence",
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            id="accounts.clear",
            show=False,
            tooltip="Clear the filter: show every account",
        ),
        Binding("up", "move(-1)", "Up", id="accounts.up", show=False),
        Binding("down", "move(1)", "Down", id="accounts.down", show=False),
        Binding("pageup", "move(-10)", "Page up", id="accounts.pageup", show=False),
        Binding("pagedown", "move(10)", "Page down", id="accounts.pagedown", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Input(placeholder="Type to filter accounts · ↑↓ to pick · enter to open", id="filter")
        yield AccountList(COLUMNS, id="accounts")
        yield Static(id="status")
        yield KeyBar(keep=("accounts.new", "app.quit"))

    def on_mount(self) -> None:
        self.title = "checkin"
        self.sub_title = "Accounts"
        self._accounts: list[Account] = []
        self._figures: dict[str, Figures] = {}
        self._shown = False
        self.reload()
        self.query_one("#filter", Input).focus()

    def on_screen_resume(self) -> None:
        # The first resume is the first show, right after on_mount: nothing changed yet.
        if self._shown:
            self.reload()
        self._shown = True

    def reload(self) -> None:
        """List the accounts at once with the figures still up to date; the others follow,
        worked out off the event loop."""
        ws = self.workspace
        self._accounts = ws.accounts()
        self._stale: list[Account] = []
        for account in self._accounts:
            known = ws.known_overview(account)
            if known is None:
                self._stale.append(account)
                if self._figures.get(account.id, (None, None, None))[2] != account:
                    self._figures.pop(account.id, None)  # renamed or new: nothing to show
            else:
                summary, health = known
                self._figures[account.id] = (summary, health_badge(health), account)
        self._fill(self.query_one("#filter", Input).value)
        # After the next paint, so the list shows before the figures are worked out.
        self.call_after_refresh(self._start_figures)

    def _start_figures(self) -> None:
        if not self._stale:
            self._update_status()
            self.checkin.reached("settled")
            return
        self.run_worker(self._compute_figures, group="figures", exclusive=True, thread=True)

    def _compute_figures(self) -> None:
        """Summaries and health read every record of an account: paint first, then fill in.

        Worked out in a thread, so typing and scrolling never wait for them (the event loop
        only paints what arrives, a few accounts at a time), and only while this screen shows.
        """
        from textual.worker import get_current_worker

        worker = get_current_worker()
        ws = self.workspace
        batch: list[tuple[Account, Figures]] = []
        started = time.monotonic()
        for account in list(self._stale):
            if worker.is_cancelled or not self.is_current:
                # Another screen is on top (a call may be running): leave it the processor;
                # what is worked out is kept, the rest follows when this screen is back.
                return
            summary, health = ws.overview(account)
            batch.append((account, (summary, health_badge(health), account)))
            if time.monotonic() - started > FIGURES_BATCH_SECONDS:
                self.app.call_from_thread(self._show_figures, batch, False)
                batch, started = [], time.monotonic()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_figures, batch, True)

    def _show_figures(self, batch: list[tuple[Account, Figures]], last: bool) -> None:
        if not self.is_mounted:
            return
        today = self.workspace.today()
        table = self.query_one(AccountList)
        for account, figures in batch:
            self._figures[account.id] = figures
            table.update_row(account.id, self._cells(account, today))
        if last:
            self._update_status()
            self.checkin.reached("settled")

    def _cells(self, account: Account, today: date) -> list[Text]:
        figures = self._figures.get(account.id)
        if figures is None:
            return [plain(account.name, "bold"), *(plain("…", "dim") for _ in COLUMNS[1:])]
        summary, badge, _account = figures
        cells = summary_cells(summary, today)
        cells[1] = badge
        return cells

    def _fill(self, text: str) -> None:
        needle = text.casefold().strip()
        today = self.workspace.today()
        self.query_one(AccountList).set_rows(
            [
                (account.id, self._cells(account, today))
                for account in self._accounts
                if not needle or needle in f"{account.name} {account.slug}".casefold()
            ]
        )
        self._update_status()

    def _update_status(self) -> None:
        shown = self.query_one(AccountList).row_count
        total = len(self._accounts)
        summaries = [
            figures[0] for a in self._accounts if (figures := self._figures.get(a.id)) is not None
        ]
        text = f"{shown} of {total} accounts"
        if len(summaries) == total:
            flagged = sum(1 for s in summaries if s.cadence_overdue)
            breach = sum(1 for s in summaries if s.in_breach)
            text += f" · {flagged} past their cadence · {breach} with issues past the 48-hour rules"
        self.query_one("#status", Static).update(text)

    @property
    def selected(self) -> Account | None:
        key = self.query_one(AccountList).cursor_key
        return next((a for a in self._accounts if a.id == key), None)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.action_open()

    @on(AccountList.Chosen)
    def _row_chosen(self) -> None:
        self.action_open()

    def on_key(self, event: Key) -> None:
        """Typing on the table goes to the filter too."""
        filter_input = self.query_one("#filter", Input)
        if self.focused is not filter_input and event.is_printable and event.character:
            filter_input.focus()
            filter_input.insert_text_at_cursor(event.character)
            event.stop()

    def action_move(self, rows: int) -> None:
        self.query_one(AccountList).move_cursor(rows)

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.value = ""
        filter_input.focus()

    def action_open(self) -> None:
        if (account := self.selected) is not None:
            self.checkin.open_account(account)

    def action_plan(self) -> None:
        if (account := self.selected) is not None:
            self.checkin.plan_agenda(account)

    def action_start(self) -> None:
        if (account := self.selected) is not None:
            self.checkin.start_checkin(account)

    def action_actions(self) -> None:
        self.checkin.show_all_actions()

    def action_new_account(self) -> None:
        from checkin.ui.modals.form import Follow
        from checkin.ui.modals.records import record_form

        ws = self.workspace
        modal = record_form(
            Account,
            today=ws.today(),
            account_id=None,
            defaults={"cadence_days": 30, "tier": None, "phase": None},
            save=lambda fields: ws.add_account(**fields),
            follows=(Follow("name", "slug", ws.free_slug),),
        )

        def created(fields: dict[str, object] | None) -> None:
            if fields is not None:
                self.notify(f"Added {fields['name']}", timeout=2, markup=False)
                self.reload()

        self.app.push_screen(modal, created)
