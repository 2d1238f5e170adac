"""The one-writer lock, an operating-system lock on the lock file, between real processes.

One writer per workspace; a second one is refused (exit 75) with the holder named; a lock
left by a killed process is taken over; a holder that is closing is waited for, up to a
second; readers work beside a writer. On POSIX the lock is a flock taken directly, the same
lock as the filelock library's, so processes locking either way exclude each other; without
flock (Windows, or a file system without it) filelock takes it.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import filelock
import pytest

from checkin.core import Account
from checkin.storage import DatabaseLocked, Store, lock
from checkin.storage.lock import GRACE_SECONDS, WriterLock, describe_holder, holder_path, lock_path
from checkin.storage.platform import FLOCK, POSIX_MODES, FlockUnsupported, host_name

ROOT = Path(__file__).parents[2]
CHILD = Path(__file__).with_name("lock_child.py")
NOW = datetime(2026, 11, 22, 9, 0)


class Holder:
    """Another checkin process that holds the workspace's writer lock."""

    def __init__(self, db: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=os.environ | {"PYTHONPATH": str(ROOT)},
            text=True,
        )
        self.expect("held")

    @property
    def pid(self) -> int:
        return self.process.pid

    def expect(self, word: str) -> None:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if line != word:
            self.process.kill()
            _, err = self.process.communicate(timeout=30)
            pytest.fail(f"the lock holder said {line!r}, not {word!r}: {err}")

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("release\n")
        self.process.stdin.flush()
        self.expect("released")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=30)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ws" / "db.json"
    store = Store.open(path, lambda: NOW)
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    store.close()
    return path


@pytest.fixture
def holder(db: Path) -> Iterator[Holder]:
    held = Holder(db)
    yield held
    held.stop()


def test_a_second_process_is_refused_with_the_holder_named(db: Path, holder: Holder) -> None:
    with pytest.raises(DatabaseLocked) as caught:
        Store.open(db, lambda: NOW)
    message = str(caught.value)
    assert f"process {holder.pid} on {host_name()}, since 2026-11-22 09:00" in message
    assert message.startswith(f"{db} is open in another checkin (")
    assert "only one checkin can change a workspace at a time" in message
    # The filelock library sees it taken, whichever way checkin took it.
    with pytest.raises(filelock.Timeout):
        filelock.FileLock(lock_path(db)).acquire(timeout=0)


FILELOCK_HOLDER = """
import sys, filelock
held = filelock.FileLock(sys.argv[1], thread_local=False)
held.acquire(timeout=30)
print("held", flush=True)
sys.stdin.readline()
held.release()
print("released", flush=True)
"""


def test_a_process_locking_through_filelock_keeps_checkin_out(db: Path) -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", FILELOCK_HOLDER, str(lock_path(db))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdout is not None and other.stdin is not None
    try:
        assert other.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseLocked) as caught:
            WriterLock(db).acquire(NOW, wait=0)
        assert "another process" in str(caught.value)  # filelock leaves no holder file
        other.stdin.write("release\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "released"
        taken = WriterLock(db)
        taken.acquire(NOW, wait=0)  # once it lets go, checkin takes the lock
        assert taken.held
        taken.release()
    finally:
        other.kill()
        other.communicate(timeout=30)


def test_without_flock_the_lock_is_filelocks(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock, "FLOCK", False)  # as on Windows
    held = WriterLock(db)
    held.acquire(NOW, wait=0)
    assert held.held
    with pytest.raises(filelock.Timeout):
        filelock.FileLock(lock_path(db)).acquire(timeout=0)
    monkeypatch.undo()
    if FLOCK:  # and a checkin taking it with flock is kept out too
        with pytest.raises(DatabaseLocked):
            WriterLock(db).acquire(NOW, wait=0)
    held.release()
    assert not held.held
    filelock.FileLock(lock_path(db)).acquire(timeout=0).lock.release()


@pytest.mark.skipif(not FLOCK, reason="flock only")
def test_a_file_system_without_flock_falls_back_to_filelock(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_flock(fd: int) -> bool:
        raise FlockUnsupported(38, "Function not implemented")

    monkeypatch.setattr(lock, "try_lock_file", no_flock)
    held = WriterLock(db)
    held.acquire(NOW, wait=0)
    assert held.held
    monkeypatch.undo()
    with pytest.raises(DatabaseLocked):  # filelock's lock (a flock here) keeps others out
        WriterLock(db).acquire(NOW, wait=0)
    held.release()
    again = WriterLock(db)
    again.acquire(NOW, wait=0)
    again.release()


def test_readers_work_beside_a_writer_in_another_process(db: Path, holder: Holder) -> None:
    reader = Store.open(db, lambda: NOW, read_only=True)
    assert [a.slug for a in reader.accounts.all()] == ["acme"]
    reader.close()


def test_a_lock_left_by_a_killed_process_is_taken_over(db: Path, holder: Holder) -> None:
    holder.process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
    holder.process.wait(timeout=30)
    assert holder_path(db).exists(), "a killed holder leaves its side file behind"
    lock = WriterLock(db)
    lock.acquire(NOW, wait=0)
    assert describe_holder(holder_path(db)).startswith(f"process {os.getpid()} on ")
    lock.release()
    assert not holder_path(db).exists()
    store = Store.open(db, lambda: NOW)  # and the workspace itself opens for writing
    assert [a.slug for a in store.accounts.all()] == ["acme"]
    store.close()


def test_a_holder_that_is_closing_is_waited_for(db: Path, holder: Holder) -> None:
    releaser = threading.Timer(0.3, holder.release)
    releaser.start()
    lock = WriterLock(db)
    try:
        lock.acquire(NOW, wait=30)  # returns as soon as the holder lets go
    finally:
        releaser.join()
    assert lock.held
    lock.release()


def test_by_default_a_second_writer_waits_a_second_then_gives_up(db: Path, holder: Holder) -> None:
    assert GRACE_SECONDS == 1.0
    started = time.monotonic()
    with pytest.raises(DatabaseLocked):
        WriterLock(db).acquire(NOW)
    assert time.monotonic() - started >= GRACE_SECONDS


def test_lock_and_holder_files_are_private(db: Path) -> None:
    if not POSIX_MODES:
        pytest.skip("no permission bits on this platform")
    lock = WriterLock(db)
    lock.acquire(NOW)
    assert stat.S_IMODE(os.stat(lock_path(db)).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(holder_path(db)).st_mode) == 0o600
    lock.release()
    lock.release()  # idempotent
    assert not lock.held


@pytest.mark.parametrize(
    ("content", "described"),
    [
        (b"", "another process"),
        (b"not json", "another process"),
        (b'{"pid": "x", "host": "h"}', "another process"),
        (b"[1, 2]", "another process"),
        (
            b'{"pid": 7, "host": "pc\\u001b[31m-1", "since": "2026-12-06T08:15:00"}',
            "process 7 on pc-1, since 2026-12-06 08:15",
        ),
    ],
)
def test_a_holder_file_that_says_nothing_useful(
    tmp_path: Path, content: bytes, described: str
) -> None:
    path = tmp_path / "db.json.lock.holder"
    path.write_bytes(content)
    assert describe_holder(path) == described
    assert describe_holder(tmp_path / "missing") == "another process"
