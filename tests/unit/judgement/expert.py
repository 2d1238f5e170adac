"""The judgement suite's yardstick: Kendall tau between the engine's order and an expert's."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from checkin.core.agenda import Agenda
from checkin.core.enums import ItemKind

MIN_TAU = 0.8
TAUS: dict[str, float] = {}  # scenario -> tau, for the closing note


def kendall_tau(expected: Sequence[str], actual: Sequence[str]) -> float:
    """Kendall's tau-a between two orders of the same titles: 1 same order, -1 reversed."""
    if sorted(expected) != sorted(actual):
        raise ValueError(f"different topics: {sorted(expected)} vs {sorted(actual)}")
    if len(expected) < 2:
        return 1.0
    place = {title: n for n, title in enumerate(actual)}
    score = 0
    for first, second in combinations(expected, 2):
        score += 1 if place[first] < place[second] else -1
    pairs = len(expected) * (len(expected) - 1) // 2
    return score / pairs


def topics(agenda: Agenda) -> list[str]:
    """The generated topics in meeting order, then the parked ones (standing items left out:
    they are the template's, not the engine's judgement)."""
    return [
        item.title for item in (*agenda.items, *agenda.parked) if item.kind is not ItemKind.STANDING
    ]


def judge(
    name: str, agenda: Agenda, expected: Sequence[str], first: str, minimum: float = MIN_TAU
) -> float:
    """Assert the must-come-first topic is first and the order agrees (tau >= ``minimum``,
    MIN_TAU unless a scenario says why it accepts less)."""
    actual = topics(agenda)
    assert actual[:1] == [first], f"{name}: {actual}"
    tau = kendall_tau(expected, actual)
    TAUS[name] = tau
    assert tau >= minimum, f"{name}: tau {tau:.2f}; engine order {actual}"
    return tau
