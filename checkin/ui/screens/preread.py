"""The pre-read of a planned agenda, rendered: copy it or write it to a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from checkin.core.errors import CheckinError
from checkin.ui.command_table import Command, CommandTable, TableCommands
from checkin.ui.modals.export import PathModal
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.text import literal
from checkin.ui.widgets.bars import KeyBar, TitleBar
from checkin.ui.widgets.document import document_view

Writer = Callable[[Path], Path]


def ask_and_write(
    screen: Screen[Any], write: Writer, default: Path, written: Callable[[Path], None]
) -> None:
    """Ask where to write the pre-read, write it; on failure say why and ask again."""

    def chosen(target: Path | None) -> None:
        if target is None:
            return
        try:
            path = write(target)
        except CheckinError as error:
            screen.notify(str(error), title="Not written", severity="error", markup=False)
            ask_and_write(screen, write, target, written)
            return
        screen.notify(f"Wrote {path}", title="Saved", timeout=6, markup=False)
        written(path)

    screen.app.push_screen(PathModal("Write the pre-read (Markdown) to", default), chosen)


TABLE = CommandTable(
    [
        Command("escape", "back", "Back", help="Back to the planner", id="preread.back"),
        Command("c", "copy_preread", "Copy", "Agenda: Copy pre-read",
                "Copy the pre-read (Markdown) to the clipboard", id="preread.copy"),
        Command("w", "write_preread", "Write .md", "Agenda: Write pre-read",
                "Write the pre-read to a Markdown file", id="preread.write"),
    ]
)  # fmt: skip


class PrereadScreen(TableCommands, CheckinScreen[None]):
    """Shows ``markdown``; ``write`` puts it in a file (the planner's service does it)."""

    DEFAULT_CSS = """
    PrereadScreen #preread-scroll { height: 1fr; padding: 0 2; scrollbar-gutter: stable; }
    PrereadScreen Markdown { max-width: 110; padding: 0 1; }
    PrereadScreen #preread-status {
        height: 1; padding: 0 2; color: $text-muted; background: $panel;
    }
    """
    COMMAND_TABLE = TABLE
    BINDINGS: ClassVar[list[BindingType]] = TABLE.bindings()

    def __init__(self, title: str, markdown: str, default_path: Path, write: Writer) -> None:
        super().__init__()
        self.preread_title = title
        self.markdown = markdown
        self.default_path = default_path
        self.write = write

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="preread-scroll"):
            yield document_view("preread")
        yield Static("", id="preread-status")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.title = self.preread_title
        self.sub_title = "Pre-read"
        await self.query_one(Markdown).update(self.markdown)
        self._status("What the client reads before the call · c copies it · w writes a file")
        self.query_one("#preread-scroll").focus()

    def _status(self, text: str) -> None:
        self.query_one("#preread-status", Static).update(literal(text))

    def action_copy_preread(self) -> None:
        self.app.copy_to_clipboard(self.markdown)
        self.notify("Copied the pre-read (Markdown) to the clipboard.", timeout=3)
        self._status("Copied the pre-read (Markdown) to the clipboard.")

    def action_write_preread(self) -> None:
        ask_and_write(
            self,
            self.write,
            self.default_path,
            lambda written: self._status(f"Wrote {written}"),
        )

    def action_back(self) -> None:
        self.dismiss(None)
