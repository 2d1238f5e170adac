"""Small modals asking where to write a file (prefilled, the full path shown while typing),
and, for what is shared, who it is for: the client (first) or our team."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar, NamedTuple, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from checkin.core.enums import Audience
from checkin.ui.command_table import Command, CommandTable
from checkin.ui.text import literal

T = TypeVar("T")
AUDIENCE_LABELS = {
    Audience.CLIENT: "For the client: decisions, actions, agenda, roadmap, next meeting",
    Audience.TEAM: "For our team: adds private notes, sentiment, rating, health, scores",
}


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


PATH_COMMANDS = CommandTable(
    [Command("escape", "cancel", "Cancel", help="Close: nothing is written", id="path.cancel")]
)


class PathDialog(ModalScreen[T | None]):
    """The shared body of the path modals: a title, the path and what it resolves to."""

    DEFAULT_CSS = """
    PathDialog { align: center middle; }
    PathDialog > #dialog {
        width: 84; max-width: 95%; height: auto;
        border: thick $primary 60%; background: $surface; padding: 1 2;
    }
    PathDialog #path-title { text-style: bold; padding: 0 0 1 0; }
    PathDialog #path-resolved { color: $text-muted; height: auto; padding: 0 0 0 1; }
    PathDialog #path-resolved.-error { color: $error; }
    PathDialog #path-buttons { height: auto; align: right middle; padding: 1 0 0 0; }
    PathDialog #path-buttons Button { margin-left: 2; }
    PathDialog #audience { width: 1fr; margin: 0 0 1 0; }
    """
    COMMAND_TABLE = PATH_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = PATH_COMMANDS.bindings()

    def __init__(self, title: str, default: Path | str, *, action: str = "Write") -> None:
        super().__init__()
        self.path_title = title
        self.default = str(default)
        self.action = action

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(literal(self.path_title), id="path-title")
            yield from self.compose_choices()
            yield Input(self.default, id="path", placeholder="~/minutes.md")
            yield Static("", id="path-resolved")
            with Horizontal(id="path-buttons"):
                yield Button("Cancel", id="path-cancel", action="screen.cancel")
                yield Button(
                    self.action, id="path-write", variant="primary", action="screen.submit"
                )

    def compose_choices(self) -> ComposeResult:
        """Widgets above the path (none here)."""
        yield from ()

    def result(self, path: Path) -> T:
        raise NotImplementedError

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
    def action_submit(self) -> None:
        path = resolve(self.query_one("#path", Input).value)
        issue = problem(path)
        if issue or path is None:
            box = self.query_one("#path-resolved", Static)
            box.update(literal(issue))
            box.add_class("-error")
            return
        self.dismiss(self.result(path))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathModal(PathDialog[Path]):
    """Returns the absolute path to write to (enter), or None (escape). It writes nothing."""

    def result(self, path: Path) -> Path:
        return path


class Export(NamedTuple):
    path: Path
    audience: Audience


class ExportModal(PathDialog[Export]):
    """Where to write, and for whom: the client (listed first) or our team. Returns an
    :class:`Export` (enter) or None (escape); it writes nothing.

    ``defaults`` gives each audience's default path: switching the audience changes the
    path too, unless the user typed one of their own.
    """

    def __init__(
        self,
        title: str,
        defaults: Mapping[Audience, Path],
        audience: Audience = Audience.CLIENT,
        *,
        action: str = "Write",
    ) -> None:
        super().__init__(title, defaults[audience], action=action)
        self.defaults = {a: str(p) for a, p in defaults.items()}
        self.audience = audience

    def compose_choices(self) -> ComposeResult:
        with RadioSet(id="audience"):
            for audience in Audience:  # the client first
                yield RadioButton(
                    AUDIENCE_LABELS[audience],
                    value=audience is self.audience,
                    id=f"for-{audience.value}",
                )

    @on(RadioSet.Changed, "#audience")
    def _audience_changed(self, event: RadioSet.Changed) -> None:
        chosen = Audience((event.pressed.id or "for-client").removeprefix("for-"))
        path = self.query_one("#path", Input)
        if path.value == self.defaults[self.audience]:
            path.value = self.defaults[chosen]
        self.audience = chosen

    def result(self, path: Path) -> Export:
        return Export(path, self.audience)
