"""What earlier check-ins noted and decided about the current topic, folded or in full."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text

from checkin.core.dates import human_date
from checkin.core.history import PastMention
from checkin.core.text import clean_line, clean_text

FOLDED_NOTE = 70  # characters of the latest notes shown while the history is folded


def _outcome(mention: PastMention) -> str:
    return mention.status.value if mention.status is not None else "not on the agenda"


def history_lines(
    mentions: Sequence[PastMention], today: date, *, expanded: bool, key: str = "f4"
) -> Text:
    """Folded: the latest check-in on one line, and how many more; expanded: every one,
    with its notes, decisions and issue changes. Plain text throughout."""
    text = Text()
    if not mentions:
        text.append("Earlier check-ins: ", style="bold")
        text.append("nothing said about this topic before.", style="dim")
        return text
    if not expanded:
        latest = mentions[0]
        said = [clean_line(c) for c in latest.changes] + [clean_line(d) for d in latest.decisions]
        if latest.notes:
            said.insert(0, clean_line(latest.notes))
        line = " · ".join(said)
        if len(line) > FOLDED_NOTE:
            line = line[: FOLDED_NOTE - 1] + "…"
        text.append("Last time ", style="bold")
        text.append(f"({human_date(latest.day, today)}, {_outcome(latest)})")
        if line:
            text.append(f": {line}")
        more = f" · {len(mentions) - 1} earlier" if len(mentions) > 1 else ""
        text.append(f"{more} · {key} shows all", style="dim")
        return text
    text.append(f"Earlier check-ins ({key} folds)\n", style="bold")
    for mention in mentions:
        text.append(f"{human_date(mention.day, today)} · {_outcome(mention)}\n", style="bold dim")
        if mention.notes:
            for note in clean_text(mention.notes).strip().splitlines():
                text.append(f"  {note}\n")
        for decision in mention.decisions:
            text.append("  ◆ ", style="green")
            text.append(clean_line(decision) + "\n")
        for change in mention.changes:
            text.append("  ↻ ", style="yellow")
            text.append(clean_line(change) + "\n")
    text.rstrip()
    return text
