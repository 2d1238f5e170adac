"""One table per screen of its commands, from which its bindings, palette and help are made.

A screen writes each command once (key, key bar label, palette title, help, when it applies)
in a module-level :class:`CommandTable`; ``BINDINGS = TABLE.bindings()`` gives Textual its
bindings, ``TABLE.check`` its ``check_action`` (a command that does not apply is hidden from
the key bar and its key does nothing), ``TABLE.palette`` the command palette's entries and
``TABLE.help_rows`` the help screen's lines. Every key has a binding id, so a user's key map
(``App.set_keymap``) can move it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from textual.actions import parse
from textual.binding import Binding, BindingType

PaletteEntry = tuple[str, str, Callable[[], Any]]  # (title, help, run it)


# One object per command, made once at import and never changed: no generated __eq__, __repr__
# or frozen __setattr__ (each is compiled at import, before the first frame: frozen alone
# doubled the class's cost).
@dataclass(eq=False, repr=False)
class Command:
    """One thing the user can do on a screen.

    ``key`` is in Textual's form ("ctrl+r", or "f2,ctrl+e" for two keys); "" for a command
    only in the palette. ``action`` is the screen's action with its arguments, without a
    namespace ("mark('skipped')"). ``title`` ("Area: Verb object") puts it in the palette, or
    a function of the screen gives a title that follows the state ("" leaves it out).
    ``applies`` (given the screen) says whether it can be done now: when it cannot, the key
    bar leaves it out, its key does nothing and the palette does not offer it.

    ``typing_key`` is the key that reaches the command from a text editor, where printable
    keys type (the live screen's notes: ctrl+n for n); :meth:`CommandTable.typing_bindings`
    binds those on the editor, with ``typing_show`` saying whether the key bar shows them
    (as ``show`` by default). ``detail`` gives the palette's help from the screen's state
    when ``help`` is "" (which record the command acts on).
    """

    key: str
    action: str
    label: str
    title: str | Callable[[Any], str] = ""
    help: str = ""
    applies: Callable[[Any], bool] | None = None
    show: bool = True
    priority: bool = False
    id: str = ""
    typing_key: str = ""
    typing_show: bool | None = None
    detail: Callable[[Any], str] | None = None

    def __repr__(self) -> str:
        return f"Command({self.key!r}, {self.action!r}, id={self.id!r})"

    @cached_property
    def parsed(self) -> tuple[str, tuple[object, ...]]:
        """The action's name and its arguments."""
        _namespace, name, parameters = parse(self.action)
        return name, parameters

    @property
    def typing_id(self) -> str:
        """The binding id of the typing key: ``id`` when it is the same key or the only one."""
        return self.id if self.typing_key == self.key or not self.key else f"{self.id}.typing"

    def applies_to(self, screen: Any) -> bool:
        return self.applies is None or bool(self.applies(screen))

    def title_for(self, screen: Any) -> str:
        return self.title(screen) if callable(self.title) else self.title

    def help_for(self, screen: Any) -> str:
        if not self.help and self.detail is not None:
            return self.detail(screen)
        return self.help

    def binding(self, namespace: str = "", *, typing: bool = False) -> Binding:
        prefix = f"{namespace}." if namespace else ""
        shown = self.show if not typing or self.typing_show is None else self.typing_show
        return Binding(
            self.typing_key if typing else self.key,
            prefix + self.action,
            self.label,
            show=shown,
            priority=self.priority,
            tooltip=self.help,
            id=self.typing_id if typing else self.id,
        )


class CommandTable:
    """The commands of one screen (a module-level constant), in key bar order."""

    def __init__(self, commands: Iterable[Command], *, dim: bool = False) -> None:
        """``dim``: a command that cannot be done now stays in the key bar, dimmed, so that the
        keys keep their places as the highlight moves (and f1 still lists it), unless its key
        serves another command of the table (x: Park or Restore), which then shows alone."""
        self.commands: tuple[Command, ...] = tuple(commands)
        self.dim = dim
        self._sharing = frozenset(
            command.parsed[0]
            for command in self.commands
            if command.key and sum(other.key == command.key for other in self.commands) > 1
        )
        seen: set[str] = set()
        for command in self.commands:
            if not command.key and not command.typing_key and not command.title:
                raise ValueError(f"{command.action}: no key and no palette title")
            if (command.key or command.typing_key) and not command.id:
                raise ValueError(f"{command.action}: a key needs a binding id (for key maps)")
            if command.id and command.id in seen:
                raise ValueError(f"{command.id}: two commands with one binding id")
            seen.add(command.id)
        self._by_name: dict[str, list[Command]] = {}
        for command in self.commands:
            self._by_name.setdefault(command.parsed[0], []).append(command)

    def __add__(self, other: CommandTable) -> CommandTable:
        return CommandTable((*self.commands, *other.commands), dim=self.dim or other.dim)

    def bindings(self, namespace: str = "") -> list[BindingType]:
        """The bindings of every command with a key. ``namespace`` ("screen") when they are
        bound on a widget but carried out by the screen."""
        return [c.binding(namespace) for c in self.commands if c.key]

    def typing_bindings(self, namespace: str = "") -> list[BindingType]:
        """The bindings of the typing keys, for the text editor that holds the focus."""
        return [c.binding(namespace, typing=True) for c in self.commands if c.typing_key]

    def ids(self) -> frozenset[str]:
        """Every binding id of the table (a user's key map names these)."""
        found = {c.id for c in self.commands if c.key}
        found |= {c.typing_id for c in self.commands if c.typing_key}
        return frozenset(found)

    def find(self, action: str, parameters: Sequence[object] = ()) -> Command | None:
        """The command of an action name and its arguments (or of the name alone)."""
        named = self._by_name.get(action, [])
        exact = next((c for c in named if c.parsed[1] == tuple(parameters)), None)
        return exact or (named[0] if named else None)

    def check(self, screen: Any, action: str, parameters: Sequence[object] = ()) -> bool | None:
        """For ``Screen.check_action``: False (hidden, its key does nothing) when the command
        does not apply now, or None (dimmed) in a ``dim`` table; True for what the table does
        not hold."""
        command = self.find(action, parameters)
        if command is None or command.applies_to(screen):
            return True
        return None if self.dim and action not in self._sharing else False

    def palette(self, screen: Any) -> Iterable[PaletteEntry]:
        """The palette entries of the commands that apply now, in table order."""
        for command in self.commands:
            title = command.title_for(screen)
            if title and command.applies_to(screen):
                yield title, command.help_for(screen), _runner(screen, command)

    def help_rows(self, screen: Any) -> list[tuple[Binding, str, str]]:
        """(binding, label, help) of every key of the table that works now, in table order.
        The binding is the active one, so a key moved by the user's key map shows as moved."""
        active = {b.binding.id: b.binding for b in screen.active_bindings.values()}
        rows = []
        for command in self.commands:
            # Asked again: Textual resolves "screen." actions against the screen on top (the
            # help screen when it asks), not the one the bindings belong to.
            if not _listed(screen, command):
                continue
            ids = [command.typing_id] if command.typing_key else []
            ids += [command.id] if command.key else []
            binding = next((active[i] for i in ids if i in active), None)
            if binding is not None:
                rows.append((binding, command.label, command.help))
        return rows


def _listed(screen: Any, command: Command) -> bool:
    """Whether the help lists ``command``: while the key bar shows it. The screen's own
    ``check_action`` decides (False hides a key, None keeps it in place, dimmed: the planner's
    Up on the first item); asked directly, since Textual would ask the help screen on top."""
    check = getattr(screen, "check_action", None)
    if check is None:
        return command.applies_to(screen)
    name, parameters = command.parsed
    return check(name, parameters) is not False


def _runner(screen: Any, command: Command) -> Callable[[], Any]:
    """Carry out the command on ``screen`` now (the palette's callback)."""
    name, parameters = command.parsed

    def run() -> Any:
        return getattr(screen, f"action_{name}")(*parameters)

    return run


class TableCommands:
    """Mixin for a screen whose commands are a :class:`CommandTable` (``COMMAND_TABLE``):
    ``check_action`` and the palette come from it. Put it before the Screen class."""

    COMMAND_TABLE: ClassVar[CommandTable]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.COMMAND_TABLE.check(self, action, parameters)

    def palette_commands(self) -> list[PaletteEntry]:
        return list(self.COMMAND_TABLE.palette(self))
