"""The planning service: templates (shipped and the user's), account data and plan()."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from checkin.bench.generate import S, busiest_account, generate, write
from checkin.core.agenda import build_agenda
from checkin.core.enums import IssueStatus, Phase
from checkin.core.errors import NotFound, ValidationError
from checkin.core.records import Account
from checkin.markdown.template import TemplateError
from checkin.services import paths, planning
from checkin.services.demo import seed_demo
from checkin.services.workspace import Workspace
from tests.unit.agenda_data import NOW

SHIPPED = ["escalation", "kickoff", "monthly", "qbr", "weekly"]


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config" / "agendas"
    monkeypatch.setattr(paths, "user_template_dir", lambda: folder)
    return folder


@pytest.fixture(scope="module")
def demo() -> Iterator[Workspace]:
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(NOW.isoformat()))
    with ws.transaction():
        seed_demo(ws, NOW)
    yield ws
    ws.close()


def test_shipped_templates_are_listed(user_dir: Path) -> None:
    assert planning.template_names() == SHIPPED
    assert planning.load_template("monthly").title == "Monthly check-in"


def test_a_user_template_adds_a_name_and_wins_over_a_shipped_one(user_dir: Path) -> None:
    user_dir.mkdir(parents=True)
    (user_dir / "monthly.md").write_text("# My monthly\n\n## All\n\nTakes: issue\n")
    (user_dir / "board.md").write_text("## Board\n\n- Numbers (10 min)\n")
    (user_dir / "README.md").write_text("not a template")
    assert planning.template_names() == ["board", *SHIPPED]
    assert planning.load_template("monthly").title == "My monthly"
    assert planning.load_template("board").standing[0].minutes == 10


def test_an_unknown_template_lists_the_names(user_dir: Path) -> None:
    with pytest.raises(NotFound) as caught:
        planning.load_template("weekly-ish")
    assert str(caught.value) == (
        "no agenda template 'weekly-ish'. Templates: escalation, kickoff, monthly, qbr, weekly"
    )


def test_a_malformed_user_template_names_its_file_and_line(user_dir: Path) -> None:
    user_dir.mkdir(parents=True)
    broken = user_dir / "broken.md"
    broken.write_text("## A\n\nTakes: issues, meetings\n")
    with pytest.raises(TemplateError) as caught:
        planning.load_template("broken")
    assert str(caught.value).startswith(f"agenda template {broken}, line 3: unknown item kind")
    broken.write_bytes(b"## A\n\n- \xff\n")
    with pytest.raises(TemplateError, match="is not UTF-8 text"):
        planning.load_template("broken")


@pytest.mark.parametrize(
    ("phase", "name"),
    [(Phase.ESCALATION, "escalation"), (Phase.PROJECT, "weekly"), (Phase.NORMAL, "monthly")],
)
def test_the_phase_picks_the_default_template(demo: Workspace, phase: Phase, name: str) -> None:
    account = next(a for a in demo.accounts() if a.phase is phase)
    assert planning.default_template(account) == name
    agenda = planning.plan(demo, account)
    assert agenda.template == name
    assert agenda.length_minutes == planning.load_template(name).minutes


def test_plan_takes_a_slug_template_minutes_and_moment(demo: Workspace) -> None:
    agenda = planning.plan(demo, "acme", template="qbr", minutes=90, at=NOW)
    assert (agenda.account.slug, agenda.template, agenda.length_minutes) == ("acme", "qbr", 90)
    assert agenda.now == NOW
    with pytest.raises(ValidationError, match="between 5 and 480, not 3"):
        planning.plan(demo, "acme", minutes=3)
    with pytest.raises(NotFound, match="Accounts: "):
        planning.plan(demo, "nobody")


def test_the_fast_path_gives_the_agenda_of_the_full_data(demo: Workspace) -> None:
    for account in demo.accounts():
        template = planning.load_template(planning.default_template(account))
        full = build_agenda(planning.account_data(demo, account), template, 30, NOW)
        fast = build_agenda(planning.account_data(demo, account, at=NOW), template, 30, NOW)
        assert fast == full, account.slug


def test_the_fast_path_on_a_busy_generated_account(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    write(S, path)  # deterministic: the same tables generate(S) returns
    busiest = busiest_account(generate(S))
    ws = Workspace.open(path, clock=lambda: NOW, read_only=True)
    try:
        template = planning.load_template("monthly")
        full_data = planning.account_data(ws, busiest)
        fast_data = planning.account_data(ws, busiest, at=NOW)
        assert len(fast_data.issues) < len(full_data.issues)
        assert len(fast_data.meetings) < len(full_data.meetings)
        for length in (30, 480):
            full = build_agenda(full_data, template, length, NOW)
            assert build_agenda(fast_data, template, length, NOW) == full
    finally:
        ws.close()


def _json(agenda: object) -> str:
    from checkin.cli.agenda import agenda_json

    return json.dumps(agenda_json(agenda), sort_keys=True)  # type: ignore[arg-type]


def _full_plan(ws: Workspace, account: Account, template: str, length: int) -> str:
    """The straightforward path: every record of the account decoded, then the engine."""
    chosen = planning.load_template(template)
    return _json(build_agenda(planning.account_data(ws, account), chosen, length, NOW))


def test_plan_reads_kept_records_and_gives_the_full_datas_json(demo: Workspace) -> None:
    for account in demo.accounts():
        for template in ("monthly", "escalation"):
            for length in (20, 60):
                for _ in range(2):  # the second plan reads the kept records
                    kept = planning.plan(demo, account, template=template, minutes=length, at=NOW)
                    expected = _full_plan(demo, account, template, length)
                    assert _json(kept) == expected, (account.slug, template, length)


def test_kept_records_follow_every_change(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "w.json", clock=lambda: NOW, rng=random.Random(3))
    try:
        with ws.transaction():
            seed_demo(ws, NOW)
        account = next(a for a in ws.accounts() if ws.issues(a.id))
        before = _json(planning.plan(ws, account, minutes=45, at=NOW))
        issue = next(i for i in ws.issues(account.id) if i.is_open)
        issue.status = IssueStatus.CLOSED
        ws.save(issue)
        after = _json(planning.plan(ws, account, minutes=45, at=NOW))
        assert after != before
        assert after == _full_plan(ws, account, planning.default_template(account), 45)
    finally:
        ws.close()


def test_plan_on_a_busy_generated_account_equals_the_full_path(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    write(S, path)
    busiest = busiest_account(generate(S))
    ws = Workspace.open(path, clock=lambda: NOW, read_only=True)
    try:
        account = ws.account(busiest)
        for template, length in (("monthly", 30), ("escalation", 480), ("weekly", 45)):
            for moment in (NOW, NOW - timedelta(days=40), NOW + timedelta(days=90)):
                kept = planning.plan(ws, account, template=template, minutes=length, at=moment)
                chosen = planning.load_template(template)
                full = build_agenda(planning.account_data(ws, account), chosen, length, moment)
                assert _json(kept) == _json(full), (template, length, moment)
    finally:
        ws.close()
