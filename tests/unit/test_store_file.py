"""The workspace file: private, durable, locked, backed up and never overwritten when broken."""

from __future__ import annotations

import os
import stat
import threading
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest

from checkin.core import Account
from checkin.storage import (
    CorruptDatabase,
    DatabaseLocked,
    NewerSchema,
    ReadOnlyDatabase,
    Store,
    schema,
)
from checkin.storage.backup import KEEP, list_backups, newest_backup
from tests.conftest import NOW


def clock() -> datetime:
    return NOW


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def seeded(path: Path, names: tuple[str, ...] = ("acme",)) -> None:
    store = Store.open(path, clock)
    for n, slug in enumerate(names):
        store.accounts.add(Account(id=f"a-{n}", name=slug.title(), slug=slug))
    store.close()


def test_new_workspace_is_private(tmp_path: Path) -> None:
    db = tmp_path / "x" / "y" / "db.json"
    seeded(db)
    assert mode(tmp_path / "x") == 0o700 and mode(tmp_path / "x" / "y") == 0o700
    assert mode(db) == 0o600
    assert mode(db.with_name("db.json.lock")) == 0o600
    backups = list_backups(db)
    assert all(mode(b) == 0o600 for b in backups)


def test_existing_world_readable_file_is_made_private(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    seeded(db)
    db.chmod(0o644)
    Store.open(db, clock).close()
    assert mode(db) == 0o600


def test_reopen_reads_what_was_saved(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    seeded(db, ("acme", "globex"))
    store = Store.open(db, clock)
    assert sorted(a.slug for a in store.accounts.all()) == ["acme", "globex"]
    assert store.meta()["schema_version"] == schema.SCHEMA_VERSION
    store.close()


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"", "the file is empty"),
        (b'{"meta": {"schema": {"schema_version": 1}}, "accounts": {"a-1": {"na', "invalid JSON"),
        (b"\x00\xff\xfe garbage \x1b[2J", "invalid JSON"),
        (b"[1, 2, 3]", "top level is a JSON list"),
        (b'{"accounts": {}}', "no meta table"),
        (b'{"meta": {}, "accounts": []}', "not an object of documents"),
    ],
)
def test_broken_file_is_reported_and_left_byte_identical(
    tmp_path: Path, content: bytes, detail: str
) -> None:
    db = tmp_path / "db.json"
    seeded(db)  # makes a backup on the next open
    Store.open(db, clock).close()
    db.write_bytes(content)
    with pytest.raises(CorruptDatabase) as caught:
        Store.open(db, clock)
    assert db.read_bytes() == content
    message = str(caught.value)
    assert str(db) in message and detail in message and "left untouched" in message
    assert str(newest_backup(db)) in message
    with pytest.raises(CorruptDatabase):
        Store.open(db, clock, read_only=True)
    assert db.read_bytes() == content


def test_corrupt_file_without_backup_says_so(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    db.write_bytes(b"{nope")
    with pytest.raises(CorruptDatabase, match="There is no backup"):
        Store.open(db, clock)
    assert db.read_bytes() == b"{nope"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    content = orjson.dumps({"meta": {"schema": {"schema_version": 99}}})
    db.write_bytes(content)
    with pytest.raises(NewerSchema, match="schema 99"):
        Store.open(db, clock)
    assert db.read_bytes() == content


def test_migration_hook_runs_and_keeps_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.json"
    seeded(db)

    def rename_tier(tables: schema.Tables) -> schema.Tables:
        for doc in tables.get("accounts", {}).values():
            doc["our_owner"] = "migrated"
        return tables

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, rename_tier)
    store = Store.open(db, clock)
    assert store.accounts.get("a-0").our_owner == "migrated"
    assert store.meta()["schema_version"] == 2
    store.close()
    assert orjson.loads(db.read_bytes())["meta"]["schema"]["schema_version"] == 2
    old = orjson.loads(newest_backup(db).read_bytes())  # type: ignore[union-attr]
    assert old["meta"]["schema"]["schema_version"] == 1


def test_second_writer_is_refused_and_readers_still_work(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    first = Store.open(db, clock)
    first.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    with pytest.raises(DatabaseLocked) as caught:
        Store.open(db, clock)
    assert f"process {os.getpid()}" in str(caught.value)
    reader = Store.open(db, clock, read_only=True)
    assert [a.slug for a in reader.accounts.all()] == ["acme"]
    with pytest.raises(ReadOnlyDatabase):
        reader.accounts.add(Account(id="a-2", name="Globex", slug="globex"))
    first.close()
    first.close()  # idempotent
    second = Store.open(db, clock)
    assert [a.slug for a in second.accounts.all()] == ["acme"]
    second.close()


def test_backups_rotate_and_skip_unchanged_states(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    moments = iter(NOW + timedelta(minutes=n) for n in range(100))
    for n in range(KEEP + 5):
        store = Store.open(db, lambda: next(moments))
        store.accounts.add(Account(id=f"a-{n}", name=f"A{n}", slug=f"a{n}"))
        store.close()
    Store.open(db, clock).close()  # same state as the newest backup: no new copy
    backups = list_backups(db)
    assert len(backups) == KEEP
    assert backups[-1].read_bytes() == db.read_bytes()


def test_orphaned_temp_files_are_cleaned_at_start(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    seeded(db)
    orphan = tmp_path / ".db.json.abc123.tmp"
    orphan.write_bytes(b"half a write")
    Store.open(db, clock).close()
    assert not orphan.exists()


def test_only_this_workspaces_temp_files_are_cleaned_even_with_brackets_in_its_name(
    tmp_path: Path,
) -> None:
    db = tmp_path / "clients[1].json"  # not a glob pattern: "[1]" is part of the name
    seeded(db)
    orphan = tmp_path / ".clients[1].json.4242-0.tmp"
    kept = [
        tmp_path / ".clients1.json.4242-0.tmp",  # what "[1]" matches as a pattern
        tmp_path / ".clients[1].json.tmp",  # no temp part between the name and ".tmp"
        tmp_path / "clients[1].json.4242-0.tmp",  # not hidden: not one of ours
        tmp_path / ".clients[1].json.4242-0.tmp.keep",
    ]
    for path in [orphan, *kept]:
        path.write_bytes(b"half a write")
    Store.open(db, clock).close()
    assert not orphan.exists()
    assert all(path.exists() for path in kept)


def test_a_writer_that_is_closing_is_waited_for(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    first = Store.open(db, clock)
    closing = threading.Timer(0.3, first.close)  # a checkin saving on its way out
    closing.start()
    second = Store.open(db, clock)  # waits for it rather than refuse
    closing.join()
    second.close()
