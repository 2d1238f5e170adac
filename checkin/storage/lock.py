"""The single-writer lock: an flock on a file beside the database."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from datetime import datetime
from pathlib import Path

import orjson

from checkin.storage.errors import DatabaseLocked
from checkin.storage.files import FILE_MODE

# A checkin that is closing (a closed terminal window, ctrl+q) still holds the lock while it
# saves: one started again right away waits this long for it before saying it is locked.
GRACE_SECONDS = 1.0


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class WriterLock:
    """Held by the one process allowed to write; the kernel releases it if that process dies."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def acquire(self, now: datetime, wait: float = GRACE_SECONDS) -> None:
        """Take the lock, waiting up to ``wait`` seconds for a holder that is exiting."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                holder = _describe_holder(fd)
                os.close(fd)
                raise DatabaseLocked(self.db_path, holder) from None
        info = {"pid": os.getpid(), "host": os.uname().nodename, "since": now.isoformat()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, orjson.dumps(info), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None


def _describe_holder(fd: int) -> str:
    try:
        info = orjson.loads(os.pread(fd, 4096, 0))
        since = str(info.get("since", ""))[:16].replace("T", " ")
        return f"process {info['pid']} on {info['host']}, since {since}"
    except (orjson.JSONDecodeError, KeyError, TypeError, OSError):
        return "another process"
