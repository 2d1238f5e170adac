"""The pre-read of a planned agenda, rendered: copy it or write it to a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from markdown_it import MarkdownIt
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from checkin.core.errors import CheckinError
from checkin.ui.modals.export import PathModal
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.text import literal
from checkin.ui.widgets.bars import KeyBar, TitleBar

Writer = Callable[[Path], Path]


def _parser() -> MarkdownIt:
    """Textual's "gfm-like" parser with raw HTML off: the pre-read escapes user text already."""
    return MarkdownIt("gfm-like", {"html": False})


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


class PrereadScreen(CheckinScreen[None]):
    """Shows ``markdown``; ``write`` puts it in a file (the planner's service does it)."""

    DEFAULT_CSS = """
    PrereadScreen #preread-scroll { height: 1fr; padding: 0 2; scrollbar-gutter: stable; }
    PrereadScreen Markdown { max-width: 110; padding: 0 1; }
    PrereadScreen #preread-status {
        height: 1; padding: 0 2; color: $text-muted; background: $panel;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="preread.back", tooltip="Back to the planner"),
        Binding(
            "c",
            "copy_preread",
            "Copy",
            id="preread.copy",
            tooltip="Copy the pre-read (Markdown) to the clipboard",
        ),
        Binding(
            "w",
            "write_preread",
            "Write .md",
            id="preread.write",
            tooltip="Write the pre-read to a Markdown file",
        ),
    ]

    def __init__(self, title: str, markdown: str, default_path: Path, write: Writer) -> None:
        super().__init__()
        self.preread_title = title
        self.markdown = markdown
        self.default_path = default_path
        self.write = write

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="preread-scroll"):
            yield Markdown(id="preread", parser_factory=_parser)
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

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return [
            ("Agenda: Copy pre-read", "Copy the Markdown pre-read", self.action_copy_preread),
            ("Agenda: Write pre-read", "Write it to a .md file", self.action_write_preread),
        ]
