"""Documents kept as bytes: the file layout, lazy decoding and in-place updates."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from checkin.storage.backup import list_backups
from checkin.storage.doctable import (
    LAYOUT_TABLE,
    DocTable,
    DocumentError,
    dump_tables,
    from_plain,
    load_tables,
    read_tables,
    release_file,
)
from checkin.storage.errors import CorruptDatabase
from checkin.storage.store import Store
from tests.conftest import NOW

PLAIN = {
    "meta": {"schema": {"schema_version": 1}},
    "issues": {
        "i-1": {"account_id": "a-1", "title": 'Quotes " and \\ and\nnewlines', "n": 1},
        "i-2": {"account_id": "a-2", "title": "Ünïcode ✓", "n": 2},
    },
    "empty": {},
}


def test_round_trip_keeps_every_document_and_is_plain_json() -> None:
    raw = dump_tables(from_plain(PLAIN))
    plain = orjson.loads(raw)
    assert plain.pop(LAYOUT_TABLE) == {"1": {"tables": _positions(raw)}}
    assert plain == PLAIN
    assert raw.count(b"\n") > 5  # one line per document: the fast path can split it
    tables = load_tables(raw)
    assert dict(tables["issues"].items()) == PLAIN["issues"]
    assert dump_tables(tables) == raw


def test_other_json_layouts_are_parsed_whole() -> None:
    pretty = orjson.dumps(PLAIN, option=orjson.OPT_INDENT_2)
    tables = load_tables(pretty)
    assert tables["issues"].get("i-2") == PLAIN["issues"]["i-2"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"[1, 2]", "not an object of tables"),
        (b'{"issues": [1]}', "not an object of documents"),
        (b'{"issues": {"i-1": 3}}', "not an object"),
        (b'{"issues": {"i-1": ', "invalid JSON"),
    ],
)
def test_wrong_shapes_are_refused(raw: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_tables(raw)


def test_a_truncated_file_is_not_taken_for_the_line_layout() -> None:
    raw = dump_tables(from_plain(PLAIN))
    for cut in (len(raw) - 2, len(raw) // 2, 10):
        with pytest.raises(ValueError):
            load_tables(raw[:cut])


def test_a_broken_document_is_reported_when_read() -> None:
    table = DocTable({"i-1": b'{"title": "ok"}', "i-2": b'{"title": oops}'}, "issues")
    assert table.get("i-1") == {"title": "ok"}
    with pytest.raises(DocumentError, match="'i-2' of table 'issues'"):
        table.get("i-2")


def test_reads_are_copies_and_updates_stay_until_saved() -> None:
    table = DocTable({"i-1": b'{"account_id":"a-1","n":1}'}, "issues")
    table.get("i-1")["n"] = 99  # a copy: the table is unchanged
    assert table.get("i-1")["n"] == 1
    table["i-1"]["n"] = 2  # TinyDB's update functions change documents in place
    assert table.get("i-1")["n"] == 2
    table.freeze()
    assert table.raw("i-1") == b'{"account_id":"a-1","n":2}'
    assert table.field("i-1", "account_id") == "a-1"
    assert table.field("i-1", "missing") is None


def test_field_reads_ids_without_decoding() -> None:
    table = DocTable(
        {
            "i-1": b'{"account_id":"a-1"}',
            "i-2": b'{"account_id":null}',
            "i-3": b'{"account_id":"a-\\"x"}',
        }
    )
    assert table.field("i-1", "account_id") == "a-1"
    assert table.field("i-2", "account_id") is None
    assert table.field("i-3", "account_id") == 'a-"x'


def test_stock_tinydb_reads_the_workspace_file(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, lambda: NOW)
    store.db.table("notes").insert({"text": "kept"})
    store.close()
    stock = TinyDB(db, storage=JSONStorage)
    assert stock.table("notes").all() == [{"text": "kept"}]
    stock.close()


def test_backups_are_real_copies_of_the_last_good_state(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    Store.open(db, lambda: NOW).close()
    before = db.read_bytes()
    store = Store.open(db, lambda: NOW)
    store.db.table("notes").insert({"text": "new"})
    store.close()
    backups = list_backups(db)
    assert len(backups) == 1 and backups[0].read_bytes() == before
    assert os.stat(backups[0]).st_mode & 0o777 == 0o600
    Store.open(db, lambda: NOW).close()  # a second open copies the new state
    assert len(list_backups(db)) == 2
    assert not os.path.samefile(list_backups(db)[-1], db)
    db.write_bytes(db.read_bytes()[:20])  # rewritten in place by some other tool
    assert list_backups(db)[-1].read_bytes() != db.read_bytes()


def test_a_corrupt_document_in_a_well_framed_file_names_it(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db, lambda: NOW)
    from checkin.core import Account

    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    store.close()
    raw = db.read_bytes().replace(b'"name":"Acme"', b'"name":Acme"')
    db.write_bytes(raw)
    store = Store.open(db, lambda: NOW)
    with pytest.raises(CorruptDatabase, match="'a-1' of table 'accounts'"):
        store.accounts.get("a-1")
    store.close()
    assert db.read_bytes() == raw


def test_a_line_that_is_no_document_is_reported_when_its_table_is_first_used(
    tmp_path: Path,
) -> None:
    from checkin.core import Account

    db = tmp_path / "db.json"
    store = Store.open(db, lambda: NOW)
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    store.accounts.add(Account(id="a-2", name="Globex", slug="globex"))
    store.close()
    raw = db.read_bytes().replace(b'"a-2":{', b"garbage{")
    db.write_bytes(raw)
    store = Store.open(db, lambda: NOW)  # other tables still open fast
    assert store.meta()["schema_version"] == 1
    with pytest.raises(CorruptDatabase, match="line 2 of table 'accounts'"):
        store.accounts.all()
    with pytest.raises(CorruptDatabase):
        store.accounts.add(Account(id="a-3", name="Initech", slug="initech"))
    store.close()
    assert db.read_bytes() == raw


def test_tables_are_split_only_when_used() -> None:
    raw = dump_tables(from_plain(PLAIN))
    tables = load_tables(raw)
    assert all(table._loaded is None for name, table in tables.items() if name != "empty")
    assert tables["issues"].get("i-1") == PLAIN["issues"]["i-1"]
    assert tables["issues"]._loaded is not None and tables["meta"]._loaded is None
    assert dump_tables(tables) == raw


def test_a_deferred_backup_is_taken_before_the_first_change_or_at_close(tmp_path: Path) -> None:
    from checkin.core import Account

    db = tmp_path / "db.json"
    Store.open(db, lambda: NOW).close()
    opened = db.read_bytes()
    store = Store.open(db, lambda: NOW, defer_backup=True)
    assert list_backups(db) == []  # nothing written while the app paints its first screen
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    store.close()
    assert [b.read_bytes() for b in list_backups(db)] == [opened]
    changed = db.read_bytes()
    Store.open(db, lambda: NOW, defer_backup=True).close()  # never started, never changed
    assert list_backups(db)[-1].read_bytes() == changed


def _positions(raw: bytes) -> dict[str, list[int]]:
    """Where each table's header line and closing line start, found by reading the file."""
    found = {}
    for name in sorted(PLAIN):
        header = raw.index(b'\n"%s":{\n' % name.encode()) + 1
        found[name] = [header, raw.index(b"\n}", header)]
    return found


