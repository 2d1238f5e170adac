"""A Jira "Export CSV (all fields)" of any size, shaped like the shared sample, and its timing.

``python -m checkin.bench.jira_rows --rows 10000 --time`` writes the export, imports it into a
fresh demo workspace file and prints parse, preview and apply times (then a re-import's).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HEADER = [
    "Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key", "Project name",
    "Priority", "Resolution", "Assignee", "Reporter", "Created", "Updated", "Resolved",
    "Due Date", "Labels", "Labels", "Description", "Comment", "Comment",
]  # fmt: skip
STATUSES = [
    ("Open", ""), ("To Do", ""), ("In Progress", ""), ("Waiting for customer", ""),
    ("Resolved", "Fixed"), ("Closed", "Done"), ("Reopened", ""), ("In Review", ""),
]  # fmt: skip
PRIORITIES = ["Highest", "High", "Medium", "Low", "Lowest", "Blocker", "Major", "Minor", ""]
PEOPLE = ["Priya Natarajan", "Tomás Ortega", "Dana Whitfield", "Marco Bellini", ""]
LABELS = ["billing", "eu", "sso", "export", "reporting", "approvals", "performance", "i18n"]
WORDS = ["sync", "invoice", "login", "export", "dashboard", "webhook", "approval", "ledger"]
START = datetime(2026, 1, 5, 8, 0)


def jira_date(moment: datetime) -> str:
    """``03/Nov/26 9:14 AM``: Jira's default export format."""
    hour = moment.hour % 12 or 12
    meridiem = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%d/%b/%y} {hour}:{moment:%M} {meridiem}"


def _row(rng: random.Random, number: int) -> list[str]:
    created = START + timedelta(minutes=rng.randrange(0, 60 * 24 * 320))
    updated = created + timedelta(minutes=rng.randrange(0, 60 * 24 * 20))
    status, resolution = rng.choice(STATUSES)
    done = status in ("Resolved", "Closed")
    a, b = rng.sample(WORDS, 2)
    description = (
        f"h2. Symptoms\nThe {a} job stops with *timeout* on the {b} export.\n"
        f"* affects {rng.randrange(1, 40)} tenants\n* started after release 8.{rng.randrange(9)}"
    )
    comment = f"{jira_date(updated)};priya;Reproduced on staging, see {{{{{a}-{number}}}}}."
    due = (created + timedelta(days=rng.randrange(5, 40))).strftime("%d/%b/%y")
    return [
        f"{a.capitalize()} {b} fails for tenant {number}",
        f"ACME-{number}",
        str(10_000 + number),
        rng.choice(["Bug", "Story", "Task"]),
        status,
        "ACME",
        "Acme Corp Support",
        rng.choice(PRIORITIES),
        resolution,
        rng.choice(PEOPLE),
        rng.choice(PEOPLE) or "Dana Whitfield",
        jira_date(created),
        jira_date(updated),
        jira_date(updated) if done else "",
        due if rng.random() < 0.3 else "",
        rng.choice(LABELS),
        rng.choice(LABELS) if rng.random() < 0.5 else "",
        description,
        comment if rng.random() < 0.6 else "",
        "",
    ]


def jira_export(rows: int, seed: int = 7) -> bytes:
    """A deterministic Jira CSV export of ``rows`` issues (multi-line cells, repeated columns)."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for number in range(1, rows + 1):
        writer.writerow(_row(rng, number))
    return out.getvalue().encode()


def time_import(export: Path, db: Path, account: str = "acme") -> dict[str, float]:
    """Seconds to parse, preview and apply ``export`` into ``account`` of the demo at ``db``."""
    from checkin.cli.demo import ensure_demo
    from checkin.importers import ImportFormat, parse
    from checkin.services.importing import apply, plan_rows
    from checkin.services.workspace import Workspace

    ensure_demo(db, datetime(2026, 11, 22, 9, 0))
    ws = Workspace.open(db)
    try:
        target = ws.account(account)
        times: dict[str, float] = {}
        for run in ("first", "again"):
            started = time.perf_counter()
            parsed = parse(ImportFormat.JIRA, export.read_bytes())
            parsed_at = time.perf_counter()
            plan = plan_rows(ws, target, parsed, name=export.name)
            planned_at = time.perf_counter()
            report = apply(ws, plan)
            done_at = time.perf_counter()
            times[f"{run}: parse"] = parsed_at - started
            times[f"{run}: preview"] = planned_at - parsed_at
            times[f"{run}: apply"] = done_at - planned_at
            times[f"{run}: total"] = done_at - started
            print(f"{run}: {report.summary}")
        return times
    finally:
        ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("-o", "--output", type=Path, default=None, help="Where to write it.")
    parser.add_argument("--time", action="store_true", help="Time an import of it too.")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="checkin-jira-"))
    export = args.output or folder / f"jira-{args.rows}.csv"
    export.write_bytes(jira_export(args.rows))
    print(f"wrote {export} ({export.stat().st_size // 1024} KiB)")
    if args.time:
        for name, seconds in time_import(export, folder / "db.json").items():
            print(f"{name:>16}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
