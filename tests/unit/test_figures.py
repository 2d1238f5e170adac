"""Figures digests: the evaluation gives exactly the figures the records give, and the
stored digests are derived data (stale, broken or missing ones are worked out again)."""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from checkin.bench.generate import L, S, Size, generate
from checkin.core import figures
from checkin.core.enums import IssueStatus, Severity, Side
from checkin.core.health import Health, Relationship, assess
from checkin.core.records import Account, Issue
from checkin.core.summary import AccountSummary, summarize
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from checkin.storage.doctable import dump_tables, from_plain
from checkin.storage.figures import StoredFigures, figures_path
from tests.conftest import NOW, Clock

MOMENTS = (timedelta(0), timedelta(days=1), timedelta(days=40))


def from_records(ws: Workspace, account: Account, now: datetime) -> tuple[AccountSummary, Health]:
    """The figures as worked out from every record (what the home showed before digests)."""
    r = ws.relationship(account)
    summary = summarize(
        account,
        contacts=r.contacts,
        issues=r.issues,
        actions=r.actions,
        meetings=r.meetings,
        now=now,
    )
    return summary, assess(r, now)


def digest_from_records(ws: Workspace, account: Account, as_of: datetime) -> figures.Digest:
    r: Relationship = ws.relationship(account)
    return figures.digest_of(
        contacts=r.contacts,
        issues=r.issues,
        actions=r.actions,
        feedback=r.feedback,
        meetings=r.meetings,
        as_of=as_of,
    )


def generated(tmp_path: Path, size: Size) -> Path:
    path = tmp_path / size.name / "workspace.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(dump_tables(from_plain(generate(size))))
    return path


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo" / "db.json"
    ws = Workspace.open(path, clock=lambda: NOW, rng=random.Random(3))
    with ws.transaction():
        seed_demo(ws, NOW)
    ws.close()
    yield path


def add_critical(ws: Workspace, account: Account) -> Issue:
    """A critical issue opened three days ago: a change to the account's figures."""
    return ws.add(
        Issue,
        account_id=account.id,
        title="Exports fail",
        severity=Severity.CRITICAL,
        opened=NOW - timedelta(days=3),
    )


def check_every_account(path: Path) -> int:
    """Evaluate stored digests (made at NOW by a first start) at several moments and compare
    with the figures from the records; returns how many comparisons were made."""
    clock = Clock(NOW)
    first = Workspace.open(path, clock=clock)
    for account in first.accounts(include_archived=True):
        first.overview(account)
    first.keep_figures()
    first.close()
    ws = Workspace.open(path, clock=clock, read_only=True)
    compared = 0
    for delta in MOMENTS:
        clock.now = NOW + delta
        for account in ws.accounts(include_archived=True):
            digest = figures.from_plain(figures.to_plain(digest_from_records(ws, account, NOW)))
            expected = from_records(ws, account, clock.now)
            assert figures.evaluate(account, digest, clock.now) == expected, account.slug
            assert ws.overview(account) == expected, account.slug
            compared += 1
    return compared


def test_digests_give_the_figures_of_every_demo_account(demo: Path) -> None:
    assert check_every_account(demo) >= 3 * len(MOMENTS)


@pytest.mark.parametrize("size", [S, L], ids=["S", "L"])
def test_digests_give_the_figures_of_every_generated_account(tmp_path: Path, size: Size) -> None:
    assert check_every_account(generated(tmp_path, size)) == size.accounts * len(MOMENTS)


def test_a_clock_set_back_before_the_digest_works_it_out_again(demo: Path) -> None:
    clock = Clock(NOW + timedelta(days=40))
    ws = Workspace.open(demo, clock=clock)
    account = ws.accounts()[0]
    ws.overview(account)  # digested as of NOW + 40 days
    clock.now = NOW - timedelta(days=30)
    assert ws.overview(account) == from_records(ws, account, clock.now)
    digest = digest_from_records(ws, account, NOW)
    assert figures.evaluate(account, digest, NOW - timedelta(seconds=1)) is None
    ws.close()


