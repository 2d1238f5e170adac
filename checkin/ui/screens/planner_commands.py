"""The planner's commands, written once (ui/command_table.py): its keys, key bar, "Agenda: ..."
palette entries and help all come from :data:`TABLE`; each applies only when it can be done.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from textual.binding import Binding, BindingType

from checkin.core.rules import MEETING_MINUTES
from checkin.ui.command_table import Command, CommandTable


def _item(screen: Any) -> bool:
    """An item is highlighted (on the agenda or in the parking lot)."""
    return screen.session is not None and screen.current is not None


def _on_agenda(screen: Any) -> bool:
    return _item(screen) and not screen.current[1]


def _parked(screen: Any) -> bool:
    return _item(screen) and screen.current[1]


def _can_move(step: int) -> Callable[[Any], bool]:
    def applies(screen: Any) -> bool:
        return _on_agenda(screen) and screen.session.can_move(screen.current[0], step)

    return applies


def _reasons_title(screen: Any) -> str:
    return f"Agenda: {'Hide' if screen.view.expanded_all else 'Show'} every item's reasons"


def _detail_title(screen: Any) -> str:
    return f"Agenda: {'Hide' if screen.detail_shown else 'Show'} item details"


# The key bar shows these in order until the line is full (f1 always stays): the most used
# first, one word each, so that at 120 columns every key from Start to Rebuild fits. The rest
# (show=False) are obvious or have a shown twin; f1 and ctrl+p list them all.
TABLE = CommandTable(
    [
        Command(
            "s",
            "start",
            "Start",
            "Meeting: Start check-in",
            "Start the check-in with this agenda",
            id="planner.start",
        ),
        Command(
            "shift+up,K",
            "move(-1)",
            "Up",
            "Agenda: Move item up",
            "Move the item one place up; past the top of a section it joins the one above (also K)",
            applies=_can_move(-1),
            id="planner.move_up",
        ),
        Command(
            "shift+down,J",
            "move(1)",
            "Down",
            "Agenda: Move item down",
            "Move the item one place down; past the end of a section it joins the one "
            "below (also J)",
            applies=_can_move(1),
            id="planner.move_down",
        ),
        Command(
            "plus,equals_sign",
            "minutes(1)",
            "More",
            "Agenda: Add a minute to item",
            "Plan one minute more for the item (+ or =)",
            applies=_item,
            id="planner.more",
        ),
        Command(
            "minus",
            "minutes(-1)",
            "Less",
            "Agenda: Take a minute off item",
            "Plan one minute less for the item",
            applies=_item,
            id="planner.less",
        ),
        Command(
            "x",
            "park",
            "Park",
            "Agenda: Park item",
            "Take the item off the agenda to the parking lot; its minutes are freed",
            applies=_on_agenda,
            id="planner.park",
        ),
        Command(
            "x",
            "restore",
            "Restore",
            "Agenda: Restore item",
            "Bring the parked item back to its section (the agenda may run over)",
            applies=_parked,
            id="planner.restore",
        ),
        Command(
            "a",
            "add_item",
            "Add",
            "Agenda: Add custom item",
            "Add a topic of your own",
            id="planner.add",
        ),
        Command(
            "t",
            "switch_template",
            "Template",
            "Agenda: Switch template",
            "Switch to another agenda template; the agenda is rebuilt for it",
            id="planner.template",
        ),
        Command(
            "l",
            "change_length",
            "Length",
            "Agenda: Change length",
            f"Change the meeting length ({MEETING_MINUTES} minutes)",
            id="planner.length",
        ),
        Command(
            "d",
            "change_start",
            "Date",
            "Meeting: Set date and time",
            "Set the day and time of the meeting (the pre-read shows them)",
            id="planner.date",
        ),
        Command(
            "v",
            "preview",
            "Preview",
            "Agenda: Preview pre-read",
            "Preview the Markdown pre-read the client gets (c copies it, w writes it)",
            id="planner.preview",
        ),
        Command(
            "g",
            "regenerate",
            "Rebuild",
            "Agenda: Rebuild from the records",
            "Build the agenda again from the records (items you added stay)",
            id="planner.regenerate",
        ),
        Command(
            "m",
            "set_minutes",
            "Minutes",
            "Agenda: Set item minutes",
            "Type the item's minutes (+ and - change them by one)",
            applies=_item,
            show=False,
            id="planner.set_minutes",
        ),
        Command(
            "e",
            "toggle_reasons",
            "Reasons",
            _reasons_title,
            "Show or hide every item's reasons in the list (enter: only this item's)",
            show=False,
            id="planner.reasons",
        ),
        Command(
            "i",
            "toggle_detail",
            "Details",
            _detail_title,
            "Show or hide the pane with the item's reasons and record",
            show=False,
            id="planner.detail",
        ),
        Command(
            "c",
            "copy_preread",
            "Copy",
            "Agenda: Copy pre-read",
            "Copy the Markdown pre-read to the clipboard",
            show=False,
            id="planner.copy",
        ),
        Command(
            "w",
            "write_preread",
            "Write",
            "Agenda: Write pre-read",
            "Write the Markdown pre-read to a .md file",
            show=False,
            id="planner.write",
        ),
        Command(
            "escape", "back", "Back", "", "Back; the plan is saved", show=False, id="planner.back"
        ),
    ],
    dim=True,  # Up on the first item is dimmed in place; x shows Park or Restore
)

MOVE = Binding.Group("Move")
MINUTES = Binding.Group("Minutes", compact=True)
# How the key bar draws some keys, and which sit together under one label.
_LOOK: dict[str, dict[str, Any]] = {
    "planner.move_up": {"key_display": "⇧↑", "group": MOVE},
    "planner.move_down": {"key_display": "⇧↓", "group": MOVE},
    "planner.more": {"key_display": "+", "group": MINUTES},
    "planner.less": {"key_display": "-", "group": MINUTES},
}


def bindings() -> list[BindingType]:
    """The table's bindings, drawn as the planner's key bar wants them."""
    found: list[BindingType] = []
    for binding in TABLE.bindings():
        assert isinstance(binding, Binding)
        found.append(dataclasses.replace(binding, **_LOOK.get(binding.id or "", {})))
    return found
