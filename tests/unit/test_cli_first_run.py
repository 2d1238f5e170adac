"""The command line right after ``checkin demo``: the README's commands work as printed.

While you have no workspace of your own, the subcommands use the demo and say so on standard
error; ``--db`` and ``$CHECKIN_DB`` always win, and your own workspace never gives way to it.
"""

from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from checkin.cli.entry import app_only
from checkin.cli.main import cli
from checkin.core.dates import parse_moment
from checkin.services.settings import load_settings, save_setting
from checkin.services.workspace import Workspace

AT = "2026-11-22T09:00"
USING_DEMO = "checkin: using the demo workspace"


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new user's data folder (empty); $CHECKIN_DB unset."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("CHECKIN_DB", raising=False)
    monkeypatch.delenv("_CHECKIN_COMPLETE", raising=False)
    return tmp_path / "data" / "checkin"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_before_the_demo_a_command_says_how_to_start(user: Path) -> None:
    code, _, err = run("accounts")
    assert code == 66
    assert "Run `checkin` to start one, or `checkin demo` to try a demo workspace." in err


def test_after_the_demo_the_readme_commands_use_it_and_say_so_once(user: Path) -> None:
    code, out, _ = run("demo", "--no-tui", "--at", AT)
    assert code == 0
    assert "Next, try:" in out and "checkin agenda acme" in out and "--db" not in out
    for args in (("accounts",), ("agenda", "acme"), ("minutes", "acme"), ("ics", "acme")):
        code, out, err = run(*args)
        assert code == 0, err
        assert out
        assert err.count(USING_DEMO) == 1 and str(user / "demo.json") in err
        assert len(err.strip().splitlines()) == 1, err
    assert not (user / "workspace.json").exists()


def test_db_and_checkin_db_win_over_the_demo(
    user: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("demo", "--no-tui", "--at", AT)[0] == 0
    missing = tmp_path / "mine.json"
    code, _, err = run("--db", str(missing), "accounts")
    assert code == 66 and USING_DEMO not in err
    assert f"add `--db {user / 'demo.json'}` to use the demo workspace" in err
    monkeypatch.setenv("CHECKIN_DB", str(missing))
    code, _, err = run("accounts")
    assert code == 66 and USING_DEMO not in err and str(missing) in err


def test_your_own_workspace_never_gives_way_to_the_demo(user: Path) -> None:
    assert run("demo", "--no-tui", "--at", AT)[0] == 0
    ws = Workspace.open(user / "workspace.json")
    ws.add_account(slug="zeta", name="Zeta Corp")
    ws.close()
    code, out, err = run("accounts")
    assert code == 0 and USING_DEMO not in err
    assert "zeta" in out and "acme" not in out
    code, out, _ = run("demo", "--no-tui")
    # The next steps then name the demo's file: the bare commands are yours.
    assert f"checkin --db {user / 'demo.json'} agenda acme" in out


def test_an_empty_workspace_of_your_own_points_at_the_demo(user: Path) -> None:
    assert run("demo", "--no-tui", "--at", AT)[0] == 0
    Workspace.open(user / "workspace.json").close()  # what a first plain `checkin` leaves
    code, _, err = run("agenda", "acme")
    assert code == 66 and USING_DEMO not in err
    assert f"has no accounts yet; the demo's are in {user / 'demo.json'}" in err


def test_an_unknown_account_gets_did_you_mean(user: Path) -> None:
    assert run("demo", "--no-tui", "--at", AT)[0] == 0
    for typed in ("acne", "Acme Health", "helio"):
        code, _, err = run("agenda", typed)
        assert code == 66
        assert "Did you mean" in err and "Accounts: acme, bluefin" in err, err
    code, _, err = run("ics", "globex")
    assert code == 66 and "Did you mean" not in err and "Accounts: acme" in err


def test_at_takes_the_dates_forms_take(user: Path) -> None:
    assert run("demo", "--no-tui", "--at", "yesterday")[0] == 0
    code, out, err = run("agenda", "acme", "--at", "tomorrow 09:30", "--format", "json")
    assert code == 0, err
    assert '"at": "' in out and "T09:30:00" in out
    code, _, err = run("agenda", "acme", "--at", "someday")
    assert code == 2 and "tomorrow" in err and "2026-11-22T09:00" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-22T09:00", datetime(2026, 11, 22, 9, 0)),
        ("2026-11-22", datetime(2026, 11, 22)),
        ("tomorrow", datetime(2026, 12, 7)),
        ("fri 14:30", datetime(2026, 12, 11, 14, 30)),
        ("tomorrow at 9:05", datetime(2026, 12, 7, 9, 5)),
        ("+3d", datetime(2026, 12, 9)),
    ],
)
def test_parse_moment(text: str, expected: datetime) -> None:
    assert parse_moment(text, datetime(2026, 12, 6, 15, 0)) == expected


@pytest.mark.parametrize("text", ["", "someday", "fri 25:00", "tomorrow 9:61"])
def test_parse_moment_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"2026-11-22T09:00|time of day"):
        parse_moment(text, datetime(2026, 12, 6, 15, 0))


def test_demo_help_is_consistent_about_checkin_db(user: Path) -> None:
    code, out, _ = run("demo", "--help")
    assert code == 0
    text = " ".join(out.split())
    assert "default: $CHECKIN_DB" not in text
    assert "$CHECKIN_DB is ignored" in text and "is never used" in text


def test_shell_completion_reaches_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_CHECKIN_COMPLETE", "bash_complete")
    assert app_only([]) == (False, None)
    assert app_only(["--db", "w.json"]) == (False, None)


def test_the_theme_is_remembered_in_a_private_file(user: Path, tmp_path: Path) -> None:
    path = tmp_path / "config" / "checkin" / "config.json"
    assert load_settings() == {}
    assert save_setting("theme", "nord")
    assert load_settings() == {"theme": "nord"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    path.write_text("{broken")
    assert load_settings() == {}  # a damaged file is no preference, never a failed start
