"""The planner's agenda: sections with their items, minutes and "why", then the parking lot."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from checkin.core.agenda.arrangement import Arrangement, arrange, importance, is_urgent
from checkin.core.meeting import AgendaItem
from checkin.core.text import clean_line, count

ITEM, PARKED, HEAD = "item:", "parked:", "head:"
PARKING_LOT = "Parking lot"
# A busy account can park a thousand items; listing them all makes every key slow, and the
# ones that matter are on top (parked by hand first, then by rank).
LOT_SHOWN = 150


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    if width <= 1:
        return "…" if text else ""
    return text if len(text) <= width else text[: width - 1] + "…"


def minutes_label(minutes: int) -> str:
    return f"{minutes} min"


def _why(item: AgendaItem) -> str:
    """Its importance in words, its first reason, and how many more there are."""
    if not item.reasons:
        return "added by hand" if item.kind.value == "custom" else ""
    own = [r for r in item.reasons if r.source is None or r.source == item.source_ref]
    first = clean_line((own or item.reasons)[0].text)
    more = len(own) - 1
    text = f"{first} (+{more} more)" if more > 0 else first
    if item.records:
        text += f" · with {count(len(item.records), 'linked record')}"
    level = importance(item)
    if level in ("standing item", "added by you"):
        return text
    return f"{level} · {text}"


def _mark(item: AgendaItem) -> tuple[str, str]:
    """! for a must-discuss topic, ↻ for an item carried over."""
    if is_urgent(item):
        return "!", "bold $error"
    if item.carried_from is not None:
        return "↻", "$warning"
    return " ", ""


def _reason_lines(item: AgendaItem, width: int, indent: int) -> list[Content]:
    """Its importance, then every reason's sentence (a linked record's marked ↳): the words
    the account manager reads, never a rule's name or a score."""
    lines = [Content.assemble(" " * indent, (f"importance: {importance(item)}", "dim italic"))]
    for reason in item.reasons:
        linked = reason.source is not None and reason.source != item.source_ref
        if linked and not reason.rule.startswith("linked_"):
            continue  # a joined record's own reasons are in the detail panel
        mark = "↳ " if linked else "· "
        room = max(8, width - indent - 4)
        text = fit(clean_line(reason.text), room)
        lines.append(Content.assemble(" " * indent, (mark, "dim"), text))
    return lines


def item_prompt(
    rank: int | None, item: AgendaItem, width: int, *, expanded: bool, parked: bool = False
) -> Content:
    """One item: rank, mark, title and minutes; under it the "why" (or every reason)."""
    minutes = minutes_label(item.planned_minutes)
    if parked:
        lead = Content.assemble(("   ⏸ ", "dim"))
    else:
        urgent = is_urgent(item)
        lead = Content.assemble((f"{rank:>3}", "bold" if urgent else ""), " ", _mark(item), " ")
    room = max(8, width - len(lead.plain) - len(minutes) - 2)
    title = fit(clean_line(item.title), room)
    title_style = "italic dim" if parked else "bold" if is_urgent(item) else ""
    first = Content.assemble(
        lead,
        (title.ljust(room), title_style),
        "  ",
        (minutes, "dim" if parked else "$text-secondary"),
    )
    indent = len(lead.plain)
    if expanded and item.reasons:
        rest = _reason_lines(item, width, indent)
        if item.carried_from:
            label = f"carried from {item.carried_from.isoformat()}"
            rest.append(Content.assemble(" " * indent, (label, "$warning")))
    else:
        why = _why(item)
        rest = [Content.assemble(" " * indent, (fit(why, width - indent), "dim"))]
    return Content("\n").join([first, *rest])


def header_prompt(title: str, minutes: int | None, width: int, note: str = "") -> Content:
    """A section heading with its planned minutes (or a note such as "nothing planned")."""
    right = note if minutes is None else minutes_label(minutes)
    shown = fit(clean_line(title) or "(no section)", max(8, width - len(right) - 3))
    return Content.assemble(
        (shown, "bold $accent"), " " * max(1, width - len(shown) - len(right)), (right, "dim")
    )


