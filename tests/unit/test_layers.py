"""The layers of STYLE.md hold: a pure core, TinyDB only behind storage, Textual only in ui,
and every import between checkin's own packages follows the arrows."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "checkin"

# STYLE.md's arrows, `ui -> services -> core <- storage, markdown, importers`, as the checkin
# packages each package may import besides itself (and the root package, for __version__).
# calendar renders like markdown and reads its wording; cli is a front end like ui (it starts
# the app); bench measures every layer, so it may import any. A package not listed fails.
ANY = frozenset({"*"})
ALLOWED: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "storage": frozenset({"core"}),
    "markdown": frozenset({"core"}),
    "importers": frozenset({"core"}),
    "calendar": frozenset({"core", "markdown"}),
    "services": frozenset({"core", "storage", "markdown", "importers", "calendar"}),
    "ui": frozenset({"core", "services"}),
    "cli": frozenset({"core", "services", "ui"}),
    "bench": ANY,
    "__init__": frozenset(),
    "__main__": frozenset({"cli"}),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def checkin_edges(path: Path, root: Path) -> list[tuple[int, str]]:
    """The checkin modules ``path`` (a file under the package ``root``) imports, with their
    line: absolute and relative imports, at the top, in functions and under TYPE_CHECKING."""
    # The package a relative import starts from: checkin/ui/app.py and checkin/ui/__init__.py
    # are both in ["checkin", "ui"].
    package = list(path.relative_to(root.parent).parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module == "checkin":  # from checkin import cli, __version__
                found += [(node.lineno, f"checkin.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return [(line, name) for line, name in found if name.split(".")[0] == "checkin"]


def layer_of(path: Path, root: Path) -> str:
    """The package of ``root`` that ``path`` belongs to ("ui"), or the top module's name."""
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else Path(parts[0]).stem


def layer_violations(root: Path) -> list[str]:
    """One sentence per import between checkin's packages that STYLE.md's arrows forbid."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        layer = layer_of(path, root)
        where = path.relative_to(root.parent)
        allowed = ALLOWED.get(layer)
        if allowed is None:
            problems.append(f"{where}: {root.name}/{layer} has no place in STYLE.md's layers")
            continue
        for line, name in checkin_edges(path, root):
            target = name.split(".")[1] if "." in name else ""
            if target in ("", layer, "__version__") or "*" in allowed or target in allowed:
                continue
            may = ", ".join(sorted(allowed)) or "nothing of checkin's"
            problems.append(
                f"{where}:{line} imports {name}: the edge {layer} -> {target} is against "
                f"STYLE.md's arrows ({layer} may import {may})"
            )
    return problems


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


def test_imports_between_packages_follow_the_arrows() -> None:
    problems = layer_violations(PACKAGE)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("where", "code", "edge"),
    [
        ("ui/screens/bad.py", "from checkin.storage import Store\n", "ui -> storage"),
        ("ui/modals/bad.py", "def f():\n    import checkin.markdown.minutes\n", "ui -> markdown"),
        ("core/bad.py", "from checkin.services import sharing\n", "core -> services"),
        ("storage/bad.py", "from ..services.workspace import Workspace\n", "storage -> services"),
        ("services/bad.py", "from checkin import ui\n", "services -> ui"),
        (
            "markdown/bad.py",
            "if TYPE_CHECKING:\n    from checkin.importers import x\n",
            "markdown -> importers",
        ),
    ],
)
def test_a_planted_bad_import_is_named_with_its_file_and_edge(
    tmp_path: Path, where: str, code: str, edge: str
) -> None:
    root = tmp_path / "checkin"
    for layer in ALLOWED:
        if not layer.startswith("__"):
            (root / layer).mkdir(parents=True)
            (root / layer / "__init__.py").write_text("")
    (root / "ui" / "fine.py").write_text("from checkin.services import workspace\n")
    (root / "storage" / "fine.py").write_text("from ..core import records\nfrom . import errors\n")
    (root / where).parent.mkdir(parents=True, exist_ok=True)
    (root / where).write_text(code)
    problems = layer_violations(root)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"checkin/{where}:")
    assert f"the edge {edge} is against STYLE.md's arrows" in problems[0]


def test_a_package_outside_the_layers_is_named(tmp_path: Path) -> None:
    root = tmp_path / "checkin"
    (root / "plugins").mkdir(parents=True)
    (root / "plugins" / "x.py").write_text("")
    assert layer_violations(root) == [
        "checkin/plugins/x.py: checkin/plugins has no place in STYLE.md's layers"
    ]


@pytest.mark.parametrize(
    "path", [*modules_under("ui/screens"), PACKAGE / "ui" / "app.py"], ids=lambda p: p.name
)
def test_a_screen_module_stays_small(path: Path) -> None:
    """STYLE.md's small modules: a screen that grows past this splits into widgets and
    modals (issue 13)."""
    lines = len(path.read_text().splitlines())
    assert lines <= 350, f"{path.relative_to(PACKAGE)} has {lines} lines (at most 350)"
