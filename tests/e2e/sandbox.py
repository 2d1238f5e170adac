"""A fresh user for end-to-end tests: an empty home, and checkin run as that user."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEMO_AT = "2026-11-22T09:00"  # the fixed moment reproducible demo workspaces are seeded at


def checkin_executable() -> Path:
    """The ``checkin`` script installed next to the Python running the tests (the venv's)."""
    return Path(sys.executable).parent / "checkin"


@dataclass
class Sandbox:
    """A fresh user: an empty home and XDG folders, and an environment that points at them."""

    root: Path
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for folder in (self.home, self.data_home, self.config_home):
            folder.mkdir(parents=True, exist_ok=True)

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def data_home(self) -> Path:
        return self.home / ".local" / "share"

    @property
    def config_home(self) -> Path:
        return self.home / ".config"

    @property
    def data_dir(self) -> Path:
        """checkin's own folder in the user data folder (where ``demo.json`` goes)."""
        return self.data_home / "checkin"

    def env(self, **overrides: str) -> dict[str, str]:
        """The whole environment of a program run as this user; nothing else leaks in.

        ``CHECKIN_DB`` is unset unless a test passes it.
        """
        bin_dir = str(checkin_executable().parent)
        env = {
            "PATH": os.pathsep.join([bin_dir, "/usr/local/bin", "/usr/bin", "/bin"]),
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.data_home),
            "XDG_CONFIG_HOME": str(self.config_home),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_STATE_HOME": str(self.home / ".local" / "state"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        }
        if tz := os.environ.get("TZ"):
            env["TZ"] = tz
        return env | self.extra | overrides

    def run(
        self,
        *args: str,
        input: str | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        """Run ``checkin ARGS`` without a terminal (for commands that print and end)."""
        return subprocess.run(
            [str(checkin_executable()), *args],
            input=input,
            capture_output=True,
            text=True,
            env=self.env(**(env or {})),
            cwd=self.root,
            timeout=timeout,
            check=False,
        )

    def seed_demo(self, db: Path, at: str = DEMO_AT) -> Path:
        """A reproducible demo workspace at ``db`` (``checkin demo --no-tui --at AT``)."""
        done = self.run("demo", "--no-tui", "--db", str(db), "--at", at)
        assert done.returncode == 0, done.stderr
        return db
