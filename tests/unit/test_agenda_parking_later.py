"""The engine ranks topics on their score and facts, and makes the parked ones when read.

A busy account proposes some fifteen hundred topics and a handful fit, so an open issue's or
action's item (title, reasons and their sentences) is made only for the topics that fit, the
few that are carried over or joined, and the parking lot when ``Agenda.parked`` is first read.
What is read is the same either way: these tests hold the laziness itself (nothing parked is
made before it is read, nothing twice) and that an agenda read late equals one read at once.
The byte-for-byte output is held by the goldens and the planning equality tests.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import threading
from typing import Any

import pytest

from checkin.core.agenda import Agenda, action_rules, build_agenda, issue_rules
from checkin.core.agenda.candidate import Candidate
from checkin.core.enums import ItemKind, Severity, Side
from checkin.core.errors import ValidationError
from checkin.core.meeting import AgendaItem, Reason
from tests.unit.agenda_data import NOW, account, action, data, issue, template


def _busy() -> Any:
    """Forty open issues and twenty open actions: a 30-minute check-in keeps a few."""
    issues = [
        issue(Severity.HIGH if n % 4 == 0 else Severity.LOW, opened_h=24 * (n + 9), due_in=n - 5)
        for n in range(40)
    ]
    actions = [
        action(side=Side.CLIENT if n % 2 else Side.OURS, owner="Dana" if n % 2 else "us",
               due_in=n - 10)
        for n in range(20)
    ]  # fmt: skip
    return data(issues=issues, actions=actions)


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[str]:
    """Record the key of every deferred topic ``module.name`` makes."""
    made: list[str] = []
    real = getattr(module, name)

    def make(*args: Any) -> Any:
        made.append(args[-1])  # every maker takes the topic's key last
        return real(*args)

    monkeypatch.setattr(module, name, make)
    return made


def test_only_the_topics_that_fit_are_made_until_the_parking_lot_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issues_made = _counting(monkeypatch, issue_rules, "_issue_item")
    actions_made = _counting(monkeypatch, action_rules, "_action_item")
    agenda = build_agenda(_busy(), template(), 30, NOW)

    shown = {item.key for item in agenda.items}
    assert set(issues_made) | set(actions_made) <= shown
    assert "parked" not in vars(agenda)  # not made yet

    parked = agenda.parked
    assert len(agenda.items) < 15 and len(parked) > 45
    everything = [*agenda.items, *parked]
    assert sorted(issues_made) == sorted(i.key for i in everything if i.kind is ItemKind.ISSUE)
    assert sorted(actions_made) == sorted(i.key for i in everything if i.kind is ItemKind.ACTION)
    assert (len(issues_made), len(actions_made)) == (40, 20)  # each made once
    assert agenda.parked is parked  # and kept


def test_an_agenda_read_late_equals_one_read_at_once() -> None:
    busy = _busy()
    late = build_agenda(busy, template(), 30, NOW)
    copied = copy.deepcopy(late)  # before its parking lot is made
    at_once = dataclasses.replace(build_agenda(busy, template(), 30, NOW))
    assert "parked" not in vars(late) and "parked" in vars(at_once)  # replace read it
    assert len(at_once.parked) > 50
    assert all(item.parked and item.reasons[-1].rule == "time_fit" for item in at_once.parked)
    for agenda in (late, copied):
        assert agenda == at_once
        assert repr(agenda) == repr(at_once)


def test_the_parking_lot_is_made_once_even_when_two_threads_read_it() -> None:
    calls: list[int] = []
    barrier = threading.Barrier(2)

    def make() -> list[AgendaItem]:
        calls.append(1)
        return [AgendaItem(key="custom:x", kind=ItemKind.CUSTOM, title="Later", parked=True)]

    agenda = Agenda.parking_later(
        make,
        account=account(),
        template="test",
        title="Test check-in",
        length_minutes=30,
        now=NOW,
        sections=["Other topics"],
        items=[],
    )
    seen: list[list[AgendaItem]] = []

    def read() -> None:
        barrier.wait()
        seen.append(agenda.parked)

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert seen[0] is seen[1] is agenda.parked
    assert pickle.loads(pickle.dumps(agenda)) == agenda
    with pytest.raises(AttributeError, match="'Agenda' object has no attribute 'parkd'"):
        agenda.parkd  # type: ignore[attr-defined]  # noqa: B018


def test_engine_made_items_are_plain_agenda_items_with_every_field() -> None:
    reasons = [Reason(rule="severity", score=20.0, text="medium severity")]
    candidate = Candidate(
        key="issue:i-1", kind=ItemKind.ISSUE, title="Sync fails", timing="issue.medium",
        reasons=reasons, source_ref="issue:i-1", owner="Sam",
    )  # fmt: skip
    expected = AgendaItem(
        key="issue:i-1", kind=ItemKind.ISSUE, title="Sync fails", source_ref="issue:i-1",
        reasons=reasons, score=20.0, owner="Sam",
    )  # fmt: skip
    made = candidate.item
    assert type(made) is AgendaItem
    assert made == expected and repr(made) == repr(expected)
    assert list(vars(made)) == [f.name for f in dataclasses.fields(AgendaItem)]
    assert (
        made.records
        is not Candidate(
            key="issue:i-2", kind=ItemKind.ISSUE, title="Other", timing="issue.low", reasons=()
        ).item.records
    )  # each item its own lists


@pytest.mark.parametrize("title", ["", "   ", "two\nlines", "x" * 500])
def test_an_invalid_title_is_refused_as_ever(title: str) -> None:
    with pytest.raises(ValidationError, match="title"):
        Candidate(key="custom:x", kind=ItemKind.CUSTOM, title=title, timing="custom", reasons=())
