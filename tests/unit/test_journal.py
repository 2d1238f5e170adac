"""The journal beside the workspace file: replay, torn lines, folding, failing disks, and the
meeting's parking lot kept out of its hot record."""

from __future__ import annotations

import dataclasses
import errno
import os
import time
from datetime import datetime
from pathlib import Path

import orjson
import pytest

from checkin.core import Account
from checkin.core.enums import ItemKind
from checkin.core.meeting import AgendaItem, Meeting
from checkin.storage import CorruptDatabase, StorageError, Store, durable
from checkin.storage.durable import journal_path


def clock() -> datetime:
    return datetime(2026, 12, 6, 9, 0)


def crash(store: Store) -> None:
    """What a SIGKILL leaves: nothing flushed or folded, the lock gone with the process (and
    its threads: the backup taken at open is let finish, as a dead process's cannot go on and
    race the next open's clean-up of its temp file)."""
    assert store._lock is not None
    store.wait_for_backup()
    store._lock.release()


def journal_lines(db: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in journal_path(db).read_bytes().splitlines()]


def test_a_save_appends_one_journal_line_and_leaves_the_file(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, clock)
    before = db.read_bytes()
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    assert db.read_bytes() == before  # the file is not rewritten
    (line,) = journal_lines(db)
    assert line["rev"] == 1
    assert line["ops"][0][:2] == ["accounts", "a-1"]  # type: ignore[index]
    store.close()
    assert not journal_path(db).exists()  # folded into the file at close
    assert "a-1" in orjson.loads(db.read_bytes())["accounts"]


def test_a_crash_keeps_every_journalled_save(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, clock)
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    store.accounts.save(Account(id="a-1", name="Acme Corp", slug="acme"))
    store.accounts.add(Account(id="a-2", name="Beta", slug="beta"))
    store.accounts.delete("a-2")
    crash(store)
    again = Store.open(db, clock)
    assert [a.name for a in again.accounts.all()] == ["Acme Corp"]
    assert not journal_path(db).read_bytes()  # replayed and folded at open
    meta = orjson.loads(db.read_bytes())["meta"]["schema"]
    assert meta["journal_rev"] == 4
    again.accounts.add(Account(id="a-3", name="Gamma", slug="gamma"))
    assert journal_lines(db)[-1]["rev"] == 5  # revisions go on from the file's
    again.close()


def test_a_torn_last_line_is_dropped_and_cut_off(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, clock)
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    crash(store)
    with open(journal_path(db), "ab") as journal:
        journal.write(b'{"rev":2,"ops":[["accounts","a-2",{"id":"a-2","na')  # killed mid-write
    again = Store.open(db, clock)
    assert [a.id for a in again.accounts.all()] == ["a-1"]
    again.accounts.add(Account(id="a-3", name="Gamma", slug="gamma"))
    crash(again)
    third = Store.open(db, clock)  # the torn bytes did not spoil the next line
    assert [a.id for a in third.accounts.all()] == ["a-1", "a-3"]
    third.close()


def test_a_damaged_line_before_the_last_is_a_corrupt_database(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, clock)
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    store.accounts.add(Account(id="a-2", name="Beta", slug="beta"))
    crash(store)
    lines = journal_path(db).read_bytes().splitlines(keepends=True)
    journal_path(db).write_bytes(b"not json\n" + lines[1])
    before = db.read_bytes()
    with pytest.raises(CorruptDatabase, match="line 1 of the journal"):
        Store.open(db, clock)
    assert db.read_bytes() == before  # left untouched


def test_a_failed_rollback_leaves_nothing_in_memory_or_on_disk(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, clock)
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    with pytest.raises(RuntimeError), store.transaction():
        store.accounts.save(Account(id="a-1", name="Changed", slug="acme"))
        store.accounts.add(Account(id="a-2", name="Beta", slug="beta"))
        raise RuntimeError("boom")
    assert [a.name for a in store.accounts.all()] == ["Acme"]
    assert len(journal_lines(db)) == 1
    store.close()


