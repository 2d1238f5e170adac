"""The single-writer lock: a ``filelock`` lock file beside the database, and who holds it.

The lock is the operating system's (flock on Linux and macOS, msvcrt byte locks on Windows,
through the ``filelock`` library), so the system frees it when its holder dies, even by a
kill: the next checkin takes it over with nothing to clean up. Who holds it (process, computer,
since when) is written to a side file, ``<db>.lock.holder``, because the lock file itself cannot
be read by others while it is locked on Windows, and ``filelock`` may truncate it on open.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from checkin.core.text import clean_line
from checkin.storage.errors import DatabaseLocked
from checkin.storage.files import FILE_MODE
from checkin.storage.platform import host_name

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
        self._lock: BaseFileLock | None = None

    def acquire(self, now: datetime, wait: float = GRACE_SECONDS) -> None:
        """Take the lock, waiting up to ``wait`` seconds for a holder that is exiting.

        Raises DatabaseLocked, naming the holder where its side file says who it is.
        """
        from filelock import FileLock, Timeout  # only writers need it: readers start faster

        # thread_local=False: the app may close the workspace from another thread than the
        # one that opened it, and the hold belongs to the process either way.
        lock = FileLock(self.path, mode=FILE_MODE, thread_local=False)
        try:
            lock.acquire(timeout=wait, poll_interval=POLL_SECONDS)
        except Timeout:
            raise DatabaseLocked(self.db_path, describe_holder(self.holder_path)) from None
        self._lock = lock
        self._write_holder(now)

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
        if self._lock is None:
            return
        lock, self._lock = self._lock, None
        with contextlib.suppress(OSError):
            self.holder_path.unlink(missing_ok=True)  # before the lock: never someone else's
        with contextlib.suppress(OSError):
            lock.release()  # were it to fail, the system still frees the lock when we exit

    @property
    def held(self) -> bool:
        return self._lock is not None


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
