"""Exit codes of the command line (sysexits.h values where one fits)."""

from __future__ import annotations

import sys

from checkin.core.errors import CheckinError, NotFound, ValidationError

OK = 0
ERROR = 1
USAGE = 2
BAD_DATA = 65  # EX_DATAERR: malformed import, corrupt database, invalid record
INPUT_MISSING = 66  # EX_NOINPUT: unknown account or meeting, missing file
LOCKED = 75  # EX_TEMPFAIL: another checkin holds the database


def code_for(error: CheckinError) -> int:
    from checkin.storage.errors import CorruptDatabase, DatabaseLocked, NewerSchema

    if isinstance(error, DatabaseLocked):
        return LOCKED
    if isinstance(error, CorruptDatabase | NewerSchema | ValidationError):
        return BAD_DATA
    if isinstance(error, NotFound):
        return INPUT_MISSING
    return getattr(error, "exit_code", ERROR)


def report(error: CheckinError | FileNotFoundError) -> int:
    """Tell the user what went wrong on standard error, as one paragraph; the exit code."""
    if isinstance(error, FileNotFoundError):
        print(f"checkin: {error.filename or error}: no such file", file=sys.stderr)
        return INPUT_MISSING
    print(f"checkin: {error}", file=sys.stderr)
    return code_for(error)
