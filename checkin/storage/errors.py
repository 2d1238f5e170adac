"""Errors of the storage layer, each with the message a user sees."""

from __future__ import annotations

from pathlib import Path

from checkin.core.errors import CheckinError, ExitCode


class StorageError(CheckinError):
    """Something is wrong with the database file or folder."""


class CorruptDatabase(StorageError):
    """The file does not parse or does not have the shape of a checkin database."""

    exit_code = ExitCode.BAD_DATA

    def __init__(self, path: Path, detail: str, newest_backup: Path | None) -> None:
        self.path = path
        self.newest_backup = newest_backup
        lines = [f"{path} is not a readable checkin database ({detail}).", "It was left untouched."]
        if newest_backup is not None:
            lines.append(f"The newest backup is {newest_backup}; to restore it:")
            lines.append(f"  cp '{newest_backup}' '{path}'")
        else:
            lines.append("There is no backup of it.")
        super().__init__("\n".join(lines))


class NewerSchema(StorageError):
    exit_code = ExitCode.BAD_DATA

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer checkin (schema {found}; this version reads up to "
            f"{supported}). Upgrade checkin to open it; the file was left untouched."
        )


class DatabaseLocked(StorageError):
    """Another checkin process holds the single-writer lock."""

    exit_code = ExitCode.LOCKED

    def __init__(self, path: Path, holder: str) -> None:
        self.path = path
        self.holder = holder
        super().__init__(
            f"{path} is open in another checkin ({holder}). Close that one first: "
            "only one checkin can change a workspace at a time."
        )


class UnusableWorkspace(StorageError):
    """The workspace path cannot hold a workspace, or its folder refuses to be written."""

    exit_code = ExitCode.CANNOT_CREATE

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"{path} cannot be opened as a workspace: {reason}.")


class SaveFailed(StorageError):
    """The disk refused a save (full, an I/O error, a folder made read-only)."""

    exit_code = ExitCode.IO_ERROR


class ReadOnlyDatabase(StorageError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is open read-only; nothing can be changed in this session.")


def corrupt(path: Path | None, error: Exception) -> CorruptDatabase:
    """A document or line that does not parse, reported like a whole file that does not."""
    from checkin.storage.backup import newest_backup_unlike

    where = path or Path("<memory>")
    return CorruptDatabase(where, str(error), newest_backup_unlike(where))
