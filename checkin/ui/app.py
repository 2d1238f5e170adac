"""The checkin terminal app: screens, global keys, theme and clean exits on signals."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen
from textual.theme import Theme

from checkin.core.account import Account
from checkin.core.base_enums import MeetingState
from checkin.core.errors import CheckinError
from checkin.services.workspace import Workspace

if TYPE_CHECKING:
    from textual.command import Provider

    from checkin.core.meeting import Meeting
    from checkin.services.importing import ImportPlan
    from checkin.services.meetings import CheckinStart
from checkin.ui.command_table import Command, CommandTable
from checkin.ui.startup import StartUp

CALM = Theme(
    name="checkin",
    primary="#7FA7C9",
    secondary="#A3BE8C",
    accent="#D8B878",
    warning="#E0A458",
    error="#D97C7C",
    success="#8FBF8F",
    background="#1E2329",
    surface="#252B33",
    panel="#2E3640",
    dark=True,
)


APP_COMMANDS = CommandTable(
    [
        Command("ctrl+q", "quit", "Quit", help="Save and quit", priority=True, id="app.quit"),
        Command("f1", "help", "Keys", help="Every key of this screen", id="app.help"),
    ]
)


def _palette(name: str) -> Callable[[], type[Provider]]:
    """A command provider of ``checkin.ui.commands``, loaded when the palette first opens."""
    return lambda: cast("type[Provider]", getattr(import_module("checkin.ui.commands"), name))


def _home() -> Screen[Any]:
    """The accounts home is the app's first screen (no blank screen underneath)."""
    from textual._context import active_app

    from checkin.ui.screens.accounts import AccountsScreen

    screen = AccountsScreen()
    # Textual refreshes every style for a mode's first screen (whose CSS count starts at -1)
    # right after the theme's own refresh: the screen's widgets are styled as they mount, so
    # that second refresh of the whole app changed nothing but cost a millisecond.
    screen._css_update_count = active_app.get()._css_update_count
    return screen


