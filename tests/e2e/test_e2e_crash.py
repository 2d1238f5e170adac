"""Journey 5: the program is killed mid-meeting; the next start resumes it, notes intact."""

from __future__ import annotations

import signal
import time

import orjson
import pytest

from tests.e2e.sandbox import Sandbox
from tests.e2e.terminal import Launch

pytestmark = pytest.mark.e2e


def test_sigkill_mid_meeting_then_resume_loses_nothing(sandbox: Sandbox, launch: Launch) -> None:
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    term = launch("--db", str(db))
    term.wait_for("7 of 7 accounts")
    term.type("helios")
    term.wait_for("1 of 7 accounts")
    term.send("ctrl+r")  # run the check-in with the generated agenda
    term.wait_for("Start a check-in with Helios Energy now")
    term.send("y")
    term.wait_for("Notes ·")
    term.type("Grace confirms wave 2 starts Monday")
    term.send("ctrl+n")  # next item: the notes of the first are saved with the move
    term.wait_for("1 of ")
    term.type("Henrik approves the read-only window")
    # Autosave runs every second: wait until the second note is on disk (in the journal
    # beside the file, see checkin.storage.durable), as a user would have in two seconds of
    # talking.
    journal = db.with_name(db.name + ".journal")

    def on_disk() -> bytes:
        return db.read_bytes() + (journal.read_bytes() if journal.exists() else b"")

    deadline = time.monotonic() + 5
    while b"Henrik approves the read-only window" not in on_disk():
        assert time.monotonic() < deadline, "the notes were not autosaved within 5 s"
        time.sleep(0.1)
    term.send_signal(signal.SIGKILL)
    assert term.exit_status() == -signal.SIGKILL

    again = launch("--db", str(db))
    again.wait_for("still running. Resume it now?")
    again.send("y")
    screen = again.wait_for("Henrik approves the read-only window")
    assert "Helios Energy" in screen
    again.send("ctrl+b")  # back to the first item: its notes are there too
    again.wait_for("Grace confirms wave 2 starts Monday")
    again.send("ctrl+q")
    assert again.exit_status() == 0

    stored = orjson.loads(db.read_bytes())["meetings"]
    running = [m for m in stored.values() if m.get("started") and not m.get("ended")]
    assert len(running) == 1
    notes = [item["notes"] for item in running[0]["agenda"]]
    assert "Grace confirms wave 2 starts Monday" in notes
    assert "Henrik approves the read-only window" in notes
