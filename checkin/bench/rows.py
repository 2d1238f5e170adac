"""The measurements of DESIGN.md section 7, each returning report rows."""

from __future__ import annotations

import dataclasses
import importlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from checkin.bench.generate import DEMO_X10, NOW, L, S, Size, busiest_account, generate
from checkin.bench.measure import ChildRun, median, run_child, timed
from checkin.bench.report import Row
from checkin.services.workspace import Workspace
from checkin.storage.doctable import dump_tables, from_plain, to_plain


@dataclass
class Workspaces:
    """The generated S and L workspace files (kept pristine; measurements use copies)."""

    folder: Path
    files: dict[str, Path]
    busiest: dict[str, str]

    @classmethod
    def create(cls, folder: Path) -> Workspaces:
        files, busiest = {}, {}
        for size in (S, L):
            tables = generate(size)
            busiest[size.name] = busiest_account(tables)
            path = folder / size.name / "workspace.json"
            path.parent.mkdir(parents=True, mode=0o700)
            path.write_bytes(dump_tables(from_plain(tables)))
            files[size.name] = path
        return cls(folder, files, busiest)

    def copy(self, size: Size) -> Path:
        """A fresh copy of a workspace in its own folder (no backups, no lock)."""
        folder = Path(tempfile.mkdtemp(prefix=f"{size.name}-", dir=self.folder))
        target = folder / "workspace.json"
        shutil.copyfile(self.files[size.name], target)
        return target

    def open(self, size: Size) -> Workspace:
        return Workspace.open(self.copy(size), clock=lambda: NOW)


def startup_and_memory(w: Workspaces, runs: int) -> list[Row]:
    """Start to an interactive accounts screen, against a bare Textual app, interleaved."""
    samples: dict[str, list[ChildRun]] = {"bare": [], "S": [], "L": [], "L settled": []}
    run_child(["bare"])  # warm the file cache once
    for _ in range(runs):
        samples["bare"].append(run_child(["bare"]))
        samples["S"].append(run_child(["checkin", str(w.copy(S))]))
        samples["L"].append(run_child(["checkin", str(w.copy(L))]))
        samples["L settled"].append(run_child(["checkin", str(w.copy(L)), "--settled"]))

    def seconds(key: str) -> float:
        return median([r.seconds for r in samples[key]])

    bare = seconds("bare")
    peak_bare = median([float(r.peak_bytes) for r in samples["bare"]])
    peak_l = median([float(r.peak_bytes) for r in samples["L settled"]])
    size_l = w.files["L"].stat().st_size
    return [
        Row("start to accounts screen, S", seconds("S"), bare, 1.3, "<= 1.3x bare"),
        Row("start to accounts screen, L", seconds("L"), bare, 2.0, "<= 2x bare"),
        Row(
            "start until every figure is in, L",
            seconds("L settled"),
            bare,
            float("inf"),
            "(information)",
        ),
        Row(
            "peak memory, L (all figures in)",
            peak_l,
            peak_bare + 4 * size_l,
            1.0,
            "<= bare + 4x file",
            unit="MB",
            note=f"bare {peak_bare / 1e6:.0f} MB, file {size_l / 1e6:.1f} MB",
        ),
    ]


def durable_save(w: Workspaces, runs: int) -> list[Row]:
    """Saving one changed issue in L, against orjson + fsync + os.replace of the same data."""
    ws = w.open(L)
    try:
        account = ws.account(w.busiest["L"])
        issue = ws.issues(account.id)[0]
        counter = iter(range(10**9))

        def save() -> None:
            ws.save(dataclasses.replace(issue, title=f"{issue.title[:60]} #{next(counter)}"))

        ours = timed(save, runs)
        plain = to_plain(ws.store.storage.read())
        target = ws.path.with_name("baseline.json") if ws.path else Path("baseline.json")

        def baseline() -> None:
            data = orjson.dumps(plain)
            tmp = target.with_suffix(".tmp")
            with open(tmp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)

        base = timed(baseline, runs)
    finally:
        ws.close()
    return [Row("durable save, L", ours, base, 1.5, "<= 1.5x orjson+fsync+replace")]


