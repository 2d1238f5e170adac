"""``checkin agenda``: output formats, files, and clear errors with the documented exit codes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner, Result

from checkin.cli.main import cli
from checkin.services import paths

AT = "2026-11-22T09:00"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "db.json"
    result = CliRunner().invoke(cli, ["demo", "--no-tui", "--db", str(path), "--at", AT])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config" / "agendas"
    monkeypatch.setattr(paths, "user_template_dir", lambda: folder)
    return folder


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["agenda", "--db", str(db), *args])


def test_markdown_pre_read(db: Path) -> None:
    result = run(db, "acme", "--at", AT)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Acme Health: Escalation review\n")
    assert (
        "1. **Patient sync fails for EU tenants since the 8.4 upgrade** — 14 min" in result.output
    )


def test_the_same_command_twice_gives_the_same_bytes(db: Path) -> None:
    for fmt in ("md", "json"):
        first = run(db, "helios", "--at", AT, "--format", fmt)
        second = run(db, "helios", "--at", AT, "--format", fmt)
        assert first.exit_code == 0
        assert first.stdout_bytes == second.stdout_bytes


def test_json_lists_every_item_with_its_reasons(db: Path) -> None:
    result = run(db, "helios", "--at", AT, "--format", "json", "--minutes", "45")
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout_bytes)
    assert (data["template"], data["length_minutes"], data["at"]) == (
        "weekly",
        45,
        "2026-11-22T09:00:00",
    )
    first = data["items"][0]
    assert set(first) >= {
        "rank", "section", "kind", "title", "planned_minutes", "reasons", "source_ref",
        "carried_from", "owner", "records", "importance", "must_discuss",
    }  # fmt: skip
    assert isinstance(data["warnings"], list)
    assert [item["rank"] for item in data["items"] + data["parked"]] == list(
        range(1, len(data["items"]) + len(data["parked"]) + 1)
    )
    assert sum(item["planned_minutes"] for item in data["items"]) == data["planned_minutes"] <= 45
    carried = next(i for i in data["items"] if i["carried_from"])
    said = {"rule": "carried_over", "score": 25.0, "text": "carried from 2026-11-15"}
    assert said | {"source": carried["source_ref"]} in carried["reasons"]
    assert carried["records"][0] == carried["source_ref"]


def test_template_option_and_output_file(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "acme-qbr.md"
    result = run(db, "acme", "--at", AT, "--template", "qbr", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "Wrote the agenda of Acme Health to" in result.stderr
    assert result.stdout == ""
    assert target.read_text().startswith("# Acme Health: Quarterly business review\n")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_an_aware_moment_is_converted_to_local_time(db: Path) -> None:
    result = run(db, "acme", "--at", "2026-11-22T09:00+00:00", "--format", "json")
    assert result.exit_code == 0, result.output


def test_unknown_account_exits_66(db: Path) -> None:
    result = run(db, "nobody", "--at", AT)
    assert result.exit_code == 66
    assert "checkin: no account 'nobody'. Accounts: " in result.stderr
    assert "acme" in result.stderr


def test_unknown_template_exits_66_with_the_names(db: Path) -> None:
    result = run(db, "acme", "--template", "fortnightly")
    assert result.exit_code == 66
    assert result.stderr == (
        "checkin: no agenda template 'fortnightly'. "
        "Templates: escalation, kickoff, monthly, qbr, weekly\n"
    )


def test_malformed_template_exits_65_naming_file_and_line(db: Path, user_dir: Path) -> None:
    user_dir.mkdir(parents=True)
    (user_dir / "monthly.md").write_text("## Issues\n\nTakes: issue\n\n### Too deep\n")
    result = run(db, "tessera", "--at", AT)
    assert result.exit_code == 65
    assert f"agenda template {user_dir / 'monthly.md'}, line 5: use '## ' for sections" in (
        result.stderr
    )


@pytest.mark.parametrize("value", ["someday", "2026-13-01T09:00", "22/11/2026"])
def test_a_bad_moment_is_a_usage_error(db: Path, value: str) -> None:
    result = run(db, "acme", "--at", value)
    assert result.exit_code == 2
    assert "--at" in result.stderr and "ISO 8601" in result.stderr


@pytest.mark.parametrize("value", ["3", "481", "half"])
def test_a_bad_length_is_a_usage_error(db: Path, value: str) -> None:
    assert run(db, "acme", "--minutes", value).exit_code == 2


def test_a_missing_workspace_exits_66(tmp_path: Path) -> None:
    result = run(tmp_path / "none.json", "acme")
    assert result.exit_code == 66
    assert "there is no workspace at" in result.stderr


def test_help_names_the_user_template_folder(db: Path, user_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["agenda", "--help"])
    assert result.exit_code == 0
    assert "Your templates folder:" in result.output


def test_an_unwritable_output_is_a_clear_error(db: Path, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    result = run(db, "acme", "--at", AT, "-o", str(not_a_folder / "agenda.md"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"checkin: cannot write {not_a_folder / 'agenda.md'}: ")
