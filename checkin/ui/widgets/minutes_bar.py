"""The planned minutes against the meeting length: a bar that turns warning colour on overrun."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from checkin.core.text import clean_line

MIN_BAR = 6  # cells: a shorter bar says nothing the figures do not


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def bar(planned: int, length: int, width: int) -> Content:
    """``width`` cells: planned minutes filled, free minutes empty; all warning when over."""
    width = max(4, width)
    if length <= 0:
        return Content("░" * width)
    if planned > length:
        # The meeting's length is the full bar's first part, the overrun is marked after it.
        inside = max(1, round(width * length / planned))
        return Content.assemble(("█" * inside, "$warning"), ("▓" * (width - inside), "$error"))
    filled = min(width, round(width * planned / length))
    if planned and not filled:
        filled = 1
    return Content.assemble(("█" * filled, "$primary"), ("░" * (width - filled), "dim"))


def figures(planned: int, length: int, parked: int = 0) -> Content:
    """'40 of 45 min · 5 free', or '52 of 45 min · 7 over' in warning colour; then how many
    items wait in the parking lot."""
    head = f"{planned} of {length} min"
    lot = (f" · {parked} parked" if parked else "", "dim")
    if planned > length:
        over = f" · {planned - length} over"
        return Content.assemble((head, "bold $warning"), (over, "bold $warning"), lot)
    free = length - planned
    tail = "full" if free == 0 else f"{free} free"
    return Content.assemble((head, "bold"), (f" · {tail}", "dim"), lot)


def line(title: str, planned: int, length: int, parked: int, width: int) -> Content:
    """The bar's line in ``width`` cells. The figures on the right always show in full; when
    the line is short, the "N min meeting" goes first (the figures say it), then the title's
    last " · " parts (the date); below six cells the bar goes, then the title is cut."""
    right = figures(planned, length, parked)
    name = clean_line(title)
    room = width - len(right.plain) - 2  # two cells before the figures
    parts = name.split(" · ")
    lefts = [(name, f" · {length} min meeting")]
    lefts += [(" · ".join(parts[:n]), "") for n in range(len(parts), 0, -1)]
    for bold, plain in lefts:
        used = len(bold) + len(plain) + 2
        bar_width = min(48, room - used)
        if bar_width >= MIN_BAR:
            gap = " " * (room - used - bar_width + 2)
            drawn = bar(planned, length, bar_width)
            return Content.assemble((bold, "bold"), plain, gap, drawn, "  ", right)
    left = fit(parts[0], max(1, room - 1))
    gap = " " * max(1, width - len(left) - len(right.plain))
    return Content.assemble((left, "bold"), gap, right)


class MinutesBar(Static):
    """One line: the template and length on the left, the bar and its figures on the right."""

    DEFAULT_CSS = """
    MinutesBar { height: 1; padding: 0 1; background: $panel; }
    MinutesBar.-over { background: $warning 15%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[str, int, int, int] = ("", 0, 0, 0)

    def show(self, title: str, planned: int, length: int, parked: int = 0) -> None:
        """``planned`` minutes of a ``length``-minute meeting; ``parked`` items wait."""
        self._shown = (title, planned, length, parked)
        self.set_class(planned > length, "-over")
        self._draw()

    def _draw(self) -> None:
        title, planned, length, parked = self._shown
        self.update(line(title, planned, length, parked, self.content_region.width or 100))

    def on_resize(self) -> None:
        self._draw()
