"""The checkin terminal app: screens, global keys, theme and clean exits on signals."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme

from checkin.services.workspace import Workspace

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


class CheckinApp(App[None]):
    """Holds the workspace; screens do the work and call it."""

    TITLE = "checkin"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", tooltip="Save and quit", priority=True),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def on_mount(self) -> None:
        self.register_theme(CALM)
        self.theme = "checkin"
        self._install_signal_handlers()
        from checkin.ui.screens.accounts import AccountsScreen

        self.push_screen(AccountsScreen())

    def _install_signal_handlers(self) -> None:
        """A closed terminal (SIGHUP) or a kill (SIGTERM) saves and exits like ctrl+q."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.exit)
