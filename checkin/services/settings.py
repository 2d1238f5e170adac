"""Small per-user preferences (the chosen theme, the user's keys) in ``config.json`` of the
user config folder.

The file is private (0600, in a 0700 folder) like everything checkin writes. A missing,
unreadable or damaged file means "no preferences": a preference is never worth a failed start.
"""

from __future__ import annotations

import json
import re
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


KEYS_SETTING = "keys"
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# One key as Textual names it: "j", "J", "f5", "pageup", "question_mark", "?", "ctrl+j"...
_KEY_NAME = re.compile(r"^(?:[a-z0-9_]+|[^\sa-z0-9_+,])$", re.IGNORECASE)


def key_problem(keys: str) -> str | None:
    """What is wrong with a key string such as "j" or "ctrl+j,f6" (None when it is fine)."""
    if not keys.strip():
        return "no key"
    for key in keys.split(","):
        key = key.strip()
        *modifiers, name = key.split("+") if len(key) > 1 else [key]
        unknown = [m for m in modifiers if m.lower() not in MODIFIERS]
        if unknown:
            return f"“{unknown[0]}” in “{key}” is not ctrl, shift, alt, meta, super or hyper"
        if not _KEY_NAME.match(name):
            return f"“{key}” is not a key name (a letter, f5, pageup, ctrl+j...)"
    return None


def key_map(settings: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """The user's keys: ``"keys": {"binding id": "key[,key]"}`` of the settings (the ids are
    listed by ``checkin keys``), and a sentence for each entry that is left out because it is
    wrong. A wrong entry never stops a start: the others apply."""
    value = settings.get(KEYS_SETTING)
    if value is None:
        return {}, []
    if not isinstance(value, dict):
        return {}, [f"“{KEYS_SETTING}” should be an object of binding ids and keys: ignored"]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in value.items():
        if not isinstance(keys, str):
            problems.append(f'{binding_id}: the key should be a string like "ctrl+j": ignored')
        elif (problem := key_problem(keys)) is not None:
            problems.append(f"{binding_id}: {problem}: ignored")
        else:
            keymap[binding_id] = ",".join(key.strip() for key in keys.split(","))
    return keymap, problems
