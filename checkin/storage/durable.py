"""A TinyDB Storage that keeps the workspace in memory and saves each change to a journal.

The design (issue 14). Two designs keep TinyDB; both were measured on the benchmark's S
and L workspaces (same run, a busy 2-core machine): (a) a journal beside the TinyDB file
saved one record in 7.9 ms on S and 8.9 ms on L (flat: it writes only the change), (b) one
TinyDB file per account rewrote the busiest account's file in 16.8 ms on S (0.4 MB) and
21.1 ms on L (1.8 MB), growing with the account, against 33 and 159 ms to rewrite the whole
workspace. (a) is chosen: its cost does not grow with the account or the workspace, it keeps
one file that TinyDB and backups read whole, and it is the replayable log with revisions a
server backend needs (DESIGN section 9). How it works:

* **The file** (``workspace.json``) is a whole TinyDB JSON document, only ever replaced
  atomically (temp file, fsync, ``os.replace``, fsync of the folder). Its meta record says up
  to which journal revision it holds (``journal_rev``).
* **The journal** (``workspace.json.journal``, 0600, beside it) is append-only: one line per
  commit, ``{"rev": N, "ops": [[table, id, document-or-null], ...]}``, written with one
  ``write`` and ``fdatasync``. A commit is acknowledged (the call returns, or the app's
  writer reports it saved) only after its line is durable. Its cost is the size of what
  changed, not the size of the workspace: about 0.2 ms for one record on L and on S, where
  rewriting the 21 MB file cost 32-38 ms.
* **Opening** reads the file, replays the journal lines whose revision is newer than the
  file's ``journal_rev`` (a torn last line, from a kill during its write, was never
  acknowledged and is dropped) and, when there were any, folds them in at once.
* **Folding** writes the whole state into the file (atomically, with its ``journal_rev``)
  and then empties the journal. The app's writer thread folds in the background when the
  journal passes :data:`FOLD_BYTES`; :meth:`DurableStorage.close` folds what is left, so a
  workspace closed cleanly is one complete file again.

Crash semantics (SIGKILL or power loss at any instant): the file is always the previous or
the next whole state, never torn; every acknowledged commit is either in the file (its
revision <= ``journal_rev``) or a complete line of the journal, and is there after reopening.
A kill mid-append leaves a torn last line that the next open drops (that commit had not been
acknowledged); a kill mid-fold leaves the old file (the journal still has everything) or the
new file with a journal whose lines it already holds (skipped by revision). A failed append
(disk full, I/O error) truncates its partial line and keeps the change in memory and queued:
the writer retries and reports the failure through ``on_error`` meanwhile.

Revisions are numbered per commit; the journal is the replayable log DESIGN section 9 asks
for (a server backend can be fed the same lines).

Where the write runs: by default in the caller (the command line waits for durability); once
:meth:`DurableStorage.start_writer` is called (the app does) a commit only encodes what
changed and queues its line, and one writer thread appends and syncs, coalescing lines that
queued up meanwhile, so no save runs on the event loop.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from checkin.storage.doctable import (
    DocTable,
    DocumentError,
    Tables,
    dump_tables,
    release_file,
)
from checkin.storage.errors import CorruptDatabase, ReadOnlyDatabase, SaveFailed
from checkin.storage.files import FILE_MODE, atomic_write, fsync_dir

FOLD_BYTES = 8 * 1024 * 1024  # the journal is folded into the file past this size
RETRY_SECONDS = 2.0  # a failed append is retried this often
JOURNAL_REV = "journal_rev"  # the meta field: the last journal revision the file holds


def journal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".journal")


class DurableStorage:
    """A TinyDB Storage (registered as one when TinyDB is first used) that keeps the data.

    TinyDB's stock JSONStorage rewrites the file in place and re-reads it on every query.
    This one reads once, serves every read from memory (documents kept as bytes, see
    :class:`DocTable`) and journals each commit (see the module docstring). Inside
    :meth:`begin`/:meth:`end` writes are collected and committed once.
    """

    def __init__(
        self, path: Path | None, data: Tables, *, read_only: bool = False, revision: int = 0
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._data = data
        self._batch_depth = 0
        self._lock = threading.RLock()  # the tables and the queue
        self._io = threading.Lock()  # the journal and the file
        self._wake = threading.Condition(self._lock)
        self.revision = revision  # the last revision committed
        self.durable_revision = revision  # the last revision on disk
        self._pending: list[tuple[int, bytes]] = []
        self._journal_fd: int | None = None
        self._journal_bytes = 0
        self._writer: threading.Thread | None = None
        self._stopping = False
        self.last_save_seconds = 0.0
        self.saves = 0
        self.folds = 0
        self.error: OSError | None = None  # the last failed write, until one succeeds
        self.on_saved: Callable[[], None] | None = None
        self.on_error: Callable[[OSError], None] | None = None
        self.before_save: Callable[[], None] | None = None

    # -- the TinyDB Storage protocol -----------------------------------------------------

    def read(self) -> Tables:
        return self._data

    def write(self, data: Tables) -> None:
        if self.read_only:
            raise ReadOnlyDatabase(self.path or Path("<memory>"))
        with self._lock:
            self._data = data
            if self._batch_depth:
                return
        self._commit()

    def table(self, name: str, *, create: bool = False) -> DocTable:
        """The table ``name``; a missing one is empty, and only added when ``create`` is set
        (reading must not change what the next save writes)."""
        table = self._data.get(name)
        if table is None:
            table = DocTable(name=name)
            if create:
                self._data[name] = table
        return table

    # -- batches -------------------------------------------------------------------------

    def begin(self) -> None:
        with self._lock:
            self._batch_depth += 1

    def end(self, *, commit: bool) -> bool:
        """Leave a batch; the outermost commit saves once. Returns True when it saved."""
        with self._lock:
            self._batch_depth -= 1
            if self._batch_depth or not commit:
                return False
        return self._commit()

    def rollback(self) -> None:
        """Drop every change since the last commit."""
        with self._lock:
            for table in self._data.values():
                table.undo()

    # -- committing ----------------------------------------------------------------------

    def _commit(self) -> bool:
        """Journal what changed since the last commit; False when nothing had."""
        with self._lock:
            ops = [
                b"[%b,%b,%b]" % (table_name, orjson.dumps(key), raw or b"null")
                for name, table in self._data.items()
                if table.changed
                for table_name in (orjson.dumps(name),)
                for key, raw in table.take_changes()
            ]
            if not ops:
                return False
            if self.before_save is not None:
                self.before_save()
            self.revision += 1
            self.saves += 1
            if self.path is None:
                self.durable_revision = self.revision
            else:
                line = b'{"rev":%d,"ops":[' % self.revision + b",".join(ops) + b"]}\n"
                self._pending.append((self.revision, line))
                if self._writer is not None:
                    self._wake.notify_all()
                    return True
        if self.path is None:
            if self.on_saved is not None:
                self.on_saved()
            return True
        try:
            self._drain()
        except OSError as error:
            self.error = error
            raise SaveFailed(f"could not save to {self.path}: {error}") from error
        return True

    def _drain(self) -> None:
        """Append every queued line to the journal and sync it (raises OSError, keeping the
        lines queued). Called by the writer thread, or by the committing caller."""
        assert self.path is not None
        with self._io:
            with self._lock:
                batch, self._pending = self._pending, []
            if not batch:
                return
            started = time.perf_counter()
            data = b"".join(line for _rev, line in batch)
            try:
                self._append(data)
            except OSError:
                with self._lock:
                    self._pending[:0] = batch
                raise
            self.last_save_seconds = time.perf_counter() - started
            with self._lock:
                self.durable_revision = max(self.durable_revision, batch[-1][0])
                self.error = None
                self._wake.notify_all()
        if self.on_saved is not None:
            self.on_saved()

    def _append(self, data: bytes) -> None:
        assert self.path is not None
        if self._journal_fd is None:
            journal = journal_path(self.path)
            created = not journal.exists()
            fd = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
            self._journal_bytes = os.fstat(fd).st_size
            self._journal_fd = fd
            if created:
                fsync_dir(journal.parent)
        fd = self._journal_fd
        size = self._journal_bytes
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fdatasync(fd)
        except OSError:
            with contextlib.suppress(OSError):  # no torn line before the retry's copy
                os.ftruncate(fd, size)
            raise
        self._journal_bytes = size + len(data)

    # -- folding -------------------------------------------------------------------------

    def fold(self) -> bool:
        """Write the whole committed state into the file and empty the journal. False when
        there is nothing to fold or changes are under way (it is tried again later)."""
        if self.path is None or self.read_only:
            return False
        from checkin.storage import schema

        with self._lock:
            if self._batch_depth or any(t.changed for t in self._data.values()):
                return False
            revision = self.revision
            snapshot = {name: table.snapshot() for name, table in self._data.items()}
        meta = dict(snapshot[schema.META_TABLE].get(schema.META_ID) or {})
        meta[JOURNAL_REV] = revision
        snapshot[schema.META_TABLE] = DocTable(
            {schema.META_ID: orjson.dumps(meta)}, schema.META_TABLE
        )
        data = dump_tables(snapshot)
        with self._io:
            atomic_write(self.path, data)
            if self._journal_fd is not None:
                os.ftruncate(self._journal_fd, 0)
                os.fsync(self._journal_fd)
            else:
                journal = journal_path(self.path)
                if journal.exists():
                    with open(journal, "r+b") as handle:
                        handle.truncate(0)
                        os.fsync(handle.fileno())
            self._journal_bytes = 0
            self.folds += 1
        return True

    @property
    def journal_bytes(self) -> int:
        return self._journal_bytes

    # -- the writer thread ---------------------------------------------------------------

    def start_writer(self) -> None:
        """From now on commits return once queued; a thread makes them durable."""
        if self.path is None or self.read_only or self._writer is not None:
            return
        self._stopping = False
        self._writer = threading.Thread(target=self._run, name="checkin-writer", daemon=True)
        self._writer.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._pending and not self._stopping:
                    self._wake.wait()
                if self._stopping and not self._pending:
                    return
            try:
                self._drain()
            except OSError as error:
                self.error = error
                if self.on_error is not None:
                    self.on_error(error)
                with self._lock:
                    if not self._stopping:
                        self._wake.wait(RETRY_SECONDS)
                    if self._stopping:
                        return  # close() makes the last attempt and reports it
                continue
            if self._journal_bytes > FOLD_BYTES:
                try:
                    self.fold()
                except OSError as error:  # the journal still holds everything
                    self.error = error
                    if self.on_error is not None:
                        self.on_error(error)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every commit is on disk; False on a timeout or a failing disk."""
        if self.path is None:
            return True
        if self._writer is None:
            try:
                self._drain()
            except OSError as error:
                self.error = error
                return False
            return True
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while self._pending and self.error is None:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._wake.wait(left)
            return not self._pending

    @property
    def unsaved(self) -> int:
        """How many commits are not on disk yet."""
        with self._lock:
            return len(self._pending)

    def stop_writer(self) -> None:
        """Let the writer write what is queued and end; later commits write in the caller."""
        writer = self._writer
        if writer is None:
            return
        with self._lock:
            self._stopping = True
            self._wake.notify_all()
        writer.join()
        self._writer = None

    def close(self) -> None:
        """Write what is queued, fold the journal into the file and close it. Raises
        StorageError when the disk refuses (the caller says so; the journal keeps what it
        has)."""
        if self.path is None or self.read_only:
            return
        self.stop_writer()
        try:
            self._drain()
            if self._journal_bytes or journal_path(self.path).exists():
                self.fold()
        except OSError as error:
            self.error = error
            raise SaveFailed(f"could not save to {self.path}: {error}") from error
        finally:
            if self._journal_fd is not None:
                with contextlib.suppress(OSError):
                    os.close(self._journal_fd)
                self._journal_fd = None
        with contextlib.suppress(OSError):
            journal = journal_path(self.path)
            if journal.exists() and journal.stat().st_size == 0:
                journal.unlink()

    def release_file(self) -> None:
        """Close the file the tables not read yet were left in (see doctable.FileBlocks)."""
        release_file(self._data)

    def whole_state(self) -> bytes:
        """The whole state, as :meth:`fold` would write it (with its journal revision): what
        a recovery file holds when the workspace's own file cannot be written."""
        from checkin.storage import schema

        with self._lock:
            for table in self._data.values():
                if table.changed:
                    table.freeze()
            revision = self.revision
            snapshot = {name: table.snapshot() for name, table in self._data.items()}
        meta = dict(snapshot[schema.META_TABLE].get(schema.META_ID) or {})
        meta[JOURNAL_REV] = revision
        snapshot[schema.META_TABLE] = DocTable(
            {schema.META_ID: orjson.dumps(meta)}, schema.META_TABLE
        )
        return dump_tables(snapshot)

    def serialize(self) -> bytes:
        with self._lock:
            for table in self._data.values():
                if table.changed:
                    table.freeze()
            return dump_tables({n: t.snapshot() for n, t in self._data.items()})


