"""A line of facts separated by dots that wraps between facts, never inside one; and the
facts of an account."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from checkin.core.dates import human_date
from checkin.core.text import count
from checkin.ui.text import health_badge

if TYPE_CHECKING:
    from checkin.core.health import Health
    from checkin.core.summary import AccountSummary

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


def account_facts(summary: AccountSummary, health: Health, today: date) -> list[Text]:
    """The facts an account screen opens with: health, last and next check-in, what burns."""
    facts = [
        Text.assemble(("Health ", "dim"), health_badge(health)),
        Text.assemble(("last check-in ", "dim"), human_date(summary.last_checkin, today)),
    ]
    due = human_date(summary.next_due, today)
    start = None if summary.live_meeting_id else summary.next_meeting
    if summary.cadence_overdue:
        facts.append(Text(f"⚑ due {due}, {summary.days_overdue} d late", "bold yellow"))
    elif start is None or start.date() != summary.next_due:
        facts.append(Text.assemble(("next due ", "dim"), due))
    if start is not None:  # the planned (or agreed, or proposed) start, to the minute
        facts.append(Text.assemble(("meets ", "dim"), f"{start:%a %d %b %H:%M}"))
    if summary.open_critical:
        facts.append(Text(f"{summary.open_critical} critical", "bold red"))
    if summary.in_breach:
        facts.append(Text(f"⚠ {summary.in_breach} past 48 h", "bold red"))
    if summary.overdue_actions:
        facts.append(Text(count(summary.overdue_actions, "overdue action"), "yellow"))
    if summary.missing_focal:
        facts.append(Text("⚠ focal contact missing", "bold yellow"))
    return facts
