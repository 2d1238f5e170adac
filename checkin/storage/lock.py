"""The single-writer lock: an flock on a file beside the database."""

from __future__ import annotations

import contextlib
import fcntl
import os
from datetime import datetime
from pathlib import Path

import orjson

from checkin.storage.errors import DatabaseLocked
from checkin.storage.files import FILE_MODE


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class WriterLock:
    """Held by the one process allowed to write; the kernel releases it if that process dies."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def acquire(self, now: datetime) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
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
