"""Starting the terminal app on a workspace file."""

from __future__ import annotations

from pathlib import Path

from checkin.services.workspace import Workspace


def run_app(path: Path) -> None:
    """Open the workspace (taking the writer lock) and run the app until the user quits."""
    ws = Workspace.open(path)
    try:
        from checkin.ui.app import CheckinApp

        CheckinApp(ws).run()
    finally:
        ws.close()
