"""The agenda planner: the generated agenda with its reasons, arranged by hand, saved at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Header, OptionList, Static

from checkin.core.agenda import arrangement
from checkin.core.agenda.arrangement import Arrangement
from checkin.core.errors import CheckinError
from checkin.core.records import Account
from checkin.core.text import clean_line
from checkin.services import draft as drafts
from checkin.services import meetings
from checkin.services.draft import Draft
from checkin.ui.modals.capture import ConfirmModal
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.screens.planner_commands import BINDINGS, palette_commands
from checkin.ui.screens.preread import PrereadScreen, ask_and_write
from checkin.ui.text import literal
from checkin.ui.widgets.minutes_bar import MinutesBar
from checkin.ui.widgets.plan_detail import PlanDetail, Shown
from checkin.ui.widgets.plan_list import PlanList, View


def quoted(title: str, width: int = 48) -> str:
    """A title for a message: cleaned, cut, in quotes."""
    text = clean_line(title)
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


class PlannerScreen(CheckinScreen[None]):
    """Attributes down (the list, the bar and the detail get the draft), messages up (the list
    says what is highlighted); every change is saved with the upcoming meeting at once."""

    CSS_PATH = "planner.tcss"
    BINDINGS: ClassVar[list[BindingType]] = BINDINGS

    def __init__(self, account: Account) -> None:
        super().__init__()
        self.account = account
        self.draft: Draft | None = None
        self.view = View(plan=arrangement.arrange([], [], 30))

    def compose(self) -> ComposeResult:
        yield Header()
        yield MinutesBar(id="plan-bar")
        with Horizontal(id="plan-body"):
            yield PlanList(id="plan-list")
            yield PlanDetail(id="plan-detail")
        yield Static("", id="plan-status")
        # Every key fits at 100 columns without the palette key; the status line names it.
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.title = f"{self.account.name} · agenda"
        try:
            self.draft = drafts.load_draft(self.workspace, self.account)
        except CheckinError as error:
            self.notify(str(error), title="Cannot plan", severity="error", markup=False)
            self.dismiss(None)
            return
        self.render_draft()
        self.query_one(PlanList).focus()
        self._status(self._opening_note())

    def _opening_note(self) -> str:
        draft = self.draft
        assert draft is not None
        live = meetings.live_meeting(self.workspace, self.account)
        if live is not None:
            return "A check-in with this account is running: s resumes it."
        if draft.meeting_id is None:
            return (
                "From the records, most important first · saved as you go · f1 keys · "
                "ctrl+p all actions"
            )
        new = draft.new_items()
        if new:
            count = f"{len(new)} new item{'s' if len(new) != 1 else ''}"
            return f"Your saved plan. Since then the records gave {count} · g regenerates."
        return "Your saved plan for the next check-in · g regenerates it from the records."

    # -- attributes down --------------------------------------------------------------------

    def render_draft(self, highlight: str | None = None) -> None:
        draft = self.draft
        if draft is None:
            return
        plan = draft.plan
        self.sub_title = f"{draft.template.title} · {plan.length_minutes} min"
        self.query_one(MinutesBar).show(
            draft.template.title, plan.planned_minutes, plan.length_minutes
        )
        self.view.plan = plan
        self.query_one(PlanList).show(self.view, highlight)
        self._show_detail()

    def _show_detail(self) -> None:
        current = self.query_one(PlanList).current
        if current is None or self.draft is None:
            self.query_one(PlanDetail).show(None)
        else:
            key, parked = current
            item = self.draft.plan.find(key)
            record = self.workspace.linked_record(item.source_ref) if item.source_ref else None
            self.query_one(PlanDetail).show(Shown(item, parked, record, self.workspace.now()))
        self.refresh_bindings()

    def _status(self, text: str) -> None:
        self.query_one("#plan-status", Static).update(literal(text))

    @on(OptionList.OptionHighlighted, "#plan-list")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#plan-list")
    def _selected(self) -> None:
        """enter (or a click on the highlighted item) shows or hides its reasons."""
        current = self.query_one(PlanList).current
        if current is not None:
            self.view.expanded ^= {current[0]}
            self.render_draft()

    # -- saving -----------------------------------------------------------------------------

    def _save(self, new: Draft, message: str, highlight: str | None = None) -> bool:
        """Store ``new`` with the upcoming meeting and show it; on error nothing changes."""
        try:
            self.draft = drafts.save_draft(self.workspace, new)
        except CheckinError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        self.render_draft(highlight)
        self._status(message)
        return True

    def _change(self, plan: Arrangement, message: str, highlight: str | None = None) -> None:
        if self.draft is not None:
            self._save(self.draft.with_plan(plan), message, highlight)

    @property
    def current(self) -> tuple[str, bool] | None:
        return self.query_one(PlanList).current

    def _neighbour(self, key: str) -> str | None:
        """The item to highlight once ``key`` leaves the agenda: the next, else the previous."""
        assert self.draft is not None
        keys = [item.key for item in self.draft.plan.items]
        index = keys.index(key)
        rest = keys[index + 1 :] or keys[:index][-1:]
        return rest[0] if rest else None

    # -- item actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only what the highlighted item allows (park on the agenda, restore in the
        parking lot); shown but dimmed when it cannot be done right now."""
        if self.draft is None:
            return True
        current = self.current
        if action == "park":
            return None if current is None else not current[1]
        if action == "restore":
            return current is not None and current[1]
        if action == "move":
            step = int(str(parameters[0])) if parameters else 1
            possible = current is not None and arrangement.can_move(
                self.draft.plan, current[0], step
            )
            return True if possible else None
        if action in ("minutes", "set_minutes"):
            return True if current is not None else None
        return True

    def action_move(self, step: int) -> None:
        if self.draft is None or (current := self.current) is None or current[1]:
            return
        plan = arrangement.move(self.draft.plan, current[0], step)
        if plan is self.draft.plan:
            self.notify("It is already " + ("first." if step < 0 else "last."), timeout=2)
            return
        item = plan.find(current[0])
        where = f"in {quoted(item.section, 40)}"
        self._change(plan, f"Moved {quoted(item.title)} {where}.", current[0])

    def action_minutes(self, delta: int) -> None:
        if self.draft is None or (current := self.current) is None:
            return
        item = self.draft.plan.find(current[0])
        minutes = item.planned_minutes + delta
        if minutes < arrangement.MIN_ITEM_MINUTES:
            self.notify("1 minute is the least: park the item (x) to take it off.", timeout=3)
            return
        if minutes > arrangement.MAX_ITEM_MINUTES:
            return
        plan = arrangement.set_minutes(self.draft.plan, item.key, minutes)
        self._change(plan, f"{quoted(item.title)}: {minutes} min.")

    def action_set_minutes(self) -> None:
        if self.draft is None or (current := self.current) is None:
            return
        from checkin.ui.modals.planning import minutes_modal

        item = self.draft.plan.find(current[0])

        def chosen(values: dict[str, Any] | None) -> None:
            if values is not None and self.draft is not None:
                plan = arrangement.set_minutes(self.draft.plan, item.key, values["minutes"])
                self._change(plan, f"{quoted(item.title)}: {values['minutes']} min.")

        modal = minutes_modal(item.title, item.planned_minutes, self.workspace.today())
        self.app.push_screen(modal, chosen)

    def action_park(self) -> None:
        if self.draft is None or (current := self.current) is None or current[1]:
            return
        key = current[0]
        item = self.draft.plan.find(key)
        following = self._neighbour(key)
        plan = arrangement.park(self.draft.plan, key)
        freed = f"frees {item.planned_minutes} min" if plan.free_minutes > 0 else "still over"
        self._change(plan, f"Parked {quoted(item.title)} ({freed}) · x restores it.", following)

    def action_restore(self) -> None:
        if self.draft is None or (current := self.current) is None or not current[1]:
            return
        key = current[0]
        item = self.draft.plan.find(key)
        lot = [i.key for i in self.draft.plan.parked]
        index = lot.index(key)
        rest = lot[index + 1 :] or lot[:index][-1:]
        plan = arrangement.restore(self.draft.plan, key)
        message = f"Restored {quoted(item.title)} to {quoted(item.section, 40)}."
        if plan.free_minutes < 0:
            message += f" The agenda now runs {-plan.free_minutes} min over."
        self._change(plan, message, rest[0] if rest else key)

    def action_toggle_reasons(self) -> None:
        self.view.expanded_all = not self.view.expanded_all
        self.view.expanded.clear()
        self.render_draft()

    def action_add_item(self) -> None:
        from checkin.ui.modals.planning import custom_item_modal

        def added(values: dict[str, Any] | None) -> None:
            if values is None or self.draft is None:
                return
            new, item = drafts.add_custom(
                self.workspace, self.draft, values["title"], values["minutes"]
            )
            message = f"Added {quoted(values['title'])} to {quoted(new.custom_section, 40)}."
            if new.plan.free_minutes < 0:
                message += f" The agenda now runs {-new.plan.free_minutes} min over."
            self._save(new, message, item.key)

        self.app.push_screen(custom_item_modal(self.workspace.today()), added)

    # -- the whole agenda -------------------------------------------------------------------

    def _confirm_then(self, needed: bool, question: str, then: Callable[[], None]) -> None:
        if not needed:
            then()
            return
        self.app.push_screen(ConfirmModal(question), lambda yes: then() if yes else None)

    def _rebuild(self, template: str, length: int | None, message: str) -> None:
        if self.draft is None:
            return
        try:
            new = drafts.generate(self.workspace, self.account, template, length, keep=self.draft)
        except CheckinError as error:
            self.notify(str(error), title="Cannot rebuild", severity="error", markup=False)
            return
        self.view.expanded.clear()
        self._save(new, message)

    def action_regenerate(self) -> None:
        if self.draft is None:
            return
        name, length = self.draft.template.name, self.draft.plan.length_minutes
        question = (
            "Regenerate the agenda from the records? Your order, minutes and parking are "
            "replaced; items you added stay."
        )
        self._confirm_then(
            self.draft.edited,
            question,
            lambda: self._rebuild(name, length, "Regenerated from the records."),
        )

    def action_switch_template(self) -> None:
        if self.draft is None:
            return
        from checkin.ui.modals.planning import TemplateModal

        current = self.draft.template.name
        edited = self.draft.edited

        def chosen(name: str | None) -> None:
            if name is None or name == current:
                return
            question = (
                f"Switch to the {name} template? The agenda is rebuilt for it: your order, "
                "minutes and parking are replaced; items you added stay."
            )
            self._confirm_then(
                edited, question, lambda: self._rebuild(name, None, f"Switched to {name}.")
            )

        self.app.push_screen(TemplateModal(drafts.template_choices(), current), chosen)

    def action_change_length(self) -> None:
        if self.draft is None:
            return
        from checkin.ui.modals.planning import length_modal

        def chosen(values: dict[str, Any] | None) -> None:
            if values is None or self.draft is None:
                return
            minutes = values["minutes"]
            if self.draft.edited:
                plan = arrangement.set_length(self.draft.plan, minutes)
                note = (
                    f"{plan.free_minutes} min free"
                    if plan.free_minutes >= 0
                    else (f"{-plan.free_minutes} min over")
                )
                self._change(
                    plan,
                    f"{minutes} min meeting; your arrangement is kept ({note}). "
                    "g regenerates to refit it.",
                )
            else:
                self._rebuild(
                    self.draft.template.name, minutes, f"{minutes} min meeting: agenda refitted."
                )

        length = self.draft.plan.length_minutes
        self.app.push_screen(length_modal(length, self.workspace.today()), chosen)

    # -- the pre-read -----------------------------------------------------------------------

    def action_preview(self) -> None:
        if (draft := self.draft) is None:
            return
        title = f"{self.account.name} · {draft.template.title}"
        screen = PrereadScreen(
            title,
            draft.preread(),
            drafts.default_preread_path(draft),
            lambda path: drafts.write_preread(draft, path),
        )
        self.app.push_screen(screen)

    def action_copy_preread(self) -> None:
        if self.draft is None:
            return
        self.app.copy_to_clipboard(self.draft.preread())
        self.notify("Copied the pre-read (Markdown) to the clipboard.", timeout=3)
        self._status("Copied the pre-read (Markdown) to the clipboard.")

    def action_write_preread(self) -> None:
        if (draft := self.draft) is None:
            return
        ask_and_write(
            self,
            lambda path: drafts.write_preread(draft, path),
            drafts.default_preread_path(draft),
            lambda written: self._status(f"Wrote the pre-read to {written}"),
        )

    # -- leaving ----------------------------------------------------------------------------

    def action_start(self) -> None:
        if self.draft is None:
            return
        ws, account = self.workspace, self.account
        live = meetings.live_meeting(ws, account)
        if live is not None:
            started = live.started or live.planned_start
            question = (
                f"A check-in with {account.name} started {started:%a %d %b at %H:%M} is still "
                "running. Resume it? This plan stays for the next one."
            )
            self._confirm_then(True, question, lambda: self._run(live.id))
            return
        plan = self.draft.plan
        over = f", {-plan.free_minutes} min over" if plan.free_minutes < 0 else ""
        question = (
            f"Start the check-in with {account.name} now? {len(plan.items)} items, "
            f"{plan.planned_minutes} of {plan.length_minutes} min{over}."
        )

        def start() -> None:
            if self.draft is not None and self._save(self.draft, "Saved."):
                assert self.draft.meeting_id is not None
                self._run(self.draft.meeting_id)

        self._confirm_then(True, question, start)

    def _run(self, meeting_id: str) -> None:
        meeting = self.workspace.meeting(meeting_id)
        self.dismiss(None)
        self.checkin.run_meeting(meeting)

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return palette_commands(self)
