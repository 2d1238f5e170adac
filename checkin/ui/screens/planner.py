"""The agenda planner: the generated agenda with its reasons, arranged by hand, saved at once."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import OptionList, Static

from checkin.core.agenda import arrangement
from checkin.core.agenda.model import AgendaWarning
from checkin.core.errors import CheckinError
from checkin.core.text import clean_line, count
from checkin.services import draft as drafts
from checkin.services import meetings
from checkin.ui.screens.planner_agenda import SECTION_WIDTH, PlannerBase, over, quoted
from checkin.ui.screens.planner_commands import BINDINGS, palette_commands
from checkin.ui.widgets.bars import KeyBar, TitleBar
from checkin.ui.widgets.minutes_bar import MinutesBar
from checkin.ui.widgets.plan_detail import PlanDetail, Shown
from checkin.ui.widgets.plan_list import PlanList


def warning_banner(warnings: tuple[AgendaWarning, ...]) -> str:
    """The relationship warnings as one banner line each ("⚠ Last check-in 45 days ago; ...")."""
    return "\n".join(
        f"⚠ {clean_line(w.text)[:1].upper()}{clean_line(w.text)[1:]}" for w in warnings
    )


class PlannerScreen(PlannerBase):
    """Attributes down (the list, the bar and the detail get the draft), messages up (the list
    says what is highlighted); every change is saved with the upcoming meeting at once."""

    CSS_PATH = "planner.tcss"
    BINDINGS: ClassVar[list[BindingType]] = BINDINGS
    # Below 90 columns the item's details go under the agenda (planner.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield MinutesBar(id="plan-bar")
        yield Static("", id="plan-warnings", markup=False)
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
            # One line at 80 columns: f1 is in the key bar anyway.
            return "From the records, most important first · saved as you go · ctrl+p all actions"
        new = draft.new_items()
        if new:
            since = count(len(new), "new item")
            return f"Your saved plan · the records have {since} since · g rebuilds it."
        return "Your saved plan for the next check-in · g rebuilds it from the records."

    # -- attributes down --------------------------------------------------------------------

    def render_draft(self, highlight: str | None = None) -> None:
        draft = self.draft
        if draft is None:
            return
        plan = draft.plan
        self.sub_title = f"{draft.template.title} · {plan.length_minutes} min"
        self.query_one(MinutesBar).show(
            f"{draft.template.title} · {draft.now:%a %d %b %H:%M}",
            plan.planned_minutes,
            plan.length_minutes,
            len(plan.parked),
        )
        banner = self.query_one("#plan-warnings", Static)
        banner.update(warning_banner(draft.warnings))
        banner.display = bool(draft.warnings)
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
            ws = self.workspace
            record = ws.linked_record(item.source_ref) if item.source_ref else None
            linked = tuple((ref, ws.linked_record(ref)) for ref in item.records)
            self.query_one(PlanDetail).show(Shown(item, parked, record, ws.now(), linked))
        self.refresh_bindings()

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
        before, item = self.draft.plan.find(current[0]), plan.find(current[0])
        if item.section != before.section:
            where = f"into {quoted(item.section, SECTION_WIDTH)}"
        else:
            where = f"{'up' if step < 0 else 'down'} to number {plan.items.index(item) + 1}"
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

        modal = minutes_modal(
            item.title,
            item.planned_minutes,
            self.workspace.today(),
            meeting_minutes=self.draft.plan.length_minutes,
        )
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
        message = f"Restored {quoted(item.title)} to {quoted(item.section, SECTION_WIDTH)}"
        message += over(plan.free_minutes)
        self._change(plan, message, rest[0] if rest else key)

    @property
    def detail_shown(self) -> bool:
        return not self.has_class("-no-detail")

    def action_toggle_detail(self) -> None:
        """Hide the details pane (the agenda takes the room) or show it again."""
        shown = not self.detail_shown
        self.set_class(not shown, "-no-detail")
        detail = self.query_one(PlanDetail)
        if not shown and detail.has_focus_within:
            self.query_one(PlanList).focus()
        self._status(
            "Item details shown · i hides them." if shown else "Details hidden · i shows them."
        )

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
            message = (
                f"Added {quoted(values['title'])} to {quoted(new.custom_section, SECTION_WIDTH)}"
            )
            message += over(new.plan.free_minutes)
            self._save(new, message, item.key)

        length = self.draft.plan.length_minutes if self.draft is not None else None
        self.app.push_screen(
            custom_item_modal(self.workspace.today(), meeting_minutes=length), added
        )

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return palette_commands(self)
