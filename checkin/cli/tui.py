"""Starting the terminal app on a workspace file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from checkin.services.workspace import Workspace

Probe = Literal["ready", "settled"]


def run_app(path: Path, *, probe: Probe | None = None) -> dict[str, float]:
    """Open the workspace (taking the writer lock) and run the app until the user quits.

    ``probe`` is for the benchmark: run headless and exit once the accounts screen is
    interactive ("ready") or once every account's figures are filled in ("settled").
    Returns the wall-clock times the app reached its start-up milestones.
    """
    # The backup of the file as opened starts once the first screen is up (App.on_ready).
    ws = Workspace.open(path, defer_backup=True)
    try:
        from checkin.ui.app import CheckinApp

        if probe is None:
            from checkin.services.settings import load_settings, save_setting

            theme = load_settings().get("theme")
            app = CheckinApp(
                ws,
                theme=theme if isinstance(theme, str) else None,
                remember_theme=lambda name: save_setting("theme", name),
            )
            app.run()
        else:
            app = CheckinApp(ws, exit_at=probe)
            app.run(headless=True, size=(120, 40))
    finally:
        ws.close()
    return app.milestones