def test_the_writer_folds_a_long_journal_into_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(durable, "FOLD_BYTES", 2000)
    db = tmp_path / "db.json"
    store = Store.open(db, clock)
    store.start_writer()
    for n in range(40):
        store.accounts.add(Account(id=f"a-{n}", name=f"Account {n}", slug=f"s{n}"))
    assert store.flush(5)
    deadline = time.monotonic() + 5
    while not store.storage.folds and time.monotonic() < deadline:
        time.sleep(0.01)  # the writer folds right after it has written
    assert store.storage.folds >= 1
    assert orjson.loads(db.read_bytes())["meta"]["schema"]["journal_rev"] > 0
    crash(store)
    again = Store.open(db, clock)
    assert again.accounts.count() == 40
    again.close()


def test_a_failing_disk_is_reported_kept_and_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, clock)
    monkeypatch.setattr(durable, "RETRY_SECONDS", 0.05)
    failures: list[OSError] = []
    real = os.fdatasync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdatasync", full)
    store.start_writer(on_error=failures.append)
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))  # returns: queued
    assert not store.flush(2)
    assert failures and failures[0].errno == errno.ENOSPC
    assert store.accounts.get("a-1").name == "Acme"  # kept in memory
    assert store.storage.unsaved == 1
    monkeypatch.setattr(os, "fdatasync", real)
    store.storage.error = None
    assert store.flush(5)
    crash(store)
    again = Store.open(db, clock)
    assert again.accounts.get("a-1").name == "Acme"
    again.close()


def test_the_command_line_gets_a_storage_error_when_a_save_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, clock)

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fdatasync", broken)
    with pytest.raises(StorageError, match="could not save"):
        store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    monkeypatch.undo()
    store.close()  # the queued change is written at close
    again = Store.open(db, clock)
    assert again.accounts.exists("a-1")
    again.close()


def _meeting(parked: int) -> Meeting:
    items = [AgendaItem(key=f"i{n}", kind=ItemKind.CUSTOM, title=f"Item {n}") for n in range(3)]
    items += [
        AgendaItem(key=f"p{n}", kind=ItemKind.CUSTOM, title=f"Parked {n}", parked=True)
        for n in range(parked)
    ]
    return Meeting(id="m-1", account_id="a-1", planned_start=clock(), agenda=items)


def test_a_running_meeting_saves_without_its_parking_lot(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, clock)
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    meeting = store.meetings.add(_meeting(parked=200))
    meeting.agenda[0].notes = "typed"
    meeting = store.meetings.save(meeting)
    last = journal_lines(db)[-1]
    assert [op[0] for op in last["ops"]] == ["meetings"]  # type: ignore[union-attr, index]
    assert len(last["ops"][0][2]["agenda"]) == 3  # type: ignore[index]
    # Bringing a parked item in writes the parking lot again.
    item = meeting.item("p5")
    item.parked = False
    meeting.agenda.remove(item)
    meeting.agenda.insert(1, item)
    meeting = store.meetings.save(meeting)
    assert {op[0] for op in journal_lines(db)[-1]["ops"]} == {"meetings", "parking"}  # type: ignore[union-attr, index]
    crash(store)
    again = Store.open(db, clock)
    stored = again.meetings.get("m-1")
    assert [i.key for i in stored.agenda] == [i.key for i in meeting.agenda]
    assert stored.agenda[0].notes == "typed"
    assert dataclasses.replace(stored, updated_at=None) == dataclasses.replace(
        meeting, updated_at=None
    )
    raw = next(again.meetings.raw_for_account("a-1"))
    assert len(raw["agenda"]) == 203  # raw readers see the whole agenda too
    again.meetings.delete("m-1")
    assert "m-1" not in again.storage.table("parking")
    again.close()


def test_figures_from_meeting_headers_match_the_full_records() -> None:
    """The accounts home reads meetings without their agendas: same figures and health."""
    import random

    from checkin.core.health import assess
    from checkin.core.summary import summarize
    from checkin.services.demo import seed_demo
    from checkin.services.workspace import Workspace

    ws = Workspace.in_memory(clock=clock, rng=random.Random(3))
    with ws.transaction():
        seed_demo(ws, clock())
    for account in ws.accounts():
        r = ws.relationship(account)
        full = summarize(
            account,
            contacts=r.contacts,
            issues=r.issues,
            actions=r.actions,
            meetings=r.meetings,
            now=clock(),
        )
        assert ws.overview(account) == (full, assess(r, clock()))
        assert ws.known_overview(account) == (full, assess(r, clock()))
