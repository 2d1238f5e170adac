"""Short names for new accounts: made from the name, and never one that is taken."""

from __future__ import annotations

import pytest

from checkin.core.rules import SLUG_RE
from checkin.core.text import slugify
from checkin.services.workspace import Workspace
from tests.conftest import NOW


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Zeta Corp", "zeta-corp"),
        ("  Zürich Café & Co. ", "zurich-cafe-co"),
        ("[bold]ACME[/]", "bold-acme"),
        ("日本", ""),
        ("", ""),
        ("a" * 39 + " b", "a" * 39),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert not slug or SLUG_RE.match(slug)


def test_free_slug_skips_taken_ones() -> None:
    ws = Workspace.in_memory(clock=lambda: NOW)
    assert ws.free_slug("Zeta Corp") == "zeta-corp"
    ws.add_account(name="Zeta", slug="zeta-corp")
    ws.add_account(name="Zeta 2", slug="zeta-corp-2", archived=True)
    assert ws.free_slug("Zeta Corp") == "zeta-corp-3"
    assert ws.free_slug("!!!") == ""
    long = "x" * 45
    ws.add_account(name=long, slug=ws.free_slug(long))
    suggestion = ws.free_slug(long)
    assert suggestion == "x" * 38 + "-2" and SLUG_RE.match(suggestion)
