"""The live screen's commands on the current topic's records, its history and attendance.

A mixin of :class:`~checkin.ui.screens.live.LiveScreen`: it only opens modals and hands
what they return to the session (:mod:`checkin.services.topic`), which saves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from checkin.core.history import PastMention
from checkin.core.records import ActionItem, Issue
from checkin.core.text import clean_line
from checkin.core.transitions import ActionChange, IssueChange
from checkin.ui.modals import topic
from checkin.ui.modals.attendance import Attendance, AttendanceModal
from checkin.ui.widgets.topic_history import history_lines

if TYPE_CHECKING:
    from rich.text import Text

    from checkin.services.session import MeetingSession
    from checkin.services.workspace import Workspace

# f-keys reach the screen from the notes editor too, so both modes share these.
HISTORY_BINDING = Binding(
    "f4",
    "screen.toggle_history",
    "History",
    id="live.history",
    tooltip="What earlier check-ins noted and decided about this topic: all of it, or the latest",
)
ATTENDANCE_BINDING = Binding(
    "f5",
    "screen.attendees",
    "Attendance",
    id="live.attendance",
    tooltip="Who is on the call: tick contacts, add guests",
)
RECORDS_TOOLTIP = (
    "This topic's issues and action items: done, drop, re-date, reassign; any issue status, "
    "plan given, did the fix work (verified or reopened)"
)

_MESSAGES: dict[str, str] = {
    IssueChange.ACKNOWLEDGE: "Acknowledged",
    IssueChange.PLAN: "Plan saved",
    IssueChange.START: "In progress",
    IssueChange.WAIT: "Waiting on the client",
    IssueChange.RESOLVE: "Resolved: it comes back as “did that work for you?”",
    IssueChange.CLOSE: "Closed",
    IssueChange.VERIFY: "Verified: the fix works for the client",
    IssueChange.REOPEN: "Reopened: it comes back on the next agenda",
    ActionChange.DONE: "Action item done",
    ActionChange.DROP: "Action item dropped",
    ActionChange.REOPEN: "Action item open again",
    ActionChange.REDATE: "New due date saved",
    ActionChange.REASSIGN: "Action item reassigned",
}


class TopicCommands:
    """Opens the topic's records, the forms their changes need, the history and attendance."""

    history_expanded: bool = False
    _history: tuple[str, list[PastMention]] | None = None  # (topic key, its history)

    if TYPE_CHECKING:  # provided by LiveScreen and CheckinScreen
        session: MeetingSession
        app: Any

        @property
        def workspace(self) -> Workspace: ...

        def _capture(self, modal: Any, apply: Any, message: str) -> None: ...
        def _flush_notes(self) -> None: ...
        def render_all(self, *, captured: bool = True) -> None: ...
        def attempt(self, operation: Callable[[], object], message: str) -> bool: ...

    # -- the topic's records --------------------------------------------------------------

    def action_topic_records(self) -> None:
        """The records modal; what it returns is carried out by :meth:`run_topic_op`."""
        current = self.session.current
        records = self.session.topic_records()
        if current is None or not records:
            self.app.notify(
                "This topic has no issue or action item yet: ctrl+t captures one.",
                severity="warning",
                timeout=3,
                markup=False,
            )
            return
        self._flush_notes()
        modal = topic.TopicRecordsModal(current.title, records, self.workspace.today())

        def chosen(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.run_topic_op(*result)

        self.app.push_screen(modal, chosen)

    def run_topic_op(self, operation: str, record_id: str) -> None:
        """Carry out ``operation`` on a record of the topic, asking first for what it needs."""
        s, today = self.session, self.workspace.today()
        record = next((r for r in s.topic_records() if r.id == record_id), None)
        message = _MESSAGES.get(operation, "Saved")
        if isinstance(record, Issue):
            change = IssueChange(operation)
            if change is IssueChange.PLAN:
                self._capture(
                    topic.plan_modal(record, today),
                    lambda v: s.change_issue(
                        record.id, change, plan=v["plan"] or "", estimate=v["estimate"]
                    ),
                    message,
                )
            elif change is IssueChange.REOPEN:
                self._capture(
                    topic.reopen_modal(record, today),
                    lambda v: s.change_issue(record.id, change, note=v["note"] or ""),
                    message,
                )
            elif self.attempt(lambda: s.change_issue(record.id, change), message):
                self.render_all()
        elif isinstance(record, ActionItem):
            action_change = ActionChange.named(operation)
            status = action_change.status if action_change else None
            if action_change is ActionChange.REDATE:
                self._capture(
                    topic.redate_modal(record, today),
                    lambda v: s.redate_action(record.id, v["due"]),
                    message,
                )
            elif action_change is ActionChange.REASSIGN:
                contacts = self.workspace.contacts(s.account.id)
                self._capture(
                    topic.reassign_modal(record, contacts, s.meeting.guests, today),
                    lambda v: s.reassign_action(record.id, v["owner"]),
                    message,
                )
            elif status is not None and self.attempt(
                lambda: s.set_action_status(record.id, status), message
            ):
                self.render_all()

    def _first(self, kind: type[Any], operation: str) -> Any:
        """The topic's first record of ``kind`` that ``operation`` applies to."""
        return next(
            (
                r
                for r in self.session.topic_records()
                if isinstance(r, kind) and topic.offered(r, operation)
            ),
            None,
        )

    def _on_first(self, kind: type[Any], operation: str) -> None:
        record = self._first(kind, operation)
        if record is None:
            self.app.notify("Nothing on this topic that can take that.", severity="warning")
            return
        self.run_topic_op(operation, record.id)

    # -- history --------------------------------------------------------------------------

    def action_toggle_history(self) -> None:
        self.history_expanded = not self.history_expanded
        self.render_all(captured=False)

    def history_text(self) -> Text:
        """The current topic's history; read once per topic (earlier meetings do not change
        during the call), not on every tick."""
        key = self.session.meeting.current_key or ""
        if self._history is None or self._history[0] != key:
            self._history = (key, self.session.topic_history())
        return history_lines(
            self._history[1], self.workspace.today(), expanded=self.history_expanded
        )

    # -- attendance -----------------------------------------------------------------------

    def action_attendees(self) -> None:
        s = self.session
        contacts = self.workspace.contacts(s.account.id)
        modal = AttendanceModal(
            contacts, s.meeting.attendees, s.meeting.guests, self.workspace.today()
        )
        self._capture(modal, self._save_attendance, "Attendance saved")

    def _save_attendance(self, attendance: Attendance) -> None:
        s = self.session
        with self.workspace.transaction():
            s.set_attendance(attendance.present, attendance.guests)
            for new in attendance.new_contacts:
                s.save_guest_as_contact(new.name, new.side, new.role)

    # -- the palette ----------------------------------------------------------------------

    def topic_palette(self) -> list[tuple[str, str, Any]]:
        """The topic commands that apply to the current item, for the command palette."""
        commands: list[tuple[str, str, Any]] = [
            (
                "Meeting: Set attendees",
                "Tick who is on the call, add guests",
                self.action_attendees,
            ),
            (
                "Meeting: Show topic history"
                if not self.history_expanded
                else "Meeting: Fold topic history",
                "What earlier check-ins said about this topic",
                self.action_toggle_history,
            ),
        ]
        if self.session.topic_records():
            commands.append(
                ("Meeting: Act on topic records", RECORDS_TOOLTIP, self.action_topic_records)
            )
        wanted = (
            ("Meeting: Verify fix", "Did that work for you? Yes", Issue, IssueChange.VERIFY),
            ("Meeting: Reopen issue", "Did that work? No: reopen", Issue, IssueChange.REOPEN),
            ("Meeting: Give plan", "The plan and an estimated date", Issue, IssueChange.PLAN),
            ("Meeting: Acknowledge issue", "", Issue, IssueChange.ACKNOWLEDGE),
            ("Meeting: Mark issue in progress", "", Issue, IssueChange.START),
            ("Meeting: Mark issue waiting on client", "", Issue, IssueChange.WAIT),
            ("Meeting: Resolve issue", "", Issue, IssueChange.RESOLVE),
            ("Meeting: Close issue", "", Issue, IssueChange.CLOSE),
            ("Meeting: Mark action done", "", ActionItem, ActionChange.DONE),
            ("Meeting: Drop action item", "", ActionItem, ActionChange.DROP),
            ("Meeting: Re-date action item", "A new due date", ActionItem, ActionChange.REDATE),
            ("Meeting: Reassign action item", "A contact, a guest or us", ActionItem,
             ActionChange.REASSIGN),
        )  # fmt: skip
        for title, help_text, kind, operation in wanted:
            record = self._first(kind, str(operation))
            if record is not None:
                detail = help_text or clean_line(getattr(record, "title", ""))
                commands.append((title, detail, _bound(self._on_first, kind, str(operation))))
        return commands


def _bound(method: Callable[[type[Any], str], None], kind: type[Any], operation: str) -> Any:
    return lambda: method(kind, operation)
