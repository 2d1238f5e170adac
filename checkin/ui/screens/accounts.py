"""The home screen: every account with its health and why, cadence, focal contact, open work and
renewal; sorted by health, next due, renewal or name, and filtered to those needing attention."""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.events import Key, ScreenResume
from textual.message import Message
from textual.widgets import Input, Static

from checkin.core.account import Account
from checkin.core.triage import SortBy
from checkin.ui.command_table import TableCommands
from checkin.ui.screens.accounts_commands import TABLE
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.text import health_badge, plain
from checkin.ui.widgets.account_list import AccountList
from checkin.ui.widgets.account_row import (
    COLUMNS,
    EMPTY_HOME,
    SORT_COLUMNS,
    summary_cells,
    why_cell,
)
from checkin.ui.widgets.bars import KeyBar, TitleBar

if TYPE_CHECKING:
    from checkin.core.health import Health
    from checkin.core.summary import AccountSummary

Figures = tuple["AccountSummary", "Health", Account]  # an account's figures, as of that account
FIGURES_BATCH_SECONDS = 0.05  # the figures worked out in a thread reach the screen this often
# The cells of an account whose figures are not in yet, shared by every such row (the list
# only reads its cells): on L that is 2,000 fewer Text objects before the first frame.
_PENDING = tuple(plain("…", "dim") for _ in COLUMNS[1:])


class FiguresWorkedOut(Message):
    """From the figures thread: a batch of accounts' figures (``last``: every one is in)."""

    def __init__(self, batch: list[tuple[Account, Figures]], *, last: bool) -> None:
        super().__init__()
        self.batch = batch
        self.last = last


