"""Every format in one place: parsing a file of a given format and guessing a file's format."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from checkin.importers import generic, github, jira, linear, zendesk
from checkin.importers.mapping import Maps
from checkin.importers.model import ImportFormat, ParsedFile, file_problem, rejected
from checkin.importers.notes import LINE_LIMIT, Notes, clip
from checkin.importers.tabular import BadFile, CsvTable, decode

UNKNOWN_SHOWN = 10  # unknown column names a message lists (a broken file may have millions)


@dataclass(frozen=True)
class Importer:
    """How one format is read; ``fields`` names the source column of each issue field."""

    fmt: ImportFormat
    fields: Mapping[str, str]
    parse_table: Callable[[CsvTable, Notes], ParsedFile] | None = None
    parse_text: Callable[[str, Notes], ParsedFile] | None = None
    required: tuple[str, ...] = ()
    only: tuple[str, ...] = ()  # when set, any other column is refused (a typo would lose data)


IMPORTERS: dict[ImportFormat, Importer] = {
    ImportFormat.CSV: Importer(
        ImportFormat.CSV,
        generic.FIELDS,
        generic.parse,
        required=generic.REQUIRED,
        only=generic.COLUMNS,
    ),
    ImportFormat.JIRA: Importer(ImportFormat.JIRA, jira.FIELDS, jira.parse, required=jira.REQUIRED),
    ImportFormat.LINEAR: Importer(
        ImportFormat.LINEAR, linear.FIELDS, linear.parse, required=linear.REQUIRED
    ),
    ImportFormat.GITHUB: Importer(ImportFormat.GITHUB, github.FIELDS, parse_text=github.parse),
    ImportFormat.ZENDESK: Importer(ImportFormat.ZENDESK, zendesk.FIELDS, parse_text=zendesk.parse),
}


def parse(fmt: ImportFormat, data: bytes, maps: Maps | None = None) -> ParsedFile:
    """Read an export of ``fmt``: every row, or the problems (the file as a whole is refused).

    ``maps`` are the user's explicit vocabulary (``--map``, see :func:`mapping.parse_map`).
    An accepted file carries its warnings: vocabulary read as the nearest known value, rows
    skipped, values left out, how its dates were read.
    """
    importer = IMPORTERS[fmt]
    notes = Notes(maps)
    try:
        text = decode(data)
        if importer.parse_text is not None:
            return importer.parse_text(text, notes)
        assert importer.parse_table is not None
        table = CsvTable.parse(text)
        for number in table.blank:
            notes.skip("blank row", f"row {number}")
        unknown = table.unknown(set(importer.only)) if importer.only else []
        if unknown:
            names = ", ".join(repr(clip(u, 40)) for u in unknown[:UNKNOWN_SHOWN])
            if len(unknown) > UNKNOWN_SHOWN:
                names += f" and {len(unknown) - UNKNOWN_SHOWN} more"
            raise BadFile(
                f"has columns checkin does not know: {names}; the columns are "
                + ", ".join(importer.only)
                + _hint(fmt, data)
            )
        missing = table.missing(*importer.required)
        if missing:
            raise BadFile(f"has no {_either(missing)} column" + _hint(fmt, data))
        return importer.parse_table(table, notes)
    except BadFile as error:
        message = str(error)
        if "JSON" in message or "cells in row" in message:
            message += _hint(fmt, data)
        return rejected(fmt, [file_problem(clip(message, 2 * LINE_LIMIT))])


def _either(names: list[str]) -> str:
    """``["ID", "Title", "Status"]`` -> ``ID, Title or Status``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _hint(fmt: ImportFormat, data: bytes) -> str:
    guess = detect(data)
    if guess is None or guess is fmt:
        return ""
    return f"; it looks like a {guess.label} export: import it as {guess.value}"


def source_field(fmt: ImportFormat, field: str) -> str:
    """The name the source gives an issue field, for messages ("opened" -> "Created")."""
    return IMPORTERS[fmt].fields.get(field, field)


def detect(data: bytes) -> ImportFormat | None:
    """The format a file looks like, from its first few kilobytes; None when unsure."""
    head = data[:8192].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if head.startswith(("[", "{")):
        if '"subject"' in head or '"tickets"' in head or '"requester_id"' in head:
            return ImportFormat.ZENDESK
        if '"number"' in head and ('"state"' in head or '"title"' in head):
            return ImportFormat.GITHUB
        return None
    first = head.split("\n", 1)[0]
    try:
        names = {" ".join(n.replace("_", " ").lower().split()) for n in next(csv.reader([first]))}
    except (csv.Error, StopIteration):
        return None
    if {"issue key", "summary"} <= names:
        return ImportFormat.JIRA
    if {"id", "title", "status"} <= names and names & {"team", "cycle number", "estimate"}:
        return ImportFormat.LINEAR
    if {"title", "external id"} <= names:
        return ImportFormat.CSV
    return None
