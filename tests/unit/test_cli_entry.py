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


GC_CHILD = """
import gc, sys
from datetime import datetime
from pathlib import Path
from checkin.cli import entry, tui
from checkin.core import Account
from checkin.storage import Store

db = Path(sys.argv[1])
store = Store.open(db, lambda: datetime(2026, 12, 6, 9, 0))
store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
store.close()
seen = []
resume = tui._collect_from_now_on
def spy():
    seen.append(gc.isenabled())
    resume()
tui._collect_from_now_on = spy
entry.open_app(db, probe="settled")
print(seen, gc.isenabled(), gc.get_freeze_count() > 0)
broken = db.with_name("broken.json")
broken.write_bytes(b"{broken")
try:
    entry.open_app(broken)
except SystemExit:
    pass
print(gc.isenabled())
"""


def test_the_collector_pauses_for_the_start_up_only(tmp_path: Path) -> None:
    """Paused from the start to the first frame, then on again with what start-up made
    frozen; a start that ends before the first frame turns it back on as well."""
    done = subprocess.run(
        [sys.executable, "-c", GC_CHILD, str(tmp_path / "db.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[False] True True", "True"]
