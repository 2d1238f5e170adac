"""Short, readable, app-owned record ids ("i-7k2q9x")."""

from __future__ import annotations

import hashlib
import random
import secrets

from checkin.core.enums import RecordKind

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to read aloud and type
PREFIX: dict[str, str] = {kind.value: kind.prefix for kind in RecordKind}


def token(rng: random.Random | None = None, length: int = 6) -> str:
    """A short random string from the readable alphabet: one draw, not one per character
    (an import of 10,000 issues makes 10,000 of them). Without ``rng`` it draws from a
    generator seeded once from the system's randomness: ids need to be unpredictable enough
    not to collide (callers check), not secret."""
    if rng is None:
        number = _unseeded().randrange(len(ALPHABET) ** length)
        chars = []
        for _ in range(length):
            number, digit = divmod(number, len(ALPHABET))
            chars.append(ALPHABET[digit])
        return "".join(chars)
    return "".join(rng.choice(ALPHABET) for _ in range(length))


_GENERATOR: list[random.Random] = []


def _unseeded() -> random.Random:
    if not _GENERATOR:
        _GENERATOR.append(random.Random(secrets.randbits(128)))
    return _GENERATOR[0]


def new_id(kind: str, rng: random.Random | None = None, length: int = 6) -> str:
    """A new id for a record of ``kind``; pass a seeded ``rng`` for reproducible ids."""
    return f"{PREFIX[kind]}-{token(rng, length)}"


def digest_token(value: str, length: int = 4) -> str:
    """A short string from the readable alphabet that is always the same for ``value``."""
    number = int.from_bytes(hashlib.blake2s(value.encode("utf-8"), digest_size=8).digest())
    letters = []
    for _ in range(length):
        number, digit = divmod(number, len(ALPHABET))
        letters.append(ALPHABET[digit])
    return "".join(letters)
