"""Agenda templates: Markdown files parsed with markdown-it-py tokens into the core Template.

The syntax is documented in agendas/README.md. Headings are sections, a ``Takes:`` line under
a section names the generated item kinds it takes, list items are standing items with an
optional ``(5 min)``. Every mistake raises :class:`TemplateError` naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from checkin.core.agenda import GENERATED_KINDS, Section, StandingItem, Template
from checkin.core.enums import ItemKind
from checkin.core.rules import ITEM_MINUTES, MAX_TITLE
from checkin.core.text import clean_line
from checkin.markdown.front_matter import (
    FrontMatter,
    TemplateError,
    parse_front_matter,
)

__all__ = ["TemplateError", "parse_template"]

DEFAULT_LENGTH = 30
DEFAULT_STANDING_MINUTES = 5
TAKES = "takes:"
_KIND_NAMES = {kind.value: kind for kind in GENERATED_KINDS}
_MINUTE_UNITS = ("min", "mins", "minute", "minutes")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")  # slugs of standing titles, not template structure


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(front_matter_plugin)


def plain(inline: Token) -> str:
    """The text of an inline token without its Markdown: `code` and **bold** as plain words."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(plain(child))
    return clean_line("".join(parts))


def slug(title: str) -> str:
    """'What could we have done better?' -> 'what-could-we-have-done-better'."""
    return _NOT_SLUG.sub("-", title.casefold()).strip("-")[:60].strip("-")


class _Builder:
    """Collects sections while walking the tokens; knows where each came from."""

    def __init__(self, name: str, source: str) -> None:
        self.name = name
        self.source = source
        self.meta = FrontMatter()
        self.heading = ""
        self.description: list[str] = []
        self.sections: list[tuple[int, str, list[ItemKind], list[StandingItem]]] = []
        self.taken: dict[ItemKind, tuple[str, int]] = {}
        self.standing_lines: dict[str, int] = {}

    def fail(self, line: int | None, message: str) -> TemplateError:
        return TemplateError(self.source, line, message)

    # -- pieces -------------------------------------------------------------------------

    def section(self, line: int, title: str) -> None:
        if not title:
            raise self.fail(line, "a section heading needs a title")
        for other_line, other, _kinds, _standing in self.sections:
            if other.casefold() == title.casefold():
                raise self.fail(line, f"section {title!r} is already defined on line {other_line}")
        self.sections.append((line, title, [], []))

    def takes(self, line: int, text: str) -> None:
        if not self.sections:
            raise self.fail(line, "a 'Takes:' line belongs under a ## section heading")
        _line, title, kinds, _standing = self.sections[-1]
        names = [n.strip().casefold() for n in text[len(TAKES) :].split(",")]
        if not any(names):
            raise self.fail(line, f"'Takes:' names no kinds; use some of: {_kinds_hint()}")
        for name in names:
            kind = _kind(name)
            if kind is None:
                if name in ("standing", "standing items"):
                    raise self.fail(line, "standing items are the list items of a section")
                raise self.fail(line, f"unknown item kind {name!r}; use some of: {_kinds_hint()}")
            if kind in self.taken:
                other, other_line = self.taken[kind]
                raise self.fail(
                    line, f"{kind.value!r} items are already taken by {other!r} (line {other_line})"
                )
            self.taken[kind] = (title, line)
            kinds.append(kind)

    def standing(self, line: int, text: str) -> None:
        if not self.sections:
            raise self.fail(line, "standing items (list items) belong under a ## section heading")
        title, minutes = _title_and_minutes(text, lambda m: self.fail(line, m))
        if not title:
            raise self.fail(line, "a standing item needs a title")
        if len(title) > MAX_TITLE:
            raise self.fail(line, f"a standing item title is limited to {MAX_TITLE} characters")
        key = f"standing:{slug(title) or len(self.standing_lines) + 1}"
        if key in self.standing_lines:
            raise self.fail(
                line, f"{title!r} repeats the standing item of line {self.standing_lines[key]}"
            )
        self.standing_lines[key] = line
        self.sections[-1][3].append(StandingItem(key=key, title=title, minutes=minutes))

    # -- the result ---------------------------------------------------------------------

    def template(self) -> Template:
        if not self.sections:
            raise self.fail(None, "no sections: start each one with a '## ' heading")
        for line, title, kinds, standing in self.sections:
            if not kinds and not standing:
                raise self.fail(
                    line,
                    f"section {title!r} has neither a 'Takes:' line nor standing items",
                )
        length = self.meta.minutes or DEFAULT_LENGTH
        reserved = sum(item.minutes for *_rest, items in self.sections for item in items)
        if reserved > length:
            raise self.fail(
                None,
                f"the standing items need {reserved} min, more than the {length} min meeting",
            )
        return Template(
            name=self.name,
            title=self.meta.title or self.heading or self.name.replace("-", " ").capitalize(),
            minutes=length,
            sections=tuple(
                Section(title=title, kinds=tuple(kinds), standing=tuple(standing))
                for _line, title, kinds, standing in self.sections
            ),
            description=self.meta.description or " ".join(self.description),
            item_minutes=dict(self.meta.timing),
            source=self.source,
        )


