"""Print the requirements of a test run at the minimum declared versions, one a line.

Every runtime dependency of pyproject.toml is pinned to its lower bound (``textual>=8.2,<9``
gives ``textual==8.2``); one without a lower bound is an error, since its oldest allowed
release would be untested. The test tools come from the ``test`` extra as declared, but for
pins of runtime packages (the snapshots' exact Textual) and the snapshot plugin, which the
unit tests do not use. Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")
SNAPSHOT_ONLY = {"pytest-textual-snapshot"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def split(requirement: str) -> tuple[str, str]:
    """'textual>=8.2,<9' -> ('textual', '>=8.2,<9')."""
    found = NAME.match(requirement.split(";", 1)[0])
    if found is None:
        raise SystemExit(f"cannot read the requirement {requirement!r}")
    return found.group(1), found.group(2).strip()


def lower_bound(requirement: str) -> str:
    name, specifiers = split(requirement)
    bounds = [s.strip()[2:].strip() for s in specifiers.split(",") if s.strip().startswith(">=")]
    if len(bounds) != 1:
        raise SystemExit(f"{requirement!r} needs exactly one lower bound (>=) to be tested at")
    return f"{name}=={bounds[0]}"


def main() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    runtime = project["dependencies"]
    lines = [lower_bound(r) for r in runtime]
    runtime_names = {canonical(split(r)[0]) for r in runtime}
    for requirement in project["optional-dependencies"]["test"]:
        name = canonical(split(requirement)[0])
        if name not in runtime_names and name not in SNAPSHOT_ONLY:
            lines.append(requirement)
    sys.stdout.write("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    main()
