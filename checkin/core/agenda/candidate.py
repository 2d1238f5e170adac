"""An item a rule set proposes: the agenda item to be, and what the engine needs to place it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from checkin.core.enums import ItemKind
from checkin.core.meeting import AgendaItem, Reason


class Candidate:
    """An :class:`AgendaItem` in the making, with its urgency and timing key.

    The item is built once, here, and the engine finishes it (section, minutes, parked): a busy
    account proposes thousands of items, so nothing is copied on the way.
    """

    __slots__ = ("item", "minutes", "timing", "urgent")

    def __init__(
        self,
        *,
        key: str,
        kind: ItemKind,
        title: str,
        timing: str,
        reasons: Iterable[Reason],
        source_ref: str | None = None,
        owner: str = "",
        urgent: bool = False,
        minutes: int | None = None,
        carried_from: date | None = None,
    ) -> None:
        listed = list(reasons)
        self.item = AgendaItem(
            key=key,
            kind=kind,
            title=title,
            source_ref=source_ref,
            reasons=listed,
            score=sum(reason.score for reason in listed),
            owner=owner,
            carried_from=carried_from,
        )
        self.timing = timing  # the planned-minutes key: "issue.critical", "action"...
        self.urgent = urgent  # a critical issue or a 48-hour breach
        self.minutes = minutes  # fixed minutes (a carried custom item keeps its own)

    def add_reason(self, reason: Reason) -> None:
        """One more reason (a carried-over label): the score follows."""
        self.item.reasons.append(reason)
        self.item.score += reason.score

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def kind(self) -> ItemKind:
        return self.item.kind

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def reasons(self) -> list[Reason]:
        return self.item.reasons

    @property
    def owner(self) -> str:
        return self.item.owner

    @property
    def score(self) -> float:
        return self.item.score

    @property
    def carried_from(self) -> date | None:
        return self.item.carried_from


def fired(reasons: Iterable[Reason | None]) -> list[Reason]:
    """The reasons of the rules that fired (a rule that does not fire returns None)."""
    return [r for r in reasons if r is not None]
