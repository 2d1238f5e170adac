"""What an import tells the user without refusing the file: vocabulary it mapped, rows it
skipped, values it left out, and how it read the dates. Grouped, so a file with 739 blank rows
says so once."""

from __future__ import annotations

from dataclasses import dataclass, field

from checkin.core.text import count
from checkin.importers.mapping import Maps

EXAMPLES = 3
LINE_LIMIT = 240  # characters of one message: a value is quoted, but never a whole cell


def clip(text: str, limit: int = LINE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (messages stay one screen line)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quoted(value: str, limit: int = 60) -> str:
    """A source value as a message quotes it: ``"Must Have"``, cut when long."""
    return '"' + clip(value, limit) + '"'


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """One thing an import did on its own, for ``count`` rows (0: about the whole file)."""

    message: str
    count: int = 0
    examples: tuple[str, ...] = ()

    def __str__(self) -> str:
        if not self.examples:
            return self.message
        more = self.count - len(self.examples)
        shown = "; ".join(self.examples) + (f" and {more} more" if more > 0 else "")
        return clip(f"{self.message} ({shown})", 2 * LINE_LIMIT)


@dataclass
class _Group:
    message: str
    total: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, where: str) -> None:
        self.total += 1
        if where and len(self.examples) < EXAMPLES:
            self.examples.append(where)


class Notes:
    """Collects the warnings of one file; ``maps`` are the user's explicit ``--map`` values."""

    def __init__(self, maps: Maps | None = None) -> None:
        self.maps: Maps = maps or {}
        self._groups: dict[tuple[str, ...], _Group] = {}
        self._facts: list[str] = []
        self.skipped = 0

    def _group(self, key: tuple[str, ...], message: str, where: str) -> None:
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group(message)
        group.add(where)

    def vocabulary(
        self, kind: str, column: str, raw: str, read_as: str, how: str, what: str, where: str
    ) -> None:
        """A value the tracker's scheme adds, read as ``read_as`` (``how``: why that one)."""
        self._group(
            ("vocabulary", kind, raw.lower(), read_as),
            f"{column} {quoted(raw)} is not {what} I know: read as {read_as}, {how}; "
            f"--map {kind}:{quoted(raw)}=… sets it",
            where,
        )

    def skip(self, what: str, where: str, why: str = "") -> None:
        """A record left out on purpose: ``what`` is singular ("blank row", "pull request")."""
        self.skipped += 1
        self._group(("skip", what, why), what + (f" {why}" if why else ""), where)

    def kept(self, what: str, where: str) -> None:
        """A value left out of an issue that is imported anyway (``what`` says which, why)."""
        self._group(("kept", what), what, where)

    def fact(self, sentence: str) -> None:
        """Something about the whole file (how its dates were read)."""
        if sentence and sentence not in self._facts:
            self._facts.append(sentence)

    def warnings(self) -> tuple[ImportWarning, ...]:
        found = [ImportWarning(fact) for fact in self._facts]
        for key, group in self._groups.items():
            if key[0] == "skip":
                noun = key[1]
                head = f"{count(group.total, noun)} skipped" + (f" {key[2]}" if key[2] else "")
                found.append(ImportWarning(head, group.total, tuple(group.examples)))
            elif key[0] == "kept":
                head = f"{count(group.total, 'row')}: {group.message}"
                found.append(ImportWarning(head, group.total, tuple(group.examples)))
            else:
                head = f"{count(group.total, 'row')}: {group.message}"
                found.append(ImportWarning(head, group.total, tuple(group.examples)))
        return tuple(found)
