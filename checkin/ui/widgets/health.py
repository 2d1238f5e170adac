"""The relationship health breakdown: the score, each factor with its numbers, the trend, and
the thresholds and red-flag rules that decide the band."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from checkin.core.health import GOOD_FROM, GRACE, WATCH_FROM, Band, Health
from checkin.core.redflags import PROMISE_LATE_DAYS, RENEWAL_NEAR_DAYS, SILENT_DAYS
from checkin.core.trend import TrendPoint
from checkin.ui.command_table import Command, CommandTable
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


def rules_text() -> Text:
    """How the band is decided, with the thresholds in force."""
    text = Text()
    text.append("How the band is decided\n", style="bold")
    text.append("good", style=BAND_STYLE[Band.GOOD])
    text.append(f" from {GOOD_FROM} · ")
    text.append("watch", style=BAND_STYLE[Band.WATCH])
    text.append(f" {WATCH_FROM}-{GOOD_FROM - 1} · ")
    text.append("at risk", style=BAND_STYLE[Band.AT_RISK])
    text.append(f" under {WATCH_FROM}.\n")
    text.append(
        "⚑ Any red flag holds the band at watch at best. Serious flags: an issue past the "
        f"48-hour rules, a check-in {SILENT_DAYS}+ days late, an action of ours "
        f"{PROMISE_LATE_DAYS}+ days overdue, very negative feedback unanswered, a rating of 2 "
        "or less. Two serious flags, three flags, or a serious flag with the renewal within "
        f"{RENEWAL_NEAR_DAYS} days make the account at risk whatever the score.\n"
        f"A fix counts against the account only once it is {GRACE.days} days old without the "
        "client's confirmation. Past points of the trend were saved when each check-in ended "
        "and never change.",
        style="dim",
    )
    return text


class HealthPanel(Vertical):
    """Shows a Health passed down with :meth:`show`; computes nothing itself."""

    DEFAULT_CSS = """
    HealthPanel { height: auto; padding: 0 1; }
    HealthPanel #health-score { padding: 1 0 0 0; }
    HealthPanel #health-factors { height: auto; max-height: 12; margin: 1 0; }
    HealthPanel #health-trend { color: $text; }
    HealthPanel #health-rules { padding: 1 0 0 0; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="health-score")
        yield DataTable(id="health-factors", cursor_type="row", zebra_stripes=True)
        yield Static(id="health-trend")
        yield Static(rules_text(), id="health-rules")

    _shown: tuple[Health, list[TrendPoint]] | None = None

    def on_mount(self) -> None:
        fit_columns(self.query_one(DataTable), COLUMNS, [], flex="detail")

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def show(self, health: Health, trend: list[TrendPoint]) -> None:
        self._shown = (health, trend)
        heading = Text.assemble(
            ("Relationship health ", "bold"),
            health_badge(health),
            ("  out of 100 · weakest: ", "dim"),
            (health.weakest.label, "bold"),
        )
        if health.forced:
            heading.append("\nAt risk whatever the score: ", style="bold red")
            heading.append(" + ".join(flag.short for flag in health.forced))
        for flag in health.flags:
            heading.append("\n⚑ ", style="bold red" if flag.serious else "bold yellow")
            heading.append(flag.text)
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
        scores = [point.score for point in trend]
        points = "  ".join(
            f"{'now' if point.now else format(point.day, '%d %b')} {point.score}" for point in trend
        )
        self.query_one("#health-trend", Static).update(
            Text.assemble(
                ("Trend: the score at the end of each check-in, then now  ", "bold"),
                (sparkline(scores), "cyan"),
                ("\n" + points, "dim"),
            )
        )


SCROLL_TABLE = CommandTable(
    [
        Command("up", "scroll_up", "Scroll up", help="Scroll up a line", id="health.up"),
        Command("down", "scroll_down", "Scroll down", help="Scroll down a line", id="health.down"),
        Command("pageup", "page_up", "Page up", help="Scroll up a page", id="health.pageup"),
        Command("pagedown,space", "page_down", "Page down", help="Scroll down a page",
                id="health.pagedown"),
        Command("home", "scroll_home", "Top", help="Back to the score", id="health.top"),
        Command("end", "scroll_end", "Bottom", help="The trend, at the bottom",
                id="health.bottom"),
    ]
)  # fmt: skip


class HealthScroll(VerticalScroll):
    """The Health tab: longer than a small terminal, so it scrolls by keyboard (f1 names the
    keys) and takes the focus when the tab opens."""

    COMMAND_TABLE = SCROLL_TABLE
    BINDINGS: ClassVar[list[BindingType]] = SCROLL_TABLE.bindings()
