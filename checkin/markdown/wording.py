"""The words and figures every rendering of the minutes shares: dates, times, statuses, owners."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from checkin.core.enums import (
    SENTIMENT_WORDS,
    ActionStatus,
    Audience,
    ItemKind,
    ItemStatus,
    MeetingState,
    Side,
)
from checkin.core.meeting import AgendaItem, Meeting, Reason
from checkin.core.records import ActionItem, Contact
from checkin.core.text import clean_line, count
from checkin.markdown.audience import INTERNAL_RULES, score_text

# English names on purpose: calendar.day_name follows the locale, the minutes should not.
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

TEMPLATE_TITLES = {
    "monthly": "Monthly check-in",
    "weekly": "Weekly project sync",
    "qbr": "Quarterly business review",
    "escalation": "Escalation review",
    "kickoff": "Kickoff",
}
SENTIMENTS = SENTIMENT_WORDS  # one vocabulary: checkin.core.enums
OUR_TEAM = "Our team"
KIND_REASONS = {
    ItemKind.ISSUE: "Open issue.",
    ItemKind.FOLLOW_UP: "Resolved issue: did the fix work for you?",
    ItemKind.ACTION: "Open action item.",
    ItemKind.ROADMAP: "Roadmap milestone.",
    ItemKind.FEEDBACK: "Feedback to discuss.",
    ItemKind.RELATIONSHIP: "How we work together.",
    ItemKind.STANDING: "Standing item of every {meeting}.",
    ItemKind.CUSTOM: "Added by hand.",
}


def meeting_title(template: str) -> str:
    """ "Monthly check-in" for the template "monthly"; unknown names read as written."""
    known = TEMPLATE_TITLES.get(template.strip().lower())
    if known:
        return known
    words = clean_line(template.replace("-", " ").replace("_", " "))
    return words[:1].upper() + words[1:] if words else "Check-in"


def long_date(day: date) -> str:
    """ "Thursday 12 November 2026"."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """ "Thu 12 Nov 2026"."""
    return f"{DAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def clock_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def minutes_text(seconds: int) -> str:
    """Time spent on an item: "9 min", "<1 min", or "—" when none was."""
    if seconds <= 0:
        return "—"
    if seconds < 60:
        return "<1 min"
    return f"{(seconds + 30) // 60} min"


def meeting_minutes(meeting: Meeting) -> int | None:
    """How long the meeting ran, in whole minutes; None until it has ended."""
    if meeting.started is None or meeting.ended is None:
        return None
    return round((meeting.ended - meeting.started).total_seconds() / 60)


def when(meeting: Meeting) -> str:
    """The meeting's day and times as a sentence fragment."""
    m = meeting
    if m.started is None:
        return (
            f"{long_date(m.planned_start.date())}, {clock_time(m.planned_start)} "
            f"({m.length_minutes} min planned)"
        )
    text = f"{long_date(m.started.date())}, {clock_time(m.started)}"
    ran = meeting_minutes(m)
    if m.ended is None or ran is None:
        return f"{text}, in progress ({m.length_minutes} min planned)"
    return f"{text} to {clock_time(m.ended)} ({ran} min; {m.length_minutes} planned)"


def item_status(item: AgendaItem, meeting: Meeting) -> str:
    """What happened to an item: Discussed, Skipped, Deferred, Not reached, In progress..."""
    if item.status is ItemStatus.PENDING:
        if meeting.state is MeetingState.ENDED:
            return "Not reached"
        if meeting.current_key == item.key:
            return "In progress"
        return "Pending"
    return item.status.value.capitalize()


def progress(items: Sequence[AgendaItem], meeting: Meeting) -> str:
    """ "3 of 5 agenda items discussed, 1 skipped, 1 not discussed." (zero counts left out)."""
    outcomes = [item_status(item, meeting) for item in items]
    discussed = outcomes.count("Discussed")
    parts = [f"{discussed} of {count(len(items), 'agenda item')} discussed"]
    skipped = outcomes.count("Skipped")
    if skipped:
        parts.append(f"{skipped} skipped")
    deferred = outcomes.count("Deferred")
    if deferred:
        parts.append(f"{deferred} deferred")
    left = sum(1 for outcome in outcomes if outcome in ("Not reached", "Pending"))
    if left:
        parts.append(f"{left} not discussed")
    return ", ".join(parts) + "."


def agenda(meeting: Meeting) -> list[AgendaItem]:
    """The items that were on the agenda, in order (the parking lot is listed apart)."""
    return [item for item in meeting.agenda if not item.parked]


def parked(meeting: Meeting) -> list[AgendaItem]:
    return [item for item in meeting.agenda if item.parked]


def item_title(item: AgendaItem) -> str:
    """An item's title with its carry-over label."""
    if item.carried_from is not None:
        return f"{item.title} (carried from {item.carried_from.isoformat()})"
    return item.title


