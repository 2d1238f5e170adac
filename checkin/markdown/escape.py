"""Escaping user text for GitHub-flavoured Markdown: inline text, headings, cells and blocks."""

from __future__ import annotations

import re

from checkin.core.text import clean_text

# The rule is "escape what could change the structure, nothing more", so the raw Markdown
# still reads well in an email: user_id and Q&A stay as typed, while *, |, <, [, backticks and
# block markers at the start of a line (#, >, -, 1.) are backslash-escaped. Leading
# indentation is dropped so no line becomes a code block; continuation lines of multi-line
# text are indented so the text stays inside its list item.
#
# Always escaped: emphasis, code spans, links and images, raw HTML and autolinks, table pipes,
# strikethrough, and the backslash itself.
_ALWAYS = frozenset("\\`*[]<|~")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]{1,32};)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_LINE_START = frozenset("#>-+=")
_IN_HEADINGS = _ALWAYS | {"#"}  # a trailing "#" would be read as the heading's closing
HARD_BREAK = "\\"


def _word(char: str) -> bool:
    return char.isalnum()


def _escape_line(line: str, always: frozenset[str] = _ALWAYS) -> str:
    """Escape one line of text (no newlines) that may start a Markdown block."""
    line = line.replace("\t", " ").strip()
    if not line:
        return ""
    out: list[str] = []
    last = len(line) - 1
    for index, char in enumerate(line):
        if char in always:
            out.append("\\" + char)
        elif char == "_":
            # An underscore between two letters or digits never starts emphasis (snake_case).
            inner = 0 < index < last and _word(line[index - 1]) and _word(line[index + 1])
            out.append("_" if inner else "\\_")
        else:
            out.append(char)
    text = _ENTITY.sub(r"\\&", "".join(out))
    if text[0] in _LINE_START:
        return "\\" + text
    ordered = _ORDERED.match(text)
    if ordered is not None:
        return f"{ordered.group(1)}\\{ordered.group(2)}{text[ordered.end() :]}"
    return text


def inline(text: str) -> str:
    """User text as one line of literal Markdown (line breaks become spaces).

    Safe anywhere inline: in a paragraph, after a list marker, inside ``**bold**``.
    """
    return _escape_line(" ".join(clean_text(text).split()))


def cell(text: str, empty: str = "—") -> str:
    """User text for a GFM table cell: one line, pipes escaped; ``empty`` when blank."""
    return inline(text) or empty


def heading(text: str) -> str:
    """User text for an ATX heading (every ``#`` escaped: a trailing one would close it)."""
    return _escape_line(" ".join(clean_text(text).split()), _IN_HEADINGS)


def lines(text: str) -> list[str]:
    """Multi-line user text as escaped lines: a hard break between lines, a blank line
    between paragraphs, no leading or trailing blank lines."""
    paragraphs: list[list[str]] = [[]]
    for raw in clean_text(text).split("\n"):
        line = _escape_line(raw)
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    result: list[str] = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        if result:
            result.append("")
        result.extend(line + HARD_BREAK for line in paragraph[:-1])
        result.append(paragraph[-1])
    return result


def block(text: str, indent: int = 0) -> str:
    """Multi-line user text as a Markdown block; continuation lines are indented by
    ``indent`` spaces so the text stays inside the list item it starts in."""
    pad = " " * indent
    escaped = lines(text)
    return "\n".join((pad + line if n and line else line) for n, line in enumerate(escaped))


# What a link destination may hold: an http(s) URL without spaces, angle brackets, pipes,
# backslashes or backticks, so it can sit in ``<...>`` inside a table cell unchanged.
_SAFE_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def safe_url(url: str) -> str | None:
    """``url`` if it is a plain http(s) URL that is safe as a link destination, else None."""
    url = url.strip()
    return url if _SAFE_URL.fullmatch(url) else None
