"""The question before a check-in starts, asked the same way from the app and the planner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen

from checkin.core.errors import CheckinError
from checkin.core.meeting import Meeting
from checkin.core.records import Account
from checkin.services.meetings import CheckinStart, StartKind, live_meetings, start_checkin
from checkin.ui.modals.confirm import ConfirmModal
from checkin.ui.modals.planning import AskModal
from checkin.ui.text import agenda_size

if TYPE_CHECKING:
    from checkin.ui.app import CheckinApp


def start_modal(start: CheckinStart) -> ModalScreen[bool] | None:
    """The question to ask before ``start`` is begun, or None to begin at once.

    From the planner (``start.draft``) every start is asked, resuming too ("this plan stays
    for the next one"); from elsewhere a running check-in resumes at once, and the question
    says whether the planned agenda or the one built from the records runs, and its size.
    """
    account = start.account.name
    size = agenda_size(len(start.items), start.planned_minutes, start.length_minutes)
    if start.draft is not None:
        if start.kind is StartKind.RESUME:
            assert start.meeting is not None
            started = start.meeting.started or start.meeting.planned_start
            question = (
                f"A check-in with {account} started {started:%a %d %b at %H:%M} is still "
                "running. Resume it? This plan stays for the next one."
            )
            return AskModal(question, "Resume")
        return AskModal(f"Start the check-in with {account} now? {size}.", "Start")
    if start.kind is StartKind.RESUME:
        return None
    if start.kind is StartKind.PLANNED:
        return ConfirmModal(f"Start the planned check-in with {account} now? {size}.")
    return ConfirmModal(
        f"Start a check-in with {account} now, on the agenda built from its records? "
        f"{size}. To change the agenda first, answer n and plan it."
    )


def ask_to_start(app: CheckinApp, start: CheckinStart, run: Callable[[Meeting], Any]) -> None:
    """Ask (:func:`start_modal`); on yes begin ``start`` (the plan is saved) and ``run`` the
    meeting. A failure is said and nothing runs."""

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        try:
            meeting = start.begin(app.workspace)
        except CheckinError as error:
            title = "Not saved" if start.draft is not None else "Cannot start"
            app.notify(str(error), title=title, severity="error", markup=False)
            return
        run(meeting)

    modal = start_modal(start)
    if modal is None:
        answered(True)
    else:
        app.push_screen(modal, answered)


def offer_resume(app: CheckinApp) -> None:
    """A meeting still running when the app opens (it was closed or killed during a call or
    its wrap-up) is offered for resuming, with everything typed up to the last autosave."""
    running = live_meetings(app.workspace)
    if not running:
        return
    meeting = running[-1]
    account = app.workspace.account(meeting.account_id)
    started = meeting.started or meeting.planned_start
    if meeting.in_wrap_up:
        question = (
            f"The wrap-up of the check-in with {account.name} on {started:%a %d %b} "
            "is not finished. Finish it now?"
        )
    else:
        question = (
            f"The check-in with {account.name} started {started:%a %d %b at %H:%M} is "
            "still running. Resume it now?"
        )

    def answered(resume: bool | None) -> None:
        if resume:
            app.run_meeting(meeting)
        else:
            app.notify(
                f"It stays open: Run check-in (ctrl+r) on {account.name} resumes it.",
                markup=False,
            )

    app.push_screen(ConfirmModal(question), answered)


def begin_checkin(
    app: CheckinApp,
    account: Account,
    start: CheckinStart | None = None,
    then: Callable[[], object] | None = None,
) -> None:
    """Start a check-in with ``account`` as :func:`start_checkin` says (``start``: as the
    planner said): asked first (:func:`ask_to_start`), a running one resumes at once from
    the app; ``then`` runs before the meeting does (the planner closes)."""
    if start is None:
        try:
            start = start_checkin(app.workspace, account)
        except CheckinError as error:
            app.notify(str(error), title="Cannot start", severity="error", markup=False)
            return

    def run(meeting: Meeting) -> None:
        if then is not None:
            then()
        app.run_meeting(meeting)

    ask_to_start(app, start, run)
