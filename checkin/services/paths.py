"""Where checkin keeps its files: the workspace database and user agenda templates."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "checkin"
DB_ENV = "CHECKIN_DB"
DB_NAME = "workspace.json"


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by the user alone (0600)."""
    from checkin.storage.files import write_private

    write_private(path, data)


def read_private_file(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of this user's alone (not a link, not
    readable or writable by others) of at most ``limit`` bytes, else None."""
    from checkin.storage.files import read_private

    return read_private(path, limit)


def data_dir() -> Path:
    """The platform's user data folder for checkin (~/.local/share/checkin on Linux)."""
    return platformdirs.user_data_path(APP)


def demo_db_path() -> Path:
    """Where ``checkin demo`` keeps its workspace: never the user's own (not $CHECKIN_DB)."""
    return data_dir() / "demo.json"


def default_db_path() -> Path:
    """``$CHECKIN_DB`` if set, else workspace.json in the platform's user data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return data_dir() / DB_NAME


def user_template_dir() -> Path:
    """User agenda templates; a file here wins over a shipped one with the same name."""
    return platformdirs.user_config_path(APP) / "agendas"
