"""Timing helpers: child processes with their peak memory, and medians of repeated runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ChildRun:
    seconds: float  # from start to the milestone the probe waits for (not its exit)
    peak_bytes: int
    stall: float | None = None  # the event loop's longest stall after the first frame


def child_environment(bytecode: str | None = None, cache: str | None = None) -> dict[str, str]:
    """The environment of a probe: ours, with compiled modules read from and written to
    ``bytecode`` when given, and ``cache`` (when given) as the user cache folder.

    An installed package starts from its compiled modules (pip writes them at install time,
    Python at the first import). Where the environment forbids writing them
    (PYTHONDONTWRITEBYTECODE, as on some CI machines) an editable checkin would be compiled
    from source at every start while the bare app's Textual is read compiled, which measures
    the machine, not the app. So the probes share one private cache in the benchmark's
    temporary folder, warmed by a first run of each probe: bare and checkin both start
    compiled, as installed apps do.

    The app keeps the CSS rules its first frame parsed in the user cache folder (see
    checkin.ui.css_cache) and reads them at the next start, as a user's second start does;
    the probes keep theirs in the benchmark's folder, never in the user's, warmed by the same
    first run.
    """
    env = dict(os.environ)
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = bytecode
    if cache is not None:
        env["XDG_CACHE_HOME"] = cache
    return env


def run_child(args: list[str], env: dict[str, str] | None = None) -> ChildRun:
    """Run ``python -m checkin.bench.probe ARGS``: time from start to its milestone, and its peak
    resident memory."""
    env = dict(os.environ if env is None else env, CHECKIN_PROBE_T0=repr(time.time()))
    done = subprocess.run(
        [sys.executable, "-m", "checkin.bench.probe", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        env=env,
    )
    out = done.stdout.decode(errors="replace")
    if done.returncode != 0 or "ready_s=" not in out:
        error = done.stderr.decode(errors="replace")
        raise RuntimeError(f"probe {' '.join(args)} failed ({done.returncode}): {error}")
    peak_kb = int(out.rsplit("peak_kb=", 1)[1].split()[0])
    seconds = float(out.rsplit("ready_s=", 1)[1].split()[0])
    stall = float(out.rsplit("stall_s=", 1)[1].split()[0]) if "stall_s=" in out else None
    return ChildRun(seconds=seconds, peak_bytes=peak_kb * 1024, stall=stall)


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(action: Callable[[], object], runs: int) -> float:
    """The median wall time of ``runs`` calls of ``action`` (after one warm-up call)."""
    action()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return median(samples)
