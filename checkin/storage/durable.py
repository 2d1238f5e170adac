"""A TinyDB Storage that keeps the workspace in memory and saves it atomically and durably."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from checkin.storage.doctable import DocTable, Tables, dump_tables, load_tables
from checkin.storage.errors import ReadOnlyDatabase
from checkin.storage.files import atomic_write


class DurableStorage:
    """A TinyDB Storage (registered as one when TinyDB is first used) that keeps the data.

    TinyDB's stock JSONStorage rewrites the file in place and re-reads it on every query.
    This one reads once, serves every read from memory (documents kept as bytes, see
    :class:`DocTable`) and replaces the file on each write (temp file, fsync, os.replace,
    fsync of the folder), so a crash leaves the previous or the next state, never a torn
    file. Inside :meth:`begin`/:meth:`end` writes are collected and saved once.
    """

    def __init__(self, path: Path | None, data: Tables, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._data = data
        self._batch_depth = 0
        self._dirty = False
        self._lock = threading.RLock()
        self.last_save_seconds = 0.0
        self.saves = 0
        self.on_saved: Callable[[], None] | None = None
        self.before_save: Callable[[], None] | None = None
        self._committed: bytes | None = self.serialize() if path is None else None

    def read(self) -> Tables:
        return self._data

    def write(self, data: Tables) -> None:
        if self.read_only:
            raise ReadOnlyDatabase(self.path or Path("<memory>"))
        with self._lock:
            self._data = data
            if self._batch_depth:
                self._dirty = True
            else:
                self._save()

    def close(self) -> None:
        """Nothing to flush: every write outside a batch is already on disk."""

    def table(self, name: str, *, create: bool = False) -> DocTable:
        """The table ``name``; a missing one is empty, and only added when ``create`` is set
        (reading must not change what the next save writes)."""
        table = self._data.get(name)
        if table is None:
            table = DocTable(name=name)
            if create:
                self._data[name] = table
        return table

    def replace_data(self, data: Tables) -> None:
        """Swap in freshly loaded data (after a rollback) without saving it."""
        with self._lock:
            self._data = data
            self._dirty = False

    def begin(self) -> None:
        with self._lock:
            self._batch_depth += 1

    def end(self, *, commit: bool) -> bool:
        """Leave a batch; the outermost commit saves once. Returns True when it saved."""
        with self._lock:
            self._batch_depth -= 1
            if self._batch_depth or not self._dirty:
                return False
            if not commit:
                return False
            self._save()
            return True

    def committed(self) -> Tables:
        """The last saved state, read back (from the file, or from memory for a memory store)."""
        if self.path is None:
            assert self._committed is not None
            return load_tables(self._committed)
        return load_tables(self.path.read_bytes())

    def serialize(self) -> bytes:
        with self._lock:
            return dump_tables(self._data)

    def _save(self) -> None:
        self._dirty = False
        if self.before_save is not None:
            self.before_save()
        if self.path is None:
            self._committed = self.serialize()
            return
        started = time.perf_counter()
        atomic_write(self.path, self.serialize())
        self.last_save_seconds = time.perf_counter() - started
        self.saves += 1
        if self.on_saved is not None:
            self.on_saved()
