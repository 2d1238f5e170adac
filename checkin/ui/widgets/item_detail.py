"""The current agenda item: why it is there, its linked record and its timer."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from checkin.core.dates import human_date
from checkin.core.enums import sentiment_word
from checkin.core.meeting import AgendaItem
from checkin.core.records import ActionItem, Feedback, Issue, Record, RoadmapItem
from checkin.core.text import clean_line, clean_text
from checkin.ui.widgets.agenda_list import clock


def _timer(seconds: int, planned_minutes: int, width: int = 24) -> Text:
    planned = planned_minutes * 60
    ratio = seconds / planned if planned else (1.0 if seconds else 0.0)
    filled = min(width, round(ratio * width))
    over = seconds > planned
    text = Text()
    text.append("█" * filled + "░" * (width - filled), style="yellow" if over else "cyan")
    text.append(f"  {clock(seconds)} of {planned_minutes} min", style="bold yellow" if over else "")
    if over:
        text.append(f"  +{clock(seconds - planned)} over", style="bold yellow")
    return text


def record_lines(record: Record | None, now: datetime) -> Text:
    """A few lines about the record an item is about, all plain text."""
    text = Text()
    today = now.date()
    if isinstance(record, Issue):
        text.append(f"{record.severity.value} · {record.status.value}", style="bold")
        text.append(f" · opened {human_date(record.opened.date(), today)}")
        if record.acknowledged:
            text.append(f" · acknowledged {human_date(record.acknowledged.date(), today)}")
        if record.verified:
            text.append(f" · verified {human_date(record.verified.date(), today)}", style="green")
        if record.reopened_count:
            times = "" if record.reopened_count == 1 else f" ×{record.reopened_count}"
            when = human_date(record.last_reopened.date(), today) if record.last_reopened else ""
            text.append(f" · reopened{times} {when}".rstrip(), style="bold yellow")
        if record.plan_given:
            text.append(f" · plan {human_date(record.plan_given.date(), today)}")
        if record.due:
            text.append(f" · due {human_date(record.due, today)}")
        if record.owner:
            text.append(f" · owner {clean_line(record.owner)}")
        if record.plan_text:
            by = f" (by {human_date(record.plan_estimate, today)})" if record.plan_estimate else ""
            text.append(f"\nPlan: {clean_line(record.plan_text)}{by}")
        if record.external_id:
            text.append(
                f"\n{record.source} {clean_line(record.external_id)} {clean_line(record.url)}",
                style="dim",
            )
        if record.body:
            body = clean_text(record.body).strip()
            text.append("\n" + (body[:240] + ("…" if len(body) > 240 else "")), style="dim")
    elif isinstance(record, ActionItem):
        text.append(f"owner {clean_line(record.owner)} · {record.status.value}", style="bold")
        if record.due:
            late = record.is_open and record.due < today
            text.append(f" · due {human_date(record.due, today)}", style="bold red" if late else "")
    elif isinstance(record, RoadmapItem):
        side = "our" if record.side.value == "ours" else "their"
        text.append(
            f"{side} milestone · {record.status.value} · target {record.target}", style="bold"
        )
        if record.original_target and record.original_target != record.target:
            text.append(f" (was {record.original_target})", style="yellow")
        if record.notes:
            text.append("\n" + clean_text(record.notes).strip(), style="dim")
    elif isinstance(record, Feedback):
        summary = f"{record.direction.value} · {sentiment_word(record.sentiment)}"
        text.append(f"{summary} · received {record.received}", style="bold")
        text.append("\n“" + clean_text(record.text).strip() + "”")
    return text


class ItemDetail(Static):
    DEFAULT_CSS = """
    ItemDetail { height: auto; max-height: 18; padding: 0 1; border: round $secondary 40%; }
    """

    _shape: tuple[object, ...] | None = None  # what the height depends on, as last shown

    def show(
        self,
        item: AgendaItem | None,
        record: Record | None,
        seconds: int,
        now: datetime,
        *,
        history: Text | None = None,
        compact: bool = False,
    ) -> None:
        """``history``: the topic's earlier check-ins (folded or not); ``compact`` (80x24)
        puts the reasons on one line under the title, so they are seen without scrolling."""
        if item is None:
            self._shape = None
            self.update(Text("All items done. Press w to wrap up the meeting.", style="bold"))
            return
        text = Text()
        text.append(clean_line(item.title) + "\n", style="bold")
        why = [clean_line(reason.text) for reason in item.reasons]
        said = history if history is not None and history.plain else None
        if compact:
            # 80x24: why and what was said last time first; the timer is in the agenda list.
            if why:
                text.append("Why: ", style="bold")
                text.append(" · ".join(why) + "\n")
            if said is not None:
                text.append_text(said)
                text.append("\n")
        meta = f"{item.section or item.kind.value}"
        if item.owner:
            meta += f" · owner {clean_line(item.owner)}"
        if item.carried_from:
            meta += f" · carried from {item.carried_from.isoformat()}"
        text.append(meta + "\n", style="dim")
        timer_at = len(text)
        text.append_text(_timer(seconds, item.planned_minutes))
        timer_end = len(text)
        text.append("\n")
        if not compact:
            # Why first: it is what the account manager says out loud to open the item; then
            # what was said last time, which is what they follow up on.
            if why:
                text.append("\nWhy it is on the agenda\n", style="bold")
                for line in why:
                    text.append(f"  · {line}\n")
            if said is not None:
                text.append("\n")
                text.append_text(said)
                text.append("\n")
        details = record_lines(record, now)
        if details.plain:
            text.append("" if compact else "\n")
            text.append_text(details)
        # The clock ticks every second and usually changes only the timer's digits: then the
        # box keeps its height and the screen needs no new layout, only this box repainted.
        plain = text.plain
        shape = (plain[:timer_at], timer_end - timer_at, plain[timer_end:])
        same_size = shape == self._shape
        self._shape = shape
        self.update(text, layout=not same_size)
