"""Typed repositories: domain records in, domain records out; TinyDB stays inside."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from checkin.core.account import Record
from checkin.core.codec import DecodeError, decode, encode
from checkin.core.errors import NotFound
from checkin.storage.doctable import DocTable, DocumentError
from checkin.storage.errors import corrupt

if TYPE_CHECKING:
    from checkin.core.meeting import Meeting
    from checkin.storage.store import Store

R = TypeVar("R", bound=Record)
T = TypeVar("T")


def _stamped(record: R, **times: datetime | None) -> R:
    """A copy of ``record`` with new timestamps. Its rules were checked when it was made and
    no rule reads a timestamp, so it is not validated again (an import of 10,000 issues
    validated each one twice)."""
    values = getattr(record, "__dict__", None)
    if values is None:  # a record with slots
        stamped = copy.copy(record)
        for name, value in times.items():
            setattr(stamped, name, value)
        return stamped
    # A shallow copy, as copy.copy makes one, without its reduce protocol round trip.
    stamped = object.__new__(type(record))
    stamped.__dict__.update(values, **times)
    return stamped


def _account_of(record: Record) -> str:
    """The account a record belongs to (an account belongs to itself)."""
    return str(getattr(record, "account_id", None) or record.id)


class Repository(Generic[R]):
    """All records of one kind, with an in-memory index by account."""

    def __init__(self, store: Store, table: str, cls: type[R] | None, kind: str) -> None:
        """``cls``: the record class; None where the store gives it on first use
        (``Store.record_class``)."""
        self._store = store
        self.table_name = table
        self._cls = cls
        self.kind = kind
        self._by_account: dict[str, list[str]] | None = None
        self._generation = -1
        # (account, field) -> field value -> ids, for plain id/enum/date fields; dropped on
        # every write to this kind.
        self._by_field: dict[tuple[str, str], dict[Any, list[str]]] = {}
        self._derived: dict[tuple[str, str], Any] = {}
        self._field_generation = -1

    @property
    def cls(self) -> type[R]:
        """The class of this kind's records."""
        if self._cls is None:
            self._cls = cast("type[R]", self._store.record_class(self.table_name))
        return self._cls

    # -- reading -----------------------------------------------------------------------

    @property
    def _table(self) -> Any:
        """The TinyDB table writes go through (TinyDB types its ids as int; ours are str)."""
        return self._store.db.table(self.table_name)

    @contextlib.contextmanager
    def _reading(self, record_id: str | None = None) -> Iterator[None]:
        """A stored line or document that does not parse is reported as a corrupt database."""
        try:
            yield
        except (DocumentError, DecodeError) as error:
            where = f"{self.kind} {record_id}: " if record_id else ""
            raise corrupt(self._store.path, ValueError(f"{where}{error}")) from None

    def decode_raw(self, doc: dict[str, Any]) -> R:
        """A record from a raw document of this table (``raw_for_account``); one that does
        not decode is reported as a corrupt database, as every read here is."""
        with self._reading(str(doc.get("id", "")) or None):
            return decode(self.cls, doc)

    def _docs(self) -> DocTable:
        table = self._store.storage.table(self.table_name)
        if table.loaded:
            return table
        with self._reading():
            return table.load()

    def get(self, record_id: str) -> R:
        """The record with ``record_id``; raises NotFound."""
        if record_id not in self._docs():
            raise NotFound(self.kind, record_id)
        return self._read(record_id)

    def find(self, record_id: str) -> R | None:
        return self._read(record_id) if record_id in self._docs() else None

    def _read(self, record_id: str) -> R:
        """Decode one stored document; a broken one is reported as a corrupt database."""
        with self._reading(record_id):
            return decode(self.cls, self._docs().get(record_id))

    def exists(self, record_id: str) -> bool:
        return record_id in self._docs()

    def all(self) -> list[R]:
        return [self._read(record_id) for record_id in self._docs()]

    def count(self) -> int:
        return len(self._docs())

    def ids_for_account(self, account_id: str) -> list[str]:
        return list(self._index().get(account_id, ()))

    def for_account(self, account_id: str) -> list[R]:
        """Every record of this kind that belongs to ``account_id``, oldest first."""
        ids = self._index().get(account_id, ())
        if type(self)._read is not Repository._read:  # a kind that reads more than its document
            return [self._read(i) for i in ids]
        # One guard for them all (the home screen reads every record of every account); on a
        # broken one, read them again one at a time, so the error names it.
        docs, cls = self._docs(), self.cls
        try:
            return [decode(cls, docs.get(i)) for i in ids]
        except (DocumentError, DecodeError):
            return [self._read(i) for i in ids]

    def ids(self) -> list[str]:
        """Every record id, in the order they were added."""
        return list(self._docs())

    def field(self, record_id: str, name: str) -> Any:
        """One top-level field of a stored record, read without decoding the rest (fast for
        id and date fields; see DocTable.field)."""
        with self._reading(record_id):
            return self._docs().field(record_id, name)

    def ids_by_field(self, account_id: str, name: str) -> dict[Any, list[str]]:
        """The ids of an account's records grouped by the value of the top-level field
        ``name`` (an id, enum or date field: see :meth:`field`), oldest first. Kept until
        this kind of record changes, so minutes and overviews read only what they show."""
        self._fresh_indexes()
        key = (account_id, name)
        found = self._by_field.get(key)
        if found is None:
            found = {}
            docs = self._docs()
            for record_id in self._index().get(account_id, ()):
                with self._reading(record_id):
                    value = docs.field(record_id, name)
                found.setdefault(value, []).append(record_id)
            self._by_field[key] = found
        return found

    def _fresh_indexes(self) -> None:
        """Drop the field indexes a rollback made stale."""
        if self._field_generation != self._store.generation:
            self._by_field = {}
            self._derived = {}
            self._field_generation = self._store.generation

    def derived(self, account_id: str, name: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``name`` until a record of this kind changes: an index
        built from :meth:`ids_by_field` and :meth:`field` (minutes' open issues in order)."""
        self._fresh_indexes()
        key = (account_id, "derived:" + name)
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]  # type: ignore[no-any-return]

    def raw_for_account(self, account_id: str) -> Iterator[dict[str, Any]]:
        """The stored dicts of an account's records (copies), for fast filters and counts:
        decode only the ones you keep (``checkin.core.codec.decode``)."""
        docs = self._docs()
        for record_id in self._index().get(account_id, ()):
            with self._reading(record_id):
                doc = docs.get(record_id)
            yield doc

    def where(self, predicate: Callable[[R], bool]) -> list[R]:
        return [r for r in self.all() if predicate(r)]

    # -- writing -----------------------------------------------------------------------

    def add(self, record: R) -> R:
        """Insert a new record, stamping created_at/updated_at; returns the stamped record."""
        now = self._store.now()
        stamped = _stamped(
            record, created_at=record.created_at or now, updated_at=record.updated_at or now
        )
        from checkin.storage.tinytable import document

        self._table.insert(document(encode(stamped), stamped.id))
        self._index_add(stamped)
        self._changed(_account_of(stamped))
        return stamped

    def add_many(self, records: Iterable[R]) -> list[R]:
        """Insert many records in one table write (TinyDB copies the table on every insert)."""
        now = self._store.now()
        stamped = [
            _stamped(r, created_at=r.created_at or now, updated_at=r.updated_at or now)
            for r in records
        ]
        with self._store.transaction():
            self._table.insert_new([(r.id, encode(r)) for r in stamped])
        self._by_account = None
        self._changed(*{_account_of(r) for r in stamped})
        return stamped

    def save_many(self, records: Iterable[R]) -> list[R]:
        """Replace many stored records in one table write; raises NotFound before any change."""
        now = self._store.now()
        stamped = [_stamped(r, updated_at=now) for r in records]
        for record in stamped:
            if not self.exists(record.id):
                raise NotFound(self.kind, record.id)
        new = {r.id: encode(r) for r in stamped}

        def replace(doc: dict[str, Any]) -> None:
            fresh = new[doc["id"]]
            doc.clear()
            doc.update(fresh)

        with self._store.transaction():
            self._table.update(replace, doc_ids=list(new))
        self._by_account = None
        self._changed(*{_account_of(r) for r in stamped})
        return stamped

    def save(self, record: R) -> R:
        """Replace the stored record with the same id; returns it with updated_at set now."""
        old = self._table.get(doc_id=record.id)
        if old is None:
            raise NotFound(self.kind, record.id)
        stamped = _stamped(record, updated_at=self._store.now())
        new = encode(stamped)

        def replace(doc: dict[str, Any]) -> None:
            doc.clear()
            doc.update(new)

        self._table.update(replace, doc_ids=[record.id])
        if old.get("account_id") != new.get("account_id"):
            self._by_account = None
        self._changed(old.get("account_id") or record.id, _account_of(stamped))
        return stamped

    def delete(self, record_id: str) -> None:
        if not self.exists(record_id):
            raise NotFound(self.kind, record_id)
        account = self.field(record_id, "account_id") or record_id
        self._table.remove(doc_ids=[record_id])
        self._by_account = None
        self._changed(account)

    def _changed(self, *account_ids: str) -> None:
        """Records of these accounts changed: drop the field indexes, count a new version of
        each account (figures worked out from an older version are stale)."""
        self._by_field = {}
        self._derived = {}
        self._store.touch(*account_ids)

    def forget(self) -> None:
        """Drop caches after the data underneath was swapped (a rollback)."""
        self._by_account = None
        self._by_field = {}
        self._derived = {}
        self._table.clear_cache()

    # -- index -------------------------------------------------------------------------

    def _index(self) -> dict[str, list[str]]:
        if self._by_account is None or self._generation != self._store.generation:
            index: dict[str, list[str]] = {}
            docs = self._docs()
            for doc_id in docs:
                account = docs.field(doc_id, "account_id") or doc_id
                index.setdefault(account, []).append(doc_id)
            self._by_account = index
            self._generation = self._store.generation
        return self._by_account

    def _index_add(self, record: R) -> None:
        if self._by_account is not None and self._generation == self._store.generation:
            account = getattr(record, "account_id", record.id)
            self._by_account.setdefault(account, []).append(record.id)


PARKING_TABLE = "parking"


class MeetingRepository(Repository["Meeting"]):
    """Meetings, each with its parking lot in a document of its own (``parking``, same id).

    A running meeting is saved every second while its parking lot (on a busy account,
    hundreds of candidates that did not fit) changes only when an item is brought in. The
    meeting's document holds the agenda without the parked items; the parking document holds
    them with their positions, and every read puts them back, so callers see one Meeting.
    A save whose parked items are the very objects the last save stored, at the same places,
    writes the meeting's document alone (parked items are never changed in place: bringing
    one in clears its ``parked`` flag, which moves it out of the parking lot).
    """

    def __init__(self, store: Store) -> None:
        # The Meeting class is loaded when the first meeting is read or written: opening the
        # app's first screen, the accounts home, reads none (``Store.record_class``).
        super().__init__(store, "meetings", None, "meeting")
        self._stored_parked: dict[str, list[tuple[int, Any]]] = {}

    @staticmethod
    def _parked(record: Any) -> list[tuple[int, Any]]:
        return [(n, item) for n, item in enumerate(record.agenda) if item.parked]

    def _unchanged(self, record_id: str, parked: list[tuple[int, Any]]) -> bool:
        stored = self._stored_parked.get(record_id)
        return (
            stored is not None
            and len(stored) == len(parked)
            and all(a == c and b is d for (a, b), (c, d) in zip(stored, parked, strict=True))
        )

    def _write_parking(self, record: Any, parked: list[tuple[int, Any]]) -> None:
        table: Any = self._store.db.table(PARKING_TABLE)
        exists = record.id in self._store.storage.table(PARKING_TABLE)
        if not parked:
            if exists:
                table.remove(doc_ids=[record.id])
            return
        doc = {
            "account_id": record.account_id,
            "at": [n for n, _item in parked],
            "items": [encode(item) for _n, item in parked],
        }
        if exists:

            def replace(old: dict[str, Any]) -> None:
                old.clear()
                old.update(doc)

            table.update(replace, doc_ids=[record.id])
        else:
            from checkin.storage.tinytable import document

            table.insert(document(doc, record.id))

    def _hot(self, record: Any) -> Any:
        return dataclasses.replace(record, agenda=[i for i in record.agenda if not i.parked])

    def add(self, record: Meeting) -> Meeting:
        parked = self._parked(record)
        with self._store.transaction():
            stamped = super().add(self._hot(record))
            self._write_parking(record, parked)
        self._stored_parked[record.id] = parked
        return dataclasses.replace(
            record, created_at=stamped.created_at, updated_at=stamped.updated_at
        )

    def add_many(self, records: Iterable[Meeting]) -> list[Meeting]:
        with self._store.transaction():
            return [self.add(record) for record in records]

    def save(self, record: Meeting) -> Meeting:
        parked = self._parked(record)
        if self._unchanged(record.id, parked):
            stamped = super().save(self._hot(record))  # the hot document alone
        else:
            with self._store.transaction():
                stamped = super().save(self._hot(record))
                self._write_parking(record, parked)
            self._stored_parked[record.id] = parked
        return dataclasses.replace(record, updated_at=stamped.updated_at)

    def save_many(self, records: Iterable[Meeting]) -> list[Meeting]:
        records = list(records)
        for record in records:
            if not self.exists(record.id):
                raise NotFound(self.kind, record.id)
        with self._store.transaction():
            return [self.save(record) for record in records]

    def delete(self, record_id: str) -> None:
        with self._store.transaction():
            super().delete(record_id)
            if record_id in self._store.storage.table(PARKING_TABLE):
                self._store.db.table(PARKING_TABLE).remove(doc_ids=[record_id])  # type: ignore[list-item]
        self._stored_parked.pop(record_id, None)

    def forget(self) -> None:
        super().forget()
        self._stored_parked.clear()
        if self._store._db is not None:
            self._store.db.table(PARKING_TABLE).clear_cache()

    # -- reading: the parking lot goes back in -------------------------------------------

    def _merged(self, record_id: str, doc: dict[str, Any]) -> dict[str, Any]:
        parking = self._store.storage.table(PARKING_TABLE)
        if record_id not in parking:
            return doc
        lot = parking.get(record_id) or {}
        agenda = list(doc.get("agenda") or [])
        for at, item in zip(lot.get("at") or [], lot.get("items") or [], strict=False):
            agenda.insert(at, item)
        doc["agenda"] = agenda
        return doc

    def _read(self, record_id: str) -> Meeting:
        with self._reading(record_id):
            return decode(self.cls, self._merged(record_id, self._docs().get(record_id)))

    def headers_for_account(self, account_id: str) -> list[Meeting]:
        """The account's meetings without what was said in them (agenda, decisions, status
        changes left empty): what figures and health read, decoded at a fraction of the
        cost (a busy account's meetings are mostly their agendas)."""
        found = []
        for doc in super().raw_for_account(account_id):
            for heavy in ("agenda", "decisions", "status_changes"):
                doc.pop(heavy, None)
            with self._reading(doc.get("id")):
                found.append(decode(self.cls, doc))
        return found

    def raw_for_account(self, account_id: str) -> Iterator[dict[str, Any]]:
        for doc in super().raw_for_account(account_id):
            with self._reading(doc.get("id")):
                yield self._merged(doc["id"], doc)
