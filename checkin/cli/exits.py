"""Exit codes of the command line (sysexits.h values where one fits)."""

from __future__ import annotations

import sys

from checkin.core.errors import CheckinError, ExitCode

# The codes by name (each error class carries its own as ``exit_code``).
OK = ExitCode.OK
ERROR = ExitCode.ERROR
USAGE = ExitCode.USAGE
BAD_DATA = ExitCode.BAD_DATA
INPUT_MISSING = ExitCode.INPUT_MISSING
CANNOT_CREATE = ExitCode.CANNOT_CREATE
IO_ERROR = ExitCode.IO_ERROR
LOCKED = ExitCode.LOCKED
CRASHED = ExitCode.CRASHED

MESSAGE_CHARS = 8000  # the longest message printed (a 1,000,000-column CSV must not flood it)
MESSAGE_LINES = 40  # an import lists up to twenty problems (issue 18) with their header


def code_for(error: CheckinError) -> int:
    """The exit code ``error`` carries (:data:`ERROR` unless its class says otherwise)."""
    return int(error.exit_code)


def capped(message: str) -> str:
    """``message`` cut to :data:`MESSAGE_LINES` lines and :data:`MESSAGE_CHARS` characters,
    saying how much was left out."""
    lines = message.splitlines() or [""]
    kept = lines[:MESSAGE_LINES]
    text = "\n".join(kept)
    if len(text) > MESSAGE_CHARS:
        text = text[:MESSAGE_CHARS].rstrip() + " …"
    if len(kept) < len(lines) or len(text) < len(message):
        text += f"\n(message cut short: {len(message):,} characters in all)"
    return text


def report(error: CheckinError | OSError) -> int:
    """Tell the user what went wrong on standard error, as one paragraph; the exit code.

    An OSError that reaches here (a full disk, a folder made read-only) is one line naming
    the file and the reason, never a traceback."""
    from checkin.core.text import clean_text

    if isinstance(error, FileNotFoundError):
        print(f"checkin: {clean_text(str(error.filename or error))}: no such file", file=sys.stderr)
        return INPUT_MISSING
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        reason = error.strerror or str(error)
        print(capped(clean_text(f"checkin: {where}{reason}")), file=sys.stderr)
        return IO_ERROR
    print(capped(clean_text(f"checkin: {error}")), file=sys.stderr)
    return code_for(error)
