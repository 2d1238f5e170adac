"""The planner's keys and its "Agenda: ..." palette commands (offered only when possible)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType

from checkin.core.agenda import arrangement

if TYPE_CHECKING:
    from checkin.ui.screens.planner import PlannerScreen

MOVE = Binding.Group("Move")
MINUTES = Binding.Group("Minutes", compact=True)

# The key bar shows these in order until the line is full (f1 always stays): the most used
# first, one word each, so that at 120 columns every key from Start to Rebuild fits. The rest
# (show=False) are obvious or have a shown twin; f1 and ctrl+p list them all.
BINDINGS: list[BindingType] = [
    Binding(
        "s",
        "start",
        "Start",
        id="planner.start",
        tooltip="Start the check-in with this agenda",
    ),
    Binding(
        "shift+up,K",
        "move(-1)",
        "Up",
        id="planner.move_up",
        key_display="⇧↑",
        group=MOVE,
        tooltip="Move the item one place up; past the top of a section it joins the one above "
        "(also K)",
    ),
    Binding(
        "shift+down,J",
        "move(1)",
        "Down",
        id="planner.move_down",
        key_display="⇧↓",
        group=MOVE,
        tooltip="Move the item one place down; past the end of a section it joins the one "
        "below (also J)",
    ),
    Binding(
        "plus,equals_sign",
        "minutes(1)",
        "More",
        id="planner.more",
        key_display="+",
        group=MINUTES,
        tooltip="Plan one minute more for the item (+ or =)",
    ),
    Binding(
        "minus",
        "minutes(-1)",
        "Less",
        id="planner.less",
        key_display="-",
        group=MINUTES,
        tooltip="Plan one minute less for the item",
    ),
    Binding(
        "x",
        "park",
        "Park",
        id="planner.park",
        tooltip="Take the item off the agenda to the parking lot; its minutes are freed",
    ),
    Binding(
        "x",
        "restore",
        "Restore",
        id="planner.restore",
        tooltip="Bring the parked item back to its section (the agenda may run over)",
    ),
    Binding("a", "add_item", "Add", id="planner.add", tooltip="Add a topic of your own"),
    Binding(
        "t",
        "switch_template",
        "Template",
        id="planner.template",
        tooltip="Switch to another agenda template; the agenda is rebuilt for it",
    ),
    Binding(
        "l",
        "change_length",
        "Length",
        id="planner.length",
        tooltip="Change the meeting length (5 to 480 minutes)",
    ),
    Binding(
        "d",
        "change_start",
        "Date",
        id="planner.date",
        tooltip="Set the day and time of the meeting (the pre-read shows them)",
    ),
    Binding(
        "v",
        "preview",
        "Preview",
        id="planner.preview",
        tooltip="Preview the Markdown pre-read the client gets (c copies it, w writes it)",
    ),
    Binding(
        "g",
        "regenerate",
        "Rebuild",
        id="planner.regenerate",
        tooltip="Build the agenda again from the records (items you added stay)",
    ),
    Binding(
        "m",
        "set_minutes",
        "Minutes",
        id="planner.set_minutes",
        show=False,
        tooltip="Type the item's minutes (+ and - change them by one)",
    ),
    Binding(
        "e",
        "toggle_reasons",
        "Reasons",
        id="planner.reasons",
        show=False,
        tooltip="Show or hide every item's reasons in the list (enter: only this item's)",
    ),
    Binding(
        "i",
        "toggle_detail",
        "Details",
        id="planner.detail",
        show=False,
        tooltip="Show or hide the pane with the item's reasons and record",
    ),
    Binding(
        "c",
        "copy_preread",
        "Copy",
        id="planner.copy",
        show=False,
        tooltip="Copy the Markdown pre-read to the clipboard",
    ),
    Binding(
        "w",
        "write_preread",
        "Write",
        id="planner.write",
        show=False,
        tooltip="Write the Markdown pre-read to a .md file",
    ),
    Binding(
        "escape", "back", "Back", id="planner.back", show=False, tooltip="Back; the plan is saved"
    ),
]


def palette_commands(screen: PlannerScreen) -> list[tuple[str, str, Any]]:
    """ "Agenda: Verb object" and "Meeting: Start check-in", each only when it can be done."""
    draft = screen.draft
    if draft is None:
        return []
    found: list[tuple[str, str, Any]] = []
    current = screen.current
    if current is not None:
        key, parked = current
        if not parked:
            for step, title, help_text in (
                (-1, "Agenda: Move item up", "shift+↑ or K · across sections too"),
                (1, "Agenda: Move item down", "shift+↓ or J · across sections too"),
            ):
                if arrangement.can_move(draft.plan, key, step):
                    found.append((title, help_text, partial(screen.action_move, step)))
            found.append(("Agenda: Park item", "x · frees its minutes", screen.action_park))
        else:
            found.append(("Agenda: Restore item", "x · back to its section", screen.action_restore))
        found += [
            ("Agenda: Add a minute to item", "+ or =", partial(screen.action_minutes, 1)),
            ("Agenda: Take a minute off item", "-", partial(screen.action_minutes, -1)),
            ("Agenda: Set item minutes", "m · type the minutes", screen.action_set_minutes),
        ]
    shown = "Hide" if screen.view.expanded_all else "Show"
    pane = "Hide" if screen.detail_shown else "Show"
    found += [
        (f"Agenda: {shown} every item's reasons", "e", screen.action_toggle_reasons),
        (f"Agenda: {pane} item details", "i · reasons and record", screen.action_toggle_detail),
        ("Agenda: Add custom item", "a · a topic of your own", screen.action_add_item),
        ("Agenda: Switch template", "t · rebuilds the agenda", screen.action_switch_template),
        ("Agenda: Change length", "l · 5 to 480 minutes", screen.action_change_length),
        ("Meeting: Set date and time", "d · shown in the pre-read", screen.action_change_start),
        ("Agenda: Preview pre-read", "v · the Markdown the client gets", screen.action_preview),
        ("Agenda: Copy pre-read", "c · Markdown to the clipboard", screen.action_copy_preread),
        ("Agenda: Write pre-read", "w · to a .md file", screen.action_write_preread),
        (
            "Agenda: Rebuild from the records",
            "g · your items stay",
            screen.action_regenerate,
        ),
        ("Meeting: Start check-in", "s · run the meeting with this agenda", screen.action_start),
    ]
    return found
