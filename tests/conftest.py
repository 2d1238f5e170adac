"""Shared fixtures: a fixed clock and workspaces in memory and on disk."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from checkin.services.workspace import Workspace

NOW = datetime(2026, 11, 22, 9, 0)


class Clock:
    """A clock the test moves forward (``clock.now = ...``), so timers and stamps are
    predictable."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True, scope="session")
def private_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user cache folder ($XDG_CACHE_HOME) is a temporary one for the whole run, in the
    test processes and in every program they start: what the app keeps there (the CSS rules
    of ui/css_cache.py) is never written to the real home by a test."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture(params=["memory", "file"])
def workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """A fresh workspace, once in memory and once as a real TinyDB file on disk."""
    if request.param == "memory":
        ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(1))
    else:
        ws = Workspace.open(tmp_path / "ws" / "db.json", clock=lambda: NOW, rng=random.Random(1))
    yield ws
    ws.close()


@pytest.fixture
def file_workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "ws" / "db.json", clock=lambda: NOW, rng=random.Random(1))
    yield ws
    ws.close()
