"""The pre-read: a client-facing Markdown agenda (GitHub-flavoured), safe for any user text.

Sections in meeting order, each item with its minutes, owner and a short "why" (the reasons'
sentences, never their scores), then the parking lot. Every piece of user text is escaped so a
title such as ``# | <b>`` shows as typed and cannot break the document's structure.
"""

from __future__ import annotations

from datetime import datetime

from checkin.core.agenda import Agenda
from checkin.core.meeting import AgendaItem
from checkin.core.text import clean_line
from checkin.markdown.escape import heading, inline
from checkin.markdown.wording import client_reason

# Reasons that say nothing to the client: where the engine or the account manager placed the
# item, and "added by you" (the client would read "you" as themselves: a topic the account
# manager added has no "Why" line, as a standing item has none).
INTERNAL_RULES = frozenset({"standing", "time_fit", "parked", "added_by_hand"})
JOIN_RULES = frozenset({"linked_record", "linked_milestone"})
PARKED_SHOWN = 15
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


def when(moment: datetime) -> str:
    """'Sunday 22 November 2026, 09:00' (English whatever the locale: output is stable)."""
    day = f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    return f"{day}, {moment:%H:%M}"


def why(item: AgendaItem) -> str:
    """The topic's own reasons as one sentence for the client, in their voice; empty for a
    plain standing item and for a topic the account manager added. The reasons of records
    joined into the topic are listed apart (:func:`joined`)."""
    texts = [
        clean_line(client_reason(r))
        for r in item.reasons
        if r.rule not in INTERNAL_RULES and r.rule not in JOIN_RULES and r.source is None
    ]
    return "; ".join(dict.fromkeys(t for t in texts if t))


def joined(item: AgendaItem) -> list[str]:
    """The records discussed with this topic, for the client ("an action on your side, ...")."""
    return [clean_line(client_reason(r)) for r in item.reasons if r.rule in JOIN_RULES]


def _minutes(count: int) -> str:
    return f"{count} min"


def _item_lines(rank: int, item: AgendaItem) -> list[str]:
    head = f"{rank}. **{inline(item.title)}** — {_minutes(item.planned_minutes)}"
    if item.owner:
        head += f", owner: {inline(item.owner)}"
    lines = [head]
    reason = why(item)
    if reason:
        stop = "" if reason[-1] in ".?!…" else "."
        # A backslash ends the line with a hard break: "Why" stays on a line of its own in
        # GitHub, email clients and the app, instead of running into the title.
        lines[0] += "\\"
        lines.append(f"   Why: {inline(reason)}{stop}")
    together = joined(item)
    if together:
        lines[-1] += "\\"
        lines.append(f"   With: {inline('; '.join(together))}.")
    return lines


def render_preread(agenda: Agenda) -> str:
    """The Markdown pre-read of ``agenda``: the same agenda always gives the same bytes."""
    account = agenda.account
    lines = [f"# {heading(account.name)}: {heading(agenda.title)}", ""]
    facts = f"{when(agenda.now)} · {agenda.length_minutes} minutes"
    if account.our_owner:
        facts += f" · prepared by {inline(account.our_owner)}"
    lines += [facts, ""]
    rank = 0
    for title in agenda.sections:
        items = agenda.in_section(title)
        if not items:
            continue
        total = sum(item.planned_minutes for item in items)
        lines += [f"## {heading(title)} ({_minutes(total)})", ""]
        for item in items:
            rank += 1
            lines += _item_lines(rank, item)
        lines.append("")
    planned = agenda.planned_minutes
    lines.append(f"Planned: {planned} of {agenda.length_minutes} minutes.")
    if agenda.parked:
        lines += ["", "## Parking lot", ""]
        lines.append(
            f"These did not fit in {agenda.length_minutes} minutes. Tell us if one of them "
            "should replace an item above."
        )
        lines.append("")
        for item in agenda.parked[:PARKED_SHOWN]:
            lines.append(f"- {inline(item.title)} ({_minutes(item.planned_minutes)})")
        hidden = len(agenda.parked) - PARKED_SHOWN
        if hidden > 0:
            lines.append(f"- and {hidden} more")
    return "\n".join(lines) + "\n"
