"""The inputs of a form: a field spec, the widget that edits it, and reading its value back."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import Any, Literal

from textual.widget import Widget
from textual.widgets import Input, Select, Switch, TextArea

from checkin.core.dates import DATE_HINT, parse_date
from checkin.core.text import clean_line, clean_text

Kind = Literal["text", "multiline", "choice", "date", "time", "int", "bool"]

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]?([0-5]\d)?$")


@dataclass(frozen=True)
class Field:
    """One input of a form."""

    name: str
    label: str
    kind: Kind = "text"
    choices: tuple[tuple[str, Any], ...] = ()
    required: bool = False
    placeholder: str = ""


class FieldInput(Input):
    """A form's text field: coming back to it puts the cursor at the end, so typing adds to
    what is there instead of replacing it (unless the form selects a suggestion)."""

    def __init__(self, value: str, **options: Any) -> None:
        super().__init__(value, select_on_focus=False, **options)

    def on_focus(self) -> None:
        if not self.select_on_focus:
            self.cursor_position = len(self.value)


@dataclass(frozen=True)
class Follow:
    """``target`` shows ``derive(source)`` while the user has not typed in it (a short name
    that follows the name)."""

    source: str
    target: str
    derive: Callable[[str], str]


def field_input(spec: Field, value: Any) -> Widget:
    """The widget that edits ``spec``, showing ``value``; its id is ``field-<name>``."""
    wid = f"field-{spec.name}"
    if spec.kind == "multiline":
        return TextArea(str(value or ""), id=wid, soft_wrap=True, show_line_numbers=False)
    if spec.kind == "choice":
        return Select(
            list(spec.choices),
            id=wid,
            prompt="Choose…",
            value=value if value is not None else Select.NULL,
        )
    if spec.kind == "bool":
        return Switch(value=bool(value), id=wid)
    if spec.kind == "date":
        shown = value.isoformat() if isinstance(value, date) else str(value or "")
        return FieldInput(shown, id=wid, placeholder=spec.placeholder or "2026-12-01, fri, +3d")
    if spec.kind == "time" and isinstance(value, time):
        value = f"{value:%H:%M}"
    text = "" if value is None else str(value)
    restrict = r"-?[0-9]*" if spec.kind == "int" else None
    return FieldInput(text, id=wid, placeholder=spec.placeholder, restrict=restrict)


def raw_value(widget: Widget) -> Any:
    """What an input holds as typed (text, the chosen value or None, a bool)."""
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return None if widget.value is Select.NULL else widget.value
    if isinstance(widget, Switch):
        return widget.value
    assert isinstance(widget, Input)
    return widget.value


def convert(spec: Field, raw: Any, today: date) -> Any:
    """The typed value of ``raw``; ValueError with a message for the user if it cannot be read."""
    if spec.kind in ("date", "time", "int"):
        text = str(raw).strip()
        return _parse(spec.kind, text, today) if text else None
    if spec.kind == "text":
        return clean_line(str(raw))
    if spec.kind == "multiline":
        return clean_text(str(raw)).strip()
    return raw


def _parse(kind: Kind, text: str, today: date) -> Any:
    if kind == "date":
        try:
            return parse_date(text, today)
        except ValueError:
            raise ValueError(f"{text!r} is not a date: {DATE_HINT}") from None
    if kind == "time":
        match = _TIME.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a time: use one such as 09:30 or 14:00")
        return time(int(match.group(1)), int(match.group(2) or 0))
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None
