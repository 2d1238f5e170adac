"""The minutes as plain text for a chat message: no tables, no markup, bullet lists only."""

from __future__ import annotations

from checkin.core.enums import Audience, Direction
from checkin.core.text import clean_line, clean_text
from checkin.markdown import wording as w
from checkin.markdown.minutes import MinutesData
from checkin.markdown.summary import summary_text

BULLET = "• "
INDENT = "  "


def _text(value: str) -> str:
    """Multi-line user text with continuation lines indented under their bullet."""
    lines = [line.strip() for line in clean_text(value).strip().split("\n")]
    return f"\n{INDENT}".join(line for line in lines if line)


def _joined(title: str, notes: str) -> str:
    title = clean_line(title)
    if not notes.strip():
        return title
    separator = " " if w.ends_with_punctuation(title) else ": "
    return f"{title}{separator}{_text(notes)}"


def render_chat(data: MinutesData, audience: Audience | str = Audience.CLIENT) -> str:
    """The minutes of ``data.meeting`` as a short plain-text message, ending in a newline.

    Slack, Teams and email show it as typed. Empty sections are left out to keep it short;
    the Markdown minutes are the full record. The client version (the default) leaves out
    sentiment, the rating and private notes; the team version adds them.
    """
    team = Audience(audience) is Audience.TEAM
    m = data.meeting
    client = clean_line(data.account.name)
    out = [clean_line(data.title)]
    if data.is_draft:
        out.append("Draft: the meeting has not ended; these minutes are not final.")
    out.append(w.when(m))
    theirs, ours = w.attendees(m, data.contacts)
    groups = [
        f"{', '.join(clean_line(c.name) for c in people)} ({label})"
        for label, people in ((client, theirs), ("our team", ours))
        if people
    ]
    guests = [clean_line(g) for g in m.guests if g.strip()]
    if guests:
        groups.append(f"{', '.join(guests)} (guests)")
    if groups:
        out.append("Attendees: " + "; ".join(groups))
    if team:
        out.append("Internal: team version, with private notes and our assessment.")
    out += ["", *summary_text(data)]

    def section(title: str, lines: list[str]) -> None:
        if lines:
            out.extend(["", title, *(BULLET + line for line in lines)])

    by_status: dict[str, list[str]] = {}
    for item in w.agenda(m):
        status = w.item_status(item, m)
        line = _joined(w.item_title(item), item.notes)
        if team and item.private_notes.strip():
            line += f"\n{INDENT}Private (team only): {_text(item.private_notes)}"
        by_status.setdefault(status, []).append(line)
    headings = {
        "Discussed": "Discussed",
        "In progress": "In progress",
        "Deferred": "Deferred to the next meeting",
        "Skipped": "Skipped",
        "Not reached": "Not reached (carried to the next meeting)",
        "Pending": "Still to discuss",
    }
    for status, title in headings.items():
        section(title, by_status.get(status, []))
    section("Decisions", [_text(d.text) for d in m.decisions if d.text.strip()])
    section(
        "Action items",
        [
            f"{'' if a.is_open else '✓ '}{clean_line(w.owner(a))}: {clean_line(a.title)} "
            f"({w.action_terms(a)})"
            for a in w.sorted_actions(data.actions)
        ],
    )
    feedback = []
    for given in data.feedback:
        direction = "From" if given.direction is Direction.FROM_CLIENT else "To"
        mood = w.SENTIMENTS.get(given.sentiment, "") if team else ""
        about = ", ".join(part for part in (clean_line(given.topic), mood) if part)
        label = f"{direction} {client} ({about})" if about else f"{direction} {client}"
        feedback.append(f"{label}: {_text(given.text)}")
    section("Feedback", feedback)
    section(
        "Issue status changes",
        [f"{clean_line(c.issue_title)}: {c.old.value} → {c.new.value}" for c in m.status_changes],
    )
    out.append("")
    if team:
        rated = f"{m.rating} of 5" if m.rating is not None else "not rated"
        out.append(f"Rating (team only): {rated}")
    if m.next_meeting is not None:
        out.append(f"Next meeting: {w.long_date(m.next_meeting)}")
    else:
        out.append("Next meeting: not scheduled yet")
    return "\n".join(out) + "\n"
