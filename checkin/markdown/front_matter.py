"""The small front matter of agenda templates: ``key: value`` lines and one nested ``timing:``."""

from __future__ import annotations

from dataclasses import dataclass, field

from checkin.core.agenda import TIMING_KEYS
from checkin.core.errors import CheckinError, ExitCode
from checkin.core.rules import MEETING_MINUTES, TIMED_MINUTES, Limit

KEYS = ("title", "minutes", "description", "timing")


class TemplateError(CheckinError):
    """A template file that does not follow agendas/README.md; names the file and line."""

    exit_code = ExitCode.BAD_DATA

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        where = f"{source}, line {line}" if line else source
        super().__init__(f"agenda template {where}: {message}")


@dataclass
class FrontMatter:
    """What the front matter of a template says (empty values: not given)."""

    title: str = ""
    minutes: int | None = None
    description: str = ""
    timing: dict[str, int] = field(default_factory=dict)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _integer(value: str, limit: Limit, what: str, fail: _Fail) -> int:
    text = _unquote(value)
    if not text.isdigit() or int(text) not in limit:
        raise fail(f"{what} must be a whole number from {limit}, not {text!r}")
    return int(text)


class _Fail:
    """Builds errors for one line of the file."""

    def __init__(self, source: str, line: int) -> None:
        self.source = source
        self.line = line

    def __call__(self, message: str) -> TemplateError:
        return TemplateError(self.source, self.line, message)


def parse_front_matter(text: str, first_line: int, source: str) -> FrontMatter:
    """Parse the lines between the ``---`` fences; ``first_line`` is the 1-based line of the
    first of them (the opening fence is on the line before)."""
    meta = FrontMatter()
    in_timing = False
    seen: set[str] = set()
    for offset, raw in enumerate(text.splitlines()):
        fail = _Fail(source, first_line + offset)
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, colon, value = stripped.partition(":")
        key = key.strip()
        if not colon or not key:
            raise fail(f"expected 'key: value' in the front matter, not {stripped!r}")
        if raw[0] in " \t":
            if not in_timing:
                raise fail(f"{key!r} is indented, but only the entries of 'timing:' are")
            if key not in TIMING_KEYS:
                known = ", ".join(sorted(TIMING_KEYS))
                raise fail(f"unknown timing key {key!r}; use one of: {known}")
            meta.timing[key] = _integer(value, TIMED_MINUTES, f"timing {key}", fail)
            continue
        in_timing = False
        if key not in KEYS:
            raise fail(f"unknown front matter key {key!r}; use one of: {', '.join(KEYS)}")
        if key in seen:
            raise fail(f"{key!r} is given twice")
        seen.add(key)
        if key == "timing":
            if value.strip():
                raise fail("list the timing entries on the lines below 'timing:', indented")
            in_timing = True
        elif key == "minutes":
            meta.minutes = _integer(value, MEETING_MINUTES, "minutes", fail)
        elif key == "title":
            meta.title = _unquote(value)
        else:
            meta.description = _unquote(value)
    return meta
