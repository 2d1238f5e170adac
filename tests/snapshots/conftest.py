"""The SVG snapshots are recorded with one Textual release, the one the ``test`` extra pins:
its minor releases change the SVG output. Under any other Textual they are skipped, saying
why, rather than failing on differences that are not checkin's."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import textual

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"


def recorded_with() -> str:
    """The Textual version of the ``test`` extra's pin ("textual==8.2.8" -> "8.2.8")."""
    extra = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    pins = [
        found.group(1)
        for requirement in extra["optional-dependencies"]["test"]
        if (found := re.fullmatch(r"textual==([\w.]+)", requirement.replace(" ", "")))
    ]
    assert len(pins) == 1, "the test extra must pin textual exactly (textual==X.Y.Z)"
    return pins[0]


RECORDED_WITH = recorded_with()


@pytest.fixture(autouse=True)
def same_textual_as_the_snapshots() -> None:
    if textual.__version__ != RECORDED_WITH:
        pytest.skip(
            f"the snapshots are recorded with textual {RECORDED_WITH}, this is "
            f"{textual.__version__}: pip install -e '.[test]' installs that one"
        )
