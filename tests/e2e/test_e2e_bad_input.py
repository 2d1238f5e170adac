"""Journey 6, bad input: a corrupt database, a locked one, a broken import. Each gets a clear
message, the right exit code, and changes nothing."""

from __future__ import annotations

import random
import re
import shlex
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.sandbox import Sandbox
from tests.e2e.terminal import Launch, Terminal

pytestmark = pytest.mark.e2e

BAD_DATA = 65
LOCKED = 75
BROKEN_JIRA = (
    "Summary,Issue key,Status,Priority,Created\n"
    ",ACME-1,Open,P9,03/Nov/26 9:14 AM\n"
    "Login loops,ACME-2,Open,High,yesterday\n"
)
ROW_PROBLEMS = (
    "row 2 (ACME-1), Summary: is empty; every issue needs one",
    "row 3 (ACME-2), Created: 'yesterday' is not a date",
)


def truncate(db: Path) -> None:
    """Cut the file short where it lies, as a full disk or a killed copy leaves it."""
    with db.open("r+b") as file:
        file.truncate(db.stat().st_size // 2)


def garbage(db: Path) -> None:
    db.write_bytes(random.Random(65).randbytes(4096))


def not_a_workspace(db: Path) -> None:
    db.write_text('[{"title": "valid JSON, but not a checkin workspace"}]\n')


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "truncated": truncate,
    "garbage": garbage,
    "json-list": not_a_workspace,
}


def open_accounts(launch: Launch, db: Path) -> Terminal:
    """``checkin --db DB`` on the demo, once its accounts screen shows every account."""
    term = launch("--db", str(db))
    term.wait_for("7 of 7 accounts")
    return term


def open_used_demo(sandbox: Sandbox, launch: Launch) -> Path:
    """A demo workspace that has been opened in the app once, as a user's would have been."""
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    term = open_accounts(launch, db)
    term.send("ctrl+q")
    assert term.exit_status() == 0
    return db


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_database_is_named_and_left_as_it_is(
    sandbox: Sandbox, launch: Launch, corrupt: Callable[[Path], None]
) -> None:
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    corrupt(db)
    before = db.read_bytes()
    term = launch("--db", str(db))
    assert term.exit_status() == BAD_DATA
    output = term.text()
    assert f"checkin: {db} is not a readable checkin database (" in output
    assert "It was left untouched." in output
    assert "Traceback" not in output
    assert db.read_bytes() == before


def test_the_backup_a_corrupt_database_message_names_restores_it(
    sandbox: Sandbox, launch: Launch
) -> None:
    """The message's own advice, followed to the letter, brings the workspace back."""
    db = open_used_demo(sandbox, launch)
    truncate(db)
    term = launch("--db", str(db))
    assert term.exit_status() == BAD_DATA
    found = re.search(r"^  (cp .+)$", term.text(), flags=re.MULTILINE)
    assert found, term.text()
    assert shlex.split(found.group(1))[-1] == str(db)
    copied = subprocess.run(found.group(1), shell=True, capture_output=True, text=True, check=False)
    assert copied.returncode == 0, copied.stderr
    restored = sandbox.run("accounts", "--db", str(db))
    assert restored.returncode == 0, restored.stderr
    assert "Acme Health" in restored.stdout


def test_a_second_checkin_on_a_locked_database_names_the_first(
    sandbox: Sandbox, launch: Launch
) -> None:
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    first = open_accounts(launch, db)
    before = db.read_bytes()

    second = launch("--db", str(db))
    assert second.exit_status() == LOCKED
    output = second.text()
    assert f"checkin: {db} is open in another checkin (process {first.pid()} on " in output
    assert "Close that one first" in output
    assert db.read_bytes() == before

    # The first one never noticed: it still reacts to keys, and quits cleanly.
    first.type("blue")
    screen = first.wait_for("1 of 7 accounts")
    assert "Bluefin Insurance" in screen and "Acme Health" not in screen
    first.send("ctrl+q")
    assert first.exit_status() == 0
    assert db.read_bytes() == before


def test_a_broken_import_names_rows_and_fields_and_changes_nothing(
    sandbox: Sandbox, launch: Launch
) -> None:
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    broken = sandbox.root / "broken.csv"
    broken.write_text(BROKEN_JIRA)
    before = db.read_bytes()
    term = launch("import", "jira", str(broken), "--account", "acme", "--db", str(db))
    assert term.exit_status() == BAD_DATA
    output = term.text()
    assert "checkin: broken.csv was not imported (2 problems); nothing was changed:" in output
    assert all(problem in output for problem in ROW_PROBLEMS), output
    assert db.read_bytes() == before


def test_a_broken_import_from_the_app_lists_the_problems_and_changes_nothing(
    sandbox: Sandbox, launch: Launch
) -> None:
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    broken = sandbox.root / "broken.csv"
    broken.write_text(BROKEN_JIRA)
    before = db.read_bytes()
    term = open_accounts(launch, db)
    term.type("acme")
    term.wait_for("1 of 7 accounts")
    term.send("enter")
    term.wait_for("Patient sync fails for EU tenants")  # the issues tab of Acme Health
    term.send("i")
    term.wait_for("Import issues into Acme Health")
    term.type(str(broken))
    term.send("enter")
    screen = term.wait_for("broken.csv cannot be imported: 2 problems.")
    assert "Nothing will change until the file is fixed." in screen
    assert "row 2 (ACME-1), Summary: is empty; every issue needs one" in screen
    term.send("ctrl+s")  # importing anyway is refused
    term.wait_for("broken.csv cannot be imported")
    term.send("escape")
    screen = term.wait_gone("Import issues into Acme Health")
    assert "Patient sync fails for EU tenants" in screen
    term.send("ctrl+q")
    assert term.exit_status() == 0
    assert db.read_bytes() == before
