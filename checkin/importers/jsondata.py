"""Reading JSON exports: one document, or JSON Lines (one object per line)."""

from __future__ import annotations

import json
from typing import Any

from checkin.importers.tabular import BadFile


def load(text: str) -> Any:
    """The JSON document in ``text``; BadFile says where it breaks (a cut-off file, say)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadFile(_describe(error)) from None
    except RecursionError:
        raise BadFile("is nested too deeply to be an export") from None


def load_any(text: str) -> tuple[Any, bool]:
    """One JSON document, or JSON Lines: (the value, True) or (list of (line, value), False)."""
    try:
        return json.loads(text), True
    except json.JSONDecodeError as error:
        first = text.lstrip().split("\n", 1)[0]
        if error.msg == "Extra data" or _is_object(first):
            return load_lines(text), False
        raise BadFile(_describe(error)) from None
    except RecursionError:
        raise BadFile("is nested too deeply to be an export") from None


def _is_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def load_lines(text: str) -> list[tuple[int, Any]]:
    """JSON Lines: (line number, value) for every non-blank line."""
    found: list[tuple[int, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            found.append((number, json.loads(line)))
        except json.JSONDecodeError as error:
            raise BadFile(
                f"has invalid JSON on line {number}: {error.msg} at column {error.colno}"
            ) from None
        except RecursionError:
            raise BadFile(f"is nested too deeply on line {number} to be an export") from None
    return found


def _describe(error: json.JSONDecodeError) -> str:
    where = f"line {error.lineno} column {error.colno}"
    if error.msg.startswith("Unterminated string"):
        return f"is not complete JSON: the text starting at {where} never ends (cut off?)"
    if error.pos >= len(error.doc.rstrip()) - 1:
        return f"is not complete JSON: it stops at {where} in the middle of a value (cut off?)"
    return f"is not valid JSON: {error.msg} at {where}"


def text_of(value: Any) -> str:
    """A JSON scalar as text ("" for null); numbers keep their digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    raise ValueError("is not a single value")
