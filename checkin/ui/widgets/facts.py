"""A line of facts separated by dots that wraps between facts, never inside one."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

SEPARATOR = "  ·  "


class FactsLine(Widget):
    """Shows facts such as "Health 57 watch" and "2 overdue actions" on as few lines as fit.

    A fact that does not fit on the current line moves whole to the next one, so a reader
    never sees "2" at the end of one line and "overdue actions" at the start of the next.
    """

    DEFAULT_CSS = """
    FactsLine { height: auto; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._facts: list[Text] = []

    def show(self, facts: list[Text]) -> None:
        self._facts = facts
        self.refresh(layout=True)

    def laid_out(self, width: int) -> Text:
        """The facts laid out for ``width`` cells, with a newline where a fact would split."""
        text = Text(no_wrap=True, overflow="ellipsis")
        used = 0
        for fact in self._facts:
            if used and used + len(SEPARATOR) + fact.cell_len > width:
                text.append("\n")
                used = 0
            elif used:
                text.append(SEPARATOR, style="dim")
                used += len(SEPARATOR)
            text.append_text(fact)
            used += fact.cell_len
        return text

    def render(self) -> Text:
        return self.laid_out(self.size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.laid_out(width).split("\n")) if self._facts else 1
