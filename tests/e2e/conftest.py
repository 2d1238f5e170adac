"""End-to-end fixtures: a fresh user (``sandbox``) and checkin in real terminals (``launch``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.sandbox import Sandbox, checkin_executable
from tests.e2e.terminal import SIZE, Launch, Terminal, kill_quietly, tmux_path


@pytest.fixture(scope="session", autouse=True)
def installed_checkin() -> Path:
    """The suite tests the installed program: without it, say how to install it."""
    program = checkin_executable()
    if not program.is_file():
        pytest.fail(
            f"no checkin next to {sys.executable}: install it first with pip install -e '.[test]'",
            pytrace=False,
        )
    return program


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    """A new user with an empty home: nothing from the machine's real user leaks in."""
    return Sandbox(tmp_path)


@pytest.fixture
def launch(sandbox: Sandbox) -> Iterator[Launch]:
    """Start ``checkin ARGS`` in a real terminal: ``launch("--db", str(db), size=(80, 24))``.

    Every terminal started is closed after the test, passed or failed. ``env`` adds or
    overrides environment variables (``env={"CHECKIN_DB": ...}``).
    """
    if tmux_path() is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")
    started: list[Terminal] = []

    def start(
        *args: str, size: tuple[int, int] = SIZE, env: dict[str, str] | None = None
    ) -> Terminal:
        terminal = Terminal(
            [str(checkin_executable()), *args],
            env=sandbox.env(**(env or {})),
            cwd=sandbox.root,
            size=size,
        )
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        kill_quietly(terminal)
