"""Starting the terminal app on a workspace file."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from checkin.core.errors import CheckinError, ExitCode
from checkin.services.workspace import Workspace

if TYPE_CHECKING:
    from checkin.ui.app import CheckinApp

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
        from checkin.ui.css_cache import css_cache_path

        css_cache = css_cache_path()
        if probe is None:
            from checkin.services.settings import key_map, load_settings, save_setting

            settings = load_settings()
            theme = settings.get("theme")
            app = CheckinApp(
                ws,
                theme=theme if isinstance(theme, str) else None,
                remember_theme=lambda name: save_setting("theme", name),
                css_cache=css_cache,
            )
            app.use_keys(*key_map(settings))
            _resume_collecting_after_first_frame(app)
            app.run()
        else:
            app = CheckinApp(ws, exit_at=probe, css_cache=css_cache)
            _resume_collecting_after_first_frame(app)
            app.run(headless=True, size=(120, 40))
    finally:
        ws.close()
    if app.crash is not None:
        raise crashed(app.crash, path)
    return app.milestones


def _resume_collecting_after_first_frame(app: CheckinApp) -> None:
    """Start the garbage collector again once the first frame is on the screen, if the
    start-up paused it (``checkin.cli.entry.open_app``)."""
    if not gc.isenabled():
        app.after_first_frame(_collect_from_now_on)


def _collect_from_now_on() -> None:
    """What start-up made lives as long as the app (modules, classes, the first screen):
    frozen, the collector leaves it out of its passes from now on (a full pass on L walked
    it for over 10 ms, a stall of the event loop), and collects what comes after it.
    Objects without reference cycles are still freed as soon as they are unused; only cyclic
    garbage made before the first frame stays (start-up makes little)."""
    gc.freeze()
    gc.enable()


class AppCrashed(CheckinError):
    """The app stopped on a bug; the details are in a private crash report."""

    exit_code = ExitCode.CRASHED


CRASH_REPORT_SUFFIX = ".crash.txt"


def crash_report_path(path: Path) -> Path:
    return path.with_name(path.name + CRASH_REPORT_SUFFIX)


def crashed(error: Exception, path: Path) -> CheckinError:
    """What the command line says about an error that ended the app.

    A checkin error (a damaged record found while the app ran) is said as on the command
    line, with its exit code. Any other error is a bug: its traceback, without the local
    variables that hold client data, goes to a 0600 report beside the workspace, and only the
    error's type and that file's name reach the terminal.
    """
    import traceback

    from checkin.services.paths import write_private_file

    if isinstance(error, CheckinError):
        return error
    report = crash_report_path(path)
    text = "".join(traceback.format_exception(error))
    try:
        write_private_file(report, text.encode("utf-8", "replace"))
        where = f"The details are in {report} (it may quote client data: share it with care)."
    except OSError:
        where = "No crash report could be written beside the workspace."
    return AppCrashed(
        f"checkin stopped on an unexpected error ({type(error).__name__}). What was typed "
        f"was saved where the disk allowed. {where}"
    )
