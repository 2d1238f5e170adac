"""The CSS rules kept between starts (ui/css_cache.py): the next start reads what the first
parsed and shows exactly the same; a file that is damaged, of another Textual or Python, for
other variables, not private or not a file is ignored (parsed as usual, then rewritten)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
import textual.css.stylesheet as textual_stylesheet

from checkin.cli.tui import run_app
from checkin.services.paths import read_private_file
from checkin.services.workspace import Workspace
from checkin.ui import css_cache
from checkin.ui.app import CheckinApp
from checkin.ui.css_cache import MAGIC, CssCache, css_cache_path
from checkin.ui.stylesheet import KeptStylesheet
from tests.ui.conftest import small_workspace

SIZE = (120, 40)


class Parses:
    """How many CSS sources Textual parsed (its parse function, as the stylesheet calls it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = textual_stylesheet.parse

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(textual_stylesheet, "parse", counted)


async def start(cache: Path, ws: Workspace | None = None, **options: Any) -> str:
    """Start the app on the home with ``cache``; the screen as shown, once the rules it
    parsed are written."""
    app = CheckinApp(ws or small_workspace(), css_cache=cache, **options)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = app.export_screenshot()
        stylesheet = app.stylesheet
        assert isinstance(stylesheet, KeptStylesheet)
        writer = stylesheet._cache.writer if stylesheet._cache is not None else None
    if writer is not None:
        writer.join(timeout=10)
    return shown


async def test_the_next_start_reads_the_rules_and_shows_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache" / "checkin" / "css.cache"
    parses = Parses(monkeypatch)
    first = await start(cache)
    assert parses.count > 5  # App, Screen, Input, the home's own CSS...
    assert cache.read_bytes().startswith(MAGIC)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    written = cache.stat().st_mtime_ns

    parses.count = 0
    second = await start(cache)
    assert parses.count == 0  # every rule of the first frame came from the file
    assert second == first
    assert cache.stat().st_mtime_ns == written  # up to date: not written again


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="cut short"),
        pytest.param(lambda data: MAGIC + b"{not json\n" + data, id="bad header"),
        pytest.param(lambda data: data[:-200] + os.urandom(200), id="bad pickle"),
        pytest.param(lambda data: b"something else entirely", id="not ours"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
async def test_a_damaged_file_is_parsed_around_and_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Any
) -> None:
    cache = tmp_path / "css.cache"
    first = await start(cache)
    cache.write_bytes(damage(cache.read_bytes()))
    parses = Parses(monkeypatch)
    assert await start(cache) == first
    assert parses.count > 5
    assert CssCache(cache).rules(_variables_of_a_start(cache))  # whole again


def _variables_of_a_start(cache: Path) -> dict[str, str]:
    """The variables the file was written with (what the app's theme gives)."""
    _theme, variables, _rules = css_cache._load(cache)
    assert variables is not None
    return variables


async def test_another_textual_or_python_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "css.cache"
    first = await start(cache)
    real = css_cache._versions()
    monkeypatch.setattr(css_cache, "_versions", lambda: {**real, "textual": "another install"})
    parses = Parses(monkeypatch)
    assert await start(cache) == first
    assert parses.count > 5
    monkeypatch.setattr(css_cache, "_versions", lambda: real)
    assert css_cache._load(cache) == (None, None, {})  # rewritten by the other one


