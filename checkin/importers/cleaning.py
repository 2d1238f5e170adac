"""Sanitizing imported values: escape sequences out, spreadsheet formula guards undone."""

from __future__ import annotations

from collections.abc import Iterable

from checkin.core.text import clean_line, clean_text

# OWASP's CSV-injection advice, which exporters follow: a cell starting with one of these is
# written with a leading apostrophe so a spreadsheet shows it as text instead of running it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def unguard(value: str) -> str:
    """Undo a formula guard: ``'=SUM(A1)`` is the text ``=SUM(A1)``.

    Only an apostrophe followed by a formula trigger is a guard; ``'quoted'`` stays as it is.
    A guarded cell whose quotes are doubled although it is not quoted (Linear writes
    ``'=HYPERLINK(""http://x"")``) gets its quotes undoubled too: the exporter escaped them.
    """
    if not value.startswith("'") or not value[1:2] or not value[1:].startswith(FORMULA_TRIGGERS):
        return value
    value = value[1:]
    return value.replace('""', '"') if '""' in value else value


def line(value: object) -> str:
    """A one-line field (title, owner, id): no escapes, no controls, single spaces."""
    if value in (None, ""):
        return ""
    text = str(value)
    # Most cells are already clean: printable (no escape, control, tab or newline) and
    # single-spaced. They are returned as they are, without the regular expressions.
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text
    return clean_line(text)


def text(value: object) -> str:
    """A multi-line field (description): no escapes or controls, no trailing blank space."""
    if value in (None, ""):
        return ""
    cleaned = clean_text(str(value))
    # In ASCII text without controls (gone now) the only blank space a line can end with is a
    # space or a tab: without one, no line needs its end stripped.
    if (
        cleaned.isascii()
        and " \n" not in cleaned
        and "\t\n" not in cleaned
        and cleaned[-1:] not in (" ", "\t")
    ):
        return cleaned.strip("\n")
    return "\n".join([part.rstrip() for part in cleaned.split("\n")]).strip("\n")


def labels(values: Iterable[object]) -> tuple[str, ...]:
    """Cleaned, non-empty labels in their first order, each once."""
    seen: dict[str, None] = {}
    for value in values:
        label = line(value)
        if label and label not in seen:
            seen[label] = None
    return tuple(seen)


def url(value: object) -> str | None:
    """A web address as text, or None when it is not http(s) (never a ``javascript:`` link)."""
    address = line(value)
    if not address:
        return ""
    lowered = address.lower()
    if lowered.startswith(("https://", "http://")) and " " not in address:
        return address
    return None
