"""The store: opens the one TinyDB workspace file safely and hands out typed repositories."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checkin.core.account import Account
from checkin.storage import backup, schema
from checkin.storage.doctable import (
    DocTable,
    DocumentError,
    Tables,
    dump_tables,
    from_plain,
    load_tables,
    read_tables,
    to_plain,
)
from checkin.storage.durable import DurableStorage, journal_path, replay
from checkin.storage.errors import CorruptDatabase, NewerSchema, SaveFailed, UnusableWorkspace
from checkin.storage.files import (
    FILE_MODE,
    atomic_write,
    ensure_private_dir,
    remove_orphaned_temps,
)
from checkin.storage.lock import WriterLock
from checkin.storage.platform import open_for_reading, read_at, read_only_file, set_mode
from checkin.storage.queries import (
    ActionRepository,
    FeedbackRepository,
    IssueRepository,
    MeetingQueries,
)
from checkin.storage.repository import Repository

if TYPE_CHECKING:
    from tinydb import TinyDB

    from checkin.core.records import Contact, Record, RoadmapItem

Clock = Callable[[], datetime]
RECOVERY_SUFFIX = ".recovery.json"  # the whole state, when the last save at close failed


def _empty_workspace(now: datetime) -> Tables:
    meta = {"schema_version": schema.SCHEMA_VERSION, "created_at": now.isoformat()}
    return {schema.META_TABLE: DocTable({schema.META_ID: meta}, schema.META_TABLE)}


def load_file(path: Path) -> tuple[int, Tables]:
    """Open and check a workspace file: its tables, and the file still open for reading
    (the backup copies the state that was loaded through it, without holding the file's
    bytes in memory; the caller closes it). Raises CorruptDatabase naming the newest backup.
    """
    fd = open_for_reading(path)
    try:
        size = os.fstat(fd).st_size
        try:
            tables = read_tables(fd, size)
            if tables is None:  # not in the layout checkin writes: parse the whole file
                raw = read_at(fd, size, 0) if size else b""
                if not raw or raw.isspace():
                    raise ValueError("the file is empty")
                tables = load_tables(raw)
                del raw
            if schema.META_TABLE not in tables:
                raise ValueError("it has no meta table with a schema_version")
            if schema.schema_version(tables) < 1:
                raise ValueError("its meta table has no schema_version")
        except (ValueError, DocumentError) as error:
            raise CorruptDatabase(path, str(error), backup.newest_backup(path)) from None
    except BaseException:
        os.close(fd)
        raise
    return fd, tables


class Store:
    """Owns the single TinyDB instance of a workspace and its repositories.

    ``Store.open(path, clock)`` for a file (locked for a single writer unless ``read_only``),
    ``Store.memory(clock)`` for tests and previews.
    """

    def __init__(self, storage: DurableStorage, clock: Clock, lock: WriterLock | None = None):
        self.storage = storage
        self.path = storage.path
        self.now = clock
        self.generation = 0
        self._versions: dict[str, int] = {}  # account id -> changes to its records
        self._lock = lock
        self._backup: threading.Thread | None = None
        self._unbacked: int | None = None  # the file as opened, until its backup starts
        self._depth = 0
        self._db: TinyDB | None = None
        self.accounts = Repository(self, "accounts", Account, "account")
        # The other kinds' classes are loaded when their first record is read or written
        # (``record_class``): the app's first screen, the accounts home, reads accounts only.
        self.contacts: Repository[Contact] = Repository(self, "contacts", None, "contact")
        self.issues = IssueRepository(self, "issues", None, "issue")
        self.roadmap: Repository[RoadmapItem] = Repository(self, "roadmap", None, "roadmap item")
        self.feedback = FeedbackRepository(self, "feedback", None, "feedback")
        self.actions = ActionRepository(self, "actions", None, "action item")
        self.meetings = MeetingQueries(self)

    @staticmethod
    def record_class(table: str) -> type[Record]:
        """The class of the records of ``table``, a record table other than accounts
        (``checkin.core.records`` and ``checkin.core.meeting`` are loaded on the first call;
        each repository asks once)."""
        from checkin.core import meeting, records

        classes: dict[str, type[Record]] = {
            "contacts": records.Contact,
            "issues": records.Issue,
            "roadmap": records.RoadmapItem,
            "feedback": records.Feedback,
            "actions": records.ActionItem,
            "meetings": meeting.Meeting,
        }
        return classes[table]

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def memory(cls, clock: Clock) -> Store:
        return cls(DurableStorage(None, _empty_workspace(clock())), clock)

    @classmethod
    def open(
        cls, path: Path, clock: Clock, *, read_only: bool = False, defer_backup: bool = False
    ) -> Store:
        """Open (or create) the workspace at ``path``.

        The file's state is copied to ``backups/`` in a background thread; with
        ``defer_backup`` only when :meth:`start_backup` is called (the app does once its first
        screen is up) or at the latest on :meth:`close` or the first save.

        Raises CorruptDatabase (file left untouched), NewerSchema or DatabaseLocked.
        """
        path = usable_path(Path(path).expanduser().absolute(), writing=not read_only)
        if read_only:
            if not path.exists():
                raise FileNotFoundError(f"{path} does not exist")
            reader, tables = load_file(path)
            os.close(reader)
            _check_version(path, tables)
            revision, _applied = replay(path, tables)
            return cls(DurableStorage(path, tables, read_only=True, revision=revision), clock)
        with unwritable_as_error(path):
            ensure_private_dir(path.parent)
            lock = WriterLock(path)
            lock.acquire(clock())
        try:
            remove_orphaned_temps(path)
            backup.remove_orphaned_temps(path)
            fd: int | None = None
            with unwritable_as_error(path):
                tables, fd, revision = cls._load_or_create(path, clock)
                storage = DurableStorage(path, tables, revision=revision)
                journal = journal_path(path)
                if journal.exists() and journal.stat().st_size:
                    # What a killed process journalled goes into the file now, so the backup
                    # below and every other reader see one complete file.
                    # (The file read is closed first: Windows replaces no open file.)
                    folded = fd is not None
                    if fd is not None:
                        os.close(fd)
                        fd = None
                    storage.fold()
                    if folded:
                        fd = open_for_reading(path)  # the file as folded
        except BaseException:
            if fd is not None:
                os.close(fd)
            lock.release()
            raise
        store = cls(storage, clock, lock)
        if fd is not None:
            store._unbacked = fd
            store.storage.before_save = store.start_backup  # at the latest before a change
            if not defer_backup:
                store.start_backup()
        return store

    @staticmethod
    def _load_or_create(path: Path, clock: Clock) -> tuple[Tables, int | None, int]:
        """The workspace's tables with the journal replayed, the file as it was loaded, open
        for reading (None for a new file) and the last journal revision."""
        if not path.exists():
            tables = _empty_workspace(clock())
            atomic_write(path, dump_tables(tables))
            with contextlib.suppress(FileNotFoundError):
                journal_path(path).unlink()  # a stray journal never belongs to a new file
            return tables, None, 0
        fd, tables = load_file(path)
        try:
            found = _check_version(path, tables)
            set_mode(path, FILE_MODE)  # only a file that loads: a broken one is left as it is
            revision, _applied = replay(path, tables)
            if found < schema.SCHEMA_VERSION:
                backup.make_backup(path, fd, clock())  # before the migration rewrites it
        except BaseException:
            os.close(fd)
            raise
        if found < schema.SCHEMA_VERSION:
            os.close(fd)
            tables = from_plain(schema.migrate(to_plain(tables), found))
            atomic_write(path, dump_tables(tables))
            return tables, None, revision
        return tables, fd, revision

    def start_backup(self) -> None:
        """Copy the state the file had at open to ``backups/`` in a background thread."""
        if self._unbacked is not None and self.path is not None:
            fd, self._unbacked = self._unbacked, None
            self._backup = backup.backup_in_background(self.path, fd, self.now())

    def wait_for_backup(self) -> None:
        """Start the backup taken at open if it has not started, and wait until it is written."""
        self.start_backup()
        if self._backup is not None:
            self._backup.join()
            self._backup = None

    @property
    def db(self) -> TinyDB:
        """The TinyDB instance every write goes through, made on the first write (reads go
        to the storage's tables directly, so opening a workspace never imports TinyDB)."""
        if self._db is None:
            from checkin.storage.tinytable import open_tinydb

            self._db = open_tinydb(self.storage)
        return self._db

    def close(self) -> None:
        """Write what is queued, fold the journal into the file and release the writer lock
        once the backup taken at open is written. Safe to call twice. Raises StorageError
        when the last save fails (the lock is released all the same)."""
        # The backup first: it reads the file as opened, which the fold below replaces
        # (Windows replaces no file that is open).
        self.wait_for_backup()
        try:
            try:
                self.storage.close()
            except SaveFailed as error:
                raise self._recover(error) from None
        finally:
            self.wait_for_backup()
            if self._db is not None:
                with contextlib.suppress(SaveFailed):  # TinyDB closes the storage again:
                    self._db.close()  # the failure is already being reported
            self.storage.release_file()
            if self._lock is not None:
                self._lock.release()

    def _recover(self, error: SaveFailed) -> SaveFailed:
        """The last save failed at close: keep the whole state in a recovery file beside the
        workspace (else in the home folder) and say how to put it back."""
        assert self.path is not None
        data = self.storage.whole_state()
        for folder in (self.path.parent, Path.home()):
            recovery = folder / (self.path.name + RECOVERY_SUFFIX)
            try:
                atomic_write(recovery, data)
            except OSError:
                continue
            return SaveFailed(
                f"{error} Everything is kept in {recovery}: once the disk takes writes "
                f"again, put it back with  mv '{recovery}' '{self.path}'"
            )
        return SaveFailed(f"{error} No recovery file could be written either.")

    # -- saving off the event loop ------------------------------------------------------------

    def start_writer(
        self,
        on_error: Callable[[OSError], None] | None = None,
        on_saved: Callable[[], None] | None = None,
    ) -> None:
        """Saves return once queued; a writer thread makes them durable (the app's mode).
        ``on_error`` and ``on_saved`` are called from that thread."""
        if on_error is not None:
            self.storage.on_error = on_error
        if on_saved is not None:
            self.storage.on_saved = on_saved
        self.storage.start_writer()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every save is on disk; False on a timeout or while the disk fails."""
        return self.storage.flush(timeout)

    # -- writing -------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.storage.read_only

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one durable save; on an error nothing of them is kept.

        Transactions do not nest in a meaningful way: an inner one joins the outer one.
        """
        self.storage.begin()
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            self.storage.end(commit=False)
            if self._depth == 0:
                self._rollback()
            raise
        self._depth -= 1
        self.storage.end(commit=True)

    def _rollback(self) -> None:
        self.storage.rollback()
        for repo in self.repositories():
            repo.forget()
        if self._db is not None:
            self._db.table(schema.META_TABLE).clear_cache()
        self.generation += 1

    def repositories(self) -> tuple[Repository[Any], ...]:
        return (
            self.accounts,
            self.contacts,
            self.issues,
            self.roadmap,
            self.feedback,
            self.actions,
            self.meetings,
        )

    # -- versions of accounts ------------------------------------------------------------------

    def touch(self, *account_ids: str) -> None:
        """Count a change to the records of these accounts (see :meth:`version`)."""
        for account_id in account_ids:
            self._versions[account_id] = self._versions.get(account_id, 0) + 1

    @property
    def changes(self) -> int:
        """Changes counted so far in this session (record writes and rollbacks)."""
        return self.generation + sum(self._versions.values())

    def version(self, account_id: str) -> tuple[int, int]:
        """Changes so far to the account's records in this session (and rollbacks): what was
        worked out from them is up to date while this is the same."""
        return self.generation, self._versions.get(account_id, 0)

    # -- metadata --------------------------------------------------------------------------

    def meta(self) -> dict[str, Any]:
        return dict(self.storage.table(schema.META_TABLE).get(schema.META_ID) or {})

    def set_meta(self, **values: Any) -> None:
        meta: Any = self.db.table(schema.META_TABLE)
        meta.update(values, doc_ids=[schema.META_ID])

    def size_bytes(self) -> int:
        return len(self.storage.serialize())


def usable_path(path: Path, *, writing: bool) -> Path:
    """The real file behind ``path``, or a StorageError saying in one sentence why it cannot
    be a workspace (a folder there, a file where a folder should be, a read-only file).

    A symbolic link (a workspace kept in a synced folder) is followed: every write goes to its
    target and the writer lock is taken on the target, so ``--db link`` and ``--db target``
    are one workspace. A read-only file is refused for writing, never made writable.
    """
    try:
        real = path.resolve()
    except (OSError, RuntimeError) as error:  # a loop of links
        raise UnusableWorkspace(path, f"its symbolic links cannot be followed ({error})") from None
    if real.is_dir():
        raise UnusableWorkspace(path, "it is a folder, not a file")
    probe = real.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise UnusableWorkspace(path, f"{probe} is a file, not a folder")
    if writing and real.exists() and read_only_file(real):
        raise UnusableWorkspace(
            path,
            "the file is read-only, and checkin never changes a file's permissions. To work "
            f"on it, make it writable (chmod 600 '{real}'); to read it, use the "
            "command-line reports (checkin accounts, checkin minutes)",
        )
    return real


@contextlib.contextmanager
def unwritable_as_error(path: Path) -> Iterator[None]:
    """An OSError while creating or opening the workspace becomes a one-sentence StorageError."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        where = error.filename or path
        raise UnusableWorkspace(path, f"{where}: {reason}") from None


def _check_version(path: Path, tables: Tables) -> int:
    found = schema.schema_version(tables)
    if found > schema.SCHEMA_VERSION:
        raise NewerSchema(path, found, schema.SCHEMA_VERSION)
    return found
