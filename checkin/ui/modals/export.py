"""A small modal asking where to write a file: prefilled, the full path shown while typing."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from checkin.ui.text import literal


def resolve(text: str) -> Path | None:
    """The absolute path a typed value means (``~`` expanded), or None when blank."""
    text = text.strip()
    return Path(text).expanduser().absolute() if text else None


def problem(path: Path | None) -> str:
    """Why ``path`` cannot be written to, or "" when it looks fine."""
    if path is None:
        return "Enter a file name."
    if path.is_dir():
        return f"{path} is a folder: add a file name."
    parent = next((p for p in path.parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        return f"{parent} is a file, not a folder."
    return ""


class PathModal(ModalScreen[Path | None]):
    """Returns the absolute path to write to (enter), or None (escape). It writes nothing."""

    DEFAULT_CSS = """
    PathModal { align: center middle; }
    PathModal > #dialog {
        width: 84; max-width: 95%; height: auto;
        border: thick $primary 60%; background: $surface; padding: 1 2;
    }
    PathModal #path-title { text-style: bold; padding: 0 0 1 0; }
    PathModal #path-resolved { color: $text-muted; height: auto; padding: 0 0 0 1; }
    PathModal #path-resolved.-error { color: $error; }
    PathModal #path-buttons { height: auto; align: right middle; padding: 1 0 0 0; }
    PathModal #path-buttons Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="path.cancel"),
    ]

    def __init__(self, title: str, default: Path | str, *, action: str = "Write") -> None:
        super().__init__()
        self.path_title = title
        self.default = str(default)
        self.action = action

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(literal(self.path_title), id="path-title")
            yield Input(self.default, id="path", placeholder="~/minutes.md")
            yield Static("", id="path-resolved")
            with Horizontal(id="path-buttons"):
                yield Button("Cancel", id="path-cancel")
                yield Button(self.action, id="path-write", variant="primary")

    def on_mount(self) -> None:
        self._show(self.default)
        self.query_one("#path", Input).focus()

    @on(Input.Changed, "#path")
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, text: str) -> None:
        path = resolve(text)
        issue = problem(path) if text.strip() else ""
        box = self.query_one("#path-resolved", Static)
        box.set_class(bool(issue), "-error")
        if issue:
            box.update(literal(issue))
        elif path is not None:
            note = "  (replaces the existing file)" if path.exists() else ""
            box.update(literal(f"→ {path}{note}"))
        else:
            box.update("")

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#path-write")
    def action_submit(self) -> None:
        path = resolve(self.query_one("#path", Input).value)
        issue = problem(path)
        if issue or path is None:
            box = self.query_one("#path-resolved", Static)
            box.update(literal(issue))
            box.add_class("-error")
            return
        self.dismiss(path)

    @on(Button.Pressed, "#path-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
