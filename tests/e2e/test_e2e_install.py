"""Journey 1, the install check: version, help everywhere, usage errors, the README's commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import checkin
from tests.e2e.sandbox import Sandbox

pytestmark = pytest.mark.e2e

README = Path(__file__).parents[2] / "README.md"
# The commands of the issue that exist today; commands added later are found from --help.
KNOWN = {"accounts", "demo", "import", "minutes", "ics"}


def subcommands(help_text: str) -> list[str]:
    """The command names listed under "Commands:" in click's help output."""
    _, _, listing = help_text.partition("\nCommands:\n")
    return re.findall(r"^  (\S+)", listing, flags=re.MULTILINE)


def readme_commands() -> set[str]:
    """The subcommands the README's "Command line" block shows."""
    section = README.read_text(encoding="utf-8").split("\n## Command line\n", 1)[1]
    block = section.split("```", 2)[1]
    return set(re.findall(r"^checkin (?!\[)(\S+)", block, flags=re.MULTILINE))


def written_files(sandbox: Sandbox) -> list[Path]:
    return [p for p in sandbox.home.rglob("*") if p.is_file()]


def test_version_from_the_script_and_from_python_m(sandbox: Sandbox) -> None:
    expected = f"checkin, version {checkin.__version__}\n"
    for flag in ("--version", "-V"):
        done = sandbox.run(flag)
        assert (done.returncode, done.stdout, done.stderr) == (0, expected, "")
    module = subprocess.run(
        [sys.executable, "-m", "checkin", "--version"],
        capture_output=True,
        text=True,
        env=sandbox.env(),
        cwd=sandbox.root,
        timeout=60,
        check=False,
    )
    assert (module.returncode, module.stdout, module.stderr) == (0, expected, "")


def test_help_of_checkin_and_of_every_subcommand(sandbox: Sandbox) -> None:
    top = sandbox.run("--help")
    assert top.returncode == 0 and top.stderr == ""
    assert top.stdout.startswith("Usage: checkin [OPTIONS] [COMMAND]")
    assert "Exit codes: 0 ok, 1 error, 2 usage, 65 bad input data" in top.stdout
    commands = subcommands(top.stdout)
    assert set(commands) >= KNOWN, f"--help lists {commands}"
    for command in commands:
        for flag in ("--help", "-h"):
            done = sandbox.run(command, flag)
            assert done.returncode == 0, f"checkin {command} {flag}: {done.stderr}"
            assert done.stderr == "", f"checkin {command} {flag}"
            assert done.stdout.startswith(f"Usage: checkin {command} "), done.stdout
            description = done.stdout.split("\n\n", 2)[1].strip()
            assert description, f"checkin {command} {flag} has no description"
            assert "--db FILE" in done.stdout, f"checkin {command} does not take --db"
    assert written_files(sandbox) == [], "asking for help wrote files"


def test_usage_errors_exit_2_and_say_what_is_wrong(sandbox: Sandbox) -> None:
    commands = subcommands(sandbox.run("--help").stdout)
    cases: list[tuple[list[str], str]] = [
        (["--no-such-option"], "No such option"),
        (["--no-such-option"], "--no-such-option"),
        (["no-such-command"], "No such command 'no-such-command'"),
        (["import"], "Missing argument 'FILE'"),
        (["import", "trello", "x.csv", "--account", "acme"], "'trello' is not one of"),
        (["import", "jira", "x.csv"], "Missing option '--account'"),
        (["minutes"], "Missing argument 'MEETING'"),
        (["ics"], "Missing argument 'ACCOUNT'"),
        (["demo", "--at", "someday"], "Invalid value for --at"),
        (["accounts", "--format", "xml"], "'xml' is not one of"),
        *(([command, "--no-such-option"], "No such option") for command in commands),
    ]
    failures = []
    for args, message in cases:
        done = sandbox.run(*args)
        shown = f"checkin {' '.join(args)} -> {done.returncode}: {done.stderr.strip()}"
        if (
            done.returncode != 2
            or message not in done.stderr
            or "Usage: checkin" not in done.stderr
        ):
            failures.append(shown)
        elif done.stdout:
            failures.append(f"{shown} (and printed to stdout: {done.stdout!r})")
    assert not failures, "\n".join(failures)
    assert written_files(sandbox) == [], "a usage error wrote files"


def test_the_readme_shows_every_command_there_is(sandbox: Sandbox) -> None:
    commands = set(subcommands(sandbox.run("--help").stdout))
    assert readme_commands() == commands


def test_the_readme_quick_start_is_the_demo_journey_2_runs() -> None:
    """Journey 2 (test_e2e_first_run) runs exactly the command the quick start tells."""
    quick_start = README.read_text(encoding="utf-8").split("## Quick start", 1)[1]
    first_block = quick_start.split("```", 2)[1]
    assert first_block.strip().splitlines()[-1] == "pip install . && checkin demo"