def _service(name: str) -> Any | None:
    try:
        return importlib.import_module(f"checkin.services.{name}")
    except ImportError:
        return None


def agenda(w: Workspaces, runs: int) -> list[Row]:
    """Building the agenda of the busiest account of S and of L."""
    planning = _service("planning")
    if planning is None:
        return [Row("agenda build, busiest account of L", None, None, 0.02, "< 20 ms")]
    figures = {}
    for size in (S, L):
        ws = w.open(size)
        try:
            account = ws.account(w.busiest[size.name])
            figures[size.name] = timed(partial(planning.plan, ws, account, at=NOW), runs)
        finally:
            ws.close()
    return [
        Row("agenda build, busiest account of L", figures["L"], None, 0.02, "< 20 ms"),
        Row(
            "agenda build growth, S to L",
            figures["L"],
            figures["S"],
            12.0,
            "<= 12x",
            note=f"S {figures['S'] * 1000:.1f} ms",
        ),
    ]


def minutes(w: Workspaces, runs: int) -> list[Row]:
    """Rendering the minutes of the busiest account's latest meeting in L."""
    sharing = _service("sharing")
    if sharing is None:
        return [Row("minutes rendering", None, None, 0.02, "< 20 ms")]
    ws = w.open(L)
    try:
        account = ws.account(w.busiest["L"])
        meeting = ws.meetings(account.id)[0]
        figure = timed(lambda: sharing.minutes_markdown(ws, meeting.id), runs)
    finally:
        ws.close()
    return [Row("minutes rendering", figure, None, 0.02, "< 20 ms")]


def jira_import(w: Workspaces, runs: int) -> list[Row]:
    """Importing a 10,000-row Jira export into the busiest account of S: parse, preview and
    apply with its durable save, each run into a fresh copy of the workspace."""
    from checkin.bench.jira_rows import jira_export
    from checkin.importers import ImportFormat, parse
    from checkin.services.importing import apply, plan_rows

    export = jira_export(10_000)
    samples = []
    for _ in range(runs):
        ws = w.open(S)
        try:
            account = ws.account(w.busiest["S"])
            started = time.perf_counter()
            plan = plan_rows(ws, account, parse(ImportFormat.JIRA, export), name="jira.csv")
            report = apply(ws, plan)
            samples.append(time.perf_counter() - started)
        finally:
            ws.close()
    return [
        Row(
            "import of 10,000 Jira rows (into S)",
            median(samples),
            None,
            3.0,
            "< 3 s",
            note=report.summary,
        )
    ]


def typing(w: Workspaces, runs: int) -> list[Row]:
    """Saves while notes are typed in a live check-in, on the demo, a demo ten times larger,
    and L: the longest one is how long typing can stall (the target: not noticeably)."""
    from checkin.bench.typing import type_notes
    from checkin.cli.demo import ensure_demo

    demo = w.folder / "demo" / "workspace.json"
    ensure_demo(demo, NOW)
    ten = w.folder / "demo10" / "workspace.json"
    ten.parent.mkdir(mode=0o700)
    ten.write_bytes(dump_tables(from_plain(generate(DEMO_X10))))
    rows = []
    for name, path in (("demo", demo), ("10x demo", ten), ("L", w.copy(L))):
        saves = sorted(type_notes(path, chars=40 * max(1, runs)))
        p95 = saves[min(len(saves) - 1, int(len(saves) * 0.95))]
        rows.append(
            Row(
                f"notes autosave while typing, {name}",
                p95,
                None,
                0.1,
                "p95 < 100 ms",
                note=f"{len(saves)} saves, median {median(saves) * 1000:.1f} ms, "
                f"max {saves[-1] * 1000:.1f} ms",
            )
        )
    return rows


MEASUREMENTS: dict[str, Callable[[Workspaces, int], list[Row]]] = {
    "startup": startup_and_memory,
    "save": durable_save,
    "agenda": agenda,
    "minutes": minutes,
    "import": jira_import,
    "typing": typing,
}
