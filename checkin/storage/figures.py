"""The figures table: each account's figures digest, kept in the workspace between sessions.

The accounts home needs a digest of every account's records (:mod:`checkin.core.figures`).
Working it out decodes every record; reading it back from this table reads one small document
per account. The table holds derived data only, never a source of truth:

- Each entry carries the *stamp* of the records it was worked out from: a hash of the stored
  bytes of the account's contacts, issues, action items, feedback and meetings. An entry is
  used only while the stamp of the records as they are now is the same. Any change to them,
  from this session, an earlier one, a crash between a record's save and its digest's, or
  another program, changes the stamp, and the digest is worked out again.
- An entry that is missing, does not decode, is of another format or does not parse is
  ignored the same way; reading this table never raises.
- Entries are written in one save, like any other change (journal, then the file), and only
  when no change was counted for the account while its records were read.
- The *seal* (one more document) lets a start skip even the stamps: it holds a hash of each
  source table as a whole (the bytes the file has for it, hashed without splitting it into
  documents) and, for the accounts whose digests were good for exactly those tables, the
  stamp of each. It is written only by a session that changed nothing before it. An entry is
  used through the seal only when the tables hash the same now and the entry's stamp is the
  one the seal names; anything else falls back to the stamps above.

A workspace written before this table existed has none: the first start works every digest
out and writes the table.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checkin.storage.doctable import DocumentError
from checkin.storage.errors import StorageError

if TYPE_CHECKING:
    from checkin.storage.store import Store

FIGURES_TABLE = "figures"
SEAL_ID = "seal:tables"  # no account id has a colon
# The record tables a digest is worked out from (the account's own record is read afresh).
SOURCE_TABLES = ("contacts", "issues", "actions", "feedback", "meetings")


@dataclass(frozen=True)
class Seal:
    """Source tables' hashes, and the stamps of the accounts whose digests match them."""

    tables: dict[str, str]
    accounts: dict[str, str]


class FiguresTable:
    """Reads and writes the figures table of one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def stamp(self, account_id: str) -> str:
        """A hash of the stored bytes of the account's source records, in stored order."""
        store = self._store
        digest = hashlib.sha256()
        for repo in (store.contacts, store.issues, store.actions, store.feedback, store.meetings):
            docs = store.storage.table(repo.table_name)
            ids = repo.ids_for_account(account_id)
            digest.update(b"%s %d\n" % (repo.table_name.encode(), len(ids)))
            for record_id in ids:
                raw = docs.raw(record_id)
                digest.update(b"%d\n" % len(raw))
                digest.update(raw)
        return digest.hexdigest()

    def table_hashes(self) -> dict[str, str] | None:
        """The hash of each source table as it is now (None while one has a document
        decoded for a change)."""
        hashes = {}
        for name in SOURCE_TABLES:
            found = self._store.storage.table(name).content_hash()
            if found is None:
                return None
            hashes[name] = found
        return hashes

    def _doc(self, key: str) -> Any | None:
        try:
            return self._store.storage.table(FIGURES_TABLE).get(key)
        except DocumentError:
            return None

    def seal(self) -> Seal | None:
        """The stored seal, or None when there is none or it cannot be read."""
        doc = self._doc(SEAL_ID)
        if not isinstance(doc, dict):
            return None
        tables, accounts = doc.get("tables"), doc.get("accounts")
        if not isinstance(tables, dict) or not isinstance(accounts, dict):
            return None
        return Seal(tables, accounts)

    def stored(self, account_id: str, stamp: str) -> Any | None:
        """The stored digest (plain values) of the account when its stamp is ``stamp``;
        None when there is none or it cannot be read."""
        doc = self._doc(account_id)
        if not isinstance(doc, dict) or doc.get("stamp") != stamp:
            return None
        return doc.get("digest")

    def keep(self, entries: dict[str, tuple[str, Any]], seal: Seal | None = None) -> None:
        """Store digests (account id -> (stamp, plain digest)) and the ``seal``, in one
        save. Nothing is written for a read-only workspace; a failing save is left to the
        next record's save to report (the digests are worked out again next time)."""
        if seal is not None:
            plain = {"tables": seal.tables, "accounts": seal.accounts}
            entries = {**entries, SEAL_ID: ("", plain)}
        if not entries or self._store.read_only:
            return
        from checkin.storage.tinytable import document

        table: Any = self._store.db.table(FIGURES_TABLE)
        present = self._store.storage.table(FIGURES_TABLE)
        stale = [account_id for account_id in entries if account_id in present]
        docs = [
            document(plain if key == SEAL_ID else {"stamp": stamp, "digest": plain}, key)
            for key, (stamp, plain) in entries.items()
        ]
        with contextlib.suppress(StorageError), self._store.transaction():
            if stale:
                table.remove(doc_ids=stale)
            table.insert_multiple(docs)
