"""The live screen's commands on the current topic's records, its history and attendance.

A mixin of :class:`~checkin.ui.screens.live.LiveScreen` on top of its captures: it only opens
modals and hands what they return to the session (:mod:`checkin.services.topic`), which saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checkin.core.history import PastMention
from checkin.core.records import ActionItem, Issue
from checkin.core.transitions import ActionChange, IssueChange
from checkin.ui.modals import topic
from checkin.ui.modals.attendance import Attendance, AttendanceModal
from checkin.ui.screens.live_capture import CaptureCommands
from checkin.ui.widgets.topic_history import history_lines

if TYPE_CHECKING:
    from rich.text import Text


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
_KINDS: dict[str, type[Any]] = {"issue": Issue, "action": ActionItem}


class TopicCommands(CaptureCommands):
    """Opens the topic's records, the forms their changes need, the history and attendance."""

    history_expanded: bool = False
    _history: tuple[str, list[PastMention]] | None = None  # (topic key, its history)

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

    def first_record(self, kind: str, operation: str) -> Any:
        """The topic's first record of ``kind`` ("issue", "action") that ``operation``
        applies to, or None."""
        wanted = _KINDS[kind]
        return next(
            (
                r
                for r in self.session.topic_records()
                if isinstance(r, wanted) and topic.offered(r, operation)
            ),
            None,
        )

    def action_on_first(self, kind: str, operation: str) -> None:
        """Carry out ``operation`` on the topic's first record that can take it."""
        record = self.first_record(kind, operation)
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
