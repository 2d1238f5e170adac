"""``checkin import`` on a real database file: idempotent, exit codes, untouched on failure."""

from __future__ import annotations

import hashlib
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checkin.cli.demo import ensure_demo
from checkin.cli.main import cli
from checkin.importers import ImportFormat
from checkin.services.workspace import Workspace
from tests.unit.importer_files import SAMPLE_FILES, SAMPLE_ROWS, SAMPLES

DEMO_ACCOUNTS = {
    ImportFormat.JIRA: "acme",
    ImportFormat.GITHUB: "helios",
    ImportFormat.ZENDESK: "cobalt",
    ImportFormat.LINEAR: "tessera",
    ImportFormat.CSV: "juniper",
}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "db.json"
    ensure_demo(path, datetime(2026, 11, 22, 9, 0))
    return path


@pytest.fixture
def db(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "db.json"
    shutil.copy(demo_template, path)
    return path


def checkin(db: Path, *args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=stdin)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sample_path(fmt: ImportFormat) -> str:
    return str(SAMPLES / SAMPLE_FILES[fmt])


@pytest.mark.parametrize("fmt", list(ImportFormat), ids=str)
def test_each_sample_imports_into_a_demo_account_then_is_unchanged(
    db: Path, fmt: ImportFormat
) -> None:
    account, rows = DEMO_ACCOUNTS[fmt], SAMPLE_ROWS[fmt]
    first = checkin(db, "import", fmt.value, sample_path(fmt), "--account", account)
    assert first.exit_code == 0, first.output
    assert f": {rows} new, 0 updated, 0 unchanged." in first.stdout
    written = digest(db)
    again = checkin(db, "import", fmt.value, sample_path(fmt), "-a", account)
    assert again.exit_code == 0, again.output
    assert f": 0 new, 0 updated, {rows} unchanged." in again.stdout
    assert digest(db) == written  # nothing to change: the file is not even rewritten


def test_dry_run_lists_the_changes_and_writes_nothing(db: Path) -> None:
    before = digest(db)
    result = checkin(db, "import", "jira", sample_path(ImportFormat.JIRA), "-a", "acme", "-n")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Dry run: importing jira-export.csv into Acme Health would make "
        "6 new, 0 updated, 0 unchanged."
    )
    assert "  + ACME-412  Nightly invoice sync fails for EU tenants" in lines
    assert "      new: critical, in progress, opened 2026-11-03 09:14" in lines
    assert lines[-1] == "Nothing was written (--dry-run)."
    assert digest(db) == before


def test_dry_run_shows_field_changes_of_updates(db: Path, tmp_path: Path) -> None:
    checkin(db, "import", "csv", sample_path(ImportFormat.CSV), "-a", "juniper")
    changed = tmp_path / "issues.csv"
    text = (SAMPLES / "issues.csv").read_text().replace("critical,in progress", "high,resolved")
    changed.write_text(text)
    result = checkin(db, "import", "csv", str(changed), "-a", "juniper", "--dry-run")
    assert "would make 0 new, 1 updated, 2 unchanged." in result.stdout
    assert "  ~ HX-3  Mobile app crashes on Android 15 when offline" in result.stdout
    assert "      severity: critical → high" in result.stdout
    assert "      status: in progress → resolved" in result.stdout


def test_standard_input_is_read_with_a_dash(db: Path) -> None:
    data = (SAMPLES / "gh-issues.json").read_bytes()
    result = checkin(db, "import", "github", "-", "-a", "helios", stdin=data)
    assert result.exit_code == 0, result.output
    assert "Imported standard input into Helios Energy: 4 new" in result.stdout