def test_the_digest_drops_what_can_no_longer_count(demo: Path) -> None:
    ws = Workspace.open(demo, clock=lambda: NOW, read_only=True)
    account = ws.accounts()[0]
    later = NOW + timedelta(days=400)
    digest = digest_from_records(ws, account, later)
    assert all(i.is_open for i in digest.issues)  # a year on, only open issues still count
    assert all(a.is_open for a in digest.actions)
    assert len([c for c in digest.contacts if c.side is Side.CLIENT]) <= 1
    assert figures.evaluate(account, digest, later) == from_records(ws, account, later)


@pytest.mark.parametrize(
    "broken",
    [
        None,
        [],
        {"format": figures.FORMAT + 1},
        {"format": figures.FORMAT, "as_of": "yesterday"},
        {"format": figures.FORMAT, "as_of": NOW.isoformat(), "contacts": [1]},
    ],
)
def test_a_broken_stored_digest_is_refused(broken: Any) -> None:
    with pytest.raises(ValueError, match="unusable figures digest"):
        figures.from_plain(broken)


def test_a_mistyped_part_of_a_stored_digest_is_refused(demo: Path) -> None:
    ws = Workspace.open(demo, clock=lambda: NOW, read_only=True)
    plain = figures.to_plain(digest_from_records(ws, ws.accounts()[0], NOW))
    plain["meetings"][0][4] = "5"  # a rating stored as text
    with pytest.raises(ValueError, match="not a whole number"):
        figures.from_plain(plain)
    plain["meetings"] = [["m-1"]]
    with pytest.raises(ValueError, match="unusable"):
        figures.from_plain(plain)


def stored_figures(path: Path) -> dict[str, Any]:
    figures_file = figures_path(path)
    return json.loads(figures_file.read_text()) if figures_file.exists() else {}


