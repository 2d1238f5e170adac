"""A file path input that completes folder and file names as you type (right arrow accepts)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester
from textual.widgets import Input


class PathSuggester(Suggester):
    """Suggests the first entry of the typed folder that starts with what was typed."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


def complete_path(value: str) -> str | None:
    """``~/Down`` -> ``~/Downloads/``; None when nothing (or only ``value`` itself) matches."""
    if not value:
        return None
    folder_text, _sep, prefix = value.rpartition("/")
    folder = Path(os.path.expanduser(folder_text + "/" if _sep else "."))
    try:
        names = sorted(
            entry.name + ("/" if entry.is_dir() else "")
            for entry in os.scandir(folder)
            if entry.name.startswith(prefix) and (prefix.startswith(".") or entry.name[0] != ".")
        )
    except OSError:
        return None
    for name in names:
        if name != prefix:
            return f"{folder_text}{_sep}{name}"
    return None


def expand(value: str) -> Path:
    """The path a user typed, with ``~`` and surrounding spaces or quotes handled."""
    text = value.strip().strip("'\"")
    return Path(os.path.expanduser(text))


class PathInput(Input):
    """An Input for a file path with completion."""

    def __init__(self, value: str = "", *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(value, placeholder=placeholder, id=id, suggester=PathSuggester())
