"""``checkin accounts``: the sort orders, the health column and the JSON of DESIGN section 5."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checkin.cli.demo import ensure_demo
from checkin.cli.main import cli
from checkin.services.workspace import system_clock

RANK = {"at risk": 0, "watch": 1, "good": 2}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as a user gets it: seeded now, read by the command on the real clock."""
    path = tmp_path_factory.mktemp("demo") / "db.json"
    ensure_demo(path, system_clock())
    return path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "accounts", *args])


def listed(db: Path, *args: str) -> list[dict[str, object]]:
    result = run(db, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def test_sort_health_lists_the_demo_weakest_first_with_one_at_risk(db: Path) -> None:
    accounts = listed(db, "--sort", "health")
    health = [a["health"] for a in accounts]
    order = [(RANK[h["status"]], h["score"]) for h in health]  # type: ignore[index]
    assert order == sorted(order)
    assert health[0]["status"] == "at risk"  # type: ignore[index]
    assert accounts[0]["slug"] == "bluefin"
    for account in accounts:
        trend = account["health"]["trend"]  # type: ignore[index]
        days = [point["date"] for point in trend]
        assert len(days) == len(set(days)), account["slug"]
        assert days == sorted(days)
        assert [p["now"] for p in trend] == [False] * (len(trend) - 1) + [True]
        assert trend[-1]["score"] == account["health"]["score"]  # type: ignore[index]


def test_the_json_carries_the_design_fields(db: Path) -> None:
    (bluefin,) = [a for a in listed(db) if a["slug"] == "bluefin"]
    for key in ("slug", "name", "health", "next_meeting", "last_checkin", "cadence_days",
                "renewal", "open_critical", "overdue_actions", "meetings"):  # fmt: skip
        assert key in bluefin
    health = bluefin["health"]
    assert set(health) >= {"score", "status", "trend"}  # type: ignore[arg-type]
    assert 0 <= health["score"] <= 100  # type: ignore[index]
    renewal = system_clock().date() + timedelta(days=62)
    assert bluefin["renewal"] == renewal.isoformat()
    assert bluefin["contract_value"] == 48000 and bluefin["seats"] == 120
    assert "renewal in 62 days" in bluefin["needs_attention"]  # type: ignore[operator]
    assert "T" in str(bluefin["next_meeting"])  # an ISO date-time
    assert bluefin["cadence_days"] == 30


def test_sort_due_and_name(db: Path) -> None:
    dues = [a["next_due"] for a in listed(db, "--sort", "due")]
    assert dues == sorted(dues)  # type: ignore[type-var]
    names = [str(a["name"]).casefold() for a in listed(db, "--sort", "name")]
    assert names == sorted(names)
    renewals = [a["renewal"] for a in listed(db, "--sort", "renewal")]
    assert renewals == sorted(renewals)  # type: ignore[type-var]


def test_the_table_has_a_health_column_with_why(db: Path) -> None:
    result = run(db, "--sort", "health")
    assert result.exit_code == 0, result.output
    header, first, *_rest = result.stdout.splitlines()
    assert header.split()[:4] == ["ACCOUNT", "NAME", "HEALTH", "WHY"]
    assert first.startswith("bluefin") and "at risk" in first and "renewal in 62 d" in first


def test_an_unknown_sort_is_a_usage_error(db: Path) -> None:
    result = run(db, "--sort", "mood")
    assert result.exit_code == 2
    assert "'mood' is not one of" in result.stderr


def test_next_meeting_is_the_agendas_moment_for_every_account(db: Path) -> None:
    """``accounts`` and ``agenda`` read one next meeting: its start is the agenda's ``at``."""
    from datetime import datetime

    accounts = listed(db)
    assert accounts and all(a["cadence_days"] for a in accounts)
    for account in accounts:
        assert account["next_meeting"], account["slug"]
        result = CliRunner().invoke(
            cli, ["--db", str(db), "agenda", str(account["slug"]), "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["at"] == account["next_meeting"], account["slug"]
        start = datetime.fromisoformat(str(account["next_meeting"]))
        if account["slug"] == "bluefin":  # its profile avoids Mondays
            assert start.weekday() not in (0, 5, 6)
