"""Private folders, 0600 files and atomic, durable file replacement."""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterable
from pathlib import Path

from checkin.storage.platform import fsync_dir as fsync_dir  # importable from here as before
from checkin.storage.platform import set_mode

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) if missing; folders created here are 0700."""
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for path in reversed(missing):
        path.mkdir(mode=DIR_MODE)
        set_mode(path, DIR_MODE)  # mkdir's mode is filtered by the umask


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


_TEMPS = itertools.count()


def _open_temp(path: Path) -> tuple[int, Path]:
    """A new 0600 file beside ``path``, named so :func:`remove_orphaned_temps` finds it.

    (tempfile.mkstemp does the same, but importing tempfile costs the app's start-up a few
    milliseconds for modules it never uses.)
    """
    while True:
        tmp = path.parent / f"{temp_prefix(path)}{os.getpid()}-{next(_TEMPS)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE), tmp
        except FileExistsError:
            continue


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` (bytes, or pieces of them written in turn) so that a
    crash leaves the old or the new file, whole.

    Temp file in the same folder, fsync, os.replace, fsync of the folder. The file is 0600.
    """
    fd, tmp = _open_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes | bytearray | memoryview):
                handle.write(data)
            else:
                for piece in data:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def remove_orphaned_temps(path: Path) -> list[Path]:
    """Delete temp files a killed process left beside ``path``; returns what was removed.

    Names are compared as text, not as a glob pattern: a ``[`` in the workspace's name is
    not a pattern, and a glob compiles a regular expression at every start of the app."""
    prefix, suffix = temp_prefix(path), ".tmp"
    with os.scandir(path.parent) as entries:
        orphans = [
            Path(entry.path)
            for entry in entries
            if entry.name.startswith(prefix)
            and entry.name.endswith(suffix)
            and len(entry.name) >= len(prefix) + len(suffix)
        ]
    removed = []
    for orphan in orphans:
        with contextlib.suppress(OSError):
            orphan.unlink()
            removed.append(orphan)
    return removed


def write_private(path: Path, data: bytes) -> None:
    """Write a small 0600 file (lock files, exports) atomically."""
    ensure_private_dir(path.parent)
    atomic_write(path, data)


def read_private(path: Path, limit: int) -> bytes | None:
    """The bytes of a file of this user's alone (see platform.open_private_file) of at most
    ``limit`` bytes; None when it is not that, is larger, or cannot be read."""
    from checkin.storage.platform import open_private_file

    fd = open_private_file(path)
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None
