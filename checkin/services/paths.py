"""Where checkin keeps its files: the workspace database and user agenda templates."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "checkin"
DB_ENV = "CHECKIN_DB"
DB_NAME = "workspace.json"


def default_db_path() -> Path:
    """``$CHECKIN_DB`` if set, else workspace.json in the platform's user data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP) / DB_NAME


def user_template_dir() -> Path:
    """User agenda templates; a file here wins over a shipped one with the same name."""
    return platformdirs.user_config_path(APP) / "agendas"