def test_a_first_start_stores_the_digests_and_the_next_reads_them(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert stored_figures(demo) == {}  # a workspace from before figures files: none yet
    before = demo.read_bytes()
    ws = Workspace.open(demo, clock=lambda: NOW)
    expected = {a.id: ws.overview(a) for a in ws.accounts()}
    ws.keep_figures()
    ws.close()
    assert demo.read_bytes() == before  # only looked: the workspace is as it was
    stored = stored_figures(demo)
    assert set(stored["accounts"]) == set(expected)
    assert set(stored["seal"]["accounts"]) == set(expected)
    assert figures_path(demo).stat().st_mode & 0o777 == 0o600

    def not_again(*_: Any, **__: Any) -> Any:
        raise AssertionError("the records were read again")

    # Through the seal: neither the records nor their stamps are read.
    monkeypatch.setattr(figures, "digest_of", not_again)
    monkeypatch.setattr(StoredFigures, "stamp", not_again)
    again = Workspace.open(demo, clock=lambda: NOW)
    assert {a.id: again.overview(a) for a in again.accounts()} == expected
    for name in ("issues", "actions", "meetings"):
        assert not again.store.storage.table(name).loaded  # not even split into documents
    again.close()


def test_after_a_change_the_seal_no_longer_vouches_and_the_stamps_decide(demo: Path) -> None:
    ws = Workspace.open(demo, clock=lambda: NOW)
    accounts = ws.accounts()
    for account in accounts:
        ws.overview(account)
    ws.keep_figures()
    ws.close()
    # A change, its digest stored, then the change undone and the process killed before
    # the undone state's digest is stored: the tables hash as the seal says again.
    ws = Workspace.open(demo, clock=lambda: NOW)
    changed = accounts[0]
    issue = add_critical(ws, changed)
    with_issue = ws.overview(changed)
    ws.keep_figures()
    ws.delete(issue)
    ws.close()
    again = Workspace.open(demo, clock=lambda: NOW)
    seal, hashes = again._sealed()
    assert seal is not None and seal.tables == hashes  # the seal vouches for the tables...
    for account in accounts:
        assert again.overview(account) == from_records(again, account, NOW), account.slug
    assert again.overview(changed) != with_issue  # ...not for the digest stored since
    again.close()


def test_a_changed_account_is_digested_again_in_the_session_and_the_next(demo: Path) -> None:
    ws = Workspace.open(demo, clock=lambda: NOW)
    account = ws.accounts()[0]
    before = ws.overview(account)
    ws.keep_figures()
    issue = add_critical(ws, account)
    after = ws.overview(account)
    assert after[0].open_critical == before[0].open_critical + 1
    assert after == from_records(ws, account, NOW)
    ws.close()  # the new digest is not stored: the stored one is stale now

    again = Workspace.open(demo, clock=lambda: NOW)
    assert again.overview(account) == after
    again.set_issue_status(issue.id, IssueStatus.RESOLVED)
    assert again.overview(account) == from_records(again, account, NOW)
    again.close()


def test_a_digest_stored_for_other_records_is_not_used(demo: Path) -> None:
    """A crash between a record's save and its digest's, or another program changing the
    records: the stored digest's stamp no longer matches, and the records are read."""
    ws = Workspace.open(demo, clock=lambda: NOW)
    account = ws.accounts()[0]
    ws.overview(account)
    ws.keep_figures()
    ws.close()
    raw = from_plain(generate(S))  # any other issue, moved into this account
    other = next(iter(raw["issues"].values()))
    ws = Workspace.open(demo, clock=lambda: NOW)
    issue = ws.store.issues.decode_raw(other)
    fields = {f.name: getattr(issue, f.name) for f in dataclasses.fields(issue)}
    fields |= {"account_id": account.id, "id": "i-elsewhere", "status": IssueStatus.NEW}
    # Written behind the figures' back: no version of the account is counted.
    from checkin.core.codec import encode
    from checkin.storage.tinytable import document

    ws.store.db.table("issues").insert(document(encode(Issue(**fields)), "i-elsewhere"))
    ws.close()
    again = Workspace.open(demo, clock=lambda: NOW)
    assert again.overview(account) == from_records(again, account, NOW)
    assert (
        again.overview(account)[0].open_issues == from_records(again, account, NOW)[0].open_issues
    )
    again.close()


@pytest.mark.parametrize("damage", ["not json", "wrong shape", "another format", "a folder"])
def test_a_damaged_figures_file_is_worked_out_again_never_an_error(demo: Path, damage: str) -> None:
    ws = Workspace.open(demo, clock=lambda: NOW)
    expected = {a.id: ws.overview(a) for a in ws.accounts()}
    ws.keep_figures()
    ws.close()
    figures_file = figures_path(demo)
    stored = stored_figures(demo)
    if damage == "not json":
        figures_file.write_bytes(b'{"format": 1, "accounts": {"a-')
    elif damage == "wrong shape":
        for entry in stored["accounts"].values():
            entry["digest"] = {"format": figures.FORMAT, "issues": 7}
        stored["seal"]["tables"] = "all of them"
        figures_file.write_text(json.dumps(stored))
    elif damage == "another format":
        figures_file.write_text(json.dumps(stored | {"format": 99}))
    else:
        figures_file.unlink()
        figures_file.mkdir()
    again = Workspace.open(demo, clock=lambda: NOW)
    assert {a.id: again.overview(a) for a in again.accounts()} == expected
    again.keep_figures()  # written again (or, for the folder, quietly not)
    again.close()
    if damage != "a folder":
        assert set(stored_figures(demo)["accounts"]) == set(expected)


def test_a_read_only_workspace_stores_no_digest(demo: Path) -> None:
    ws = Workspace.open(demo, clock=lambda: NOW, read_only=True)
    for account in ws.accounts():
        ws.overview(account)
    ws.keep_figures()
    ws.close()
    assert not figures_path(demo).exists()
