"""The relationship health breakdown: the score, each factor with its numbers, and the trend."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from checkin.core.health import Band, Health
from checkin.ui.text import health_badge, plain, wrapping
from checkin.ui.widgets.record_table import fit_columns

BAND_STYLE = {Band.GOOD: "bold green", Band.WATCH: "bold yellow", Band.AT_RISK: "bold red"}
BARS = " ▁▂▃▄▅▆▇█"


def bar(value: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, value)) * width)
    return "█" * filled + "░" * (width - filled)


def sparkline(scores: list[int]) -> str:
    return "".join(BARS[min(8, max(0, round(s / 100 * 8)))] for s in scores)


COLUMNS = (("factor", "Factor"), ("points", "Points"), ("bar", ""), ("detail", "Based on"))


class HealthPanel(Vertical):
    """Shows a Health passed down with :meth:`show`; computes nothing itself."""

    DEFAULT_CSS = """
    HealthPanel { height: auto; padding: 0 1; }
    HealthPanel #health-score { padding: 1 0 0 0; }
    HealthPanel #health-factors { height: auto; max-height: 12; margin: 1 0; }
    HealthPanel #health-trend { color: $text; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="health-score")
        yield DataTable(id="health-factors", cursor_type="row", zebra_stripes=True)
        yield Static(id="health-trend")

    _shown: tuple[Health, list[tuple[date, int]]] | None = None

    def on_mount(self) -> None:
        fit_columns(self.query_one(DataTable), COLUMNS, [], flex="detail")

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def show(self, health: Health, trend: list[tuple[date, int]]) -> None:
        self._shown = (health, trend)
        heading = Text.assemble(
            ("Relationship health ", "bold"),
            health_badge(health),
            ("  out of 100 · weakest: ", "dim"),
            (health.weakest.label, "bold"),
        )
        for flag in health.flags:
            heading.append("\n⚑ ", style="bold yellow")
            heading.append(flag)
        self.query_one("#health-score", Static).update(heading)
        table = self.query_one(DataTable)
        rows = []
        for factor in health.factors:
            style = "red" if factor.value < 0.5 else ("yellow" if factor.value < 0.8 else "green")
            rows.append(
                (
                    factor.name,
                    [
                        plain(factor.label, "bold"),
                        plain(f"{factor.points:4.1f} / {factor.weight}"),
                        plain(bar(factor.value), style),
                        wrapping(factor.detail),
                    ],
                )
            )
        # The detail takes the room left and wraps: it is the number behind the points.
        fit_columns(table, COLUMNS, [cells for _key, cells in rows], flex="detail")
        for key, cells in rows:
            table.add_row(*cells, key=key, height=None)
        scores = [score for _day, score in trend]
        points = "  ".join(f"{day:%d %b} {score}" for day, score in trend)
        self.query_one("#health-trend", Static).update(
            Text.assemble(
                ("Trend over the last check-ins  ", "bold"),
                (sparkline(scores), "cyan"),
                ("\n" + points, "dim"),
            )
        )
