"""SIGTERM, SIGHUP and a closed terminal window: checkin exits cleanly and lets go of the file."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.e2e.sandbox import Sandbox
from tests.e2e.terminal import Launch, Terminal

pytestmark = pytest.mark.e2e


def open_accounts(launch: Launch, db: Path) -> Terminal:
    term = launch("--db", str(db))
    term.wait_for("7 of 7 accounts")
    return term


def assert_released_and_loads(sandbox: Sandbox, launch: Launch, db: Path) -> None:
    """The lock is free (a new checkin starts on the file) and the workspace still loads."""
    listed = sandbox.run("accounts", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 1 + 7
    again = open_accounts(launch, db)
    again.send("ctrl+q")
    assert again.exit_status() == 0


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_ends_checkin_cleanly(
    sandbox: Sandbox, launch: Launch, sig: signal.Signals
) -> None:
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    term = open_accounts(launch, db)
    term.type("acme")
    term.send("enter")
    term.wait_for("Patient sync fails for EU tenants")  # on an account screen, not home
    term.send_signal(sig)
    assert term.exit_status() == 0
    assert term.modes_left_on() == []
    assert "Traceback" not in term.text()
    assert_released_and_loads(sandbox, launch, db)


def test_closing_the_terminal_window_ends_checkin_cleanly(sandbox: Sandbox, launch: Launch) -> None:
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    term = open_accounts(launch, db)
    term.close_window()  # returns once the program is gone
    assert_released_and_loads(sandbox, launch, db)


def test_after_a_crash_the_next_checkin_starts(sandbox: Sandbox, launch: Launch) -> None:
    """SIGKILL gives no chance to clean up: the kernel frees the lock, the file is whole."""
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    term = open_accounts(launch, db)
    term.send_signal(signal.SIGKILL)
    assert term.exit_status() == -signal.SIGKILL
    assert_released_and_loads(sandbox, launch, db)
