"""The live check-in: walk the agenda, time it, take notes and capture everything with one key."""

from __future__ import annotations

import gc
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static, TextArea

from checkin.core.enums import ItemStatus
from checkin.core.meeting import Meeting
from checkin.core.text import clean_line, count
from checkin.services.session import MeetingSession
from checkin.ui.command_table import TableCommands
from checkin.ui.modals import capture
from checkin.ui.modals.form import FormModal
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.screens.live_commands import TABLE
from checkin.ui.screens.live_topic import TopicCommands
from checkin.ui.widgets.agenda_list import AgendaList, clock
from checkin.ui.widgets.bars import KeyBar, TitleBar
from checkin.ui.widgets.captured import captured_lines
from checkin.ui.widgets.item_detail import ItemDetail

AUTOSAVE_SECONDS = 1.0
COMPACT_BELOW = 28  # terminal rows under which the live screen is laid out compact (80x24)
FULL_CAPTURED = 7  # lines of the captured strip
COMPACT_CAPTURED = 3


def template_title(name: str) -> str:
    """ "Escalation review" for "escalation"; the name itself if the template is gone."""
    from checkin.core.errors import CheckinError
    from checkin.services.planning import load_template

    try:
        return load_template(name).title
    except CheckinError:
        return f"{name} check-in"


class LiveAgendaList(AgendaList):
    """Command mode: single keys act on the meeting (esc from the notes lands here)."""

    BINDINGS: ClassVar[list[BindingType]] = TABLE.bindings("screen")


class NotesArea(TextArea):
    """Typing mode: captures sit on ctrl keys so notes never stop."""

    BINDINGS: ClassVar[list[BindingType]] = TABLE.typing_bindings("screen")


