"""Showing record text literally: never parsed as markup, never as escape sequences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content

from checkin.core.text import clean_text, count

if TYPE_CHECKING:
    from checkin.core.health import Health


def plain(value: object, style: str = "") -> Text:
    """A DataTable cell that shows ``value`` exactly as typed (``[bold]`` stays brackets)."""
    return Text(clean_text(str(value)), style=style, no_wrap=True, overflow="ellipsis")


def wrapping(value: object, style: str = "") -> Text:
    """A DataTable cell like ``plain`` that wraps onto more lines (in a row added with
    ``height=None``) rather than being cut."""
    text = plain(value, style)
    text.no_wrap = False
    text.overflow = "fold"
    return text


def agenda_size(items: int, planned: int, length: int) -> str:
    """'10 items, 30 of 30 min' ('…, 5 min over' when the agenda runs over): what starting a
    check-in starts."""
    over = f", {planned - length} min over" if planned > length else ""
    return f"{count(items, 'item')}, {planned} of {length} min{over}"


def literal(value: object) -> Content:
    """Content for a Label or Static that shows ``value`` literally."""
    return Content(clean_text(str(value)))


BAND_STYLE = {"good": "bold green", "watch": "bold yellow", "at risk": "bold red"}


def health_badge(health: Health) -> Text:
    """ "72 watch", coloured by band."""
    return Text(f"{health.score} {health.band.value}", style=BAND_STYLE[health.band.value])
