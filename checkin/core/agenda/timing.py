"""Planned minutes per item (by kind and severity), their minimums, and fitting items into
the meeting length: shorten first, then park."""

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
    "feedback.neutral": 2,
    "relationship": 2,
    "custom": 5,
}
# The fewest minutes an item is given before it is parked (a standing item: half its own).
MIN_MINUTES: dict[str, int] = {
    "issue.critical": 5,
    "issue.high": 3,
    "issue.medium": 2,
    "issue.low": 1,
    "follow-up": 1,
    "action": 1,
    "roadmap": 1,
    "roadmap.slipped": 2,
    "feedback": 1,
    "feedback.negative": 2,
    "relationship": 1,
    "custom": 2,
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


def minimum_minutes(timing: str, wanted: int) -> int:
    """The fewest minutes an item with ``timing`` can be given before it is parked instead:
    never more than it wants."""
    kind = timing.split(".")[0]
    floor = MIN_MINUTES.get(timing, MIN_MINUTES.get(kind, 1))
    return max(1, min(wanted, floor)) if wanted > 0 else 0


@dataclass(frozen=True)
class Fit:
    """Minutes for the items kept (the first ``len(minutes)`` in importance order); the
    items after them are parked."""

    minutes: tuple[int, ...]

    @property
    def kept(self) -> int:
        return len(self.minutes)


def fit(wanted: Sequence[int], minimum: Sequence[int], available: int) -> Fit:
    """Fit items given in importance order (most important first) into ``available`` minutes.

    Shortening comes before parking (DESIGN.md section 3, invariant 4): the least important
    items are shortened first, down to their minimum; only when every kept item is at its
    minimum and it still does not fit are items parked, the least important first. So the
    kept items are always a prefix of the order (nothing is parked while a less important
    item stays) and the minutes never add up to more than ``available``.
    """
    left = max(0, available)
    kept = 0
    for floor in minimum:
        if floor > left:
            break
        left -= floor
        kept += 1
    minutes = list(minimum[:kept])
    for index in range(kept):  # give the minutes back, the most important first
        extra = min(left, wanted[index] - minutes[index])
        minutes[index] += extra
        left -= extra
    return Fit(tuple(minutes))
