"""Start-up probes, run in a child process: exit as soon as the first screen is interactive.

``python -m checkin.bench.probe bare`` is the baseline: a bare Textual app showing one screen.
``python -m checkin.bench.probe checkin PATH`` starts checkin the way the ``checkin`` command
does and exits once the accounts screen has been painted and takes keys;
``... checkin PATH --settled`` waits until every account's figures are filled in as well.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# The parent's wall-clock time just before it started this process.
STARTED = float(os.environ.get("CHECKIN_PROBE_T0", "0") or 0)


def bare() -> float:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def on_ready(self) -> None:
            ready.append(time.time())
            self.exit()

    ready: list[float] = []
    Bare().run(headless=True, size=(120, 40))
    return ready[0]


def checkin(path: Path, *, settled: bool) -> tuple[float, float | None]:
    """When the milestone was reached, and (settled) the longest stall of the event loop
    between the first frame and every figure in."""
    # The path the installed ``checkin --db PATH`` takes, imports included.
    from checkin.cli.entry import open_app

    milestones = open_app(path, probe="settled" if settled else "ready")
    return milestones["settled" if settled else "ready"], milestones.get("longest_stall")


def peak_memory_kb() -> int:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss it starts at exec, so the
    parent's size at fork does not count)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main(argv: list[str]) -> None:
    stall = None
    if argv[:1] == ["bare"]:
        reached = bare()
    elif argv[:1] == ["checkin"] and len(argv) >= 2:
        reached, stall = checkin(Path(argv[1]), settled="--settled" in argv)
    else:
        sys.exit("usage: python -m checkin.bench.probe bare | checkin PATH [--settled]")
    stalled = "" if stall is None else f" stall_s={stall:.6f}"
    print(f"peak_kb={peak_memory_kb()} ready_s={reached - STARTED:.6f}{stalled}")


if __name__ == "__main__":
    main(sys.argv[1:])
