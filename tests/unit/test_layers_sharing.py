"""The sharing layers: renderers are pure (core in, text out); only the service touches disk."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.test_layers import imported_modules

PACKAGE = Path(__file__).parents[2] / "checkin"
PURE = sorted((PACKAGE / "markdown").rglob("*.py")) + sorted((PACKAGE / "calendar").rglob("*.py"))


def checkin_imports(path: Path) -> set[str]:
    """The checkin subpackages ``path`` imports ("core", "markdown"...)."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "checkin" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("path", PURE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_renderers_import_only_the_core(path: Path) -> None:
    assert checkin_imports(path) <= {"core", "markdown", "calendar", "__version__"}
    third_party = imported_modules(path) - set(sys.stdlib_module_names) - {"checkin"}
    assert third_party <= {"markdown_it", "mdit_py_plugins", "icalendar"}


def test_minutes_import_neither_icalendar_nor_textual() -> None:
    code = (
        "import sys, checkin.services.sharing, checkin.cli.minutes;"
        "checkin.services.sharing.minutes_markdown;"
        "print(','.join(m for m in ('icalendar', 'textual') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
