"""The planner's base: the draft, saving every change, and what acts on the whole agenda."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Static

from checkin.core.agenda import arrangement, rebuild
from checkin.core.agenda.arrangement import Arrangement
from checkin.core.errors import CheckinError
from checkin.core.records import Account
from checkin.core.text import clean_line
from checkin.services import draft as drafts
from checkin.services import meetings
from checkin.services.draft import Draft
from checkin.ui.modals.planning import AskModal
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.screens.preread import PrereadScreen, ask_and_write
from checkin.ui.text import agenda_size, literal
from checkin.ui.widgets.plan_list import View

# Status messages wrap to two lines at most: titles in them are cut to these widths, so a
# message fits two lines of an 80-column terminal and, mostly, one line at 120.
TITLE_WIDTH, SECTION_WIDTH = 32, 24


def quoted(title: str, width: int = TITLE_WIDTH) -> str:
    """A title for a message: cleaned, cut, in quotes."""
    text = clean_line(title)
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


def over(free_minutes: int) -> str:
    """The end of a message: "." or, when the agenda runs over, " · now 6 min over."."""
    return f" · now {-free_minutes} min over." if free_minutes < 0 else "."


def _unfitted(draft: Draft) -> str:
    """After a rebuild: which of the user's items did not fit (they are parked)."""
    out = [
        item
        for item in rebuild.hand_added(draft.plan)
        if item.parked and not rebuild.parked_by_user(item)
    ]
    if not out:
        return ""
    if len(out) == 1:
        return f" {quoted(out[0].title)} did not fit: parked."
    return f" {len(out)} items you added did not fit: parked."


class PlannerBase(CheckinScreen[None]):
    """Holds the draft and saves it; template, length, regenerate, the pre-read and starting
    the check-in. :class:`PlannerScreen` adds the layout and the item actions."""

    def __init__(self, account: Account) -> None:
        super().__init__()
        self.account = account
        self.draft: Draft | None = None
        self.view = View(plan=arrangement.arrange([], [], 30))

    def render_draft(self, highlight: str | None = None) -> None:
        """Show the draft (the screen's widgets); ``highlight`` an item by key.

        The base has no widgets: :class:`PlannerScreen` draws them.
        """

    def _status(self, text: str) -> None:
        self.query_one("#plan-status", Static).update(literal(text))

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

    # -- the whole agenda -------------------------------------------------------------------

    def _confirm_then(
        self, needed: bool, question: str, then: Callable[[], None], yes: str = "Yes"
    ) -> None:
        if not needed:
            then()
            return
        self.app.push_screen(AskModal(question, yes), lambda answer: then() if answer else None)

    def _rebuild(
        self, template: str, length: int | None, message: str | Callable[[Draft], str]
    ) -> None:
        """The agenda rebuilt from the records for ``template`` and ``length``, saved; the
        status says ``message`` (or what it makes of the new draft) and what did not fit."""
        if self.draft is None:
            return
        try:
            new = drafts.generate(self.workspace, self.account, template, length, keep=self.draft)
        except CheckinError as error:
            self.notify(str(error), title="Cannot rebuild", severity="error", markup=False)
            return
        self.view.expanded.clear()
        first = new.plan.items[0].key if new.plan.items else None
        said = message if isinstance(message, str) else message(new)
        self._save(new, said + _unfitted(new), first)

    def action_regenerate(self) -> None:
        if self.draft is None:
            return
        name, length = self.draft.template.name, self.draft.plan.length_minutes
        question = (
            "Rebuild the agenda from the records? Your order, minutes and parking are "
            "replaced. Items you added stay, after urgent issues and standing items; what no "
            "longer fits goes to the parking lot."
        )
        self._confirm_then(
            self.draft.edited,
            question,
            lambda: self._rebuild(name, length, "Rebuilt from the records."),
            "Rebuild",
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
                "minutes and parking are replaced. Items you added stay, after urgent issues and "
                "standing items; what no longer fits goes to the parking lot."
            )
            self._confirm_then(edited, question, lambda: self._switched(name), "Switch")

        self.app.push_screen(TemplateModal(drafts.template_choices(), current), chosen)

    def _switched(self, name: str) -> None:
        def message(new: Draft) -> str:
            title, length = clean_line(new.template.title), new.plan.length_minutes
            return f"Switched to {quoted(title, SECTION_WIDTH)} ({length} min): agenda rebuilt."

        self._rebuild(name, None, message)

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
                if plan.free_minutes >= 0:
                    room = f"{plan.free_minutes} min free (x restores)"
                else:
                    room = f"{-plan.free_minutes} min over (x parks)"
                self._change(plan, f"{minutes} min meeting, your plan kept: {room} · g refits.")
            else:
                self._rebuild(
                    self.draft.template.name, minutes, f"{minutes} min meeting: agenda refitted."
                )

        length = self.draft.plan.length_minutes
        self.app.push_screen(length_modal(length, self.workspace.today()), chosen)

    def action_change_start(self) -> None:
        if self.draft is None:
            return
        from checkin.ui.modals.planning import start_modal

        def chosen(values: dict[str, Any] | None) -> None:
            if values is not None and self.draft is not None:
                start = values["start"]
                new = drafts.with_start(self.workspace, self.draft, start)
                self._save(new, f"The meeting is on {start:%a %d %b at %H:%M}.")

        self.app.push_screen(start_modal(self.draft.now, self.workspace.today()), chosen)

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
            self._confirm_then(True, question, lambda: self._run(live.id), "Resume")
            return
        plan = self.draft.plan
        size = agenda_size(len(plan.items), plan.planned_minutes, plan.length_minutes)
        question = f"Start the check-in with {account.name} now? {size}."

        def start() -> None:
            if self.draft is not None and self._save(self.draft, "Saved."):
                assert self.draft.meeting_id is not None
                self._run(self.draft.meeting_id)

        self._confirm_then(True, question, start, "Start")

    def _run(self, meeting_id: str) -> None:
        meeting = self.workspace.meeting(meeting_id)
        self.dismiss(None)
        self.checkin.run_meeting(meeting)

    def action_back(self) -> None:
        self.dismiss(None)
