"""A Markdown document view (the minutes, the pre-read) that never renders raw HTML."""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual.widgets import Markdown


def _parser() -> MarkdownIt:
    """Textual's own "gfm-like" parser, with raw HTML off: the documents escape user text."""
    return MarkdownIt("gfm-like", {"html": False})


def document_view(id: str) -> Markdown:
    """The view of a Markdown document made by checkin (user text in it is escaped)."""
    return Markdown(id=id, parser_factory=_parser)