def _read(raw: bytes, tmp_path: Path) -> dict[str, DocTable] | None:
    path = tmp_path / "db.json"
    path.write_bytes(raw)
    fd = os.open(path, os.O_RDONLY)
    try:
        return read_tables(fd, len(raw))
    finally:
        os.close(fd)


def test_the_layout_finds_every_table_without_searching_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = dump_tables(from_plain(PLAIN))
    assert raw.startswith(b'{\n"_layout":{\n"1":{"tables":{')
    # Searching for a table's end would now find nothing: only the layout can find them.
    monkeypatch.setattr("checkin.storage.doctable._TABLE_END", re.compile(rb"(?!x)x"))
    for tables in (_read(raw, tmp_path), load_tables(raw)):
        assert tables is not None and LAYOUT_TABLE not in tables
        assert {name: dict(table.items()) for name, table in tables.items()} == PLAIN
        assert dump_tables(tables) == raw


@pytest.mark.parametrize(
    "lie",
    [
        lambda layout: {**layout, "issues": [layout["issues"][0] + 1, layout["issues"][1]]},
        lambda layout: {**layout, "issues": [layout["issues"][0], layout["issues"][1] - 1]},
        lambda layout: {name: where for name, where in layout.items() if name != "meta"},
        lambda layout: {**layout, "meta": [0, 0]},
        lambda layout: {**layout, "empty": "here"},
        lambda layout: [1, 2],
    ],
)
def test_a_layout_that_does_not_match_the_file_is_not_trusted(
    lie: Callable[[Any], Any], tmp_path: Path
) -> None:
    """A hand-edited file keeps a layout that no longer matches: its tables are then found
    by searching, as in a file without one."""
    raw = dump_tables(from_plain(PLAIN))
    first, line, rest = raw.split(b"\n", 2)[0], raw.split(b"\n")[2], raw.split(b"\n", 3)[3]
    layout = orjson.loads(line[4:])["tables"]
    edited = b"\n".join(
        [first, b'"_layout":{', b'"1":' + orjson.dumps({"tables": lie(layout)}), rest]
    )
    for tables in (_read(edited, tmp_path), load_tables(edited)):
        assert tables is not None and LAYOUT_TABLE not in tables
        assert {name: dict(table.items()) for name, table in tables.items()} == PLAIN
        assert dump_tables(tables) == raw  # written again with the true layout