class LiveScreen(TableCommands, CheckinScreen[Meeting | None], TopicCommands):
    """Dismisses with the ended meeting (for the wrap-up), or None when left running."""

    CSS_PATH = "live.tcss"
    COMMAND_TABLE = TABLE

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self._notes_key: str | None = None
        self._private = False  # the notes editor shows the private notes (team only)
        self._warned: set[str] = set()
        self._since_save = 0.0
        self._form: tuple[str, FormModal] | None = None  # the capture form open now
        self._notes_title = ""  # the notes editor's border title as shown
        self._frozen = False  # the heap is frozen for the call (_freeze_heap)

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="clock")
        with Horizontal(id="body"):
            yield LiveAgendaList(id="agenda")
            with Vertical(id="side"):
                yield ItemDetail(id="detail")
                yield NotesArea(id="notes", soft_wrap=True, show_line_numbers=False)
                yield Static(id="captured")
        yield KeyBar(keep=("live.agenda", "live.profile", "live.wrap"))

    def on_mount(self) -> None:
        account = self.session.account
        self.title = f"{account.name} · {template_title(self.session.meeting.template)}"
        self.session.start()
        self._load_notes()
        self.render_all()
        self.query_one(NotesArea).focus()
        self.set_interval(AUTOSAVE_SECONDS, self._tick)
        if self.session.meeting.form_draft:
            self.call_after_refresh(self._offer_form_draft)
        self.call_after_refresh(self._freeze_heap)

    def _freeze_heap(self) -> None:
        """Everything loaded and drawn so far lives as long as the call: frozen, the garbage
        collector's full passes no longer walk it (45-110 ms pauses while typing on L, where
        the agenda list alone holds 1,591 rows). Leaving the call hands it back."""
        if self.is_attached and not self._frozen:
            self._frozen = True
            gc.freeze()

    def on_unmount(self) -> None:
        if self._frozen:
            self._frozen = False
            gc.unfreeze()

    # -- attributes down -------------------------------------------------------------------

    def render_all(self, *, captured: bool = True) -> None:
        """Show the meeting as it is; ``captured=False`` leaves the captured strip, which only
        a capture changes (the clock's tick redraws everything else every second)."""
        s = self.session
        current = s.current
        agenda = self.query_one(LiveAgendaList)
        agenda.show(s.agenda, s.parked, s.meeting.current_key, s.item_seconds)
        if current is not None and self.focused is not agenda:
            agenda.highlight_key(current.key)
        record = self._linked_record()
        seconds = s.item_seconds(current) if current else 0
        self.query_one(ItemDetail).show(
            current,
            record,
            seconds,
            self.workspace.now(),
            history=self.history_text() if current is not None else None,
            compact=self.has_class("-compact"),
        )
        notes = self.query_one(NotesArea)
        label = "Private notes (team only)" if self._private else "Notes"
        title = f"{label} · {clean_line(current.title)}" if current else label
        if title != self._notes_title:
            # Setting a border title repaints the whole editor: only when it changes, not on
            # every tick of the clock.
            self._notes_title = title
            notes.border_title = Text(title)
        notes.set_class(self._private, "-private")
        notes.disabled = current is None
        self._render_clock()
        if captured:
            self._render_captured()
            self.refresh_bindings()  # the keys that apply follow the item and its records

    def _linked_record(self) -> Any:
        item = self.session.current
        if item is None or item.source_ref is None:
            return None
        return self.workspace.linked_record(item.source_ref)

    def _render_clock(self) -> None:
        s = self.session
        used, planned = s.meeting_seconds(), s.planned_seconds()
        over = used > planned
        done = sum(1 for i in s.agenda if i.status is not ItemStatus.PENDING)
        text = Text()
        text.append(" Meeting ", style="bold")
        text.append(f"{clock(used)} of {clock(planned)}", style="bold yellow" if over else "bold")
        if over:
            text.append(f"  overrun +{clock(used - planned)}", style="bold yellow")
        text.append(f"   ·   {done} of {len(s.agenda)} items done", style="dim")
        if s.last_saved is not None:
            text.append(f"   ·   saved {s.last_saved:%H:%M:%S}", style="dim")
        # One row across the screen (live.tcss): a new time never changes its size.
        self.query_one("#clock", Static).update(text, layout=False)

    def _render_captured(self) -> None:
        m = self.session.meeting
        room = COMPACT_CAPTURED if self.has_class("-compact") else FULL_CAPTURED
        lines = captured_lines(m, self.workspace.captured_in(m), room)
        self.query_one("#captured", Static).update(lines)

    def on_resize(self) -> None:
        """A short terminal gets the compact layout: the notes editor keeps its room."""
        compact = self.size.height < COMPACT_BELOW
        if compact != self.has_class("-compact"):
            self.set_class(compact, "-compact")
            if self.is_mounted:
                self.render_all()  # the details and the captured strip change with the layout

    # -- the clock and autosave -----------------------------------------------------------

    def _tick(self) -> None:
        self._flush_notes()
        self._flush_form()
        s = self.session
        if s.dirty:
            s.save()
        current = s.current
        over = current is not None and s.item_seconds(current) > current.planned_minutes * 60 > 0
        if current is not None and over and current.key not in self._warned:
            self._warned.add(current.key)
            self.notify(
                f"“{clean_line(current.title)}” is past its {current.planned_minutes} min.",
                title="Running over",
                severity="warning",
                timeout=4,
                markup=False,
            )
        self.render_all(captured=False)

    def _flush_notes(self) -> None:
        if self._notes_key is not None:
            text = self.query_one(NotesArea).text
            if self._private:
                self.session.set_private_notes(self._notes_key, text)
            else:
                self.session.set_notes(self._notes_key, text)

    def _load_notes(self) -> None:
        current = self.session.current
        self._notes_key = current.key if current else None
        text = "" if current is None else current.private_notes if self._private else current.notes
        self.query_one(NotesArea).load_text(text)

    def action_toggle_private(self) -> None:
        """Shared notes go to the client's minutes; private ones only to our team's."""
        self._flush_notes()
        self._private = not self._private
        self._load_notes()
        self.render_all(captured=False)
        self.query_one(NotesArea).focus()
        where = "private: our team's minutes only" if self._private else "shared with the client"
        self.notify(f"Notes are now {where}.", timeout=3)

    def flush(self) -> None:
        """Save everything typed so far (the notes and a capture form still open)."""
        self._flush_notes()
        self._flush_form()
        self.session.save()

    def save_unsaved(self) -> None:
        if self.is_mounted:
            self.flush()

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self) -> None:
        self._flush_notes()

    # -- moving ---------------------------------------------------------------------------

    def _moved(self) -> None:
        self._load_notes()
        self.render_all()

    def action_next_item(self) -> None:
        self._flush_notes()
        left = self.session.current
        if self.session.next() is None:
            self.notify("That was the last item: w wraps up the meeting.", timeout=3)
        elif left is not None and left.status is ItemStatus.PENDING:
            self.notify(
                f"“{clean_line(left.title)}” was not discussed: it stays pending "
                "(s skips it, x defers it).",
                timeout=3,
                markup=False,
            )
        self._moved()

    def action_previous_item(self) -> None:
        self._flush_notes()
        self.session.move(-1)
        self._moved()

    def action_mark(self, status: str) -> None:
        self._flush_notes()
        item = self.session.current
        self.session.mark(ItemStatus(status))
        if item is not None and status != ItemStatus.DISCUSSED:
            said = "Skipped" if status == ItemStatus.SKIPPED else "Deferred to the next meeting"
            self.notify(f"{said}: “{clean_line(item.title)}”", timeout=2, markup=False)
        self._moved()

    @on(OptionList.OptionSelected, "#agenda")
    def _item_chosen(self, event: OptionList.OptionSelected) -> None:
        key = (event.option.id or "").removeprefix("parked:")
        if key:
            self._flush_notes()
            self.session.go(key)
            self._moved()
            self.query_one(NotesArea).focus()

    def action_focus_agenda(self) -> None:
        agenda = self.query_one(LiveAgendaList)
        agenda.focus()
        agenda.highlight_key(self.session.meeting.current_key)

    def action_focus_notes(self) -> None:
        self.query_one(NotesArea).focus()

    # -- leaving --------------------------------------------------------------------------

    def action_wrap_up(self) -> None:
        self._flush_notes()
        # The rule the wrap-up and the minutes use: the current item with notes or time spent
        # counts as discussed.
        pending = len(self.session.still_pending())

        def confirmed(ok: bool | None) -> None:
            if ok:
                self._flush_notes()
                self.dismiss(self.session.end_call())

        question = "End the call and go to the wrap-up?"
        if pending:
            still = (
                "is still pending; it carries" if pending == 1 else "are still pending; they carry"
            )
            question += f" {count(pending, 'item')} {still} over to the next agenda."
        self.app.push_screen(capture.ConfirmModal(question), confirmed)

    def action_show_profile(self) -> None:
        """The client's profile over the meeting; the notes stay as they are."""
        from checkin.ui.modals.profile import ProfileModal

        self._flush_notes()
        account = self.workspace.account(self.session.account.id)
        summary = self.workspace.summary(account)
        self.app.push_screen(ProfileModal(account, summary, self.workspace.contacts(account.id)))

    def action_leave(self) -> None:
        """Leave the meeting running (it resumes later)."""
        self.flush()
        self.dismiss(None)
