"""Planned minutes per item (by kind and severity) and fitting items into the meeting length."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Defaults a template can override by key ("issue.critical") or by kind ("issue").
DEFAULT_MINUTES: dict[str, int] = {
    "issue.critical": 10,
    "issue.high": 5,
    "issue.medium": 3,
    "issue.low": 2,
    "follow-up": 2,
    "action": 1,
    "action.overdue": 2,
    "roadmap": 2,
    "roadmap.slipped": 3,
    "roadmap.shipped": 1,
    "feedback.negative": 4,
    "feedback.positive": 1,
    "relationship": 2,
    "custom": 5,
}
TIMING_KEYS = frozenset(DEFAULT_MINUTES) | {key.split(".")[0] for key in DEFAULT_MINUTES}


def planned_minutes(timing: str, overrides: Mapping[str, int]) -> int:
    """Minutes for an item with timing key ``timing`` ("issue.high"): the most specific wins.

    Order: the template's value for the full key, the template's value for the kind, the
    default for the full key, the default for the kind.
    """
    kind = timing.split(".")[0]
    for table, key in ((overrides, timing), (overrides, kind)):
        if key in table:
            return table[key]
    return DEFAULT_MINUTES.get(timing, DEFAULT_MINUTES.get(kind, 5))


def shrink_to_fit(minutes: Sequence[int], length: int) -> list[int]:
    """``minutes`` scaled down proportionally so they sum to at most ``length``.

    Used for standing items when they alone exceed the meeting: each keeps its share, the
    minutes lost to rounding going to the largest remainders (earlier items win ties).
    """
    total = sum(minutes)
    if total <= length:
        return list(minutes)
    shares = [m * length / total for m in minutes]
    result = [int(share) for share in shares]
    spare = length - sum(result)
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - result[i]), i))
    for i in order[:spare]:
        result[i] += 1
    return result


@dataclass(frozen=True)
class Fit:
    """Which items (by position in priority order) are scheduled and which are parked."""

    scheduled: tuple[int, ...]
    parked: tuple[int, ...]


def fit(minutes: Sequence[int], available: int, order: Sequence[int]) -> Fit:
    """Take the items in ``order`` (indexes into ``minutes``) while they fit in ``available``.

    An item too long for what is left is parked, and shorter items after it may still fit:
    a one-minute thank-you can use the last minute. So every parked item needs more than the
    minutes left at the end: "did not fit" is always true.
    """
    scheduled: list[int] = []
    parked: list[int] = []
    left = available
    for index in order:
        if minutes[index] <= left:
            scheduled.append(index)
            left -= minutes[index]
        else:
            parked.append(index)
    return Fit(tuple(sorted(scheduled)), tuple(sorted(parked)))


def fill_order(urgent: Sequence[bool], sections: Sequence[str]) -> list[int]:
    """The order in which ranked items take the minutes: the urgent ones, then the top item of
    each section (every section gets a slot before any gets a second), then the rest, each
    group in rank order. ``urgent`` and ``sections`` are per item, in rank order."""
    first = [i for i, flag in enumerate(urgent) if flag]
    served = {sections[i] for i in first}
    tops = []
    for i, section in enumerate(sections):
        if section not in served:
            served.add(section)
            tops.append(i)
    chosen = set(first) | set(tops)
    return first + tops + [i for i in range(len(sections)) if i not in chosen]
