"""What every checkin screen shares: typed access to the app and its workspace."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.screen import Screen

from checkin.core.errors import CheckinError
from checkin.services.workspace import Workspace

if TYPE_CHECKING:
    from checkin.ui.app import CheckinApp

T = TypeVar("T")


class CheckinScreen(Screen[T]):
    @property
    def checkin(self) -> CheckinApp:
        return cast("CheckinApp", self.app)

    @property
    def workspace(self) -> Workspace:
        return self.checkin.workspace

    def save_unsaved(self) -> None:
        """Save what this screen holds that is not saved yet (on quit, SIGTERM, SIGHUP)."""

    def attempt(self, operation: Any, message: str = "") -> bool:
        """Run a workspace change; a CheckinError becomes a notification, not a crash."""
        try:
            operation()
        except CheckinError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        if message:
            self.notify(message, timeout=2, markup=False)
        return True
