"""The schema version stored in the ``meta`` table and the migrations between versions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# A workspace's tables (DocTables in practice: id -> document, read like dicts).
Tables = dict[str, Any]

SCHEMA_VERSION = 1
META_TABLE = "meta"
META_ID = "schema"
RECORD_TABLES = ("accounts", "contacts", "issues", "roadmap", "feedback", "actions", "meetings")

# MIGRATIONS[n] turns a schema-n workspace into a schema-(n+1) one. Each step must be pure:
# the caller writes the result only when every step succeeded.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {}


def schema_version(tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_ID, {})
    version = meta.get("schema_version", 0)
    return version if isinstance(version, int) else 0


def migrate(tables: Tables, found: int, target: int | None = None) -> Tables:
    """Apply every migration from ``found`` up to ``target`` (default: the current version)."""
    for version in range(found, SCHEMA_VERSION if target is None else target):
        tables = MIGRATIONS[version](tables)
        meta = dict(tables[META_TABLE].get(META_ID) or {})
        meta["schema_version"] = version + 1
        tables[META_TABLE][META_ID] = meta
    return tables
