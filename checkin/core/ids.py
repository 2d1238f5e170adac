"""Short, readable, app-owned record ids ("i-7k2q9x")."""

from __future__ import annotations

import random
import secrets

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to read aloud and type
PREFIX = {
    "account": "a",
    "contact": "c",
    "issue": "i",
    "roadmap": "r",
    "feedback": "f",
    "action": "t",
    "meeting": "m",
}


def new_id(kind: str, rng: random.Random | None = None, length: int = 6) -> str:
    """A new id for a record of ``kind``; pass a seeded ``rng`` for reproducible ids."""
    prefix = PREFIX[kind]
    if rng is None:
        body = "".join(secrets.choice(ALPHABET) for _ in range(length))
    else:
        body = "".join(rng.choice(ALPHABET) for _ in range(length))
    return f"{prefix}-{body}"
