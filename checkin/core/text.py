"""Sanitizing text that comes from users and imports before it is stored or shown."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

# Patterns only some text needs are compiled on first use (``_compiled``): the app's first
# frame needs the control-character search alone.
# CSI, OSC (ended by BEL or ST), DCS/SOS/PM/APC strings and two-character escapes (verbose).
_ESCAPES = r"""
    \x1b\[[0-?]*[ -/]*[@-~]             # CSI ... final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?      # DCS, SOS, PM, APC
    | \x1b[@-Z\\-_]                      # other two-byte escapes
    | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
    """
_NOT_SLUG = r"[^a-z0-9]+"
# C0 controls but tab and newline, DEL, C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible characters that reorder or hide text in a one-line field: bidirectional embeddings,
# overrides, isolates and marks (a title can read backwards, or a table column shift), and
# zero-width spaces, joiners and the byte-order mark (they take no column, so tables misalign).
_INVISIBLE = "[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"


@functools.cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def clean_text(value: str) -> str:
    """Remove terminal escape sequences and control characters; keep newlines and tabs."""
    if not value:
        return ""
    # Every escape starts with ESC or 8-bit CSI, and CR is a control too: most text has none
    # of them and is returned as it is after one search.
    if _CONTROLS.search(value) is None:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _compiled(_ESCAPES, re.VERBOSE).sub("", value)
    return _CONTROLS.sub("", value)


def clean_line(value: str) -> str:
    """Like :func:`clean_text`, for one-line fields: whitespace runs become one space, and
    bidirectional controls and zero-width characters are removed."""
    return " ".join(_compiled(_INVISIBLE).sub("", clean_text(value)).split())


def ascii_fold(value: str) -> str:
    """Accents off, the standard library's way: "Zürich" -> "Zurich"; other scripts are lost.

    The app passes a real transliteration (anyascii) to :func:`slugify` instead; this is the
    fallback that keeps the core free of third-party packages.
    """
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()


def slugify(value: str, max_len: int = 40, transliterate: Callable[[str], str] = ascii_fold) -> str:
    """A short name for the command line: "Zürich Café & Co" -> "zurich-cafe-co".

    Lower-case ASCII letters and digits joined by single hyphens, at most ``max_len`` long,
    never starting or ending with a hyphen; "" when nothing is left. Only letters, digits and
    their marks are spelled out by ``transliterate`` (anyascii gives "Ørsted" -> "orsted",
    "Ελλάδα" -> "ellada"); symbols and emoji separate words, they are not named.
    """
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in value)
    words = _compiled(_NOT_SLUG).sub("-", transliterate(kept).lower()).strip("-")
    return words[:max_len].strip("-")


def count(number: int, unit: str, plural: str | None = None) -> str:
    """'1 decision', '3 decisions' ('2 issue updates' with ``unit`` "issue update")."""
    return f"{number} {unit}" if number == 1 else f"{number} {plural or unit + 's'}"
