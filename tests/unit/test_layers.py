"""The layers of STYLE.md hold: a pure core, TinyDB only behind storage, Textual only in ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "checkin"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def modules_under(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if sub else sorted(PACKAGE.rglob("*.py"))


def test_importing_the_core_loads_no_framework() -> None:
    code = (
        "import sys, checkin.core, checkin.core.codec, checkin.core.dates, checkin.core.summary;"
        "import checkin.core.agenda;"
        "bad = [m for m in ('textual', 'tinydb', 'markdown_it', 'rich', 'orjson', 'click')"
        " if m in sys.modules]; print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("path", modules_under("core"), ids=lambda p: p.name)
def test_core_uses_the_standard_library_only(path: Path) -> None:
    third_party = imported_modules(path) - set(sys.stdlib_module_names) - {"checkin"}
    assert not third_party, f"{path.name} imports {third_party}"


def test_only_storage_imports_tinydb() -> None:
    offenders = [
        p.relative_to(PACKAGE)
        for p in modules_under("")
        if "tinydb" in imported_modules(p) and "storage" not in p.parts
    ]
    assert offenders == []


def test_only_ui_imports_textual() -> None:
    # The benchmark's baselines are a bare Textual app and a bare TextArea: the one other
    # place Textual may appear.
    allowed = {Path("bench/probe.py"), Path("bench/typing.py")}
    offenders = [
        p.relative_to(PACKAGE)
        for p in modules_under("")
        if "textual" in imported_modules(p) and "ui" not in p.parts
    ]
    assert set(offenders) <= allowed


def test_reading_a_workspace_never_imports_tinydb(tmp_path: Path) -> None:
    """Only writes go through TinyDB: the app's first screen opens without importing it."""
    from checkin.cli.demo import ensure_demo
    from tests.conftest import NOW

    db = tmp_path / "db.json"
    ensure_demo(db, NOW)
    code = (
        "import sys; from pathlib import Path; from checkin.services.workspace import Workspace;"
        f"ws = Workspace.open(Path({str(db)!r}));"
        "[ws.overview(a) for a in ws.accounts()]; ws.close();"
        "print('tinydb' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