@dataclass
class View:
    """What the list shows, kept to redraw it at another width."""

    plan: Arrangement = field(default_factory=lambda: arrange([], [], 30))  # none loaded yet
    expanded_all: bool = False
    expanded: set[str] = field(default_factory=set)


class PlanList(OptionList, inherit_bindings=False):
    """Attributes down: :meth:`show` gets the arrangement. The screen listens to
    ``OptionHighlighted`` and acts on :attr:`current`."""

    # Only the keys that pick items: the help screen lists these first, so no scroll keys.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Previous item", show=False),
        Binding("down", "cursor_down", "Next item", show=False),
        Binding("home", "first", "First item", show=False),
        Binding("end", "last", "Last item", show=False, tooltip="The end of the parking lot"),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "select", "This item's reasons", show=False),
    ]
    DEFAULT_CSS = """
    PlanList { height: 1fr; border: round $primary 40%; padding: 0; }
    PlanList:focus { border: round $primary; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: View | None = None

    @property
    def current(self) -> tuple[str, bool] | None:
        """The highlighted item's key and whether it is parked."""
        option = self.highlighted_option
        if option is None or option.id is None or option.id.startswith(HEAD):
            return None
        if option.id.startswith(PARKED):
            return option.id.removeprefix(PARKED), True
        return option.id.removeprefix(ITEM), False

    def _width(self) -> int:
        width = self.scrollable_content_region.width
        if width and not self.show_vertical_scrollbar:
            # Keep room for the scrollbar that showing every reason can bring: the minutes
            # column must not wrap when it appears.
            width -= self.styles.scrollbar_size_vertical
        return max(30, width - 1) if width else 60

    def show(self, view: View, highlight: str | None = None) -> None:
        """Draw ``view``; keep the highlighted item (or highlight the item ``highlight``)."""
        self.view = view
        wanted = highlight or (self.current or (None, False))[0]
        position = self.highlighted
        width = self._width()
        plan = view.plan
        options: list[Option] = []
        rank = 0
        for n, title in enumerate(plan.sections):
            items = plan.in_section(title)
            minutes = sum(i.planned_minutes for i in items) if items else None
            note = "" if items else "nothing planned"
            options.append(Option(header_prompt(title, minutes, width, note), f"{HEAD}{n}", True))
            for item in items:
                rank += 1
                expanded = view.expanded_all or item.key in view.expanded
                prompt = item_prompt(rank, item, width, expanded=expanded)
                options.append(Option(prompt, f"{ITEM}{item.key}"))
        if plan.parked:
            total = sum(i.planned_minutes for i in plan.parked)
            note = f"{count(len(plan.parked), 'item')} · {minutes_label(total)} · x restores"
            options.append(
                Option(header_prompt(PARKING_LOT, None, width, note), f"{HEAD}lot", True)
            )
            for item in plan.parked[:LOT_SHOWN]:
                expanded = view.expanded_all or item.key in view.expanded
                prompt = item_prompt(None, item, width, expanded=expanded, parked=True)
                options.append(Option(prompt, f"{PARKED}{item.key}"))
            hidden = len(plan.parked) - LOT_SHOWN
            if hidden > 0:
                note = f"   … and {hidden} more parked items, lower in rank"
                options.append(Option(Content.styled(note, "dim"), f"{HEAD}more", True))
        self.set_options(options)
        if not self._highlight(wanted):
            self._highlight_near(position)

    def _highlight(self, key: str | None) -> bool:
        if key is None:
            return False
        for prefix in (ITEM, PARKED):
            with contextlib.suppress(OptionDoesNotExist):
                self.highlighted = self.get_option_index(f"{prefix}{key}")
                return True
        return False

    def _highlight_near(self, position: int | None) -> None:
        """The first selectable option at or after ``position`` (else before it)."""
        count = self.option_count
        if not count:
            return
        start = min(position or 0, count - 1)
        order = [*range(start, count), *range(start - 1, -1, -1)]
        for index in order:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return

    def highlight_key(self, key: str) -> None:
        self._highlight(key)

    def on_resize(self) -> None:
        if self.view is not None:
            self.show(self.view)
