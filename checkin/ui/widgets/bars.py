"""The title bar and the key bar: one widget each, so every screen paints fast.

Textual's Header and Footer are built from a dozen widgets that are composed again whenever
the bindings change; these draw one line each from the screen's title and active bindings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

SEPARATOR = " "
_Shown = tuple[Binding, bool, str]  # a binding shown, whether it is enabled, its tooltip
_NOT_REVERSE = Style(reverse=False)
# Always shown, whatever the width: help lists the keys that did not fit.
ALWAYS_SHOWN = frozenset({"help"})


def _on_style(bar: Widget, text: Text, base: Style) -> list[Segment]:
    """``text``'s Rich segments, each on the bar's own style ``base``: what a bar's line is
    drawn from when it fits (Textual's general path through its Content is slower)."""
    return [
        Segment(piece.text, base + piece.style if piece.style else base)
        for piece in text.render(bar.app.console)
    ]


class TitleBar(Widget):
    """The screen's title and subtitle, centred, on one line at the top."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top; height: 1; width: 1fr;
        background: $panel; color: $foreground; text-style: bold;
        content-align: center middle;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._changed, init=False)
        self.watch(self.screen, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> Text:
        title = self.screen.title or self.app.title
        text = Text(title, no_wrap=True, overflow="ellipsis")
        if self.screen.sub_title:
            text.append(" — ", style="dim")
            text.append(self.screen.sub_title, style="not bold")
        return text

    def render_line(self, y: int) -> Strip:
        """The line of ``render``, centred, its Rich segments straight into a strip on the
        bar's own style (Textual's path through its Content took a millisecond of the home's
        first frame); a title too long for the bar takes Textual's path (it ends in "…")."""
        text = self.render()
        width = self.size.width
        if y or text.cell_len > width:
            return super().render_line(y)
        base = self.rich_style
        left = (width - text.cell_len) // 2
        right = width - left - text.cell_len
        pad = base + _NOT_REVERSE  # as Textual's alignment pads
        segments = [Segment(" " * left, pad)] if left else []
        segments += _on_style(self, text, base)
        if right:
            segments.append(Segment(" " * right, pad))
        return Strip(segments, width)


class KeyBar(Widget):
    """The keys of the focused screen, like Textual's Footer, drawn as one line.

    A click on a key presses it; hovering one shows its tooltip.
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: 1; width: 1fr;
        background: $footer-background; color: $footer-description-foreground;
    }
    KeyBar > .keybar--key { color: $footer-key-foreground; text-style: bold; }
    KeyBar > .keybar--disabled { text-style: dim; }
    """
    COMPONENT_CLASSES = {"keybar--key", "keybar--disabled"}
    ALLOW_SELECT = False

    def __init__(self, *, show_palette: bool = True, keep: tuple[str, ...] = ()) -> None:
        """``keep``: ids of bindings shown even when the line is short of room."""
        super().__init__()
        self._show_palette = show_palette
        self._keep = frozenset(keep)
        self._spans: list[tuple[int, int, Binding, str]] = []
        self._drawn: object = None  # what the line shows: the bindings and the width
        self._check_pending = False  # a look at the bindings is on its way

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # Textual says so at every focus change and screen resume, often several times in a
        # row (three times before the first frame): looked at once, after them, and painted
        # again only when the keys shown differ.
        # Not drawn yet: its first paint reads the bindings anyway.
        drawn = self._drawn is not None
        if drawn and self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True
            self.call_later(self._check_keys)

    def _check_keys(self) -> None:
        self._check_pending = False
        if self.is_attached and self._showing() != self._drawn:
            self.refresh()

    def _showing(self) -> tuple[list[_Shown], _Shown | None, int]:
        """What the line is drawn from (the bindings shown, the palette's key, the width)."""
        shown, palette = self._shown()
        return shown, palette, self.size.width

    def _shown(self) -> tuple[list[_Shown], _Shown | None]:
        """The bindings to show (one per action), and the command palette's key."""
        active = self.screen.active_bindings
        palette = None
        if (
            self._show_palette
            and self.app.ENABLE_COMMAND_PALETTE
            and self.app.COMMAND_PALETTE_BINDING in active
        ):
            _node, binding, enabled, tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = (binding, enabled, tooltip)
        seen: set[str] = set()
        shown = []
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled, tooltip))
        return shown, palette

    def _width(self, binding: Binding) -> int:
        return (
            len(self.app.get_key_display(binding)) + 2 + len(binding.description) + len(SEPARATOR)
        )

    def _fitting(self, shown: list[_Shown], room: int) -> list[_Shown]:
        """The keys that fit in ``room`` cells, in order. Kept keys (the screen's own choice,
        and help) are always there; the others are shown in order while they fit."""

        def kept(binding: Binding) -> bool:
            return binding.action in ALWAYS_SHOWN or binding.id in self._keep

        room -= sum(self._width(entry[0]) for entry in shown if kept(entry[0]))
        fitting = []
        full = False
        for entry in shown:
            if kept(entry[0]):
                fitting.append(entry)
            elif not full:
                room -= self._width(entry[0])
                full = room < 0  # the rest are in f1 and the palette
                if not full:
                    fitting.append(entry)
        return fitting

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        off = self.get_component_rich_style("keybar--disabled")
        shown, palette, width = self._drawn = self._showing()
        palette_label = (
            f"▏ {self.app.get_key_display(palette[0])} {palette[0].description} " if palette else ""
        )
        room = width - len(palette_label)
        text = Text(no_wrap=True, overflow="crop")
        self._spans = []
        for binding, enabled, tooltip in self._fitting(shown, room):
            key = " " + self.app.get_key_display(binding) + " "
            start = text.cell_len
            extra = off if not enabled else Style()
            text.append(key, style=key_style + extra)
            text.append(binding.description, style=extra)
            self._spans.append((start, text.cell_len, binding, tooltip or binding.tooltip))
            text.append(SEPARATOR)
        if palette is not None:
            text.append(" " * max(0, room - text.cell_len))
            start = text.cell_len
            text.append("▏", style="dim")
            text.append(" " + self.app.get_key_display(palette[0]) + " ", style=key_style)
            text.append(palette[0].description + " ")
            self._spans.append((start, text.cell_len, palette[0], palette[2]))
        return text

    def render_line(self, y: int) -> Strip:
        """The line of ``render``, its Rich segments straight into a strip on the bar's own
        style: the same cells and colours as Textual's general path through its Content,
        which took three times as long (1.6 ms of the home's first frame)."""
        text = self.render()
        if y or text.cell_len > self.size.width:
            # Too long for the bar (the kept keys on a narrow screen): Textual's path, which
            # ends the line at a word boundary.
            return super().render_line(y)
        segments = _on_style(self, text, self.rich_style)
        # Not padded: Textual pads the rest of the line in the bar's background, as for any
        # widget's content.
        return Strip(segments, text.cell_len)

    def _at(self, x: int) -> tuple[Binding, str] | None:
        for start, end, binding, tooltip in self._spans:
            if start <= x < end:
                return binding, tooltip
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        found = self._at(event.x)
        if found is not None:
            self.app.simulate_key(found[0].key.split(",")[0])

    def on_mouse_move(self, event: events.MouseMove) -> None:
        found = self._at(event.x)
        self.tooltip = (found[1] or found[0].description) if found else None
