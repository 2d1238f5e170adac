"""The benchmark's table: each row with its figure, baseline, ratio and target."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One measurement. ``limit`` is the largest acceptable ``ratio`` (or figure, if no
    baseline); ``unit`` formats figures. ``paired``: the ratio measured pair by pair (the
    median of each run's ratio to the baseline run just before it), which a row of
    interleaved runs gives instead of the ratio of the two medians."""

    name: str
    figure: float | None
    baseline: float | None
    limit: float
    target: str
    unit: str = "ms"
    note: str = ""
    paired: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.paired is not None:
            return self.paired
        if self.figure is None or self.baseline is None or self.baseline == 0:
            return None
        return self.figure / self.baseline

    @property
    def ok(self) -> bool | None:
        if self.figure is None:
            return None
        value = self.ratio if self.baseline is not None else self.figure
        return value is not None and value <= self.limit


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "MB":
        return f"{value / 1e6:.1f} MB"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.3g} {unit}"


def table(rows: list[Row]) -> str:
    header = ("measurement", "figure", "baseline", "ratio", "target", "result")
    lines = [header]
    for row in rows:
        result = {True: "ok", False: "MISSED", None: "n/a"}[row.ok]
        if row.note:
            result += f" ({row.note})"
        lines.append(
            (
                row.name,
                fmt(row.figure, row.unit),
                fmt(row.baseline, row.unit),
                fmt(row.ratio, "x"),
                row.target,
                result,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)
