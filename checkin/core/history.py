"""What was noted and decided about an agenda topic at the earlier check-ins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from checkin.core.enums import ItemStatus
from checkin.core.meeting import AgendaItem, Meeting, closing_status


@dataclass(frozen=True, kw_only=True)
class PastMention:
    """One earlier check-in's word on a topic: how the item went, its notes, the decisions
    taken on it and the changes made to its issue."""

    day: date
    status: ItemStatus | None  # None: the topic was not on that agenda (only its issue moved)
    notes: str = ""
    decisions: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()


def topic_ref(item: AgendaItem) -> str:
    """What identifies a topic across meetings: its record, else its key."""
    return item.source_ref or item.key


def topic_history(
    item: AgendaItem, meetings: Iterable[Meeting], *, exclude: str | None = None
) -> list[PastMention]:
    """What the started meetings other than ``exclude`` said about ``item``'s topic, newest
    first; meetings where nothing was said about it are left out."""
    ref = topic_ref(item)
    issue_id = ref.removeprefix("issue:") if ref.startswith("issue:") else None
    found: list[PastMention] = []
    for meeting in meetings:
        if meeting.id == exclude or meeting.started is None:
            continue
        past = next((i for i in meeting.agenda if topic_ref(i) == ref and not i.parked), None)
        changes = tuple(
            c.summary for c in meeting.status_changes if issue_id and c.issue_id == issue_id
        )
        if past is None and not changes:
            continue
        decisions = tuple(
            d.text.strip()
            for d in meeting.decisions
            if past is not None and d.item_key == past.key and d.text.strip()
        )
        found.append(
            PastMention(
                day=meeting.day,
                status=closing_status(past, meeting) if past is not None else None,
                notes=past.notes.strip() if past is not None else "",
                decisions=decisions,
                changes=changes,
            )
        )
    found.sort(key=lambda mention: mention.day, reverse=True)
    return found
