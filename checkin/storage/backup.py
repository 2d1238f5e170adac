"""Rotated backups of the last good states of a database file."""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from checkin.storage.files import atomic_write, ensure_private_dir
from checkin.storage.platform import read_at

KEEP = 10


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


Source = bytes | int  # the state to back up: its bytes, or a file open for reading


def backup_in_background(db_path: Path, data: Source, now: datetime) -> threading.Thread:
    """:func:`make_backup` in a thread: a big workspace opens without waiting for its copy.
    A file descriptor is closed once copied. Join the thread before the process ends
    (``Store.close`` does)."""

    def run() -> None:
        try:
            make_backup(db_path, data, now)
        finally:
            if isinstance(data, int):
                with contextlib.suppress(OSError):
                    os.close(data)

    thread = threading.Thread(target=run, name="checkin-backup", daemon=True)
    thread.start()
    return thread


def backup_stem(db_path: Path) -> str:
    """What every backup name of ``db_path`` starts with: the stem for a ``.json`` workspace
    (``clients.json`` -> ``clients-20261206-090000.json``), the whole name otherwise, so
    ``clients.json`` and ``clients.db`` in one folder never share backups."""
    return db_path.stem if db_path.suffix == ".json" else db_path.name


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    """Exactly this workspace's backup names: its stem, a timestamp, a counter, ``.json``.

    Not a glob: ``clients-*.json`` also matches ``clients-archive-20261206-090000.json``,
    the backups of another workspace in the same folder.
    """
    return re.compile(re.escape(backup_stem(db_path)) + r"-\d{8}-\d{6}(?:-\d{2,})?\.json")


def list_backups(db_path: Path) -> list[Path]:
    """Backups of ``db_path`` (and of no other workspace), oldest first (by modification time,
    then name)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(db_path)
    found = [p for p in folder.iterdir() if pattern.fullmatch(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name))


def remove_orphaned_temps(db_path: Path) -> list[Path]:
    """Delete the temp files a backup of ``db_path`` left in ``backups/`` when its process was
    killed mid-copy (only this workspace's: the caller holds its writer lock, so no backup of
    it is being written)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    # Names are checked cheaply first: the pattern is compiled only when a temp file is there.
    start = f".{backup_stem(db_path)}-"
    candidates = [
        p for p in folder.iterdir() if p.name.startswith(start) and p.name.endswith(".tmp")
    ]
    if not candidates:
        return []
    pattern = _name_pattern(db_path).pattern
    temp = re.compile(re.escape(".") + pattern + r"\.\d+-\d+\.tmp")
    removed = []
    for orphan in candidates:
        if temp.fullmatch(orphan.name):
            with contextlib.suppress(OSError):
                orphan.unlink()
                removed.append(orphan)
    return removed


def newest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def newest_backup_unlike(db_path: Path) -> Path | None:
    """The newest backup that differs from the file now: a damaged record in a file that
    parses was copied by the backup at open, and restoring that copy would repair nothing."""
    try:
        current = db_path.read_bytes()
    except OSError:
        return newest_backup(db_path)
    for candidate in reversed(list_backups(db_path)):
        if not _holds(candidate, current):
            return candidate
    return None


COPY_BYTES = 1 << 20  # a file is compared and copied this much at a time


def _size(data: Source) -> int:
    return os.fstat(data).st_size if isinstance(data, int) else len(data)


def _chunks(data: Source) -> Iterator[bytes]:
    """The state in pieces of :data:`COPY_BYTES` (a file is read from its start)."""
    if not isinstance(data, int):
        yield data
        return
    at = 0
    while chunk := read_at(data, COPY_BYTES, at):
        yield chunk
        at += len(chunk)


def _holds(backup: Path, data: Source) -> bool:
    """Whether ``backup`` already holds ``data`` (compared a piece at a time)."""
    try:
        if backup.stat().st_size != _size(data):
            return False
        with open(backup, "rb") as handle:
            for chunk in _chunks(data):
                if handle.read(len(chunk)) != chunk:
                    return False
            return not handle.read(1)
    except OSError:
        return False


def make_backup(db_path: Path, data: Source, now: datetime, keep: int = KEEP) -> Path | None:
    """Keep a copy of ``data`` (the good state ``db_path`` holds now: its bytes, or the file
    open for reading) unless the newest backup holds it already. Older backups beyond
    ``keep`` are removed. Returns the new backup, or None.

    A real copy, never a link: a tool that rewrites the database in place (an editor, a
    disk error, ``truncate``) must not damage the backup that repairs it. A file is copied a
    piece at a time, so a big workspace's backup never holds it whole in memory.
    """
    newest = newest_backup(db_path)
    if newest is not None and _holds(newest, data):
        return None
    folder = backup_dir(db_path)
    ensure_private_dir(folder)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    stem = backup_stem(db_path)
    target = folder / f"{stem}-{stamp}.json"
    counter = 1
    while target.exists():
        target = folder / f"{stem}-{stamp}-{counter:02d}.json"
        counter += 1
    atomic_write(target, data if isinstance(data, bytes) else _chunks(data))
    for old in list_backups(db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return target
