"""The single-writer lock: an operating-system lock on a lock file beside the database, and
who holds it.

One writer per workspace, enforced by the operating system's lock on ``<db>.lock``, so the
system frees it when its holder dies, even by a kill: the next checkin takes it over with
nothing to clean up.
- Where the platform has ``flock`` (Linux, macOS, the BSDs) it is taken directly, through the
  platform seam: an exclusive flock on the whole lock file, which stays in place. That is
  exactly the lock the ``filelock`` library's UnixFileLock takes on the same file, so a checkin
  that locks through filelock and one that locks with flock still exclude each other. (Importing
  filelock costs the start-up about 10 ms, which is why it is not used there.)
- Elsewhere (Windows: msvcrt byte locks), and where the lock file's file system has no flock
  (filelock then falls back to its soft lock), the ``filelock`` library takes it.
Who holds it (process, computer, since when) is written to a side file, ``<db>.lock.holder``,
because the lock file itself cannot be read by others while it is locked on Windows, and
``filelock`` may truncate it on open.
"""

from __future__ import annotations

import contextlib
import os
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from checkin.core.text import clean_line
from checkin.storage.errors import DatabaseLocked
from checkin.storage.files import FILE_MODE
from checkin.storage.platform import (
    FLOCK,
    FlockUnsupported,
    host_name,
    open_lock_file,
    try_lock_file,
    unlock_file,
)

if TYPE_CHECKING:
    from filelock import BaseFileLock

# A checkin that is closing (a closed terminal window, ctrl+q) still holds the lock while it
# saves: one started again right away waits this long for it before saying it is locked.
GRACE_SECONDS = 1.0
POLL_SECONDS = 0.05
HOLDER_BYTES = 4096  # the most of a holder file that is read


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def holder_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock.holder")


class WriterLock:
    """Held by the one process allowed to write; the system releases it if that process dies."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.holder_path = holder_path(db_path)
        self._lock: BaseFileLock | None = None  # held through filelock
        self._fd: int | None = None  # held with flock on this descriptor

    def acquire(self, now: datetime, wait: float = GRACE_SECONDS) -> None:
        """Take the lock, waiting up to ``wait`` seconds for a holder that is exiting.

        Raises DatabaseLocked, naming the holder where its side file says who it is.
        """
        if FLOCK:
            try:
                self._fd = self._flock(wait)
            except FlockUnsupported:
                self._filelock(wait)  # filelock knows what to do on such a file system
        else:
            self._filelock(wait)
        self._write_holder(now)

    def _flock(self, wait: float) -> int:
        """The descriptor holding the flock, polled every POLL_SECONDS for up to ``wait``."""
        deadline = time.monotonic() + wait
        while True:
            fd = open_lock_file(self.path, FILE_MODE)
            try:
                taken = try_lock_file(fd)
                # A lock file unlinked before the flock was won locks nothing: open it again.
                if taken and os.fstat(fd).st_nlink > 0:
                    return fd
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
            if taken:
                continue
            if time.monotonic() >= deadline:
                raise DatabaseLocked(self.db_path, describe_holder(self.holder_path))
            time.sleep(POLL_SECONDS)

    def _filelock(self, wait: float) -> None:
        from filelock import FileLock, Timeout  # only here: importing it costs ~10 ms

        # thread_local=False: the app may close the workspace from another thread than the
        # one that opened it, and the hold belongs to the process either way.
        lock = FileLock(self.path, mode=FILE_MODE, thread_local=False)
        try:
            lock.acquire(timeout=wait, poll_interval=POLL_SECONDS)
        except Timeout:
            raise DatabaseLocked(self.db_path, describe_holder(self.holder_path)) from None
        self._lock = lock

    def _write_holder(self, now: datetime) -> None:
        """Say who holds the lock; only a courtesy to the next instance, so never fatal."""
        info = {"pid": os.getpid(), "host": host_name(), "since": now.isoformat()}
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        with contextlib.suppress(OSError):
            fd = os.open(self.holder_path, flags, FILE_MODE)
            try:
                os.write(fd, orjson.dumps(info))
            finally:
                os.close(fd)

    def release(self) -> None:
        if not self.held:
            return
        lock, self._lock = self._lock, None
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            self.holder_path.unlink(missing_ok=True)  # before the lock: never someone else's
        # Were a release to fail, the system still frees the lock when we exit.
        if fd is not None:
            try:
                with contextlib.suppress(OSError):
                    unlock_file(fd)
            finally:
                os.close(fd)  # closing the last descriptor frees the flock in any case
        if lock is not None:
            with contextlib.suppress(OSError):
                lock.release()

    @property
    def held(self) -> bool:
        return self._lock is not None or self._fd is not None


def describe_holder(path: Path) -> str:
    """'process 4242 on laptop, since 2026-12-06 09:00' from a holder file; else a vaguer name."""
    try:
        with path.open("rb") as handle:
            info = orjson.loads(handle.read(HOLDER_BYTES))
        since = str(info.get("since", ""))[:16].replace("T", " ")
        host = clean_line(str(info["host"]))  # the file could hold anything: no escapes
        return f"process {int(info['pid'])} on {host}, since {clean_line(since)}"
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError, OSError):
        return "another process"
