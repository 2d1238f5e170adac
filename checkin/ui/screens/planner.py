"""The agenda planner: the generated agenda with its reasons, arranged by hand, saved at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import OptionList, Static

from checkin.core.errors import CheckinError
from checkin.core.records import Account
from checkin.services.draft import Draft
from checkin.services.plan_session import Outcome, PlanSession
from checkin.ui.command_table import TableCommands
from checkin.ui.modals import planning as modals
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.screens.planner_commands import TABLE, bindings
from checkin.ui.screens.preread import PrereadScreen, ask_and_write
from checkin.ui.text import literal
from checkin.ui.widgets.bars import KeyBar, TitleBar
from checkin.ui.widgets.minutes_bar import MinutesBar
from checkin.ui.widgets.plan_detail import PlanDetail, Shown
from checkin.ui.widgets.plan_list import PlanList, View
from checkin.ui.widgets.plan_warnings import PlanWarnings

# What a rebuild does to the plan, for the questions before one.
KEPT = (
    "Items you added stay, after urgent issues and standing items; what no longer fits goes "
    "to the parking lot."
)


class PlannerScreen(TableCommands, CheckinScreen[None]):
    """Attributes down (the list, the bar and the detail get the plan), messages up (the list
    says what is highlighted). The :class:`PlanSession` does the planning and saves every
    change at once; the screen forwards keys, asks what needs asking and shows the outcome."""

    CSS_PATH = "planner.tcss"
    COMMAND_TABLE = TABLE  # the keys, the palette and the help
    BINDINGS: ClassVar[list[BindingType]] = bindings()
    # Below 90 columns the item's details go under the agenda (planner.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]

    def __init__(self, account: Account) -> None:
        super().__init__()
        self.account = account
        self.session: PlanSession | None = None
        self.view = View()  # what the list shows: the plan, which reasons are unfolded

    @property
    def draft(self) -> Draft | None:
        """The plan as the session holds it (None until it is loaded)."""
        return self.session.draft if self.session is not None else None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield MinutesBar(id="plan-bar")
        yield PlanWarnings(id="plan-warnings")
        with Horizontal(id="plan-body"):
            yield PlanList(id="plan-list")
            yield PlanDetail(id="plan-detail")
        yield Static("", id="plan-status")
        # The keys that matter fit at 120 columns without the palette key; the status line
        # names it (planner_commands.py orders them).
        yield KeyBar(show_palette=False)

    def on_mount(self) -> None:
        self.title = f"{self.account.name} · agenda"
        try:
            self.session = PlanSession(self.workspace, self.account)
        except CheckinError as error:
            self.notify(str(error), title="Cannot plan", severity="error", markup=False)
            self.dismiss(None)
            return
        self.render_draft()
        self.query_one(PlanList).focus()
        self._status(self.session.opening_note())

    # -- attributes down --------------------------------------------------------------------

    def render_draft(self, highlight: str | None = None) -> None:
        """Show the plan: the bar, the warnings, the list (``highlight`` an item by key)."""
        if (session := self.session) is None:
            return
        plan = session.plan
        self.sub_title = f"{session.title} · {session.length} min"
        self.query_one(MinutesBar).show(
            f"{session.title} · {session.start_at:%a %d %b %H:%M}",
            plan.planned_minutes,
            plan.length_minutes,
            len(plan.parked),
        )
        self.query_one(PlanWarnings).show(session.warnings)
        self.view.plan = plan
        self.query_one(PlanList).show(self.view, highlight)
        self._show_detail()

    def _show_detail(self) -> None:
        current = self.current
        if current is None or self.session is None:
            self.query_one(PlanDetail).show(None)
        else:
            key, parked = current
            item = self.session.item(key)
            record, linked = self.session.records_of(item)
            now = self.workspace.now()
            self.query_one(PlanDetail).show(Shown(item, parked, record, now, linked))
        self.refresh_bindings()

    def _status(self, text: str) -> None:
        self.query_one("#plan-status", Static).update(literal(text))

    @on(OptionList.OptionHighlighted, "#plan-list")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#plan-list")
    def _selected(self) -> None:
        """enter (or a click on the highlighted item) shows or hides its reasons."""
        current = self.current
        if current is not None:
            self.view.expanded ^= {current[0]}
            self.render_draft()

    @property
    def current(self) -> tuple[str, bool] | None:
        """The highlighted item's key and whether it is parked."""
        return self.query_one(PlanList).current

    @property
    def detail_shown(self) -> bool:
        return not self.has_class("-no-detail")

    # -- doing -----------------------------------------------------------------------------

    def _do(
        self,
        operation: Callable[[PlanSession], Outcome | None],
        title: str = "Not saved",
        notice_timeout: float = 3,
    ) -> None:
        """Run a session operation and show what it did (a notice when it did nothing, an
        error notification when it failed: the plan is then as it was)."""
        if (session := self.session) is None:
            return
        try:
            outcome = operation(session)
        except CheckinError as error:
            self.notify(str(error), title=title, severity="error", markup=False)
            return
        if outcome is None:
            return
        if not outcome.done:
            self.notify(outcome.message, timeout=notice_timeout, markup=False)
            return
        self.render_draft(outcome.highlight)
        self._status(outcome.message)

    def _rebuild(self, operation: Callable[[PlanSession], Outcome]) -> None:
        """A rebuild folds every item's reasons again."""

        def rebuilt(session: PlanSession) -> Outcome:
            outcome = operation(session)
            self.view.expanded.clear()
            return outcome

        self._do(rebuilt, "Cannot rebuild")

    def _confirm_then(self, needed: bool, question: str, then: Callable[[], Any], yes: str) -> None:
        if not needed:
            then()
            return
        self.app.push_screen(
            modals.AskModal(question, yes), lambda answer: then() if answer else None
        )

    # -- one item ---------------------------------------------------------------------------

    def _on_agenda(self) -> str | None:
        """The highlighted item's key if it is on the agenda (not parked)."""
        current = self.current
        return current[0] if current is not None and not current[1] else None

    def action_move(self, step: int) -> None:
        if (key := self._on_agenda()) is not None:
            self._do(lambda s: s.move(key, step), notice_timeout=2)

    def action_minutes(self, delta: int) -> None:
        if (current := self.current) is not None:
            self._do(lambda s: s.add_minutes(current[0], delta))

    def action_set_minutes(self) -> None:
        if (current := self.current) is None or self.session is None:
            return
        key, item = current[0], self.session.item(current[0])

        def chosen(values: dict[str, Any] | None) -> None:
            if values is not None:
                self._do(lambda s: s.set_minutes(key, values["minutes"]))

        today, length = self.workspace.today(), self.session.length
        modal = modals.minutes_modal(
            item.title, item.planned_minutes, today, meeting_minutes=length
        )
        self.app.push_screen(modal, chosen)

    def action_park(self) -> None:
        if (key := self._on_agenda()) is not None:
            self._do(lambda s: s.park(key))

    def action_restore(self) -> None:
        if (current := self.current) is not None and current[1]:
            self._do(lambda s: s.restore(current[0]))

    def action_add_item(self) -> None:
        def added(values: dict[str, Any] | None) -> None:
            if values is not None:
                self._do(lambda s: s.add(values["title"], values["minutes"]))

        length = self.session.length if self.session is not None else None
        modal = modals.custom_item_modal(self.workspace.today(), meeting_minutes=length)
        self.app.push_screen(modal, added)

    # -- what is shown ----------------------------------------------------------------------

    def action_toggle_detail(self) -> None:
        """Hide the details pane (the agenda takes the room) or show it again."""
        shown = not self.detail_shown
        self.set_class(not shown, "-no-detail")
        if not shown and self.query_one(PlanDetail).has_focus_within:
            self.query_one(PlanList).focus()
        self._status(
            "Item details shown · i hides them." if shown else "Details hidden · i shows them."
        )

    def action_toggle_reasons(self) -> None:
        self.view.expanded_all = not self.view.expanded_all
        self.view.expanded.clear()
        self.render_draft()

    # -- the whole agenda -------------------------------------------------------------------

    def action_regenerate(self) -> None:
        if (session := self.session) is None:
            return
        question = (
            "Rebuild the agenda from the records? Your order, minutes and parking are "
            f"replaced. {KEPT}"
        )
        rebuild = lambda: self._rebuild(PlanSession.rebuild)  # noqa: E731
        self._confirm_then(session.edited, question, rebuild, "Rebuild")

    def action_switch_template(self) -> None:
        if (session := self.session) is None:
            return
        current, edited = session.draft.template.name, session.edited

        def chosen(name: str | None) -> None:
            if name is None or name == current:
                return
            question = (
                f"Switch to the {name} template? The agenda is rebuilt for it: your order, "
                f"minutes and parking are replaced. {KEPT}"
            )
            switch = lambda: self._rebuild(lambda s: s.switch_template(name))  # noqa: E731
            self._confirm_then(edited, question, switch, "Switch")

        self.app.push_screen(modals.TemplateModal(session.template_choices(), current), chosen)

    def action_change_length(self) -> None:
        if (session := self.session) is None:
            return

        def chosen(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            resize = lambda s: s.resize(values["minutes"])  # noqa: E731
            # An edited plan is kept as it is; an untouched one is rebuilt for the length.
            self._do(resize) if session.edited else self._rebuild(resize)

        self.app.push_screen(modals.length_modal(session.length, self.workspace.today()), chosen)

    def action_change_start(self) -> None:
        if (session := self.session) is None:
            return

        def chosen(values: dict[str, Any] | None) -> None:
            if values is not None:
                self._do(lambda s: s.set_start(values["start"]))

        self.app.push_screen(modals.start_modal(session.start_at, self.workspace.today()), chosen)

    # -- the pre-read -----------------------------------------------------------------------

    def action_preview(self) -> None:
        if (session := self.session) is None:
            return
        title = f"{self.account.name} · {session.title}"
        screen = PrereadScreen(
            title, session.preread(), session.preread_path(), session.write_preread
        )
        self.app.push_screen(screen)

    def action_copy_preread(self) -> None:
        if self.session is None:
            return
        self.app.copy_to_clipboard(self.session.preread())
        self.notify("Copied the pre-read (Markdown) to the clipboard.", timeout=3)
        self._status("Copied the pre-read (Markdown) to the clipboard.")

    def action_write_preread(self) -> None:
        if (session := self.session) is None:
            return
        ask_and_write(
            self,
            session.write_preread,
            session.preread_path(),
            lambda written: self._status(f"Wrote the pre-read to {written}"),
        )

    # -- leaving ----------------------------------------------------------------------------

    def action_start(self) -> None:
        """Resume the running check-in or start this plan, after asking (the app runs it)."""
        if (session := self.session) is None:
            return
        try:
            start = session.start()
        except CheckinError as error:
            self.notify(str(error), title="Cannot start", severity="error", markup=False)
            return
        self.checkin.start_checkin(self.account, start, then=lambda: self.dismiss(None))

    def action_back(self) -> None:
        self.dismiss(None)
