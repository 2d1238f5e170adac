"""The app's first frame, the accounts home, builds Record, Account and four enums only: the
other record classes and vocabularies load on first use (each class costs a start 0.1-0.7 ms)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from checkin.core import account, base_enums, enums, records
from checkin.core.enums import IssueStatus, Severity
from checkin.core.records import Account, ActionItem, Issue
from checkin.storage import Store

# Run in a fresh process: open the app headless and list, at the moment the home takes keys
# (before the figures thread starts), which of these modules were loaded.
FIRST_FRAME_CHILD = """
import json, sys
from pathlib import Path
import checkin.ui.startup as startup
seen = {}
reached = startup.StartUp.reached
def spy(self, milestone):
    if milestone == "ready":
        seen["modules"] = sorted(m for m in sys.modules if m.startswith("checkin.core."))
    reached(self, milestone)
startup.StartUp.reached = spy
from checkin.cli import entry
entry.open_app(Path(sys.argv[1]), probe="ready")
print(json.dumps(seen["modules"]))
"""


def _seeded(path: Path) -> Path:
    moment = datetime(2026, 12, 6, 9, 0)
    store = Store.open(path, lambda: moment)
    store.accounts.add(Account(id="a-1", name="Acme", slug="acme"))
    store.issues.add(Issue(id="i-1", account_id="a-1", title="Login fails", opened=moment))
    store.actions.add(ActionItem(id="t-1", account_id="a-1", title="Send logs", owner="Ann"))
    store.close()
    return path


def test_the_first_frame_loads_no_other_record_class_or_enum(tmp_path: Path) -> None:
    db = _seeded(tmp_path / "ws.json")
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_CHILD, str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert {"checkin.core.account", "checkin.core.base_enums"} <= loaded
    assert not loaded & {"checkin.core.records", "checkin.core.enums", "checkin.core.meeting"}


def test_records_and_enums_reexport_the_early_ones() -> None:
    """Every record class and enum is still imported from ``records`` and ``enums``."""
    assert records.Record is account.Record and records.Account is account.Account
    for name in ("RecordKind", "Tier", "Phase", "MeetingState"):
        assert getattr(enums, name) is getattr(base_enums, name)
    assert Issue.KIND is enums.RecordKind.ISSUE and Issue.__mro__[1] is account.Record


def test_a_fresh_store_loads_each_record_class_when_first_used(tmp_path: Path) -> None:
    db = _seeded(tmp_path / "ws.json")
    store = Store.open(db, lambda: datetime(2026, 12, 6, 9, 0), read_only=True)
    try:
        assert store.issues.get("i-1") == Issue(
            id="i-1",
            account_id="a-1",
            title="Login fails",
            opened=datetime(2026, 12, 6, 9, 0),
            created_at=datetime(2026, 12, 6, 9, 0),
            updated_at=datetime(2026, 12, 6, 9, 0),
        )
        assert [repo.cls.__name__ for repo in store.repositories()] == [
            "Account",
            "Contact",
            "Issue",
            "RoadmapItem",
            "Feedback",
            "ActionItem",
            "Meeting",
        ]
        opened, total = store.issues.open_by_severity("a-1", 5)
        assert [i.id for i in opened] == ["i-1"] and total == 1
        assert opened[0].status is IssueStatus.NEW and opened[0].severity is Severity.MEDIUM
        assert [a.id for a in store.actions.in_state("a-1", enums.ActionStatus.OPEN)] == ["t-1"]
    finally:
        store.close()
