"""Reading export files: bytes to text, and CSV tables whose column names may repeat."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from checkin.importers.cleaning import unguard

MAX_BYTES = 200 * 1024 * 1024
csv.field_size_limit(MAX_BYTES)  # long Jira descriptions exceed the 128 KiB default


class BadFile(ValueError):
    """The file cannot be read at all; the message says why, for a user."""


def decode(data: bytes) -> str:
    """The text of an export: UTF-8 (with or without a BOM) or UTF-16 with a BOM."""
    if len(data) > MAX_BYTES:
        raise BadFile(f"is {len(data) // 2**20} MiB; checkin imports files up to 200 MiB")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _normalized(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise BadFile("is not readable UTF-16 text") from None
    if b"\x00" in data:
        raise BadFile("is not a text export (it contains NUL bytes): is it the right file?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        raise BadFile(
            f"is not UTF-8 text (byte 0x{byte:02x} on line {line}); export it again or save "
            "it as UTF-8"
        ) from None
    if not text.strip():
        raise BadFile("is empty")
    return _normalized(text)


def _normalized(text: str) -> str:
    """One kind of line end: Windows and old Mac exports become plain newlines."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One record of a CSV file; ``number`` is its row as a spreadsheet shows it."""

    number: int
    cells: list[str]

    def cell(self, index: int | None) -> str:
        """The cell at ``index`` without a spreadsheet formula guard ("" for no column)."""
        if index is None:
            return ""
        value = self.cells[index]
        # Only a cell starting with an apostrophe can carry a guard.
        return unguard(value) if value[:1] == "'" else value

    def cells_at(self, indexes: list[int]) -> list[str]:
        cells = self.cells
        return [unguard(cells[i]) if cells[i][:1] == "'" else cells[i] for i in indexes]


class CsvTable:
    """A CSV file: its header (names may repeat, like Jira's ``Labels``) and its rows."""

    def __init__(
        self, header: list[str], rows: list[CsvRow], blank: list[int] | None = None
    ) -> None:
        self.header = header
        self.rows = rows
        self.blank = blank or []  # the numbers of the rows that hold nothing (bare commas)
        self._index: dict[str, list[int]] = {}
        for position, name in enumerate(header):
            self._index.setdefault(_key(name), []).append(position)

    @classmethod
    def parse(cls, text: str) -> CsvTable:
        """Read ``text``; raises BadFile for a header-only file or a broken row."""
        reader = csv.reader(_lines(text))
        try:
            header = [name.strip() for name in next(reader)]
        except StopIteration:
            raise BadFile("is empty") from None
        except csv.Error as error:
            raise BadFile(f"is not a CSV file I can read: {error}") from None
        if not any(header):
            raise BadFile("has an empty first line where the column names belong")
        width = len(header)
        rows: list[CsvRow] = []
        blank: list[int] = []
        number = 1
        try:
            for cells in reader:
                number += 1
                if cells and _END in cells[-1]:
                    if cells == [_END]:
                        break
                    raise BadFile(
                        f"ends inside a quoted cell of row {number}: the file looks cut off"
                    )
                if not (cells and cells[0].strip()) and not any(c.strip() for c in cells):
                    if cells:
                        blank.append(number)  # a spreadsheet's row of bare commas
                    continue  # a blank line, e.g. at the end of the file
                if len(cells) != width:
                    raise BadFile(
                        f"has {len(cells)} cells in row {number} but {width} column names "
                        "(an unquoted comma, or a file cut off before its end?)"
                    )
                rows.append(CsvRow(number, cells))
        except csv.Error as error:
            raise BadFile(f"cannot be read at row {number}: {error}") from None
        if not rows:
            if blank:
                raise BadFile(f"has column names but only blank rows ({len(blank)})")
            raise BadFile("has column names but no rows")
        return cls(header, rows, blank)

    def column(self, name: str) -> int | None:
        """The first column called ``name`` (case and spacing ignored), or None."""
        found = self._index.get(_key(name))
        return found[0] if found else None

    def columns(self, name: str) -> list[int]:
        """Every column called ``name``: Jira repeats Labels, Comment, Sprint..."""
        return list(self._index.get(_key(name), ()))

    def missing(self, *names: str) -> list[str]:
        return [name for name in names if _key(name) not in self._index]

    def unknown(self, allowed: set[str]) -> list[str]:
        """Column names not in ``allowed`` (compared like :meth:`column`)."""
        keys = {_key(a) for a in allowed}
        return [name for name in self.header if _key(name) not in keys]


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").lower().split())


# A last line no export contains: if the csv module folds it into a cell, a quote was left
# open at the end of the file (the module itself accepts that silently).
_END = "\ue000checkin-end-of-file\ue000"


def _lines(text: str) -> Iterator[str]:
    """Lines with their newline (multi-line cells need it), then the end marker.

    A StringIO whose newline is "\n" splits at "\n" only (not at the other line breaks
    str.splitlines knows), in C."""
    return itertools.chain(io.StringIO(text, newline="\n"), (_END + "\n",))
