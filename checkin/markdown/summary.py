"""The three-line summary at the top of the minutes: decisions, who does what by when, next."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from checkin.core.enums import Side
from checkin.core.records import ActionItem
from checkin.core.text import clean_line
from checkin.core.text import count as plural
from checkin.markdown import wording as w
from checkin.markdown.escape import inline

if TYPE_CHECKING:
    from checkin.markdown.minutes import MinutesData

# A summary line stays short: this many decisions or actions per side, then "and N more".
SHOWN = 3
TITLE_CHARS = 70


def _short(text: str) -> str:
    text = clean_line(text)
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


def _some(texts: list[str]) -> str:
    shown = "; ".join(texts[:SHOWN])
    hidden = len(texts) - SHOWN
    return f"{shown}; and {hidden} more" if hidden > 0 else shown


def day_text(action: ActionItem) -> str:
    """ "by Wed 2 Dec", or "no date yet"."""
    if action.due is None:
        return "no date yet"
    day = action.due
    return f"by {w.DAYS[day.weekday()][:3]} {day.day} {w.MONTHS[day.month - 1][:3]}"


def by_side(data: MinutesData) -> list[tuple[str, list[ActionItem]]]:
    """Open action items of the meeting: ours, then the client's (each by due date)."""
    open_items = [a for a in w.sorted_actions(data.actions) if a.is_open]
    ours = [a for a in open_items if a.side is Side.OURS]
    theirs = [a for a in open_items if a.side is not Side.OURS]
    return [(w.OUR_TEAM, ours), (clean_line(data.account.name), theirs)]


def _lines(data: MinutesData, text: Callable[[str], str], bold: Callable[[str], str]) -> list[str]:
    decisions = [d.text for d in data.meeting.decisions if d.text.strip()]
    if decisions:
        decided = _some([text(_short(d)) for d in decisions])
    else:
        decided = "no decisions were recorded"
    steps = []
    for side, actions in by_side(data):
        if actions:
            items = [f"{text(_short(a.title))} ({day_text(a)})" for a in actions]
            steps.append(f"{text(side)}: {_some(items)}")
    if not steps:
        steps.append("no open action items")
    day = data.meeting.next_meeting
    if day is None:
        every = plural(data.account.cadence_days, "day")
        nxt = f"not scheduled yet (we meet every {every})"
    else:
        nxt = w.long_date(day)
    return [
        f"{bold('Decided:')} {decided}.",
        f"{bold('Next steps:')} {'. '.join(steps)}.",
        f"{bold('Next meeting:')} {nxt}.",
    ]


def summary_lines(data: MinutesData) -> list[str]:
    """The summary as three lines of Markdown (user text escaped)."""
    return _lines(data, inline, lambda label: f"**{label}**")


def summary_text(data: MinutesData) -> list[str]:
    """The summary as three lines of plain text."""
    return _lines(data, lambda value: value, lambda label: label)
