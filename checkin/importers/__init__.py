"""Importers: tracker exports (bytes) in, issue rows mapped to checkin's vocabulary out."""

from checkin.importers.model import ImportFormat, ImportProblem, ImportRow, ParsedFile
from checkin.importers.registry import detect, parse, source_field

__all__ = [
    "ImportFormat",
    "ImportProblem",
    "ImportRow",
    "ParsedFile",
    "detect",
    "parse",
    "source_field",
]
