"""Short names for new accounts: made from the name in any script, and never one that is taken."""

from __future__ import annotations

import re

import pytest

from checkin.core.ids import ALPHABET, digest_token
from checkin.core.rules import SLUG_PATTERN
from checkin.core.text import slugify
from checkin.services.workspace import Workspace, account_slug
from tests.conftest import NOW


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Zeta Corp", "zeta-corp"),
        ("  Zürich Café & Co. ", "zurich-cafe-co"),
        ("[bold]ACME[/]", "bold-acme"),
        ("日本", ""),  # the standard library alone cannot spell other scripts
        ("", ""),
        ("a" * 39 + " b", "a" * 39),
    ],
)
def test_slugify_with_the_standard_library_only(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert not slug or re.match(SLUG_PATTERN, slug)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        # Latin with accents and letters of their own
        ("Ørsted", "orsted"),
        ("  Zürich Café & Co. ", "zurich-cafe-co"),
        ("Łódź Straße Ærø", "lodz-strasse-aero"),
        ("Việt Nam Airlines", "viet-nam-airlines"),
        ("İstanbul Enerji", "istanbul-enerji"),
        # Greek
        ("Ελλάδα", "ellada"),
        ("Αθήνα Ενέργεια", "athina-energeia"),
        # Cyrillic
        ("Москва Банк", "moskva-bank"),
        ("Газпром", "gazprom"),
        # Japanese: kana by sound, kanji by their Chinese reading
        ("トヨタ", "toyota"),
        ("ソニー 株式会社", "soni-zhushihuishe"),
        # Chinese
        ("北京大学", "beijingdaxue"),
        # Korean
        ("서울 반도체", "seoul-bandoche"),
        # Arabic and Hebrew (consonants, as they are written)
        ("القاهرة", "lqhrh"),
        ("אל על", "l-l"),
        # Devanagari
        ("हिन्दी", "hindi"),
        # Symbols and emoji separate words; they are not spelled out
        ("🚀 Rocket Labs", "rocket-labs"),
        ("Procter & Gamble", "procter-gamble"),
        ("[bold]ACME[/]", "bold-acme"),
    ],
)
def test_account_slugs_transliterate_any_script(name: str, slug: str) -> None:
    assert account_slug(name) == slug
    assert re.match(SLUG_PATTERN, slug)


def test_a_long_name_in_another_script_is_cut_to_forty_characters() -> None:
    slug = account_slug("Товарищество с ограниченной ответственностью Северсталь")
    assert len(slug) == 40 and re.match(SLUG_PATTERN, slug)
    assert slug.startswith("tovarishchestvo-s-ogranichenno")


def test_free_slug_skips_taken_ones() -> None:
    ws = Workspace.in_memory(clock=lambda: NOW)
    assert ws.free_slug("Zeta Corp") == "zeta-corp"
    ws.add_account(name="Zeta", slug="zeta-corp")
    ws.add_account(name="Zeta 2", slug="zeta-corp-2", archived=True)
    assert ws.free_slug("Zeta Corp") == "zeta-corp-3"
    assert ws.free_slug("") == ""
    long = "x" * 45
    ws.add_account(name=long, slug=ws.free_slug(long))
    suggestion = ws.free_slug(long)
    assert suggestion == "x" * 38 + "-2" and re.match(SLUG_PATTERN, suggestion)


def test_free_slug_in_other_scripts_is_unique_too() -> None:
    ws = Workspace.in_memory(clock=lambda: NOW)
    ws.add_account(name="Ørsted", slug=ws.free_slug("Ørsted"))
    assert ws.free_slug("Orsted") == "orsted-2"
    assert ws.free_slug("Ελλάδα") == "ellada"


@pytest.mark.parametrize("name", ["🙂🙂", "!!!", "★ ☆ ★", "・・"])
def test_a_name_with_nothing_to_spell_gets_a_readable_unique_slug(name: str) -> None:
    ws = Workspace.in_memory(clock=lambda: NOW)
    first = ws.free_slug(name)
    assert first == f"account-{digest_token(name)}" and re.match(SLUG_PATTERN, first)
    assert ws.free_slug(name) == first  # the same suggestion while the name stays the same
    ws.add_account(name=name, slug=first)
    second = ws.free_slug(name)
    assert second == f"{first}-2" and re.match(SLUG_PATTERN, second)
    ws.add_account(name=name + " ", slug=second)
    assert len({a.slug for a in ws.accounts()}) == 2


def test_digest_token_is_short_readable_and_stable() -> None:
    token = digest_token("🙂🙂")
    assert len(token) == 4 and set(token) <= set(ALPHABET)
    assert digest_token("🙂🙂") == token != digest_token("🙂")