def _kinds_hint() -> str:
    return ", ".join(kind.value for kind in GENERATED_KINDS)


def _kind(name: str) -> ItemKind | None:
    """A kind by its name, singular or plural ("issues", "follow-ups")."""
    if name in _KIND_NAMES:
        return _KIND_NAMES[name]
    if name.endswith("s") and name[:-1] in _KIND_NAMES:
        return _KIND_NAMES[name[:-1]]
    return None


def _title_and_minutes(text: str, fail: Callable[[str], TemplateError]) -> tuple[str, int]:
    """'Risks (RAID log) (5 min)' -> ('Risks (RAID log)', 5); no minutes gives the default."""
    head, paren, tail = text.rstrip().rpartition("(")
    if paren and tail.endswith(")"):
        words = tail[:-1].split()
        if len(words) == 2 and words[1].casefold() in _MINUTE_UNITS and words[0].isdigit():
            minutes = int(words[0])
            if minutes not in ITEM_MINUTES:
                raise fail(f"a standing item takes {ITEM_MINUTES} minutes, not {minutes}")
            return head.strip(), minutes
    return text.strip(), DEFAULT_STANDING_MINUTES


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def parse_template(text: str, *, name: str, source: str = "") -> Template:
    """Parse the Markdown ``text`` of template ``name``; ``source`` names it in errors."""
    builder = _Builder(name, source or f"{name}.md")
    tokens = _parser().parse(text)
    _walk(tokens, builder)
    return builder.template()


def _walk(tokens: Sequence[Token], b: _Builder) -> None:
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = _line(token)
        if token.type == "front_matter":
            b.meta = parse_front_matter(token.content, line + 1, b.source)
        elif token.type == "heading_open":
            title = plain(tokens[index + 1])
            if token.tag == "h1":
                if b.heading or b.sections:
                    raise b.fail(line, "only one '# ' title, before the first section")
                b.heading = title
            elif token.tag == "h2":
                b.section(line, title)
            else:
                raise b.fail(line, f"use '## ' for sections; {token.markup} headings are not used")
            index += 3
            continue
        elif token.type == "paragraph_open":
            content = plain(tokens[index + 1])
            if content.casefold().startswith(TAKES):
                b.takes(line, content)
            elif not b.sections:
                b.description.append(content)
            index += 3
            continue
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            index = _list(tokens, index, b)
            continue
        elif token.type == "hr" and index == 0 and line == 1:
            raise b.fail(line, "the front matter is not closed: end it with a line of ---")
        elif token.type != "html_block":  # HTML comments are allowed as notes
            raise b.fail(line, f"{_describe(token)} is not part of the template syntax")
        index += 1


def _list(tokens: Sequence[Token], start: int, b: _Builder) -> int:
    """Read one top-level list of standing items; returns the index after it."""
    close = tokens[start].type.replace("_open", "_close")
    index = start + 1
    while tokens[index].type != close or tokens[index].level != tokens[start].level:
        token = tokens[index]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            raise b.fail(_line(token), "standing items cannot be nested")
        if token.type == "list_item_open":
            first = tokens[index + 1]
            if first.type != "paragraph_open":
                raise b.fail(_line(token), "a standing item needs a title")
            b.standing(_line(token), plain(tokens[index + 2]))
        elif token.type not in ("list_item_close", "paragraph_open", "paragraph_close", "inline"):
            raise b.fail(_line(token), f"{_describe(token)} is not allowed in a standing item")
        index += 1
    return index + 1


def _describe(token: Token) -> str:
    names = {
        "fence": "a code block",
        "code_block": "a code block",
        "blockquote_open": "a quote",
        "hr": "a horizontal rule (---)",
        "table_open": "a table",
    }
    return names.get(token.type, f"'{token.type.removesuffix('_open')}'")
