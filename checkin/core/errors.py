"""Domain errors raised by the core, the storage layer and the services."""

from __future__ import annotations

from enum import IntEnum
from typing import ClassVar, NamedTuple


class ExitCode(IntEnum):
    """How a command line run ends (sysexits.h values where one fits)."""

    OK = 0
    ERROR = 1
    USAGE = 2
    BAD_DATA = 65  # EX_DATAERR: malformed import, corrupt database, invalid record
    INPUT_MISSING = 66  # EX_NOINPUT: unknown account or meeting, missing file
    CRASHED = 70  # EX_SOFTWARE: a bug in checkin; what was typed is saved where it can be
    CANNOT_CREATE = 73  # EX_CANTCREAT: the workspace path cannot hold a workspace
    IO_ERROR = 74  # EX_IOERR: the disk refused a read or a save (full, failing, read-only)
    LOCKED = 75  # EX_TEMPFAIL: another checkin holds the database


class CheckinError(Exception):
    """Base class of every error checkin reports to a user; ``exit_code`` is how the command
    line ends when it reports one."""

    exit_code: ClassVar[int] = ExitCode.ERROR


class Problem(NamedTuple):
    """One broken rule: the field it concerns and a sentence a user can act on."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(CheckinError):
    """A record breaks one or more rules; nothing was saved."""

    exit_code = ExitCode.BAD_DATA

    def __init__(self, record: str, problems: list[Problem]) -> None:
        self.record = record
        self.problems = tuple(problems)
        listed = "; ".join(str(p) for p in problems)
        super().__init__(f"{record} is not valid: {listed}")

    def for_field(self, field: str) -> str | None:
        """The first message about ``field``, for showing beside a form input."""
        return next((p.message for p in self.problems if p.field == field), None)


class NotFound(CheckinError):
    """A record looked up by id or slug does not exist."""

    exit_code = ExitCode.INPUT_MISSING

    def __init__(self, kind: str, key: str, hint: str = "") -> None:
        self.kind = kind
        self.key = key
        message = f"no {kind} {key!r}"
        super().__init__(f"{message}. {hint}" if hint else message)


class Conflict(CheckinError):
    """A change would break a uniqueness rule (a second account with the same slug).

    ``field`` names the field that must change, for showing the message beside it.
    """

    def __init__(self, message: str, field: str = "") -> None:
        self.field = field
        super().__init__(message)
