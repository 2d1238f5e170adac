"""A real full disk during a live check-in (issue 19): the app keeps running with a banner,
keeps every typed character, retries, and says "Saved again" once there is room; quitting
on a disk that stays full keeps everything in a recovery file and exits 74 in one line."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from tests.e2e.sandbox import Sandbox
from tests.e2e.terminal import Launch, Terminal

pytestmark = pytest.mark.e2e

IO_ERROR = 74
DISK = "size=4m"


@pytest.fixture
def small_disk(sandbox: Sandbox) -> Iterator[Path]:
    """A 4 MB tmpfs of its own, so filling it fills nothing else (skipped where the machine
    does not let the tests mount one: not root, or no tmpfs in a container)."""
    mount = sandbox.root / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", DISK, "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True)


def fill(folder: Path) -> Path:
    """Fill the disk ``folder`` is on to the last byte; the filler file, to free it again."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 1):  # then the last few bytes, one at a time
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    assert os.statvfs(folder).f_bavail == 0
    return filler


def start_call(launch: Launch, db: Path) -> Terminal:
    term = launch("--db", str(db))
    term.wait_for("7 of 7 accounts")
    term.type("helios")
    term.wait_for("1 of 7 accounts")
    term.send("ctrl+r")
    term.wait_for("Start a check-in with Helios Energy now")
    term.send("y")
    term.wait_for("Notes ·")
    return term


def stored_notes(raw: bytes) -> list[str]:
    meetings = orjson.loads(raw)["meetings"]
    running = [m for m in meetings.values() if m.get("started") and not m.get("ended")]
    assert len(running) == 1
    return [item["notes"] for item in running[0]["agenda"]]


def test_a_full_disk_mid_call_then_room_again_keeps_every_character(
    sandbox: Sandbox, launch: Launch, small_disk: Path
) -> None:
    db = sandbox.seed_demo(small_disk / "db.json")
    term = start_call(launch, db)
    term.type("Before the disk filled.")
    filler = fill(small_disk)
    typed = "While full: Grace asks for the wave 2 runbook by Friday; Henrik agrees."
    term.type(" " + typed)
    term.wait_for("Could not save", timeout=15)  # the autosave's journal append fails
    term.type(" More while full.")
    screen = term.wait_for("More while full.")
    assert "Could not save" in screen  # the banner stays while saves fail
    assert term.running

    filler.unlink()  # room again: the writer's next retry saves everything
    term.wait_for("Saved again", timeout=15)
    term.send("ctrl+q")
    assert term.exit_status() == 0
    notes = stored_notes(db.read_bytes())
    assert f"Before the disk filled. {typed} More while full." in notes
    assert "Traceback" not in term.text()


def test_quitting_while_the_disk_stays_full_keeps_a_recovery_file(
    sandbox: Sandbox, launch: Launch, small_disk: Path
) -> None:
    """The workspace's own disk is full to the end; the recovery file goes to the home
    folder (another disk), and the message says how to put it back."""
    db = sandbox.seed_demo(small_disk / "db.json")
    term = start_call(launch, db)
    fill(small_disk)
    term.type("Typed on a full disk, kept all the same.")
    term.wait_for("Could not save", timeout=15)
    term.send("ctrl+q")
    term.wait_for("press ctrl+q again to quit anyway")
    time.sleep(0.3)
    term.send("ctrl+q")
    assert term.exit_status() == IO_ERROR
    output = term.text()
    assert "Traceback" not in output
    recovery = sandbox.home / "db.json.recovery.json"
    assert "Everything is kept in" in output and "db.json.recovery.json" in output
    assert "Typed on a full disk, kept all the same." in stored_notes(recovery.read_bytes())