class AccountsScreen(TableCommands, CheckinScreen[None]):
    """Type to filter; enter opens an account; ctrl+s changes the order, ctrl+f shows only
    the accounts that need attention."""

    CSS_PATH = "accounts.tcss"
    COMMAND_TABLE = TABLE
    BINDINGS: ClassVar[list[BindingType]] = TABLE.bindings()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Input(placeholder="Type to filter accounts · ↑↓ to pick · enter to open", id="filter")
        yield AccountList(COLUMNS, id="accounts")
        yield Static(id="status")
        yield KeyBar(keep=("accounts.new", "accounts.sort", "accounts.attention", "app.quit"))

    def on_mount(self) -> None:
        self.title = "checkin"
        self.sub_title = "Accounts"
        self._accounts: list[Account] = []
        self._figures: dict[str, Figures] = {}
        self._shown = False
        self._sort = SortBy.NAME
        self._attention_only = False
        self.reload()
        self.query_one("#filter", Input).focus()

    def on_screen_resume(self, event: ScreenResume) -> None:
        if not self._shown:
            # The first resume is the first show, right after on_mount: nothing changed yet.
            # (Runs before Textual's own handler.) Every widget was styled as it mounted,
            # with the final stylesheet: styling them all again costs 4 ms of the first frame.
            event.refresh_styles = False
        else:
            # Back from an account: a new search starts afresh (the old filter would hide
            # accounts and swallow what is typed next); the cursor stays on that account.
            filter_input = self.query_one("#filter", Input)
            with filter_input.prevent(Input.Changed):
                filter_input.value = ""
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
                self._figures[account.id] = (summary, health, account)
        self._fill(self.query_one("#filter", Input).value)
        # After the first frame and the next paint: the list shows before the figures.
        self.checkin.after_first_frame(self._start_figures)

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
            batch.append((account, (summary, health, account)))
            if time.monotonic() - started > FIGURES_BATCH_SECONDS:
                # Posted, not called: the thread goes on while the loop paints.
                self.post_message(FiguresWorkedOut(batch, last=False))
                batch, started = [], time.monotonic()
        if not worker.is_cancelled:
            self.post_message(FiguresWorkedOut(batch, last=True))
            # The digests worked out from records go to the figures file, off the loop:
            # the next start reads them instead of every record.
            ws.keep_figures()

    @on(FiguresWorkedOut)
    def _figures_worked_out(self, message: FiguresWorkedOut) -> None:
        self._show_figures(message.batch, message.last)

    def _show_figures(self, batch: list[tuple[Account, Figures]], last: bool) -> None:
        if not self.is_mounted:
            return
        today = self.workspace.today()
        table = self.query_one(AccountList)
        for account, figures in batch:
            self._figures[account.id] = figures
            table.update_row(account.id, self._cells(account, today))
        if last:
            if self._sort is not SortBy.NAME or self._attention_only:
                self._fill(self.query_one("#filter", Input).value)  # every figure is in: re-order
            self._update_status()
            self.checkin.reached("settled")

    def _cells(self, account: Account, today: date) -> list[Text]:
        figures = self._figures.get(account.id)
        if figures is None:
            return [plain(account.name, "bold"), *_PENDING]
        summary, health, _account = figures
        cells = summary_cells(summary, today)
        cells[1] = health_badge(health)
        cells[2] = why_cell(summary, health, today)
        return cells

    def _fill(self, text: str) -> None:
        """The rows the typed filter and the attention filter let through, in the chosen order.

        Accounts whose figures are not in yet sort last (by name) and are left out by the
        attention filter until they are known."""
        from checkin.core.triage import attention, sort_key

        needle = text.casefold().strip()
        today = self.workspace.today()
        shown = [
            account
            for account in self._accounts
            if not needle or needle in f"{account.name} {account.slug}".casefold()
        ]
        if self._attention_only:
            shown = [
                a
                for a in shown
                if (figures := self._figures.get(a.id)) is not None
                and attention(figures[0], figures[1], today)
            ]
        if self._sort is not SortBy.NAME:
            key = sort_key(self._sort)
            known = [a for a in shown if a.id in self._figures]
            known.sort(key=lambda a: key(*self._figures[a.id][:2]))
            shown = known + [a for a in shown if a.id not in self._figures]
        table = self.query_one(AccountList)
        table.mark_sorted(SORT_COLUMNS[self._sort])
        table.set_rows([(account.id, self._cells(account, today)) for account in shown])
        self._update_status()

    def _update_status(self) -> None:
        shown = self.query_one(AccountList).row_count
        total = len(self._accounts)
        self.set_class(total == 0, "-empty")
        if total == 0 and not self.query("#empty"):
            # What to do first, mounted only in a workspace without accounts (a widget less to
            # build and style before the first frame of every other start).
            self.mount(Static(EMPTY_HOME, id="empty"), after=self.query_one(AccountList))
        if total == 0:
            self.query_one("#status", Static).update("No accounts yet · ctrl+n adds one")
            return
        needle = self.query_one("#filter", Input).value.strip()
        if needle and shown == 0:
            self.query_one("#status", Static).update(
                Text(f"No account matches “{needle}” of {total} · esc clears the filter")
            )
            return
        summaries = [
            figures[0] for a in self._accounts if (figures := self._figures.get(a.id)) is not None
        ]
        text = f"{shown} of {total} accounts"
        if len(summaries) == total:
            flagged = sum(1 for s in summaries if s.cadence_overdue)
            breach = sum(1 for s in summaries if s.in_breach)
            text += f" · {flagged} past their cadence · {breach} with issues past the 48-hour rules"
        self.query_one("#status", Static).update(text)
        # The title bar names the order and the attention filter.
        self.sub_title = f"Accounts · sorted by {self._sort.label}" + (
            " · needing attention" if self._attention_only else ""
        )

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

    def action_cycle_sort(self) -> None:
        """Health (weakest first), next due, renewal, name, and round again."""
        self.set_sort(self._sort.next())

    @property
    def sort(self) -> SortBy:
        """The order of the list."""
        return self._sort

    @property
    def attention_only(self) -> bool:
        """Only the accounts that need attention are listed."""
        return self._attention_only

    def action_set_sort(self, order: str) -> None:
        self.set_sort(SortBy(order))

    def set_sort(self, order: SortBy) -> None:
        self._sort = order
        self._fill(self.query_one("#filter", Input).value)

    def action_toggle_attention(self) -> None:
        self._attention_only = not self._attention_only
        self._fill(self.query_one("#filter", Input).value)

    def action_move(self, rows: int) -> None:
        self.query_one(AccountList).move_cursor(rows)

    def action_move_to(self, row: int) -> None:
        """The first (0) or last (-1) account shown."""
        table = self.query_one(AccountList)
        if table.row_count:
            table.cursor = row % table.row_count

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
