"""Keys from the command tables: what the key bar offers follows the focused item, and a user's
key map (config.json "keys") moves a command to the key they chose."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from textual.widgets import DataTable

from checkin.cli.main import cli
from checkin.core.enums import ItemStatus
from checkin.services.demo import seed_demo
from checkin.services.settings import key_map
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.keys import clashes, key_entries, unknown_ids
from checkin.ui.screens.help import HelpScreen
from checkin.ui.screens.live import LiveScreen, NotesArea
from checkin.ui.widgets.bars import KeyBar
from tests.conftest import NOW


def demo() -> Workspace:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(5))
    with ws.transaction():
        seed_demo(ws, NOW)
    return ws


def shown(app: CheckinApp) -> dict[str, str]:
    """The key bar's keys: description -> key, as a user reads them."""
    bar = app.screen.query_one(KeyBar)
    entries, _palette = bar._shown()
    return {binding.description: binding.key for binding, _enabled, _tip in entries}


async def start(app: CheckinApp, pilot: Any) -> LiveScreen:
    await pilot.pause()
    await pilot.press("ctrl+r", "y")
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def test_records_are_offered_only_on_a_topic_that_has_them() -> None:
    app = CheckinApp(demo())
    async with app.run_test(size=(120, 40)) as pilot:
        live = await start(app, pilot)
        with_records = [i for i in live.session.agenda if i.source_ref]
        without = [i for i in live.session.agenda if not i.source_ref and not i.captured]
        assert with_records and without
        live.session.go(without[0].key)
        live.render_all()
        await pilot.pause()
        assert "Records" not in shown(app)
        assert "Meeting: Act on topic records" not in [t for t, *_ in live.palette_commands()]
        await pilot.press("ctrl+r")  # does nothing where there is nothing to act on
        await pilot.pause()
        assert app.screen is live
        live.session.go(with_records[0].key)
        live.render_all()
        await pilot.pause()
        assert shown(app)["Records"] == "ctrl+r"
        assert "Meeting: Act on topic records" in [t for t, *_ in live.palette_commands()]


async def test_the_agenda_keys_follow_the_mode_and_back_is_not_offered_on_the_first_item() -> None:
    app = CheckinApp(demo())
    async with app.run_test(size=(120, 40)) as pilot:
        live = await start(app, pilot)
        assert isinstance(app.focused, NotesArea)
        typing = shown(app)
        assert typing["Next"] == "ctrl+n" and typing["Agenda"] == "escape"
        assert "Skip" not in typing  # single keys type into the notes
        await pilot.press("escape")
        await pilot.pause()
        agenda = shown(app)
        assert agenda["Next"] == "n" and agenda["Skip"] == "s" and "Agenda" not in agenda
        assert "Back" not in agenda  # the first item: nothing to go back to
        await pilot.press("n")
        await pilot.pause()
        assert shown(app)["Back"] == "b"
        first = live.session.agenda[0]
        await pilot.press("b")
        await pilot.pause()
        assert live.session.current == first and first.status is not ItemStatus.SKIPPED


async def test_the_help_lists_the_tables_keys_and_a_moved_key_as_moved() -> None:
    app = CheckinApp(demo())
    app.use_keys({"live.next.typing": "ctrl+j"})
    async with app.run_test(size=(120, 40)) as pilot:
        live = await start(app, pilot)
        before = live.session.current
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert live.session.current != before  # ctrl+j is "next" now
        assert shown(app)["Next"] == "ctrl+j"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = [(str(table.get_row_at(n)[0]), str(table.get_row_at(n)[1])) for n in range(3)]
        assert rows[0] == ("^j", "Next")


async def test_wrong_entries_are_told_at_start_and_a_taken_key_moves() -> None:
    app = CheckinApp(demo())
    app.use_keys({"accounts.plan": "ctrl+r"}, ["live.x: “ctl” is not a modifier: ignored"])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        titles = [n.title for n in app._notifications]
        assert titles == ["Some keys of config.json were left out"]
        assert shown(app)["Plan agenda"] == "ctrl+r" and "Run check-in" not in shown(app)


def test_the_settings_key_map_keeps_the_good_entries_and_names_the_wrong_ones() -> None:
    keymap, problems = key_map(
        {"keys": {"live.next": " ctrl+j , f6", "live.skip": "", "live.defer": 5, "a": "ctl+x"}}
    )
    assert keymap == {"live.next": "ctrl+j,f6"}
    assert [p.split(":")[0] for p in problems] == ["live.skip", "live.defer", "a"]
    assert key_map({}) == ({}, [])
    assert key_map({"keys": ["j"]})[0] == {}


def test_every_binding_id_is_listed_once_with_a_label() -> None:
    entries = key_entries()
    ids = [entry.id for entry in entries]
    assert len(ids) == len(set(ids))
    assert {"live.next", "live.next.typing", "accounts.plan", "app.quit"} <= set(ids)
    assert all(entry.label for entry in entries)
    assert unknown_ids({"live.next": "j", "live.nxt": "j"}) == ["live.nxt"]


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "config" / "checkin" / "config.json"
    path.parent.mkdir(parents=True)
    return path


def test_checkin_keys_lists_the_ids_with_the_users_keys(config: Path) -> None:
    config.write_text(json.dumps({"keys": {"live.next": "ctrl+j"}}))
    result = CliRunner().invoke(cli, ["keys"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if line.split()[:1] == ["live.next"])
    assert line.split()[1] == "ctrl+j" and "(yours; was n)" in line


def test_checkin_keys_names_what_is_wrong_and_exits_65(config: Path) -> None:
    config.write_text(json.dumps({"keys": {"live.nxt": "j", "live.skip": "ctl+s"}}))
    result = CliRunner().invoke(cli, ["keys"])
    assert result.exit_code == 65
    assert "live.nxt: no key has this id" in result.stderr
    assert "live.skip: “ctl” in “ctl+s”" in result.stderr


def test_checkin_keys_names_a_key_taken_from_another_command_but_not_a_swap(config: Path) -> None:
    config.write_text(json.dumps({"keys": {"live.next": "s"}}))
    result = CliRunner().invoke(cli, ["keys"])
    assert result.exit_code == 65
    assert "live.next: s is taken from live.skip (Skip)" in result.stderr
    config.write_text(json.dumps({"keys": {"live.next": "s", "live.skip": "n"}}))
    assert CliRunner().invoke(cli, ["keys"]).exit_code == 0


def test_the_readme_key_map_example_is_valid() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = next(
        block for block in readme.split("```json\n")[1:] if block.lstrip().startswith('{"keys"')
    ).split("```")[0]
    keymap, problems = key_map(json.loads(example))
    assert keymap and problems == []
    assert unknown_ids(keymap) == [] and clashes(keymap) == []
