"""Domain errors raised by the core, the storage layer and the services."""

from __future__ import annotations

from dataclasses import dataclass


class CheckinError(Exception):
    """Base class of every error checkin reports to a user."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule: the field it concerns and a sentence a user can act on."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(CheckinError):
    """A record breaks one or more rules; nothing was saved."""

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
