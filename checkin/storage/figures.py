"""The figures file: each account's figures digest, kept beside the workspace between sessions.

The accounts home needs a digest of every account's records (:mod:`checkin.core.figures`).
Working it out decodes every record; reading it back reads one small entry per account from
``<workspace>.figures`` (a JSON file written atomically by the one writer, 0600). It is a
cache of derived data, never a source of truth, and it is kept out of the workspace file on
purpose: a session that only looks leaves the workspace byte for byte as it was (no journal
append, no rewrite of the whole file at close), and a backup holds only real data.

- Each entry carries the *stamp* of the records it was worked out from: a SHA-256 of the
  stored bytes of the account's contacts, issues, action items, feedback and meetings. An
  entry is used only while the stamp of the records as they are now is the same. Any change
  to them, from this session, an earlier one, a crash before the figures file was written,
  another program or a restored backup, changes the stamp, and the digest is worked out
  again.
- A figures file or entry that is missing, unreadable, not JSON, of another format or that
  does not parse is ignored the same way: reading it never raises, and writing it never
  fails a session (a failed write is forgotten; the digests are worked out next time).
- Entries are stored only when no change was counted for the account while its records
  were read.
- The *seal* lets a start skip even the stamps: it holds a hash of each source table as a
  whole (the bytes the workspace file has for it, hashed without splitting it into
  documents) and, for the accounts whose digests were good for exactly those tables, the
  stamp of each. Only a session that changed nothing before writes it. An entry is used
  through the seal only when the tables hash the same now and the entry's stamp is the one
  the seal names; anything else falls back to the stamps.

A workspace without a figures file (an older one, a copy, a lost file) works every digest
out at its first start and writes the file.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from checkin.storage.files import atomic_write

if TYPE_CHECKING:
    from checkin.storage.store import Store

FILE_FORMAT = 1
# The record tables a digest is worked out from (the account's own record is read afresh).
SOURCE_TABLES = ("contacts", "issues", "actions", "feedback", "meetings")


class Seal(NamedTuple):
    """Source tables' hashes, and the stamps of the accounts whose digests match them."""

    tables: dict[str, str]
    accounts: dict[str, str]


def figures_path(db_path: Path) -> Path:
    """Where the figures of the workspace at ``db_path`` are kept."""
    return db_path.with_name(db_path.name + ".figures")


class StoredFigures:
    """Reads and writes the figures file of one store (in memory only for a store without a
    file; never written for a read-only one)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._data: dict[str, Any] | None = None
        self._lock = threading.Lock()

    @property
    def path(self) -> Path | None:
        return None if self._store.path is None else figures_path(self._store.path)

    def _loaded(self) -> dict[str, Any]:
        """The figures file's contents ({} when there is none or it cannot be used)."""
        if self._data is None:
            data: dict[str, Any] = {}
            path = self.path
            if path is not None:
                with contextlib.suppress(OSError, orjson.JSONDecodeError):
                    found = orjson.loads(path.read_bytes())
                    if (
                        isinstance(found, dict)
                        and found.get("format") == FILE_FORMAT
                        and isinstance(found.get("accounts"), dict)
                    ):
                        data = found
            self._data = data
        return self._data

    def stamp(self, account_id: str) -> str:
        """A hash of the stored bytes of the account's source records, in stored order."""
        import hashlib  # not before the first frame: only stale figures need it

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

    def seal(self) -> Seal | None:
        """The stored seal, or None when there is none or it cannot be read."""
        doc = self._loaded().get("seal")
        if not isinstance(doc, dict):
            return None
        tables, accounts = doc.get("tables"), doc.get("accounts")
        if not isinstance(tables, dict) or not isinstance(accounts, dict):
            return None
        return Seal(tables, accounts)

    def stored(self, account_id: str, stamp: str) -> Any | None:
        """The stored digest (plain values) of the account when its stamp is ``stamp``;
        None when there is none or it cannot be read."""
        entry = self._loaded()["accounts"].get(account_id) if self._loaded() else None
        if not isinstance(entry, dict) or entry.get("stamp") != stamp:
            return None
        return entry.get("digest")

    def keep(self, entries: dict[str, tuple[str, Any]], seal: Seal | None = None) -> None:
        """Store digests (account id -> (stamp, plain digest)) and the ``seal``: the figures
        file is written again, atomically. Nothing is written for a read-only workspace,
        and a failed write is forgotten (the digests are worked out again next time)."""
        if (not entries and seal is None) or self._store.read_only:
            return
        with self._lock:
            old = self._loaded()
            accounts = dict(old.get("accounts") or {})
            for account_id, (stamp, plain) in entries.items():
                accounts[account_id] = {"stamp": stamp, "digest": plain}
            data: dict[str, Any] = {"format": FILE_FORMAT, "accounts": accounts}
            if seal is not None:
                data["seal"] = {"tables": seal.tables, "accounts": seal.accounts}
            elif old.get("seal") is not None:
                data["seal"] = old["seal"]
            self._data = data
            path = self.path
            if path is not None:
                with contextlib.suppress(OSError):
                    atomic_write(path, orjson.dumps(data))
