"""The live screen's captures: action items, decisions, feedback, issues and custom items.

A mixin of :class:`~checkin.ui.screens.live.LiveScreen`: it opens the capture modals (which
return values and never save) and hands what they return to the session, which saves. A
capture form open when checkin stops is kept with the meeting and offered back on resume.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from checkin.ui.modals import capture
from checkin.ui.modals.form import FormModal

if TYPE_CHECKING:
    from checkin.services.session import MeetingSession
    from checkin.services.workspace import Workspace


class Capture(NamedTuple):
    """One kind of capture form: what it is called, its form, how its values are saved."""

    label: str
    form: Callable[[Any], FormModal]  # given the screen
    save: Callable[[MeetingSession, dict[str, Any]], object]
    message: str


def _action_form(screen: Any) -> FormModal:
    s = screen.session
    contacts = screen.workspace.contacts(s.account.id)
    return capture.action_modal(contacts, screen.workspace.today(), s.meeting.guests)


# The capture forms, kept as drafts while open: kind -> how to capture it.
CAPTURES = {
    "action": Capture(
        "action item",
        _action_form,
        lambda s, v: s.add_action(v["title"], v["owner"], v["due"]),
        "Action item saved",
    ),
    "decision": Capture(
        "decision",
        lambda screen: capture.decision_modal(screen.workspace.today()),
        lambda s, v: s.add_decision(v["text"]),
        "Decision saved",
    ),
    "feedback": Capture(
        "feedback",
        lambda screen: capture.feedback_modal(screen.workspace.today()),
        lambda s, v: s.add_feedback(
            v["direction"], v["sentiment"], v["text"], v.get("topic") or ""
        ),
        "Feedback saved",
    ),
    "issue": Capture(
        "issue",
        lambda screen: capture.issue_modal(screen.workspace.today()),
        lambda s, v: s.add_issue(v["title"], v["severity"], v.get("body") or ""),
        "Issue logged and acknowledged",
    ),
}


class CaptureCommands:
    """Opens the capture modals and saves what they return through the session."""

    _form: tuple[str, FormModal] | None = None  # the capture form open now

    if TYPE_CHECKING:  # provided by LiveScreen and CheckinScreen
        session: MeetingSession
        app: Any

        @property
        def workspace(self) -> Workspace: ...

        def _flush_notes(self) -> None: ...
        def render_all(self, *, captured: bool = True) -> None: ...
        def attempt(self, operation: Callable[[], object], message: str) -> bool: ...

    def _capture(
        self,
        modal: Any,
        apply: Any,
        message: str,
        kind: str | None = None,
        draft: dict[str, Any] | None = None,
    ) -> None:
        """Open a capture modal whose values ``apply`` saves. A form saves before it closes,
        so an error keeps it open with what was typed; the pickers save when they close.

        A form of a ``kind`` (CAPTURES) is kept with the meeting while it is open, as the
        notes are, and ``draft`` (its values as typed) opens it again as it was left.
        """
        self._flush_notes()
        self.session.save()
        saves_itself = isinstance(modal, FormModal)
        if saves_itself:
            modal.save = apply
            if draft:
                modal.initial = {**modal.initial, **draft}
                modal.restored = True
            if kind is not None:
                self._form = (kind, modal)

        def done(values: Any) -> None:
            if kind is not None:
                self._form = None
                self.session.set_form_draft(None)
                self.attempt(self.session.save_if_dirty, "")
            if values is None:
                return
            if saves_itself:
                self.app.notify(message, timeout=2, markup=False)
                self.render_all()
            elif self.attempt(lambda: apply(values), message):
                self.render_all()

        self.app.push_screen(modal, done)

    def action_capture(self, kind: str, draft: dict[str, Any] | None = None) -> None:
        """Capture one of CAPTURES; ``draft`` opens its form as it was typed before."""
        how = CAPTURES[kind]
        session = self.session
        self._capture(how.form(self), lambda v: how.save(session, v), how.message, kind, draft)

    def action_custom_item(self) -> None:
        modal = capture.custom_item_modal(
            self.workspace.today(), meeting_minutes=self.session.meeting.length_minutes
        )
        self._capture(
            modal,
            lambda v: self.session.add_custom_item(v["title"], v["minutes"] or 5),
            "Item added after the current one",
        )

    # -- capture forms kept as drafts -------------------------------------------------------

    def _flush_form(self) -> None:
        """The capture form open now, as typed, goes with the meeting's next save."""
        if self._form is None:
            return
        kind, modal = self._form
        if not modal.is_mounted:
            return
        if modal.changed:
            self.session.set_form_draft(kind, modal.typed())
        else:
            self.session.set_form_draft(None)

    def _offer_form_draft(self) -> None:
        """A capture form was open when the app last stopped: offer it back, as typed."""
        draft = self.session.meeting.form_draft or {}
        kind = draft.get("kind")
        values = draft.get("values")
        if kind not in CAPTURES or not isinstance(values, dict):
            self.session.set_form_draft(None)
            return
        label = CAPTURES[kind].label

        def answered(reopen: bool | None) -> None:
            if reopen:
                self.action_capture(kind, values)
            else:
                self.session.set_form_draft(None)
                self.attempt(self.session.save_if_dirty, "")
                self.app.notify(f"The half-typed {label} was thrown away.", timeout=3)

        self.app.push_screen(
            capture.ConfirmModal(
                f"A half-typed {label} was kept from before checkin stopped. Open it again?"
            ),
            answered,
        )
