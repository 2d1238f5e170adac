"""A light conversion of Jira wiki markup to Markdown, so imported descriptions read well.

Only the common, unambiguous constructs change: headings, bullet and numbered lists, quotes,
code and noformat blocks, ``{{monospace}}``, ``*bold*`` and ``[text|link]``. Anything else
(tables, colours, macros) stays as the text it was. The result is stored and shown as text.
"""

from __future__ import annotations

import functools
import re

_HEADING = re.compile(r"^h([1-6])\.\s+")
_LIST = re.compile(r"^([*#-]+)\s+")
_LIST_MARKS = ("*", "#", "-")
_BLOCK = re.compile(r"^\{(code|noformat)(?::([^}]*))?\}(.*)$")
_BLOCK_END = re.compile(r"\{(code|noformat)\}\s*$")
_MONO = re.compile(r"\{\{(.+?)\}\}")
# The look-behind follows the opening star (the same test) so the search can jump to a star.
_BOLD = re.compile(r"\*(?<![\w*]\*)(?=\S)([^*\n]*?\S)\*(?![\w*])")
_LINK = re.compile(r"\[([^\[\]|\n]+)\|((?:https?|mailto):[^\]\s]+)\]")
_BARE_LINK = re.compile(r"\[((?:https?|mailto):[^\]\s|]+)\]")


def to_markdown(text: str) -> str:
    """Jira wiki markup as Markdown (see the module docstring for what changes)."""
    if not text:
        return text
    out: list[str] = []
    fence: str | None = None
    quoting = False
    for raw in text.split("\n"):
        if fence is not None:
            end = _BLOCK_END.search(raw)
            if end is not None and end.group(1) == fence:
                before = raw[: end.start()]
                if before.strip():
                    out.append(before)
                out.append("```")
                fence = None
            else:
                out.append(raw)
            continue
        # Blocks and quotes are written with braces: a line without one is neither.
        block = _BLOCK.match(raw.strip()) if "{" in raw else None
        if block is not None:
            fence = block.group(1)
            language = (block.group(2) or "").split("|")[0].strip()
            out.append("```" + (language if fence == "code" and "=" not in language else ""))
            rest = block.group(3)
            end = _BLOCK_END.search(rest)
            if end is not None:
                if rest[: end.start()].strip():
                    out.append(rest[: end.start()])
                out.append("```")
                fence = None
            elif rest.strip():
                out.append(rest)
            continue
        if "{" in raw and raw.strip() == "{quote}":
            quoting = not quoting
            continue
        line = _line(raw)
        out.append("> " + line if quoting else line)
    if fence is not None:
        out.append("```")
    return "\n".join(out)


# Exports repeat lines (a template's headings, "*Steps:*", list items): a short line outside
# blocks is converted once per text it is, not once per time it occurs. Long lines (pasted
# logs) are rarely repeated and are not kept.
CACHED_LINE = 200


def _line(raw: str) -> str:
    return _convert(raw) if len(raw) > CACHED_LINE else _cached(raw)


def _convert(raw: str) -> str:
    # Each line construct starts with its own character: the patterns run only when it is there.
    first = raw[:1]
    heading = _HEADING.match(raw) if first == "h" else None
    if heading is not None:
        return "#" * int(heading.group(1)) + " " + _inline(raw[heading.end() :])
    if first == "b" and raw.startswith("bq. "):
        return "> " + _inline(raw[4:])
    if "----" in raw and raw.strip() == "----":
        return "---"
    bullets = _LIST.match(raw) if first in _LIST_MARKS else None
    if bullets is not None and (set(bullets.group(1)) != {"-"} or len(bullets.group(1)) == 1):
        marks = bullets.group(1)
        indent = "  " * (len(marks) - 1)
        marker = "1." if marks[-1] == "#" else "-"
        return f"{indent}{marker} {_inline(raw[bullets.end() :])}"
    return _inline(raw)


_cached = functools.lru_cache(maxsize=8192)(_convert)


def _inline(text: str) -> str:
    if "{{" in text:
        text = _MONO.sub(lambda m: f"`{m.group(1)}`", text)
    if "[" in text:
        text = _LINK.sub(lambda m: f"[{m.group(1)}]({m.group(2)})", text)
        text = _BARE_LINK.sub(lambda m: f"<{m.group(1)}>", text)
    if "*" in text:
        text = _BOLD.sub(lambda m: f"**{m.group(1)}**", text)
    return text
