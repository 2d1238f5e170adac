"""TinyDB's side of the store: the table class writes go through, and the TinyDB instance.

Reads never need TinyDB (repositories read the DocTables directly), so it is imported only
when a workspace is first changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from checkin.storage.doctable import DocumentError
from checkin.storage.durable import DurableStorage
from checkin.storage.errors import corrupt

Storage.register(DurableStorage)


class StrIdTable(Table):
    """A TinyDB table keyed by the app's own string ids instead of TinyDB's counters.

    Its updates change the storage's DocTable in place: TinyDB's own version copies every
    document of the table twice on each write.
    """

    document_id_class = str  # type: ignore[assignment]

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        storage: DurableStorage = self._storage  # type: ignore[assignment]
        table = storage.table(self.name, create=True)
        try:
            table.load()
        except DocumentError as error:
            raise corrupt(storage.path, error) from None
        updater(table)  # type: ignore[arg-type]
        storage.write(storage.read())
        self.clear_cache()

    def insert_new(self, documents: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Insert documents under the app's ids in one write, refusing an id the table has
        (as ``insert_multiple`` does), without its per-document Mapping check and copy: an
        import of 10,000 issues spent 20 ms on them."""

        def updater(table: dict[str, dict[str, Any]]) -> None:
            for doc_id, doc in documents:
                if doc_id in table:
                    raise ValueError(f"Document with ID {doc_id} already exists")
                table[doc_id] = doc

        self._update_table(updater)  # type: ignore[arg-type]

    def contains(self, cond: Any = None, doc_id: Any = None) -> bool:
        if doc_id is not None:
            return str(doc_id) in self._read_table()
        return bool(super().contains(cond))


def open_tinydb(storage: DurableStorage) -> TinyDB:
    """The one TinyDB instance of a workspace, over its durable storage."""
    db = TinyDB(storage=lambda: storage)
    db.table_class = StrIdTable
    return db


def document(data: dict[str, Any], doc_id: str) -> Document:
    """A document to insert under the app's own id."""
    return Document(data, doc_id=doc_id)  # type: ignore[arg-type]
