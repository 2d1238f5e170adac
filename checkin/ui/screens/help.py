"""The keys of the screen underneath, with what each does."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from checkin.ui.command_table import Command, CommandTable
from checkin.ui.text import plain, wrapping
from checkin.ui.widgets.record_table import fit_columns

COLUMNS = (("key", "Key"), ("action", "Action"), ("what", "What it does"))
ACTION_WIDTH = 24


def _tables(screen: Screen[object]) -> list[CommandTable]:
    """The command tables of the focused widget, its containers and the screen."""
    nodes = screen.focused.ancestors_with_self if screen.focused is not None else [screen]
    found = []
    for node in nodes:
        table = getattr(node, "COMMAND_TABLE", None)
        if isinstance(table, CommandTable) and table not in found:
            found.append(table)
    return found


HELP_COMMANDS = CommandTable(
    [Command("escape,question_mark,f1", "dismiss", "Close", help="Close the keys",
             id="help.close")]
)  # fmt: skip


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 112; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary 60%; background: $surface; padding: 1 2;
    }
    HelpScreen #help-title { text-style: bold; }
    HelpScreen #help-intro { color: $text-muted; padding: 0 0 1 0; }
    HelpScreen DataTable { height: auto; max-height: 30; }
    """
    COMMAND_TABLE = HELP_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = HELP_COMMANDS.bindings()

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"Keys: {self.under.title or self.under.__class__.__name__}", id="help-title"
            )
            yield Static(
                "ctrl+p opens the command palette: every action, by name. "
                "Keys of the focused table or field come first, moving around last.",
                id="help-intro",
            )
            yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.call_after_refresh(self._fill)  # the table's width is known after the layout

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill)

    def _keys(self) -> list[tuple[Binding, str, str]]:
        """(binding, action, what it does): the screen's command tables first, as they list
        them; then keys of the app and Textual's cursor and focus keys (they carry no id)."""
        rows: list[tuple[Binding, str, str]] = []
        for table in _tables(self.under):
            rows += table.help_rows(self.under)
        seen = {binding.action for binding, _label, _what in rows}
        others = [active.binding for active in self.under.active_bindings.values()]
        others.sort(key=lambda binding: binding.id is None)
        for binding in others:
            if binding.description and binding.action not in seen:
                seen.add(binding.action)
                rows.append((binding, binding.description, binding.tooltip or ""))
        return rows

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        found = [
            (plain(self.app.get_key_display(binding), "bold"), label, what)
            for binding, label, what in self._keys()
        ]
        action = min(ACTION_WIDTH, max((len(name) for _k, name, _w in found), default=0))
        rows = []
        for key, name, what in found:
            if not what and len(name) > action:
                # Textual's own keys come without a tooltip: a long name says what they do,
                # in full, where there is room.
                name, what = "", name
            rows.append((key, plain(name), wrapping(what)))
        # A long action name is cut; what it does wraps onto more lines, never cut.
        scrollbar = table.styles.scrollbar_size_vertical
        fit_columns(
            table, COLUMNS, rows, flex="what", widths={"action": max(action, 6)}, reserve=scrollbar
        )
        for row in rows:
            table.add_row(*row, height=None)
        table.focus()
