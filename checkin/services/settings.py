"""Small per-user preferences (the chosen theme) in ``config.json`` of the user config folder.

The file is private (0600, in a 0700 folder) like everything checkin writes. A missing,
unreadable or damaged file means "no preferences": a preference is never worth a failed start.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import platformdirs

from checkin.services.paths import APP
from checkin.storage.files import write_private

SETTINGS_NAME = "config.json"


def settings_path() -> Path:
    """``config.json`` in checkin's user config folder (~/.config/checkin on Linux)."""
    return platformdirs.user_config_path(APP) / SETTINGS_NAME


def load_settings(path: Path | None = None) -> dict[str, Any]:
    """The saved preferences; {} when there are none or the file cannot be read."""
    try:
        data = json.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(name: str, value: str, path: Path | None = None) -> bool:
    """Remember one preference; False (and nothing raised) when the file cannot be written."""
    target = path or settings_path()
    settings = load_settings(target)
    if settings.get(name) == value:
        return True
    settings[name] = value
    text = json.dumps(settings, indent=2, sort_keys=True) + "\n"
    try:
        write_private(target, text.encode("utf-8"))
    except OSError:
        return False
    return True
