"""Exit codes of the command line (sysexits.h values where one fits)."""

from __future__ import annotations

import sys

from checkin.core.errors import CheckinError, NotFound, ValidationError

OK = 0
ERROR = 1
USAGE = 2
BAD_DATA = 65  # EX_DATAERR: malformed import, corrupt database, invalid record
INPUT_MISSING = 66  # EX_NOINPUT: unknown account or meeting, missing file
CANNOT_CREATE = 73  # EX_CANTCREAT: the workspace path cannot hold a workspace
IO_ERROR = 74  # EX_IOERR: the disk refused a read or a save (full, failing, read-only)
LOCKED = 75  # EX_TEMPFAIL: another checkin holds the database
CRASHED = 70  # EX_SOFTWARE: a bug in checkin; what was typed is saved where it can be

MESSAGE_CHARS = 8000  # the longest message printed (a 1,000,000-column CSV must not flood it)
MESSAGE_LINES = 40  # an import lists up to twenty problems (issue 18) with their header


def code_for(error: CheckinError) -> int:
    from checkin.storage.errors import CorruptDatabase, DatabaseLocked, NewerSchema

    if isinstance(error, DatabaseLocked):
        return LOCKED
    if isinstance(error, CorruptDatabase | NewerSchema | ValidationError):
        return BAD_DATA
    if isinstance(error, NotFound):
        return INPUT_MISSING
    return getattr(error, "exit_code", ERROR)


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