BROKEN = {
    "empty": b"",
    "header only": b"Summary,Issue key,Status,Created\n",
    "wrong columns": (SAMPLES / "linear-export.csv").read_bytes(),
    "bad date": b"Summary,Issue key,Status,Created\nSync,ACME-1,Open,someday\n",
    "ambiguous dates": b"Summary,Issue key,Status,Created\nS,A-1,Open,01/02/2017 10:00\n",
    "binary garbage": bytes(range(256)) * 8,
    "no title": b"Summary,Issue key,Status,Created,Due Date\n,A-1,Open,03/Nov/26,01/Nov/26\n",
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_bad_file_exits_65_and_leaves_the_database_byte_identical(
    db: Path, tmp_path: Path, name: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(BROKEN[name])
    before = digest(db)
    result = checkin(db, "import", "jira", str(bad), "--account", "acme")
    assert result.exit_code == 65, result.output
    assert result.stderr.startswith("checkin: bad.csv was not imported (1 problem)")
    assert "nothing was changed" in result.stderr
    assert digest(db) == before


def test_many_problems_are_cut_at_twenty(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    rows = "".join(f"S{n},A-{n},Open,never {n}\n" for n in range(30))
    bad.write_text("Summary,Issue key,Status,Created\n" + rows)
    result = checkin(db, "import", "jira", str(bad), "-a", "acme")
    assert result.exit_code == 65
    lines = result.stderr.strip().splitlines()
    assert "(30 problems)" in lines[0] and lines[-1] == "  and 10 more"
    assert len(lines) == 22
    assert lines[1].startswith("  row 2 (A-0), Created: 'never 0' is not a date")


def test_missing_file_unknown_account_and_no_workspace_exit_66(db: Path, tmp_path: Path) -> None:
    before = digest(db)
    missing = checkin(db, "import", "jira", str(tmp_path / "nope.csv"), "-a", "acme")
    assert missing.exit_code == 66 and "nope.csv: no such file" in missing.stderr
    folder = checkin(db, "import", "jira", str(tmp_path), "-a", "acme")
    assert folder.exit_code == 66 and "is a folder" in folder.stderr
    unknown = checkin(db, "import", "jira", sample_path(ImportFormat.JIRA), "-a", "nobody")
    assert unknown.exit_code == 66 and "no account 'nobody'" in unknown.stderr
    assert digest(db) == before
    nowhere = tmp_path / "none" / "db.json"
    result = checkin(nowhere, "import", "jira", sample_path(ImportFormat.JIRA), "-a", "acme")
    assert result.exit_code == 66 and not nowhere.exists()


def test_usage_errors_exit_2(db: Path) -> None:
    assert checkin(db, "import", "jira", sample_path(ImportFormat.JIRA)).exit_code == 2
    assert checkin(db, "import", "trello", "x.csv", "-a", "acme").exit_code == 2


def test_a_locked_database_exits_75_but_a_dry_run_still_works(db: Path) -> None:
    holder = Workspace.open(db)
    try:
        before = digest(db)
        result = checkin(db, "import", "jira", sample_path(ImportFormat.JIRA), "-a", "acme")
        assert result.exit_code == 75, result.output
        assert "open in another checkin" in result.stderr
        dry = checkin(db, "import", "jira", sample_path(ImportFormat.JIRA), "-a", "acme", "-n")
        assert dry.exit_code == 0, dry.output
        assert digest(db) == before
    finally:
        holder.close()


IMPORTS = Path(__file__).parents[1] / "data" / "imports"


def test_the_format_is_detected_when_left_out(db: Path) -> None:
    result = checkin(db, "import", str(IMPORTS / "github-rest-issues.json"), "-a", "helios")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Imported github-rest-issues.json (detected: GitHub (gh issue list --json)) into "
    )
    assert ": 5 new, 0 updated, 0 unchanged." in result.stdout
    assert "  1 pull request skipped (#12)" in result.stdout


def test_an_undetectable_file_or_an_unknown_format_says_so(db: Path, tmp_path: Path) -> None:
    before = digest(db)
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b\n1,2\n")
    result = checkin(db, "import", str(odd), "-a", "acme")
    assert result.exit_code == 65
    assert "I cannot tell which tracker this file comes from" in result.stderr
    unknown = checkin(db, "import", "trello", str(odd), "-a", "acme")
    assert unknown.exit_code == 2 and "'trello' is not one of csv, jira" in unknown.stderr
    assert digest(db) == before


def test_dry_run_lists_warnings_and_map_makes_the_vocabulary_explicit(db: Path) -> None:
    before = digest(db)
    path = str(IMPORTS / "jira-server-custom.csv")
    result = checkin(db, "import", "jira", path, "-a", "acme", "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    warnings = lines[lines.index("Warnings:") + 1 : -1]
    assert (
        warnings[0]
        == "  Dates such as 16/02/2017 15:26 were read day first (inferred from the file)."
    )
    assert "  3 blank rows skipped (row 7; row 8; row 9)" in warnings
    assert any('Priority "Must Have"' in w for w in warnings)
    assert lines[-1] == "Nothing was written (--dry-run)."
    mapped = checkin(
        db, "import", "jira", path, "-a", "acme", "-n",
        "--map", 'priority:"Must Have"=critical', "--map", "status:Verifying=planned",
    )  # fmt: skip
    assert mapped.exit_code == 0, mapped.output
    assert "+ SRV-101  Quarterly export truncates long names" in mapped.stdout
    assert "new: critical, planned, opened 2017-02-16 15:26" in mapped.stdout
    assert '"Must Have"' not in mapped.stdout and '"Verifying"' not in mapped.stdout
    assert digest(db) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--map", "priority=high"), "write it as FIELD:VALUE=OURS"),
        (("--map", "priority:P9=urgent"), "'urgent' is not one of critical"),
        (("--acknowledged-before", "last week"), "'last week' is not a date like 2026-11-06"),
    ],
)
def test_bad_options_are_usage_errors(db: Path, args: tuple[str, ...], message: str) -> None:
    result = checkin(db, "import", str(IMPORTS / "jira-cloud-ids.csv"), "-a", "acme", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_acknowledged_before_sets_the_horizon(db: Path) -> None:
    path = str(IMPORTS / "zendesk-incremental.json")
    result = checkin(db, "import", path, "-a", "cobalt", "--acknowledged-before", "2026-10-07")
    assert result.exit_code == 0, result.output
    assert (
        "  1 issue in a backlog state or opened before 2026-10-07 counted as acknowledged at "
        "import (no 48-hour breach)"
    ) in result.stdout
    ws = Workspace.open(db, read_only=True)
    try:
        issues = {i.external_id: i for i in ws.issues(ws.account("cobalt").id)}
    finally:
        ws.close()
    assert issues["70003"].acknowledged is not None  # new, opened 6 Oct: before the horizon
    assert "70002" not in issues and "70004" not in issues  # deleted tickets


def test_a_two_year_backlog_gives_no_old_not_acknowledged_reason_in_agenda_json(
    db: Path, tmp_path: Path
) -> None:
    import orjson

    from tests.unit.importer_files import backlog_export

    export = tmp_path / "backlog.csv"
    export.write_bytes(backlog_export(2000, end=datetime(2026, 11, 21, 9, 0)))
    horizon = "2026-10-22"
    result = checkin(db, "import", str(export), "-a", "acme", "--acknowledged-before", horizon)
    assert result.exit_code == 0, result.output
    assert ": 2000 new, 0 updated, 0 unchanged." in result.stdout
    at = ["--at", "2026-11-22T09:00", "--format", "json"]
    agenda = CliRunner().invoke(cli, ["agenda", "--db", str(db), "acme", *at])
    assert agenda.exit_code == 0, agenda.output
    data = orjson.loads(agenda.stdout_bytes)
    texts = [r["text"] for item in data["items"] + data["parked"] for r in item["reasons"]]
    late = [t.split()[2:4] for t in texts if t.startswith("not acknowledged")]
    hours = [int(n) * (1 if unit == "h" else 24) for n, unit in late]
    assert max(hours) < 31 * 24  # only what was opened after the horizon
    said_in_hours = [int(m) for t in texts for m in re.findall(r"(\d+) h after", t)]
    assert all(h <= 72 for h in said_in_hours)  # longer breaches are said in days
