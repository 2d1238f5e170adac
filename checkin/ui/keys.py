"""Every key binding of checkin by its id: what a user's key map (``config.json``) can move.

Reading them imports every screen, so only ``checkin keys`` and the tests do it; the app
(``checkin.ui.startup.UserKeys``) applies the user's map as it is and says at start what the
settings file got wrong. Nothing here is needed before the app's first frame.
"""

from __future__ import annotations

import inspect
from importlib import import_module
from typing import NamedTuple

from textual.binding import Binding
from textual.dom import DOMNode

# Where the bindings are, in the order a user meets them: (what it is, its modules).
PLACES = (
    ("Everywhere", ("checkin.ui.app",)),
    ("Forms and questions", ("checkin.ui.modals.form", "checkin.ui.modals.confirm",
                             "checkin.ui.modals.export", "checkin.ui.modals.importing",
                             "checkin.ui.screens.help")),
    ("Accounts", ("checkin.ui.screens.accounts", "checkin.ui.widgets.account_list")),
    ("Account", ("checkin.ui.screens.account", "checkin.ui.widgets.tables",
                 "checkin.ui.widgets.record_table", "checkin.ui.widgets.health",
                 "checkin.ui.widgets.profile")),
    ("Action items", ("checkin.ui.screens.actions",)),
    ("Planner", ("checkin.ui.screens.planner", "checkin.ui.screens.preread",
                 "checkin.ui.widgets.plan_list", "checkin.ui.modals.planning")),
    ("Live check-in", ("checkin.ui.screens.live", "checkin.ui.modals.topic",
                       "checkin.ui.modals.attendance", "checkin.ui.modals.profile")),
    ("Wrap-up and minutes", ("checkin.ui.screens.wrapup", "checkin.ui.screens.minutes")),
)  # fmt: skip


class KeyEntry(NamedTuple):
    """One binding a key map can move."""

    place: str
    id: str
    key: str
    label: str
    help: str


def _binding_lists() -> list[tuple[str, list[Binding]]]:
    """(place, bindings) of every screen, widget and modal class, in the order of PLACES."""
    found = []
    for place, modules in PLACES:
        for module_name in modules:
            module = import_module(module_name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module_name and issubclass(cls, DOMNode):
                    bindings = cls.__dict__.get("BINDINGS", [])
                    found.append((place, [b for b in bindings if isinstance(b, Binding)]))
    return found


def key_entries() -> list[KeyEntry]:
    """Every binding with an id, once, grouped by place (a binding shared by two places is
    listed with the first)."""
    entries: list[KeyEntry] = []
    seen: set[str] = set()
    for place, bindings in _binding_lists():
        for binding in bindings:
            if binding.id and binding.id not in seen:
                seen.add(binding.id)
                entry = KeyEntry(
                    place, binding.id, binding.key, binding.description, binding.tooltip
                )
                entries.append(entry)
    return entries


def _keys(binding: Binding, keymap: dict[str, str]) -> set[str]:
    keys = keymap.get(binding.id or "", binding.key)
    return {key.strip() for key in keys.split(",")}


def clashes(keymap: dict[str, str]) -> list[str]:
    """Where a key map moves a command onto a key another command of the same screen or
    widget keeps: that one loses its key (swapping two keys is fine)."""
    found = []
    for _place, bindings in _binding_lists():
        for moved in (b for b in bindings if b.id in keymap):
            for other in bindings:
                if other.id in keymap or other.id == moved.id:
                    continue
                taken = sorted(_keys(moved, keymap) & _keys(other, keymap))
                if taken:
                    found.append(
                        f"{moved.id}: {', '.join(taken)} is taken from {other.id} "
                        f"({other.description}), which then has no key"
                    )
    return list(dict.fromkeys(found))


def unknown_ids(keymap: dict[str, str]) -> list[str]:
    """The ids of a key map that no binding has (a typo moves nothing)."""
    known = {entry.id for entry in key_entries()}
    return [binding_id for binding_id in keymap if binding_id not in known]
