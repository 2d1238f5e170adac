"""The command table: one list of commands gives the bindings, check_action, palette and help."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from textual.binding import Binding

from checkin.ui.command_table import Command, CommandTable, TableCommands


class Screen(TableCommands):
    """Stands in for a Textual screen: the table only calls its actions and reads state."""

    def __init__(self) -> None:
        self.has_status = False
        self.private = False
        self.done: list[tuple[str, ...]] = []
        self.active_bindings: dict[str, Any] = {}

    def action_next(self) -> None:
        self.done.append(("next",))

    def action_mark(self, status: str) -> None:
        self.done.append(("mark", status))

    def action_status(self) -> None:
        self.done.append(("status",))

    def action_profile(self) -> None:
        self.done.append(("profile",))

    def action_toggle_private(self) -> None:
        self.done.append(("private",))


TABLE = CommandTable(
    [
        Command("n", "next", "Next", "Meeting: Next item", "On to the next", id="t.next",
                typing_key="ctrl+n"),
        Command("s", "mark('skipped')", "Skip", "Meeting: Skip item", id="t.skip"),
        Command("x", "mark('deferred')", "Defer", "Meeting: Defer item", id="t.defer",
                show=False),
        Command("ctrl+r", "status", "Status", "Meeting: Set status", id="t.status",
                applies=lambda screen: screen.has_status, typing_key="ctrl+r"),
        Command("", "toggle_private",  "", lambda s: "Notes: Shared" if s.private
                else "Notes: Private"),
        Command("", "focus_agenda", "Agenda", id="t.agenda", show=False, typing_key="escape",
                typing_show=True),
        Command("f2", "profile", "Profile", id="t.profile", typing_key="f2"),
    ]
)  # fmt: skip
Screen.COMMAND_TABLE = TABLE


def test_the_bindings_carry_key_label_help_id_and_namespace() -> None:
    bindings = TABLE.bindings("screen")
    assert all(isinstance(b, Binding) for b in bindings)
    first = bindings[0]
    assert isinstance(first, Binding)
    assert (first.key, first.action, first.description) == ("n", "screen.next", "Next")
    assert (first.tooltip, first.id, first.show) == ("On to the next", "t.next", True)
    keys = [b.key for b in bindings if isinstance(b, Binding)]
    assert keys == ["n", "s", "x", "ctrl+r", "f2"]  # the palette-only command has no key
    assert [b.action for b in TABLE.bindings() if isinstance(b, Binding)][1] == "mark('skipped')"


def test_the_typing_keys_get_their_own_ids_unless_the_key_is_the_same() -> None:
    typing = {b.key: b for b in TABLE.typing_bindings() if isinstance(b, Binding)}
    assert set(typing) == {"ctrl+n", "ctrl+r", "escape", "f2"}
    assert typing["ctrl+n"].id == "t.next.typing"
    assert typing["ctrl+r"].id == "t.status"  # one key, one id: a key map moves both
    assert typing["escape"].id == "t.agenda"  # only a typing key: the id itself
    assert typing["escape"].show is True  # typing_show wins over show
    assert TABLE.ids() == {"t.next", "t.next.typing", "t.skip", "t.defer", "t.status",
                           "t.agenda", "t.profile"}  # fmt: skip


def test_check_hides_a_command_that_does_not_apply_and_leaves_other_actions_alone() -> None:
    screen = Screen()
    assert screen.check_action("status", ()) is False
    screen.has_status = True
    assert screen.check_action("status", ()) is True
    assert screen.check_action("mark", ("skipped",)) is True
    assert screen.check_action("focus_next", ()) is True  # not in the table: Textual's own


def test_a_dim_table_dims_what_does_not_apply_unless_its_key_serves_another() -> None:
    on_agenda = SimpleNamespace(first=True, parked=False)
    dimmed = CommandTable(
        [
            Command("k", "move(-1)", "Up", applies=lambda s: not s.first, id="d.up"),
            Command("x", "park", "Park", applies=lambda s: not s.parked, id="d.park"),
            Command("x", "restore", "Restore", applies=lambda s: s.parked, id="d.restore"),
        ],
        dim=True,
    )
    assert dimmed.check(on_agenda, "move", (-1,)) is None  # kept in place, dimmed
    assert dimmed.check(on_agenda, "park") is True
    assert dimmed.check(on_agenda, "restore") is False  # x shows Park alone
    in_the_lot = SimpleNamespace(first=False, parked=True)
    assert dimmed.check(in_the_lot, "park") is False
    assert dimmed.check(in_the_lot, "restore") is True
    assert dimmed.check(in_the_lot, "move", (-1,)) is True
    assert (dimmed + TABLE).dim


def test_find_matches_the_arguments_then_the_name() -> None:
    skip = TABLE.find("mark", ("skipped",))
    defer = TABLE.find("mark", ("deferred",))
    assert skip is not None and skip.id == "t.skip"
    assert defer is not None and defer.id == "t.defer"
    named = TABLE.find("mark", ("other",))
    assert named is not None and named.id == "t.skip"
    assert TABLE.find("nothing") is None


def test_the_palette_offers_what_applies_with_titles_that_follow_the_state() -> None:
    screen = Screen()
    titles = [title for title, _help, _run in screen.palette_commands()]
    assert titles == [
        "Meeting: Next item", "Meeting: Skip item", "Meeting: Defer item", "Notes: Private"
    ]  # fmt: skip
    screen.has_status, screen.private = True, True
    entries = {title: (help_text, run) for title, help_text, run in TABLE.palette(screen)}
    assert "Meeting: Set status" in entries and "Notes: Shared" in entries
    assert entries["Meeting: Next item"][0] == "On to the next"
    entries["Meeting: Defer item"][1]()
    entries["Meeting: Set status"][1]()
    assert screen.done == [("mark", "deferred"), ("status",)]


def test_help_rows_follow_the_active_bindings_so_a_moved_key_shows_as_moved() -> None:
    screen = Screen()
    moved = Binding("j", "next", "Next", id="t.next")
    typing_escape = Binding("escape", "focus_agenda", "Agenda", id="t.agenda")
    skip = Binding("s", "mark('skipped')", "Skip", id="t.skip")
    own = Binding("tab", "focus_next", "Focus next")  # Textual's: not the table's
    screen.active_bindings = {
        b.key: SimpleNamespace(binding=b) for b in (moved, typing_escape, skip, own)
    }
    rows = TABLE.help_rows(screen)
    assert [(b.key, label) for b, label, _help in rows] == [
        ("j", "Next"), ("s", "Skip"), ("escape", "Agenda")
    ]  # fmt: skip
    assert rows[0][2] == "On to the next"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (Command("", "a", ""), "no key and no palette title"),
        (Command("a", "a", "A"), "needs a binding id"),
    ],
)
def test_a_table_refuses_a_command_it_cannot_use(command: Command, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        CommandTable([command])


def test_a_table_refuses_two_commands_with_one_id() -> None:
    with pytest.raises(ValueError, match="two commands with one binding id"):
        CommandTable([Command("a", "a", "A", id="x"), Command("b", "b", "B", id="x")])


def test_tables_add_up() -> None:
    more = CommandTable([Command("z", "zoom", "Zoom", id="t.zoom")])
    assert (TABLE + more).commands[-1].id == "t.zoom"
