"""The live check-in's commands, written once: keys in both modes, palette titles and help.

Command mode (the agenda list) takes single keys; typing mode (the notes editor) keeps the
printable keys for the notes, so its commands sit on ctrl and f-keys (``typing_key``). F-keys
reach the screen from both. The key bar offers a command only where it applies to the
current item (``^r Records`` only on a topic with an issue or action item).
"""

from __future__ import annotations

from typing import Any

from checkin.core.text import clean_line
from checkin.core.transitions import ActionChange, IssueChange
from checkin.ui.command_table import Command, CommandTable

RECORDS_TOOLTIP = (
    "This topic's issues and action items: done, drop, re-date, reassign; any issue status, "
    "plan given, did the fix work (verified or reopened)"
)


def _on_item(screen: Any) -> bool:
    return screen.session.current is not None


def _has_previous(screen: Any) -> bool:
    items, current = screen.session.agenda, screen.session.current
    return current in items and items.index(current) > 0


def _has_records(screen: Any) -> bool:
    return bool(screen.session.topic_records())


def _history_title(screen: Any) -> str:
    return (
        "Meeting: Fold topic history" if screen.history_expanded else "Meeting: Show topic history"
    )


def _record_command(title: str, help_text: str, kind: str, operation: str) -> Command:
    """A palette command on the topic's first record of ``kind`` that can take ``operation``;
    offered only when there is one, with that record's title when there is no other help."""

    def record(screen: Any) -> Any:
        return screen.first_record(kind, operation)

    return Command(
        "",
        f"on_first('{kind}', '{operation}')",
        "",
        title,
        help_text,
        applies=lambda screen: record(screen) is not None,
        detail=None if help_text else lambda screen: clean_line(record(screen).title),
    )


TABLE = CommandTable(
    [
        Command("n", "next_item", "Next", "Meeting: Next item",
                "This item is discussed: on to the next one", id="live.next", typing_key="ctrl+n"),
        # Back is in f1 and the palette while typing: its room goes to the client's profile.
        Command("b", "previous_item", "Back", "Meeting: Previous item",
                "Back to the previous item", applies=_has_previous, id="live.previous",
                typing_key="ctrl+b", typing_show=False),
        Command("d", "mark('discussed')", "Discussed", "Meeting: Mark item discussed",
                "Mark this item discussed and stay on it", applies=_on_item, show=False,
                id="live.discussed"),
        Command("s", "mark('skipped')", "Skip", "Meeting: Skip item",
                "Skip this item: it is not carried over", applies=_on_item, id="live.skip"),
        Command("x", "mark('deferred')", "Defer", "Meeting: Defer item",
                "Carry this item to the next meeting", applies=_on_item, id="live.defer"),
        Command("t", "capture('action')", "Action", "Meeting: Add action item",
                "Capture an action item: what, who, by when", id="live.action",
                typing_key="ctrl+t"),
        Command("o", "capture('decision')", "Decision", "Meeting: Add decision",
                "Capture a decision", id="live.decision", typing_key="ctrl+o"),
        Command("f", "capture('feedback')", "Feedback", "Meeting: Add feedback",
                "Capture the client's feedback, or ours to them", id="live.feedback",
                typing_key="ctrl+f"),
        Command("l", "capture('issue')", "Issue", "Meeting: Log new issue",
                "Log a new issue (acknowledged now)", id="live.issue", typing_key="ctrl+l"),
        Command("r", "topic_records", "Records", "Meeting: Act on topic records",
                RECORDS_TOOLTIP, applies=_has_records, id="live.records", typing_key="ctrl+r"),
        Command("a", "attendees", "Attendees", help="Who is on the call", show=False,
                id="live.attendees"),
        Command("c", "custom_item", "Add item", "Meeting: Add custom item",
                "Add an item after the current one", show=False, id="live.custom"),
        Command("w", "wrap_up", "Wrap up", "Meeting: Wrap up",
                "End the call: rating, what to do better, next date, minutes", id="live.wrap"),
        Command("", "focus_agenda", "Agenda", help="Leave the notes: single keys act on the "
                "agenda", id="live.agenda", typing_key="escape"),
        Command("f2", "show_profile", "Profile", "Meeting: Show client profile",
                "The client's culture notes, do's and don'ts and contacts", id="live.profile",
                typing_key="f2"),
        Command("f4", "toggle_history", "History", _history_title,
                "What earlier check-ins noted and decided about this topic: all of it, or the "
                "latest", applies=_on_item, id="live.history", typing_key="f4"),
        Command("f5", "attendees", "Attendance", "Meeting: Set attendees",
                "Who is on the call: tick contacts, add guests", id="live.attendance",
                typing_key="f5"),
        Command("e", "focus_notes", "Notes", help="Back to the notes of the current item",
                applies=_on_item, show=False, id="live.notes"),
        Command("f8", "toggle_private", "Private", "Meeting: Switch shared / private notes",
                "Switch the notes editor between shared notes (in the client's minutes) and "
                "private notes (our team's minutes only)", id="live.private", typing_key="f8"),
        Command("f3", "leave", "Leave", "Meeting: Leave running",
                "Leave the meeting running; it resumes on the next start", show=False,
                id="live.leave", typing_key="f3"),
        *(
            _record_command(title, help_text, kind, str(operation))
            for title, help_text, kind, operation in (
                ("Meeting: Verify fix", "Did that work for you? Yes", "issue", IssueChange.VERIFY),
                ("Meeting: Reopen issue", "Did that work? No: reopen", "issue", IssueChange.REOPEN),
                ("Meeting: Give plan", "The plan and an estimated date", "issue", IssueChange.PLAN),
                ("Meeting: Acknowledge issue", "", "issue", IssueChange.ACKNOWLEDGE),
                ("Meeting: Mark issue in progress", "", "issue", IssueChange.START),
                ("Meeting: Mark issue waiting on client", "", "issue", IssueChange.WAIT),
                ("Meeting: Resolve issue", "", "issue", IssueChange.RESOLVE),
                ("Meeting: Close issue", "", "issue", IssueChange.CLOSE),
                ("Meeting: Mark action done", "", "action", ActionChange.DONE),
                ("Meeting: Drop action item", "", "action", ActionChange.DROP),
                ("Meeting: Re-date action item", "A new due date", "action", ActionChange.REDATE),
                ("Meeting: Reassign action item", "A contact, a guest or us", "action",
                 ActionChange.REASSIGN),
            )
        ),
    ]
)  # fmt: skip