def test_a_file_without_a_layout_is_read_and_written_with_one(tmp_path: Path) -> None:
    raw = dump_tables(from_plain(PLAIN))
    older = b"{\n" + raw.split(b"\n},\n", 1)[1]  # as checkin wrote files before the layout
    assert b"_layout" not in older
    for tables in (_read(older, tmp_path), load_tables(older)):
        assert tables is not None and sorted(tables) == sorted(PLAIN)
        assert dump_tables(tables) == raw


def test_a_layout_in_a_file_parsed_whole_is_dropped() -> None:
    pretty = orjson.dumps(
        {LAYOUT_TABLE: {"1": {"tables": {}}}, **PLAIN}, option=orjson.OPT_INDENT_2
    )
    tables = load_tables(pretty)
    assert LAYOUT_TABLE not in tables and sorted(tables) == sorted(PLAIN)


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not hasattr(os, "pread") or not os.path.isdir("/proc/self/fd"), reason="POSIX")
def test_tables_are_read_from_the_file_when_first_used(tmp_path: Path) -> None:
    raw = dump_tables(from_plain(PLAIN))
    path = tmp_path / "db.json"
    path.write_bytes(raw)
    fds = _open_fds()
    fd = os.open(path, os.O_RDONLY)
    tables = read_tables(fd, len(raw))
    os.close(fd)  # the loader's descriptor: the tables keep one of their own
    assert tables is not None
    assert _open_fds() == fds + 1
    # The file is replaced (a save folded into it): the tables still read the file as opened.
    other = dict(PLAIN, issues={"i-9": {"title": "another file"}})
    (tmp_path / "new.json").write_bytes(dump_tables(from_plain(other)))
    (tmp_path / "new.json").replace(path)
    assert tables["issues"].get("i-1") == PLAIN["issues"]["i-1"]
    assert _open_fds() == fds + 1  # "meta" is still in the file
    assert tables["meta"].get("schema") == PLAIN["meta"]["schema"]
    assert _open_fds() == fds  # every table read: the descriptor is closed
    assert dump_tables(tables) == raw


@pytest.mark.skipif(not hasattr(os, "pread") or not os.path.isdir("/proc/self/fd"), reason="POSIX")
def test_closing_a_store_closes_the_file_its_unread_tables_were_in(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    Store.open(db, lambda: NOW).close()  # a new workspace, written with its layout
    fds = _open_fds()
    store = Store.open(db, lambda: NOW, defer_backup=True)
    assert store.accounts.count() == 0
    store.close()
    assert _open_fds() == fds
    store = Store.open(db, lambda: NOW, read_only=True)
    store.close()
    assert _open_fds() == fds


@pytest.mark.skipif(not hasattr(os, "pread"), reason="POSIX")
def test_a_table_left_unread_at_close_says_so(tmp_path: Path) -> None:
    raw = dump_tables(from_plain(PLAIN))
    tables = _read(raw, tmp_path)
    assert tables is not None
    release_file(tables)
    with pytest.raises(DocumentError, match="closed before its tables were read"):
        tables["issues"].get("i-1")
