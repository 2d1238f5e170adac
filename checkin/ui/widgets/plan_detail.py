"""The highlighted agenda item in full: its importance, its reasons, its linked records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from checkin.core.agenda.arrangement import importance, is_urgent
from checkin.core.enums import ItemKind
from checkin.core.meeting import AgendaItem
from checkin.core.records import Record
from checkin.core.text import clean_line
from checkin.ui.widgets.item_detail import record_lines

KIND_LABELS = {
    ItemKind.ISSUE: "issue",
    ItemKind.FOLLOW_UP: "follow-up of a fixed issue",
    ItemKind.ACTION: "action item",
    ItemKind.ROADMAP: "milestone",
    ItemKind.FEEDBACK: "feedback",
    ItemKind.RELATIONSHIP: "relationship",
    ItemKind.CUSTOM: "added item",
    ItemKind.STANDING: "standing item",
}
RECORD_NAMES = {
    "issue": "issue",
    "action": "action item",
    "roadmap": "milestone",
    "feedback": "feedback",
}


@dataclass(frozen=True)
class Shown:
    """The item to show and what the screen looked up for it."""

    item: AgendaItem
    parked: bool
    record: Record | None
    now: datetime
    linked: tuple[tuple[str, Record | None], ...] = ()  # the records joined into the topic


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def _reasons(item: AgendaItem) -> Group:
    """Its importance in words and every reason of its own record, as sentences (the rules'
    names and scores are for the JSON, not for the account manager)."""
    head = _heading("Why it is on the agenda")
    level = importance(item)
    line = Text(f"Importance: {level}", style="bold red" if level == "must discuss" else "bold")
    if item.rank:
        line.append(f"  (ranked {item.rank})", style="dim")
    if all(reason.rule == "added_by_hand" for reason in item.reasons):
        # The pre-read shows no "Why" for it: the client would read "added by you" as them.
        return Group(head, Text("You added it: no rule put it here.", style="dim"))
    lines = [head, line]
    for reason in item.reasons:
        if reason.source is None or reason.source == item.source_ref:
            lines.append(Text(f"· {clean_line(reason.text)}"))
    return Group(*lines)


def _linked(shown: Shown) -> Group | None:
    """The records joined into this topic, each with its reasons and its facts."""
    item = shown.item
    if not item.records:
        return None
    parts: list[RenderableType] = [_heading(f"Linked records ({len(item.records)})")]
    found = dict(shown.linked)
    for ref in item.records:
        kind = ref.split(":", 1)[0]
        said = [
            clean_line(r.text)
            for r in item.reasons
            if r.source == ref and r.rule not in ("linked_record", "linked_milestone")
        ]
        name = next(
            (
                clean_line(r.text)
                for r in item.reasons
                if r.source == ref and r.rule.startswith("linked")
            ),
            RECORD_NAMES.get(kind, kind),
        )
        text = Text(f"↳ {name}", style="bold")
        for sentence in said:
            text.append(f"\n  · {sentence}")
        record = found.get(ref)
        if record is not None:
            text.append("\n")
            text.append_text(record_lines(record, shown.now))
        parts.append(text)
    return Group(*parts)


def _record(shown: Shown) -> Text:
    item = shown.item
    text = Text()
    if item.source_ref is None:
        if item.kind is ItemKind.STANDING:
            text.append("A standing item of the template: on every agenda made from it.")
        elif item.kind is ItemKind.CUSTOM:
            text.append("Not linked to a record: a topic of its own.")
        return text
    kind = item.source_kind or ""
    text.append_text(_heading(f"The {RECORD_NAMES.get(kind, kind)}"))
    text.append("\n")
    if shown.record is None:
        text.append(f"{item.source_ref} is no longer in the workspace.", style="dim")
        return text
    text.append_text(record_lines(shown.record, shown.now))
    return text


def describe(shown: Shown) -> Group:
    """Everything about one item, as plain text (titles never read as markup)."""
    item = shown.item
    text = Text()
    text.append(clean_line(item.title) + "\n", style="bold red" if is_urgent(item) else "bold")
    meta = [KIND_LABELS.get(item.kind, item.kind.value), f"{item.planned_minutes} min"]
    if item.section:
        meta.insert(0, clean_line(item.section))
    if item.owner:
        meta.append(f"owner {clean_line(item.owner)}")
    text.append(" · ".join(meta), style="dim")
    if item.carried_from is not None:
        text.append(f"\n↻ carried from {item.carried_from.isoformat()}", style="yellow")
        text.append(": left open at the last check-in", style="dim")
    if shown.parked:
        placed = next((r for r in item.reasons if r.rule in ("time_fit", "parked")), None)
        why = clean_line(placed.text) if placed else "parked"
        text.append(f"\nIn the parking lot: {why}. ", style="italic")
        text.append("x restores it.", style="dim")
    parts: list[RenderableType] = [text, Text(), _reasons(item)]
    linked = _linked(shown)
    if linked is not None:
        parts += [Text(), linked]
    record = _record(shown)
    if record.plain:
        parts += [Text(), record]
    return Group(*parts)


class PlanDetail(VerticalScroll):
    """Attributes down: :meth:`show` gets the item; the text scrolls when it is long."""

    DEFAULT_CSS = """
    PlanDetail { border: round $secondary 40%; padding: 0 1; height: 1fr; }
    PlanDetail:focus { border: round $secondary; }
    PlanDetail > Static { width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: Shown | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="plan-detail-text")

    def show(self, shown: Shown | None) -> None:
        self.shown = shown
        body = self.query_one("#plan-detail-text", Static)
        if shown is None:
            body.update(Text("Pick an item to see why it is on the agenda.", style="dim"))
        else:
            body.update(describe(shown))
        self.scroll_home(animate=False)
