"""Journey: a new user follows README.md to the letter.

The quick start runs first (``checkin demo`` in a real terminal, then ``ctrl+q``); then every
command line of the README's ``sh`` blocks runs as printed, through ``sh`` in its own tmux
terminal, from the sandbox folder (so files they write land there), and must exit 0. The
commands are read from README.md, so this test follows the README when it changes.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from tests.e2e.sandbox import Sandbox
from tests.e2e.terminal import Launch, Terminal, kill_quietly

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
SAMPLES = ROOT / "tests" / "data" / "samples"

# Programs of the developer's set-up: installing checkin (done: the suite runs the installed
# one), running this very suite, and the linters. They are not a user's commands to try.
DEVELOPER = {"pip", "pytest", "ruff", "mypy"}
# Programs outside checkin that the README pipes from, and what stands in for them here.
STAND_INS = {"gh": SAMPLES / "gh-issues.json"}
# Files the README's examples read, and the sample each one is a copy of.
INPUT_FILES = {"Downloads/Jira.csv": SAMPLES / "jira-export.csv"}
USING_DEMO = "checkin: using the demo workspace"


def readme_commands(text: str) -> list[str]:
    """The command lines of the ``sh`` blocks, in order: continued lines joined."""
    commands: list[str] = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                commands.append(line.strip())
    return commands


def programs(command: str) -> list[str]:
    """The program of each part of ``command`` (split at ``&&``, ``||``, ``|`` and ``;``)."""
    words = shlex.split(command, comments=True)
    found, expect = [], True
    for word in words:
        if expect:
            found.append(word)
            expect = False
        if word in ("&&", "||", "|", ";"):
            expect = True
    return found


def checkin_part(command: str) -> str:
    """What a user runs of a line like ``pip install . && checkin demo``: the checkin part."""
    parts = [part.strip() for part in command.split("&&")]
    kept = [p for p in parts if (programs(p) or [""])[0] not in DEVELOPER]
    return " && ".join(kept)


def run_in_terminal(sandbox: Sandbox, command: str, stand_ins: Path) -> Terminal:
    env = sandbox.env()
    env["PATH"] = f"{stand_ins}:{env['PATH']}"
    return Terminal(["sh", "-c", command], env=env, cwd=sandbox.root)


def make_stand_ins(folder: Path) -> Path:
    folder.mkdir()
    for name, sample in STAND_INS.items():
        script = folder / name
        script.write_text(f"#!/bin/sh\nexec cat {shlex.quote(str(sample))}\n")
        script.chmod(0o755)
    return folder


def test_the_readme_is_read_right() -> None:
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert commands[0] == "pip install . && checkin demo"  # the quick start comes first
    assert checkin_part(commands[0]) == "checkin demo"
    assert "checkin accounts" in commands and "checkin agenda acme" in commands
    github = next(c for c in commands if "import github" in c)
    assert programs(github) == ["gh", "checkin"]


def test_every_command_of_the_readme_works_as_printed(sandbox: Sandbox, launch: Launch) -> None:
    if shutil.which("sh") is None:
        pytest.skip("no sh")
    commands = readme_commands(README.read_text(encoding="utf-8"))
    unknown = {
        program
        for command in commands
        for program in programs(command)
        if program not in DEVELOPER | set(STAND_INS) | {"checkin"}
    }
    assert not unknown, f"the README shows commands of {unknown}: teach this test about them"
    for name, sample in INPUT_FILES.items():
        target = sandbox.home / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample, target)
    stand_ins = make_stand_ins(sandbox.root / "stand-ins")

    # The quick start: `checkin demo` opens the app on the demo; ctrl+q quits.
    quick_start = checkin_part(commands[0])
    term = launch(*shlex.split(quick_start)[1:])
    term.wait_for("7 of 7 accounts")
    term.send("ctrl+q")
    assert term.exit_status() == 0, term.text()

    ran = 0
    for command in commands[1:]:
        line = checkin_part(command)
        if not line:
            continue  # a developer's command (install, tests, linters)
        term = run_in_terminal(sandbox, line, stand_ins)
        try:
            status = term.exit_status(timeout=30)
            output = term.text()
        finally:
            kill_quietly(term)
        assert status == 0, f"`{line}` exited {status}:\n{output}"
        assert "Traceback" not in output, output
        # No workspace of one's own yet: each command says, once, that it uses the demo.
        assert output.count(USING_DEMO) == 1, f"`{line}`:\n{output}"
        ran += 1
    assert ran >= 10
    assert (sandbox.root / "helios.md").is_file()
    assert (sandbox.root / "acme.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert not (sandbox.data_dir / "workspace.json").exists()  # the demo was never copied
