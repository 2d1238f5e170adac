"""Showing record text literally: never parsed as markup, never as escape sequences."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from checkin.core.text import clean_text


def plain(value: object, style: str = "") -> Text:
    """A DataTable cell that shows ``value`` exactly as typed (``[bold]`` stays brackets)."""
    return Text(clean_text(str(value)), style=style, no_wrap=True, overflow="ellipsis")


def literal(value: object) -> Content:
    """Content for a Label or Static that shows ``value`` literally."""
    return Content(clean_text(str(value)))
