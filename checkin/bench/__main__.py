"""``python -m checkin.bench``: measure checkin against DESIGN.md section 7 and print a table.

Exits 1 when a target is missed. Not part of the test suite: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from checkin.bench.report import table
from checkin.bench.rows import MEASUREMENTS, Workspaces


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checkin.bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument(
        "--only",
        choices=sorted(MEASUREMENTS),
        action="append",
        help="run only these measurements (repeatable)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="checkin-bench-") as folder:
        print("Generating the S and L workspaces…", file=sys.stderr)
        workspaces = Workspaces.create(Path(folder))
        rows = []
        for name, measure in MEASUREMENTS.items():
            if args.only and name not in args.only:
                continue
            print(f"Measuring {name} ({args.runs} runs)…", file=sys.stderr)
            rows += measure(workspaces, args.runs)
    print(table(rows))
    print(f"\nmedians of {args.runs} runs; {time.perf_counter() - started:.0f} s in all")
    missed = [row.name for row in rows if row.ok is False]
    if missed:
        print(f"missed: {', '.join(missed)}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
