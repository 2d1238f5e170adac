"""A yes/no question in a small modal (y or enter: yes; n or escape: no)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from checkin.ui.command_table import Command, CommandTable, TableCommands
from checkin.ui.text import literal

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 70; max-width: 95%; height: auto; max-height: 90%;
    border: thick $primary 60%; background: $surface; padding: 1 2;
}}
{name} .title {{ width: 100%; text-style: bold; padding: 0 0 1 0; }}
{name} .hint {{ color: $text-muted; padding: 1 0 0 0; }}
"""


# Every yes/no question of checkin answers to the same keys (one key map entry moves them all).
YES_NO = CommandTable(
    [
        Command("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Command("n,escape", "answer(False)", "No", id="confirm.no"),
    ]
)


class ConfirmModal(TableCommands, ModalScreen[bool]):
    """Returns True for yes, False for no."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ConfirmModal")
    COMMAND_TABLE = YES_NO
    BINDINGS: ClassVar[list[BindingType]] = YES_NO.bindings()

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(literal(self.question), classes="title")
            yield Static("y / enter: yes · n / esc: no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
