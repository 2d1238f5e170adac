"""``checkin minutes`` and ``checkin ics`` on a demo file: output, files and exit codes."""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from checkin.cli.demo import ensure_demo
from checkin.cli.main import cli
from checkin.services.workspace import Workspace
from tests.conftest import NOW


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "db.json"
    ensure_demo(path, NOW)
    return path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def meeting_ids(db: Path, slug: str) -> list[str]:
    ws = Workspace.open(db, read_only=True)
    try:
        return [m.id for m in ws.meetings(ws.account(slug).id)]
    finally:
        ws.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_minutes_of_a_meeting_print_as_markdown(db: Path) -> None:
    meeting = meeting_ids(db, "acme")[0]
    result = run(db, "minutes", meeting)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Acme Health · Monthly check-in · ")
    assert "## Action items" in result.stdout and result.stderr == ""


def test_an_account_slug_gives_its_latest_meeting(db: Path) -> None:
    by_slug = run(db, "minutes", "helios")
    by_id = run(db, "minutes", meeting_ids(db, "helios")[0])
    assert by_slug.exit_code == 0 and by_slug.stdout == by_id.stdout


def test_an_unknown_meeting_exits_66_with_a_hint(db: Path) -> None:
    result = run(db, "minutes", "m-zzzzzz")
    assert result.exit_code == 66
    assert "checkin: no meeting 'm-zzzzzz'" in result.stderr
    assert "checkin accounts" in result.stderr
    close = meeting_ids(db, "acme")[0][:-1] + "?"
    result = run(db, "minutes", close)
    assert result.exit_code == 66 and "Did you mean" in result.stderr


def test_html_and_chat_formats(db: Path) -> None:
    meeting = meeting_ids(db, "northwind")[0]
    html = run(db, "minutes", meeting, "--format", "html")
    assert html.exit_code == 0 and html.stdout.startswith("<!DOCTYPE html>")
    text = run(db, "minutes", meeting, "--format", "text")
    assert text.exit_code == 0 and text.stdout.startswith("Northwind Logistics · ")
    assert "|" not in text.stdout
    bad = run(db, "minutes", meeting, "--format", "pdf")
    assert bad.exit_code == 2


def test_output_file_is_private_and_stdout_stays_empty(db: Path, tmp_path: Path) -> None:
    meeting = meeting_ids(db, "acme")[0]
    target = tmp_path / "out" / "acme.md"
    result = run(db, "minutes", meeting, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and str(target) in result.stderr
    assert mode(target) == 0o600 and mode(target.parent) == 0o700
    assert target.read_text() == run(db, "minutes", meeting).stdout
    target.write_text("old")
    target.chmod(0o644)
    assert run(db, "minutes", meeting, "-o", str(target)).exit_code == 0
    assert mode(target) == 0o600 and target.read_text() != "old"


def test_output_to_a_folder_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    result = run(db, "minutes", "acme", "-o", str(tmp_path))
    assert result.exit_code == 2 and "directory" in result.output


def test_a_running_meeting_gives_draft_minutes(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "db.json"
    copy.write_bytes(db.read_bytes())
    ws = Workspace.open(copy)
    try:
        meeting = ws.meetings(ws.account("tessera").id)[0]
        ws.save(dataclasses.replace(meeting, ended=None))
    finally:
        ws.close()
    result = run(copy, "minutes", meeting.id)
    assert result.exit_code == 0
    assert "has not ended yet; these minutes are a draft" in result.stderr
    assert result.stdout.splitlines()[0].endswith("(draft)")


def test_commands_work_beside_a_running_app(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "db.json"
    copy.write_bytes(db.read_bytes())
    holder = Workspace.open(copy)  # holds the writer lock, like the app does
    try:
        assert run(copy, "minutes", "acme").exit_code == 0
        assert run(copy, "ics", "acme").exit_code == 0
    finally:
        holder.close()


def test_ics_prints_a_calendar_that_parses(db: Path) -> None:
    result = run(db, "ics", "acme")
    assert result.exit_code == 0, result.output
    cal = Calendar.from_ical(result.stdout_bytes)
    assert len(list(cal.walk("VEVENT"))) == 1
    assert len(list(cal.walk("VTODO"))) >= 4
    assert b"\r\n" in result.stdout_bytes


def test_ics_to_a_file(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "acme.ics"
    result = run(db, "ics", "acme", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert mode(target) == 0o600
    Calendar.from_ical(target.read_bytes())


def test_ics_of_an_unknown_account_exits_66(db: Path) -> None:
    result = run(db, "ics", "nope")
    assert result.exit_code == 66 and "no account 'nope'" in result.stderr


def test_no_workspace_exits_66(tmp_path: Path) -> None:
    result = run(tmp_path / "missing.json", "minutes", "acme")
    assert result.exit_code == 66 and "there is no workspace" in result.stderr


def test_minutes_for_the_team_and_as_a_mail_draft(db: Path, tmp_path: Path) -> None:
    import email
    from email.policy import default

    meeting = meeting_ids(db, "acme")[0]
    client = run(db, "minutes", meeting)
    team = run(db, "minutes", meeting, "--for", "team")
    assert team.exit_code == 0 and "## For our team" in team.stdout
    assert "## For our team" not in client.stdout
    target = tmp_path / "acme.eml"
    result = run(db, "minutes", meeting, "--format", "eml", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600
    msg = email.message_from_bytes(target.read_bytes(), policy=default)
    assert msg["X-Unsent"] == "1" and msg["Subject"].endswith(": minutes")
    kinds = {part.get_content_type() for part in msg.walk() if not part.is_multipart()}
    assert kinds <= {"text/plain", "text/html", "text/calendar"}
    assert {"text/plain", "text/html"} <= kinds
    assert run(db, "minutes", meeting, "--for", "board").exit_code == 2


def test_the_pre_read_as_a_mail_draft(db: Path) -> None:
    import email
    from email.policy import default

    result = CliRunner().invoke(
        cli, ["--db", str(db), "agenda", "acme", "--at", "2026-11-23T10:00", "--format", "eml"]
    )
    assert result.exit_code == 0, result.output
    msg = email.message_from_bytes(result.stdout_bytes, policy=default)
    assert msg["Subject"] == "Acme Health check-in, Mon 23 Nov 2026: agenda"
    kinds = [part.get_content_type() for part in msg.walk() if not part.is_multipart()]
    assert kinds == ["text/plain", "text/html", "text/calendar"]
    plain = next(p for p in msg.walk() if p.get_content_type() == "text/plain")
    assert "48 h" not in plain.get_content()
    team = run(db, "agenda", "acme", "--at", "2026-11-23T10:00", "--for", "team")
    assert "(48 h rule)" in team.stdout
