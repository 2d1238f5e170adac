"""Storage: the only package that imports TinyDB. Durable, locked, backed-up workspaces."""

from checkin.storage.errors import (
    CorruptDatabase,
    DatabaseLocked,
    NewerSchema,
    ReadOnlyDatabase,
    StorageError,
)
from checkin.storage.store import Store

__all__ = [
    "CorruptDatabase",
    "DatabaseLocked",
    "NewerSchema",
    "ReadOnlyDatabase",
    "StorageError",
    "Store",
]
