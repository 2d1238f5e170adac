"""Previewing an export by its path, with its format detected when not given (for the app)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from checkin.core.errors import CheckinError
from checkin.core.records import Account
from checkin.importers import ImportFormat, detect
from checkin.services.importing import ImportPlan, preview

if TYPE_CHECKING:
    from checkin.services.workspace import Workspace


@dataclass(frozen=True)
class FilePreview:
    """A plan, or a sentence saying why there is none; ``detected`` when it was guessed."""

    plan: ImportPlan | None = None
    error: str = ""
    detected: ImportFormat | None = None


def preview_file(
    ws: Workspace,
    account: Account,
    path: Path,
    fmt: ImportFormat | None = None,
    horizon: date | None = None,
) -> FilePreview:
    """Read ``path`` and preview importing it into ``account`` (``fmt`` None: detect it;
    ``horizon`` None: the default backlog horizon)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return FilePreview(error=f"There is no file {path}.")
    except IsADirectoryError:
        return FilePreview(error=f"{path} is a folder: type the name of the export file in it.")
    except OSError as error:
        return FilePreview(error=f"{path} cannot be read: {error.strerror}.")
    detected = detect(data) if fmt is None else None
    chosen = fmt or detected
    if chosen is None:
        return FilePreview(error="I cannot tell which tracker this file comes from: pick a format.")
    try:
        plan = preview(ws, account, chosen, data, name=path.name, horizon=horizon)
    except CheckinError as error:
        return FilePreview(error=str(error), detected=detected)
    return FilePreview(plan=plan, detected=detected)