# The planner says "added by you" to the account manager; minutes are shared with the client,
# who would read "you" as themselves.
SHARED_WORDING = {
    "added_by_hand": "Added by our team.",
    "parked": "Moved to the parking lot while planning.",
}


# The engine words reasons for the account manager ("the client's milestone", "an action on
# their side"); what the client reads speaks to them ("your milestone"). Reasons that would
# be an admission or an internal figure get a kind sentence instead (issue 16 decides what a
# client sees at all; this is the one place the wording changes).
CLIENT_RULE_TEXT = {
    "ack_breach_48h": "we owe you an acknowledgement",
    "plan_breach_48h": "we owe you our findings and an action plan",
    "falling_ratings": "we want these check-ins to be as useful as they can be",
    "sponsor_not_met": "time to bring your executive sponsor up to date",
    "added_by_hand": "added by our team",
    "parked": "moved to the parking lot while planning",
}
CLIENT_PHRASES = (
    (
        re.compile(r"kind words from the client on (.+): thank them"),
        r"thank you for your kind words of \1",
    ),
    (re.compile(r"\bthe client's side\b"), "your side"),
    (re.compile(r"\bthe client's\b"), "your"),
    (re.compile(r"\ban action on their side\b"), "an action on your side"),
    (re.compile(r"\ba commitment of ours\b"), "a commitment from us"),
)


def client_reason(reason: Reason) -> str:
    """A reason's sentence as the client reads it (see CLIENT_RULE_TEXT)."""
    text = CLIENT_RULE_TEXT.get(reason.rule)
    if text is not None:
        return text
    text = reason.text
    for pattern, replacement in CLIENT_PHRASES:
        text = pattern.sub(replacement, text)
    return text


def reasons(item: AgendaItem, template: str, audience: Audience = Audience.CLIENT) -> list[str]:
    """Why the item was on the agenda, in words; a sentence by kind when none was recorded.

    The client reads no internal reason (our 48-hour breaches, their ratings...), and the rest
    spoken to them ("your milestone"); the team reads every reason with the score it added.
    """
    found = []
    by_hand = any(r.rule == "parked" for r in item.reasons)  # then time was not the reason
    for r in item.reasons:
        if not r.text.strip() or (audience.is_client and r.rule in INTERNAL_RULES):
            continue
        if by_hand and r.rule == "time_fit":
            continue
        if audience.is_client:
            text = SHARED_WORDING.get(r.rule) or client_reason(r)
        else:
            text = SHARED_WORDING.get(r.rule, r.text.strip())
            if r.score:
                text = f"{text.rstrip('.')} ({score_text(r.score)})"
        found.append(text)
    if not found:
        found = [KIND_REASONS[item.kind].format(meeting=meeting_title(template).lower())]
    if item.carried_from is not None:
        found.insert(0, f"Carried from the meeting of {item.carried_from.isoformat()}.")
    return found


def attendees(meeting: Meeting, contacts: Iterable[Contact]) -> tuple[list[Contact], list[Contact]]:
    """The meeting's attendees known as contacts: (client side, our side), in meeting order."""
    by_id = {c.id: c for c in contacts}
    present = [by_id[cid] for cid in meeting.attendees if cid in by_id]
    return (
        [c for c in present if c.side is Side.CLIENT],
        [c for c in present if c.side is Side.OURS],
    )


def person(contact: Contact) -> str:
    """ "Raj Patel (IT Director)"."""
    return f"{contact.name} ({contact.role})" if contact.role.strip() else contact.name


def owner(action: ActionItem) -> str:
    """Who does it: the contact's name, or "Our team" for "us"."""
    name = action.owner.strip()
    return OUR_TEAM if name.casefold() == "us" else name


def sorted_actions(actions: Sequence[ActionItem]) -> list[ActionItem]:
    """Open items first by due date (undated last), then done and dropped ones."""
    return sorted(
        actions,
        key=lambda a: (
            a.status is not ActionStatus.OPEN,
            a.due is None,
            a.due or date.max,
            a.title.casefold(),
        ),
    )


def action_terms(action: ActionItem) -> str:
    """ "due 2026-12-01", "no due date", "done 2026-11-20", "dropped"."""
    due = f"due {action.due.isoformat()}" if action.due else "no due date"
    if action.status is ActionStatus.DONE:
        done = f"done {action.done_on.isoformat()}" if action.done_on else "done"
        return f"{due}, {done}" if action.due else done
    if action.status is ActionStatus.DROPPED:
        return "dropped"
    return due


def ends_with_punctuation(text: str) -> bool:
    return text.rstrip()[-1:] in ("?", "!", ".", ":")


def sentence(text: str) -> str:
    """``text`` with a capital first letter (reasons are often written as fragments)."""
    text = text.strip()
    return text[:1].upper() + text[1:]
