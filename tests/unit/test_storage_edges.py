"""Reliability at the edges (issue 19): odd paths, read-only files, symlinks, backups of
neighbouring workspaces, damaged records, failing disks and crashes: a clear message, never a
traceback, and the file left as it was."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest

from checkin.cli import exits
from checkin.core import Account
from checkin.core.text import clean_line
from checkin.storage import DatabaseLocked, Store
from checkin.storage.backup import (
    backup_dir,
    list_backups,
    make_backup,
    newest_backup,
    remove_orphaned_temps,
)
from checkin.storage.errors import CorruptDatabase, SaveFailed, UnusableWorkspace
from tests.conftest import NOW

CLIENT_SECRET = "Northwind Logistics"  # a client's name: never printed by a crash


def clock() -> datetime:
    return NOW


def seeded(path: Path) -> bytes:
    store = Store.open(path, clock)
    store.accounts.add(Account(id="a-1", name=CLIENT_SECRET, slug="northwind"))
    store.close()
    return path.read_bytes()


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def run_checkin(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checkin", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


# -- symbolic links ------------------------------------------------------------------------


def test_a_symlinked_workspace_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    synced = tmp_path / "Dropbox"
    synced.mkdir()
    target = synced / "clients.json"
    seeded(target)
    link = tmp_path / "clients.json"
    link.symlink_to(target)
    store = Store.open(link, clock)
    assert store.path == target
    store.accounts.add(Account(id="a-2", name="Acme", slug="acme"))
    store.close()
    assert link.is_symlink() and link.resolve() == target
    again = Store.open(target, clock, read_only=True)
    assert again.accounts.exists("a-2")
    assert not list(tmp_path.glob("clients.json.*"))  # no journal or lock beside the link


def test_the_link_and_its_target_are_one_workspace_for_the_lock(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    seeded(target)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    first = Store.open(link, clock)
    try:
        with pytest.raises(DatabaseLocked):
            Store.open(target, clock)
        done = run_checkin("--db", str(target))  # the app, which writes
        assert done.returncode == exits.LOCKED, done.stderr
        assert "Traceback" not in done.stderr
    finally:
        first.close()


# -- backups belong to exactly one workspace -------------------------------------------------


def test_backups_of_a_neighbour_with_a_longer_name_are_never_matched(tmp_path: Path) -> None:
    clients = tmp_path / "clients.json"
    archive = tmp_path / "clients-archive.json"
    archived = make_backup(archive, b"archive", NOW)
    assert archived is not None
    assert list_backups(clients) == []
    assert newest_backup(clients) is None
    for n in range(15):  # more than KEEP: rotation runs each time
        make_backup(clients, f"state {n}".encode(), NOW + timedelta(seconds=n))
    assert archived.exists()
    assert list_backups(archive) == [archived]
    assert all(p.name.startswith("clients-2026") for p in list_backups(clients))


def test_workspaces_with_one_stem_and_two_suffixes_keep_apart(tmp_path: Path) -> None:
    make_backup(tmp_path / "clients.json", b"json", NOW)
    make_backup(tmp_path / "clients.db", b"db", NOW)
    assert [p.read_bytes() for p in list_backups(tmp_path / "clients.json")] == [b"json"]
    assert [p.read_bytes() for p in list_backups(tmp_path / "clients.db")] == [b"db"]


def test_a_backup_killed_mid_copy_leaves_no_temp_behind(tmp_path: Path) -> None:
    db = tmp_path / "clients.json"
    seeded(db)
    folder = backup_dir(db)
    folder.mkdir(exist_ok=True)
    mine = folder / ".clients-20261206-090000.json.4242-0.tmp"
    theirs = folder / ".clients-archive-20261206-090000.json.4242-0.tmp"
    mine.write_bytes(b"half a copy")
    theirs.write_bytes(b"another workspace's copy in progress")
    assert remove_orphaned_temps(db) == [mine]
    mine.write_bytes(b"half a copy")
    Store.open(db, clock).close()  # opening cleans them too
    assert not mine.exists()
    assert theirs.exists()


# -- paths that cannot hold a workspace ----------------------------------------------------


def test_a_folder_at_the_workspace_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "db.json").mkdir()
    with pytest.raises(UnusableWorkspace, match="it is a folder, not a file"):
        Store.open(tmp_path / "db.json", clock)


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file")
    with pytest.raises(UnusableWorkspace, match="is a file, not a folder"):
        Store.open(tmp_path / "notes" / "sub" / "db.json", clock)
    assert (tmp_path / "notes").read_text() == "a file"


def test_an_unwritable_folder_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "locked"))

    monkeypatch.setattr(Path, "mkdir", refused)
    with pytest.raises(UnusableWorkspace) as caught:
        Store.open(tmp_path / "locked" / "db.json", clock)
    assert "Permission denied" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert exits.code_for(caught.value) == exits.CANNOT_CREATE


def test_a_read_only_file_is_refused_and_never_made_writable(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    before = seeded(db)
    os.chmod(db, 0o400)
    with pytest.raises(UnusableWorkspace, match="read-only"):
        Store.open(db, clock)
    assert mode(db) == 0o400
    assert db.read_bytes() == before
    reader = Store.open(db, clock, read_only=True)  # the reports still read it
    assert reader.accounts.get("a-1").name == CLIENT_SECRET
    done = run_checkin("--db", str(db))
    assert done.returncode == exits.CANNOT_CREATE
    assert "read-only" in done.stderr and "Traceback" not in done.stderr
    assert mode(db) == 0o400 and db.read_bytes() == before


# -- damaged records and odd files: 0 tracebacks, files unchanged ---------------------------


def _damage(table: str, field: str, value: object) -> Callable[[dict], None]:
    def damage(data: dict) -> None:
        record = next(iter(data[table].values()))
        if value is KeyError:
            record.pop(field)
        else:
            record[field] = value

    return damage


RECORD_DAMAGE: dict[str, Callable[[dict], None]] = {
    "account-without-name": _damage("accounts", "name", KeyError),
    "cadence-as-text": _damage("accounts", "cadence_days", "monthly"),
    "name-as-number": _damage("accounts", "name", 42),
    "archived-as-text": _damage("accounts", "archived", "yes"),
    "garbage-date": _damage("issues", "opened", "the day after tomorrow"),
    "unknown-severity": _damage("issues", "severity", "apocalyptic"),
}

FILE_DAMAGE: dict[str, bytes] = {
    "empty": b"",
    "truncated": b'{"meta": {"1": {"schema_version": ',
    "garbage": bytes(range(256)) * 8,
    "json-list": b'[{"title": "valid JSON, not a workspace"}]',
    "no-meta": b'{"accounts": {}}',
    "nul-bytes": b"\x00" * 512,
    "bom-and-junk": b"\xef\xbb\xbf{]",
}


def _seed_full(db: Path) -> None:
    from checkin.core.enums import Severity
    from checkin.core.records import Issue

    store = Store.open(db, clock)
    store.accounts.add(Account(id="a-1", name=CLIENT_SECRET, slug="northwind"))
    store.issues.add(
        Issue(id="i-1", account_id="a-1", title="Route", severity=Severity.HIGH, opened=NOW)
    )
    store.close()


@pytest.fixture
def odd_files(tmp_path: Path) -> dict[str, Path]:
    base = tmp_path / "base.json"
    _seed_full(base)
    plain = orjson.loads(base.read_bytes())
    files = {}
    for name, damage in RECORD_DAMAGE.items():
        data = orjson.loads(orjson.dumps(plain))
        damage(data)
        path = tmp_path / name / "db.json"
        path.parent.mkdir()
        path.write_bytes(orjson.dumps(data))
        files[name] = path
    for name, raw in FILE_DAMAGE.items():
        path = tmp_path / name / "db.json"
        path.parent.mkdir()
        path.write_bytes(raw)
        files[name] = path
    return files


ODD = [*RECORD_DAMAGE, *FILE_DAMAGE]


@pytest.mark.parametrize("name", ODD)
@pytest.mark.parametrize("command", [("accounts",), ("agenda", "northwind")])
def test_every_odd_file_on_the_command_line_is_exit_65_untouched(
    odd_files: dict[str, Path], name: str, command: tuple[str, ...]
) -> None:
    db = odd_files[name]
    before = db.read_bytes()
    done = run_checkin(*command, "--db", str(db))
    assert "Traceback" not in done.stderr + done.stdout
    assert done.returncode == exits.BAD_DATA, done.stderr
    assert done.stderr.startswith(f"checkin: {db} is not a readable checkin database (")
    assert db.read_bytes() == before


@pytest.mark.parametrize("name", ODD)
def test_every_odd_file_in_the_app_is_the_same_message_untouched(
    odd_files: dict[str, Path], name: str
) -> None:
    """The app meets a damaged record while it paints the accounts; it ends with the message
    and exit code of the command line, and the file is byte-for-byte as it was."""
    from checkin.cli.tui import run_app

    db = odd_files[name]
    before = db.read_bytes()
    with pytest.raises(CorruptDatabase) as caught:
        run_app(db, probe="settled")
    assert exits.code_for(caught.value) == exits.BAD_DATA
    assert str(caught.value).startswith(f"{db} is not a readable checkin database (")
    assert db.read_bytes() == before
    newest = caught.value.newest_backup
    assert newest is None or newest.read_bytes() != before  # never restore the same damage


# -- failing disks and crashes ---------------------------------------------------------------


def test_an_os_error_on_the_command_line_is_one_line_and_74(
    capsys: pytest.CaptureFixture[str],
) -> None:
    error = OSError(errno.ENOSPC, "No space left on device", "/data/db.json.journal")
    assert exits.report(error) == exits.IO_ERROR
    assert capsys.readouterr().err == "checkin: /data/db.json.journal: No space left on device\n"
    assert exits.code_for(SaveFailed("could not save")) == exits.IO_ERROR


def test_a_huge_error_message_is_capped(capsys: pytest.CaptureFixture[str]) -> None:
    from checkin.core.errors import ValidationError

    exits.report(ValidationError("bad columns: " + ", ".join(f"c{n}" for n in range(10**6)), []))
    err = capsys.readouterr().err
    assert len(err) < exits.MESSAGE_CHARS + 200
    assert "message cut short" in err


def test_a_failing_import_save_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    seeded(db)
    before = db.read_bytes()
    export = tmp_path / "issues.csv"
    export.write_text("external_id,title,severity,opened\nX-1,Login loops,high,2026-12-01\n")
    child = (
        "import errno, os, sys\n"
        "def full(fd): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fdatasync = full\n"
        "from checkin.cli.main import main\n"
        "main(sys.argv[1:])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", child, "import", "csv", str(export), "--account", "northwind",
         "--db", str(db)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == exits.IO_ERROR, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "No space left on device" in done.stderr
    assert db.read_bytes() == before


def test_a_crash_exits_70_and_prints_no_client_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checkin.cli.tui import AppCrashed, crash_report_path, run_app
    from checkin.ui.app import CheckinApp

    db = tmp_path / "db.json"
    seeded(db)

    def broken(self: CheckinApp) -> None:
        raise RuntimeError(f"a bug that quotes {CLIENT_SECRET}")

    monkeypatch.setattr(CheckinApp, "on_ready", broken)
    with pytest.raises(AppCrashed) as caught:
        run_app(db, probe="settled")
    assert exits.code_for(caught.value) == exits.CRASHED
    assert CLIENT_SECRET not in str(caught.value)
    assert "RuntimeError" in str(caught.value)
    report = crash_report_path(db)
    assert mode(report) == 0o600
    assert "Traceback" in report.read_text() and "RuntimeError" in report.read_text()


# -- invisible characters --------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "Login\u202e sgnol",  # right-to-left override
        "Log\u200bin loops",  # zero-width space
        "\ufeffLogin loops",  # byte-order mark
        "Login\u2066 loops\u2069",  # isolates
        "Login\u200d\u200c loops\u2060",  # joiners, word joiner
    ],
)
def test_single_line_fields_lose_bidi_and_zero_width_characters(raw: str) -> None:
    cleaned = clean_line(raw)
    assert not any(ch in cleaned for ch in "\u202e\u200b\ufeff\u2066\u2069\u200d\u200c\u2060")
    assert cleaned.startswith("Log")


def test_an_imported_title_loses_its_bidi_override() -> None:
    from checkin.importers.cleaning import line

    assert line("Refund\u202e 0001$") == "Refund 0001$"


def test_a_failing_last_save_leaves_a_recovery_file_that_restores_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checkin.storage.store import RECOVERY_SUFFIX

    db = tmp_path / "db.json"
    seeded(db)
    store = Store.open(db, clock)
    store.start_writer(on_error=lambda error: None)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdatasync", full)
    store.accounts.add(Account(id="a-2", name="Typed while the disk was full", slug="full"))
    with pytest.raises(SaveFailed) as caught:
        store.close()
    monkeypatch.undo()
    recovery = db.with_name(db.name + RECOVERY_SUFFIX)
    assert "\n" not in str(caught.value)
    assert f"mv '{recovery}' '{db}'" in str(caught.value)
    assert mode(recovery) == 0o600
    Store.open(db, clock).close()  # the lock was released: the next checkin opens it
    os.replace(recovery, db)  # the message's advice
    again = Store.open(db, clock)
    assert again.accounts.get("a-2").name == "Typed while the disk was full"
    assert again.accounts.get("a-1").name == CLIENT_SECRET
    again.close()
