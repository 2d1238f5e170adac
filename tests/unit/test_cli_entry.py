"""The installed command: a plain ``checkin`` opens the app without the Click group."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checkin.cli.entry import app_only


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (True, None)),
        (["--db", "w.json"], (True, Path("w.json"))),
        (["--db=~/w.json"], (True, Path("~/w.json"))),
        (["--db"], (False, None)),  # Click says what is missing
        (["--db", "--help"], (False, None)),
        (["--db="], (False, None)),
        (["--help"], (False, None)),
        (["accounts"], (False, None)),
        (["--db", "w.json", "accounts"], (False, None)),
    ],
)
def test_only_a_plain_start_skips_the_command_group(
    args: list[str], expected: tuple[bool, Path | None]
) -> None:
    assert app_only(args) == expected


def test_a_plain_start_loads_neither_click_nor_the_subcommands() -> None:
    code = (
        "import sys; from checkin.cli import entry; "
        "entry.app_only(['--db', 'x']); "
        "import checkin.cli.exits, checkin.cli.tui, checkin.services.paths, checkin.ui.app; "
        "print(sorted(m for m in sys.modules if m == 'click' or m.startswith('checkin.cli.')))"
    )  # open_app's imports, and the app's
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['checkin.cli.entry', 'checkin.cli.exits', 'checkin.cli.tui']"


def test_a_corrupt_workspace_is_reported_with_its_exit_code(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    db.write_bytes(b"{broken")
    done = subprocess.run(
        [sys.executable, "-m", "checkin", "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 65
    assert done.stderr.startswith("checkin: ") and str(db) in done.stderr
    assert "Traceback" not in done.stderr
    assert db.read_bytes() == b"{broken"
