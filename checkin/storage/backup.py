"""Rotated backups of the last good states of a database file."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from checkin.storage.files import atomic_write, ensure_private_dir

KEEP = 10


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Path]:
    """Backups of ``db_path``, oldest first (by modification time, then name)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = folder.glob(f"{db_path.stem}-*.json")
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name))


def newest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def _holds(backup: Path, db_path: Path, data: bytes) -> bool:
    """Whether ``backup`` already holds ``data`` (the same file, or the same bytes)."""
    try:
        if os.path.samefile(backup, db_path):
            return True
        return backup.stat().st_size == len(data) and backup.read_bytes() == data
    except OSError:
        return False


def make_backup(db_path: Path, data: bytes, now: datetime, keep: int = KEEP) -> Path | None:
    """Keep a copy of ``data`` (the good state ``db_path`` holds now) unless the newest backup
    holds it already. Older backups beyond ``keep`` are removed. Returns the new backup, or None.

    The copy is a hard link when the file system allows it: every save replaces the database
    with a new file (``os.replace``), so the linked state never changes, and linking costs
    nothing however big the workspace is.
    """
    newest = newest_backup(db_path)
    if newest is not None and _holds(newest, db_path, data):
        return None
    folder = backup_dir(db_path)
    ensure_private_dir(folder)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}.json"
    counter = 1
    while target.exists():
        target = folder / f"{db_path.stem}-{stamp}-{counter:02d}.json"
        counter += 1
    try:
        os.link(db_path, target)
    except OSError:
        atomic_write(target, data)
    for old in list_backups(db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return target