async def test_rules_of_other_variables_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another theme: other colours in the rules, so it parses (and keeps its own)."""
    cache = tmp_path / "css.cache"
    await start(cache)
    parses = Parses(monkeypatch)
    light = await start(cache, theme="textual-light")
    assert parses.count > 5
    cold = tmp_path / "cold.cache"
    assert light == await start(cold, theme="textual-light")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
async def test_a_file_others_can_read_or_write_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "css.cache"
    await start(cache)
    for mode in (0o644, 0o620, 0o606):
        os.chmod(cache, mode)
        assert css_cache._load(cache) == (None, None, {})
    os.chmod(cache, 0o644)
    parses = Parses(monkeypatch)
    await start(cache)
    assert parses.count > 5
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600  # rewritten, private


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_file_of_another_user_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "css.cache"
    cache.write_bytes(MAGIC)
    os.chmod(cache, 0o600)
    assert read_private_file(cache, 100) == MAGIC
    assert read_private_file(cache, len(MAGIC) - 1) is None  # larger than a cache can be
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache).st_uid + 1)
    assert read_private_file(cache, 100) is None


async def test_a_link_is_not_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.cache"
    await start(real)
    link = tmp_path / "link.cache"
    link.symlink_to(real)
    assert css_cache._load(real)[2]
    assert css_cache._load(link) == (None, None, {})


async def test_a_folder_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    """The cache cannot be written (a file where its folder should be): the app starts and
    shows the same, with nothing raised."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    shown = await start(blocked / "css.cache")
    assert shown == await start(tmp_path / "css.cache")
    assert blocked.read_text() == "a file, not a folder"


def test_rules_that_cannot_be_pickled_are_not_written(tmp_path: Path) -> None:
    from textual.css.model import RuleSet, SelectorSet
    from textual.css.styles import Styles

    cache = CssCache(tmp_path / "css.cache")
    rule = RuleSet(selector_set=[SelectorSet()], styles=Styles())
    rule.styles.node = lambda: None  # type: ignore[assignment]  # a lambda does not pickle
    key = ("Foo { }", ("here", "Foo.DEFAULT_CSS"), True, 0, "")
    writer = cache.keep("a theme", {"primary": "red"}, {key: [rule]})
    assert writer is not None
    writer.join(timeout=10)
    assert not cache.path.exists()


def test_the_tests_cache_folder_is_not_the_real_one(private_cache_folder: Path) -> None:
    assert css_cache_path().is_relative_to(private_cache_folder)
    assert not css_cache_path().is_relative_to(Path.home() / ".cache")


def test_the_checkin_command_keeps_the_rules_in_the_user_cache_folder(
    tmp_path: Path, private_cache_folder: Path
) -> None:
    """``checkin`` (here as the benchmark starts it) writes the file under $XDG_CACHE_HOME
    once the home is shown, and the next start reads it."""
    db = tmp_path / "ws.json"
    Workspace.open(db).close()
    path = css_cache_path()
    path.unlink(missing_ok=True)
    run_app(db, probe="ready")
    for thread in threading.enumerate():
        if thread.name == "css-cache":
            thread.join(timeout=10)  # the process would wait for it before exiting
    assert path.is_relative_to(private_cache_folder)
    _theme, variables, rules = css_cache._load(path)
    assert variables is not None and rules


async def test_the_next_start_reads_the_themes_colours_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The theme's CSS variables (Textual works them out from its colours) are kept with the
    rules and read back for that very theme; a theme that changed under the same name, or
    another theme, has its variables worked out again."""
    from textual.theme import Theme

    cache = tmp_path / "cache" / "checkin" / "css.cache"
    worked_out: list[str] = []
    real = Theme.to_color_system

    def counted(theme: Theme) -> Any:
        worked_out.append(theme.name)
        return real(theme)

    monkeypatch.setattr(Theme, "to_color_system", counted)
    first = await start(cache)
    assert worked_out == ["checkin"]
    worked_out.clear()
    assert await start(cache) == first
    assert worked_out == []  # read from the file
    light = await start(cache, theme="textual-light")
    assert worked_out == ["textual-light"] and light != first
    worked_out.clear()
    assert await start(cache, theme="textual-light") == light
    assert worked_out == []

    # The same name with other colours (a checkin release that changed its theme).
    import checkin.ui.app as app_module

    changed = Theme(**{**app_module.CALM.__dict__, "primary": "#FF0000"})
    monkeypatch.setattr(app_module, "CALM", changed)
    worked_out.clear()
    assert await start(cache) != first
    assert worked_out == ["checkin"]
