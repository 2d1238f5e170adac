"""The schema version stored in the ``meta`` table and the migrations between versions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, Any]]

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
        tables.setdefault(META_TABLE, {}).setdefault(META_ID, {})["schema_version"] = version + 1
    return tables


def check_shape(tables: Any) -> str | None:
    """Why ``tables`` is not a checkin workspace, or None when it has the right shape."""
    if not isinstance(tables, dict):
        return f"the top level is a JSON {type(tables).__name__}, not an object of tables"
    if META_TABLE not in tables:
        return "it has no meta table with a schema_version"
    for name, table in tables.items():
        if not isinstance(table, dict):
            return f"table {name!r} is not an object of documents"
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                return f"document {doc_id!r} of table {name!r} is not an object"
    return None
