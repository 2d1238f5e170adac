"""The live screen's captured strip: what this meeting has captured so far, newest last."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

from checkin.core.enums import sentiment_word
from checkin.core.meeting import Meeting
from checkin.core.text import clean_line
from checkin.services.workspace import Captured


def captured_lines(meeting: Meeting, captured: Captured, room: int) -> Text:
    """Action items, decisions, feedback and status changes of ``meeting``, one line each,
    at most ``room`` lines (older ones are counted: the minutes have them all)."""
    # (when, mark, style, line)
    entries: list[tuple[datetime, str, str, str]] = []
    since = meeting.started or meeting.planned_start
    for action in captured.actions:
        due = f" (due {action.due})" if action.due else ""
        line = f"{clean_line(action.owner)}: {clean_line(action.title)}{due}"
        entries.append((action.created_at or since, "☐", "cyan", line))
    for decision in meeting.decisions:
        entries.append((decision.at, "◆", "green", clean_line(decision.text)))
    for fb in captured.feedback:
        topic = f" · {clean_line(fb.topic)}" if fb.topic else ""
        feeling = sentiment_word(fb.sentiment)
        line = f"{fb.direction.value}, {feeling}{topic}: {clean_line(fb.text)}"
        entries.append((fb.created_at or since, "❝", "magenta", line))
    for change in meeting.status_changes:
        line = f"{clean_line(change.issue_title)}: {clean_line(change.summary)}"
        entries.append((change.at, "↻", "yellow", line))
    entries.sort(key=lambda entry: entry[0])
    lines = Text(no_wrap=True, overflow="ellipsis")
    if len(entries) > room:
        hidden = len(entries) - room + 1
        lines.append(f"+{hidden} earlier (in the minutes)\n", style="dim")
        entries = entries[-(room - 1) :]
    for _at, mark, style, line in entries:
        lines.append(f"{mark} ", style=style)
        lines.append(line + "\n")
    if not lines.plain:
        lines.append("Nothing captured yet: the keys are in the footer.", style="dim")
    lines.rstrip()
    return lines
