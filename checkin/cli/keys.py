"""``checkin keys``: every key of the app by its binding id, with the keys config.json moves."""

from __future__ import annotations

import click

from checkin.cli import exits
from checkin.services.settings import KEYS_SETTING, key_map, load_settings, settings_path


@click.command()
def keys() -> None:
    """List every key of the app by its binding id, as your config.json sets them.

    \b
    Give a command other keys in config.json of your config folder, by its id:
      {"keys": {"live.next": "ctrl+j", "accounts.plan": "f6,ctrl+l"}}
    Entries that are wrong (an unknown id, a key that is not a key) and keys taken from
    another command of the same screen are listed on stderr, and the exit code is 65; the
    app leaves wrong entries out and says so when it starts.
    """
    from checkin.ui.keys import clashes, key_entries

    path = settings_path()
    keymap, problems = key_map(load_settings(path))
    entries = key_entries()
    known = {entry.id for entry in entries}
    problems += [
        f"{binding_id}: no key has this id: ignored"
        for binding_id in keymap
        if binding_id not in known
    ]
    problems += clashes(keymap)
    width = max(len(entry.id) for entry in entries)
    key_width = max(len(keymap.get(entry.id, entry.key)) for entry in entries)
    place = ""
    for entry in entries:
        if entry.place != place:
            click.echo(("\n" if place else "") + entry.place)
            place = entry.place
        key = keymap.get(entry.id, entry.key)
        mark = f"   (yours; was {entry.key})" if entry.id in keymap else ""
        click.echo(f"  {entry.id:<{width}}  {key:<{key_width}}  {entry.label}{mark}")
    if problems:
        click.echo(f"\n{path}, “{KEYS_SETTING}”:", err=True)
        for problem in problems:
            click.echo(f"  {problem}", err=True)
        raise SystemExit(exits.BAD_DATA)
