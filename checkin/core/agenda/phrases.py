"""Small pieces of the sentences reasons are made of: dates, durations, quoted titles."""

from __future__ import annotations

from datetime import date

from checkin.core.rules import MAX_TITLE
from checkin.core.text import clean_line

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_month(day: date, today: date) -> str:
    """'1 Nov', with the year when it is not ``today``'s year ('15 Jan 2027')."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def days_ago(days: int) -> str:
    """'today', 'yesterday', '5 days ago'."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def in_days(days: int) -> str:
    """'today', 'tomorrow', 'in 12 days'."""
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def quoted(title: str, limit: int = 60) -> str:
    """A record title inside a sentence: cleaned, shortened, in single quotes."""
    return f"'{shorten(title, limit)}'"


def shorten(text: str, limit: int) -> str:
    """One clean line of at most ``limit`` characters, an ellipsis marking a cut."""
    if len(text) <= limit and text.isprintable() and "  " not in text and text == text.strip():
        return text  # already one clean line: the common case, and much cheaper
    line = clean_line(text)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # end on a whole word when that does not lose too much
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def title(text: str) -> str:
    """A safe agenda item title: one clean line within the title limit."""
    return shorten(text, MAX_TITLE) or "(untitled)"


def duration(hours: int) -> str:
    """'61 h'; over 72 hours in days ('5 days'): nobody counts a backlog in hours."""
    if hours <= 72:
        return f"{hours} h"
    days = hours // 24
    return f"{days} days"
