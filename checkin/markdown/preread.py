"""The pre-read: a client-facing Markdown agenda (GitHub-flavoured), safe for any user text.

Sections in meeting order, each item with its minutes, owner and a short "why" (the reasons'
sentences, never their scores), then the parking lot. Every piece of user text is escaped so a
title such as ``# | <b>`` shows as typed and cannot break the document's structure.
"""

from __future__ import annotations

from datetime import datetime

from checkin.core.agenda import Agenda
from checkin.core.enums import Audience
from checkin.core.meeting import AgendaItem
from checkin.core.text import clean_line
from checkin.markdown.audience import (
    PLACEMENT_RULES,
    TEAM_BANNER,
    parked_by_hand,
    quiet_references,
    shared_reasons,
    with_scores,
)
from checkin.markdown.escape import heading, inline
from checkin.markdown.wording import client_reason

# Reasons that say nothing to the client: where the engine or the account manager placed the
# item, and "added by you" (the client would read "you" as themselves: a topic the account
# manager added has no "Why" line, as a standing item has none). Internal judgement (our
# 48-hour breaches, their ratings of us) is left out by audience: see checkin.markdown.audience.
INTERNAL_RULES = PLACEMENT_RULES
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


def why(item: AgendaItem, audience: Audience = Audience.CLIENT) -> str:
    """The topic's own reasons as one sentence, for the client in their voice; empty for a
    plain standing item and for a topic the account manager added. The team reads every
    reason with its score. The reasons of records joined into the topic are listed apart
    (:func:`joined`)."""
    reasons = [
        r for r in shared_reasons(item, audience) if r.rule not in JOIN_RULES and r.source is None
    ]
    if audience.is_client:
        texts = [clean_line(client_reason(r)) for r in reasons]
    else:
        texts = [clean_line(text) for text in with_scores(reasons)]
    return "; ".join(dict.fromkeys(t for t in texts if t))


def joined(item: AgendaItem, audience: Audience = Audience.CLIENT) -> list[str]:
    """The records discussed with this topic ("an action on your side, ..." for the client)."""
    return [
        clean_line(client_reason(r) if audience.is_client else r.text)
        for r in item.reasons
        if r.rule in JOIN_RULES
    ]


def _minutes(count: int) -> str:
    return f"{count} min"


def _item_lines(rank: int, item: AgendaItem, audience: Audience) -> list[str]:
    head = f"{rank}. **{inline(item.title)}** — {_minutes(item.planned_minutes)}"
    if item.owner:
        head += f", owner: {inline(item.owner)}"
    lines = [head]
    reason = why(item, audience)
    if reason:
        stop = "" if reason[-1] in ".?!…" else "."
        # A backslash ends the line with a hard break: "Why" stays on a line of its own in
        # GitHub, email clients and the app, instead of running into the title.
        lines[0] += "\\"
        lines.append(f"   Why: {inline(reason)}{stop}")
    together = joined(item, audience)
    if together:
        lines[-1] += "\\"
        lines.append(f"   With: {inline('; '.join(together))}.")
    return lines


def render_preread(agenda: Agenda, audience: Audience | str = Audience.CLIENT) -> str:
    """The Markdown pre-read of ``agenda``: the same agenda always gives the same bytes.

    The client version (the default) is what the client receives: no internal reasons, no
    scores, @mentions and issue references neutralised, and items kept for later said kindly.
    The team version adds every reason with its score and why each parked item was parked.
    """
    audience = Audience(audience)
    account = agenda.account
    lines = [f"# {heading(account.name)}: {heading(agenda.title)}", ""]
    if not audience.is_client:
        lines += [TEAM_BANNER, ""]
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
            lines += _item_lines(rank, item, audience)
        lines.append("")
    planned = agenda.planned_minutes
    lines.append(f"Planned: {planned} of {agenda.length_minutes} minutes.")
    if agenda.parked:
        lines += ["", "## Parking lot", ""]
        lines += _parking_lot(agenda, audience)
    text = "\n".join(lines) + "\n"
    return quiet_references(text) if audience.is_client else text


def _parking_lot(agenda: Agenda, audience: Audience) -> list[str]:
    """The parked items. Only those the time left out are said not to fit: one the account
    manager parked did fit, and the client reads it as kept for a later meeting."""
    by_hand = [item for item in agenda.parked if parked_by_hand(item)]
    if not by_hand:
        intro = f"These did not fit in {agenda.length_minutes} minutes."
    elif audience.is_client or len(by_hand) == len(agenda.parked):
        intro = "These are kept for a later meeting."
    else:
        length = agenda.length_minutes
        intro = f"These are kept for a later meeting (some did not fit in {length} minutes)."
    lines = [f"{intro} Tell us if one of them should replace an item above.", ""]
    for item in agenda.parked[:PARKED_SHOWN]:
        line = f"- {inline(item.title)} ({_minutes(item.planned_minutes)}"
        if not audience.is_client and by_hand:
            line += ", parked by hand" if parked_by_hand(item) else ", did not fit"
        lines.append(line + ")")
    hidden = len(agenda.parked) - PARKED_SHOWN
    if hidden > 0:
        lines.append(f"- and {hidden} more")
    return lines
