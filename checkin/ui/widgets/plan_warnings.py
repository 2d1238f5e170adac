"""The planner's banner of relationship warnings ("⚠ Last check-in 45 days ago"); hidden
when there are none."""

from __future__ import annotations

from textual.widgets import Static

from checkin.core.agenda.model import AgendaWarning
from checkin.core.text import clean_line


def warning_banner(warnings: tuple[AgendaWarning, ...]) -> str:
    """The warnings as one banner line each, capitalised ("⚠ Last check-in 45 days ago")."""
    lines = []
    for warning in warnings:
        text = clean_line(warning.text)
        lines.append(f"⚠ {text[:1].upper()}{text[1:]}")
    return "\n".join(lines)


class PlanWarnings(Static):
    """What the account manager should know before the call; never read as markup."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show(self, warnings: tuple[AgendaWarning, ...]) -> None:
        self.update(warning_banner(warnings))
        self.display = bool(warnings)