def replay(path: Path, tables: Tables) -> tuple[int, int]:
    """Apply the journal beside ``path`` to ``tables`` (loaded from the file).

    Returns (the last revision, how many lines were applied). A torn last line is dropped
    (a writable store then folds, which empties the journal); a broken line before the last
    one raises CorruptDatabase.
    """
    from checkin.storage import backup, schema

    meta = tables[schema.META_TABLE].get(schema.META_ID) or {}
    folded = int(meta.get(JOURNAL_REV, 0) or 0)
    journal = journal_path(path)
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        return folded, 0
    revision, applied = folded, 0
    lines = raw.split(b"\n")
    complete = lines[:-1]  # what follows the last newline is a torn write (or nothing)
    for number, line in enumerate(complete, start=1):
        try:
            entry = orjson.loads(line)
            rev = int(entry["rev"])
            ops = entry["ops"]
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            if number == len(complete) and not lines[-1]:
                break  # a last line cut short is never acknowledged
            raise CorruptDatabase(
                journal, f"line {number} of the journal is damaged", backup.newest_backup(path)
            ) from None
        if rev <= revision:
            continue
        for name, key, doc in ops:
            table = tables.get(name)
            if table is None:
                table = tables[name] = DocTable(name=name)
            try:
                table.load()
            except DocumentError as error:
                raise CorruptDatabase(path, str(error), backup.newest_backup(path)) from None
            table.apply(str(key), None if doc is None else orjson.dumps(doc))
        revision = rev
        applied += 1
    return revision, applied