class CheckinApp(StartUp, App[None]):
    """Holds the workspace and moves between screens; screens do the work."""

    TITLE = "checkin"
    COMMANDS = App.COMMANDS | {_palette("ScreenCommands"), _palette("AccountCommands")}
    BINDINGS: ClassVar[list[BindingType]] = APP_COMMANDS.bindings()

    # The home comes as the default mode's screen: Textual loads a screen's CSS_PATH for a
    # mode's screen, but not for what get_default_screen returns (accounts.tcss was ignored).
    MODES: ClassVar[dict[str, Any]] = {"_default": lambda: _home()}

    def __init__(
        self,
        workspace: Workspace,
        *,
        exit_at: str | None = None,
        theme: str | None = None,
        remember_theme: Callable[[str], object] | None = None,
        css_cache: Path | None = None,
    ) -> None:
        """``theme`` is the one the user chose last time (unknown names are ignored);
        ``remember_theme`` is called with each theme the user picks (from ctrl+p);
        ``css_cache`` is the file of CSS rules kept between starts (None: parse them)."""
        super().__init__(exit_at=exit_at, css_cache=css_cache)
        self.workspace = workspace
        self._uninstall_signal_handlers: Callable[[], None] = lambda: None
        # Set before the first stylesheet parse: changing the theme later parses it again.
        self._remember_theme: Callable[[str], object] | None = None
        self.register_theme(CALM)
        self.theme = theme if theme in self.available_themes else "checkin"
        self.theme_chosen()
        self._remember_theme = remember_theme

    crash: Exception | None = None  # the unexpected error that ended the app, if one did

    def _handle_exception(self, error: Exception) -> None:
        """An error nothing handled ends the app with a non-zero exit code (see ``crash``).

        What is typed but not saved (a call's notes, its capture forms) is saved first, where
        the workspace still can; the command line then says what happened in one paragraph.
        """
        from textual.worker import WorkerFailed

        if self.crash is None:
            cause: Exception = error
            while isinstance(cause, WorkerFailed) and isinstance(cause.error, Exception):
                cause = cause.error  # a screen's worker met it: the error is the worker's
            self.crash = cause
            with contextlib.suppress(Exception):
                self.save_everything()
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Exit without Textual's traceback: it prints local variables, and those hold the
        workspace's client data (``checkin.cli.tui`` writes a private crash report instead)."""
        self.bell()
        self._close_messages_no_wait()

    def watch_theme(self, theme: str) -> None:
        if self._remember_theme is not None:
            self._remember_theme(theme)

    def on_ready(self) -> None:
        """The first frame, the accounts home, is on the screen and takes keys: what it did
        not need starts now (the writer, the backup, the home's figures)."""
        self.reached("ready")
        # Saves leave the event loop: a writer thread makes them durable (see storage).
        # (Until now a save, which nothing before the first frame makes, writes in place.)
        self.workspace.save_in_background(on_error=self._save_failed, on_saved=self._saved)
        self.workspace.start_backup()
        self.tell_key_problems()
        self.first_frame_shown()

    def on_mount(self) -> None:
        self._install_signal_handlers()
        self._save_failing = False
        self._quit_warned = False
        if self._exit_at is None:
            self.call_after_refresh(self.offer_resume)

    def offer_resume(self) -> None:
        """A meeting still running (the app was closed or killed during a call or its
        wrap-up) is offered for resuming (ui/modals/starting.py)."""
        from checkin.ui.modals.starting import offer_resume

        offer_resume(self)

    def _install_signal_handlers(self) -> None:
        """A closed terminal (SIGHUP) or a kill (SIGTERM) saves and exits like ctrl+q.

        Only the signals this platform has (checkin.ui.signals): no SIGHUP on Windows.
        """
        from checkin.ui.signals import install_exit_handlers

        _, self._uninstall_signal_handlers = install_exit_handlers(
            asyncio.get_running_loop(), self.save_and_exit
        )

    def on_unmount(self) -> None:
        self._uninstall_signal_handlers()

    def save_everything(self) -> None:
        """Write what is typed but not saved yet (a running meeting's notes and timers).

        Safe to call more than once; errors are reported, never raised, so quitting works.
        """
        from checkin.ui.screens.base import CheckinScreen

        for screen in self.screen_stack:
            if isinstance(screen, CheckinScreen):
                try:
                    screen.save_unsaved()
                except CheckinError as error:
                    self.notify(str(error), title="Not saved", severity="error", markup=False)

    def _save_failed(self, error: OSError) -> None:
        """From the writer thread: a save did not reach the disk (it is kept and retried)."""
        with contextlib.suppress(RuntimeError):  # the app is already gone
            self.call_from_thread(self._show_save_failure, error)

    def _show_save_failure(self, error: OSError) -> None:
        if self._save_failing or not self.workspace.save_failing:
            return  # shown already, or a save went through since this failure
        self._save_failing = True
        self.notify(
            f"Could not save ({error.strerror or error}). Nothing is lost: checkin keeps "
            "your changes and retries every few seconds.",
            title="Not saved",
            severity="error",
            timeout=3600,
            markup=False,
        )

    def _saved(self) -> None:
        if getattr(self, "_save_failing", False):
            with contextlib.suppress(RuntimeError):
                self.call_from_thread(self._show_save_recovered)

    def _show_save_recovered(self) -> None:
        if self._save_failing:
            self._save_failing = False
            self._quit_warned = False
            self.clear_notifications()
            self.notify("Saved again: everything is on disk.", timeout=4, markup=False)

    def save_and_exit(self) -> None:
        self.save_everything()
        self.exit()

    async def action_quit(self) -> None:
        """ctrl+q: save, then quit. While saves fail, the first ctrl+q only warns: quitting
        then keeps the changes in a recovery file, not in the workspace."""
        if self._save_failing and not self._quit_warned:
            self._quit_warned = True
            self.notify(
                "Saves are failing, so quitting now keeps your changes in a recovery file "
                "beside the workspace (if the disk takes it), not in the workspace. Free some "
                "space and wait for “Saved again”, or press ctrl+q again to quit anyway.",
                title="Not saved yet",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        self.save_and_exit()

    # -- navigation -------------------------------------------------------------------------

    def open_account(self, account: Account, tab: str = "issues") -> None:
        from checkin.ui.screens.account import AccountScreen

        self.push_screen(AccountScreen(account, tab=tab))

    def show_all_actions(self) -> None:
        from checkin.ui.screens.actions import ActionsOverviewScreen

        self.push_screen(ActionsOverviewScreen())

    def plan_agenda(self, account: Account) -> None:
        """The agenda planner for the account's next check-in (already open: nothing to do)."""
        from checkin.ui.screens.planner import PlannerScreen

        screen = self.screen
        if isinstance(screen, PlannerScreen) and screen.account.id == account.id:
            return
        self.push_screen(PlannerScreen(account))

    def start_checkin(
        self,
        account: Account,
        start: CheckinStart | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Start (or resume) a check-in with the account, asked first; ``start``: what the
        planner says, ``then``: before the meeting runs (ui/modals/starting.py)."""
        from checkin.ui.modals.starting import begin_checkin

        begin_checkin(self, account, start, then)

    def run_meeting(self, meeting: Meeting) -> None:
        """The live screen; when the call ends, the wrap-up, then the minutes. A meeting whose
        wrap-up is open resumes into the wrap-up."""
        from checkin.services.session import MeetingSession
        from checkin.ui.screens.live import LiveScreen

        if meeting.in_wrap_up:
            self.wrap_up(meeting)
            return
        try:
            session = MeetingSession(self.workspace, meeting)
        except CheckinError as error:
            self.notify(str(error), title="Cannot start", severity="error", markup=False)
            return

        def left(call_ended: Meeting | None) -> None:
            if call_ended is not None:
                self.wrap_up(call_ended)
            else:
                self.refresh_screen()

        self.push_screen(LiveScreen(session), left)

    def wrap_up(self, meeting: Meeting) -> None:
        from checkin.ui.screens.wrapup import WrapUpScreen

        def done(meeting: Meeting | None) -> None:
            if meeting is not None and meeting.state is MeetingState.ENDED:
                self.refresh_screen()
                self.open_meeting(meeting.id)
            elif meeting is not None:
                self.run_meeting(meeting)  # back to the call

        self.push_screen(WrapUpScreen(meeting), done)

    def refresh_screen(self) -> None:
        """Ask the screen now on top to show fresh data (after a meeting or an import)."""
        refresh = getattr(self.screen, "refresh_data", None)
        if callable(refresh):
            refresh()

    def open_meeting(self, meeting_id: str) -> None:
        from checkin.ui.screens.minutes import MinutesScreen

        self.push_screen(MinutesScreen(meeting_id))

    def import_issues(self, account: Account) -> None:
        """Preview an export in a modal; once confirmed, apply it and refresh the screen."""
        from checkin.ui.modals.importing import ImportModal

        def confirmed(plan: ImportPlan | None) -> None:
            if plan is not None:
                self.apply_import(plan)

        self.push_screen(ImportModal(self.workspace, account), confirmed)

    def apply_import(self, plan: ImportPlan) -> None:
        from checkin.services.importing import apply

        try:
            report = apply(self.workspace, plan)
        except CheckinError as error:
            self.notify(str(error), title="Not imported", severity="error", markup=False)
            return
        message = f"{plan.name} into {plan.account.name}: {report.summary}"
        self.notify(message, title="Imported", markup=False)
        self.refresh_screen()

    def action_help(self) -> None:
        from checkin.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))
