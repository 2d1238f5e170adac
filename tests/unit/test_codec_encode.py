"""The compiled encoders write what the plan loop writes: same keys, order and values."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from checkin.core import ActionItem, ActionStatus, Issue, IssueStatus, Severity, codec
from checkin.core.codec import encode

OPENED = datetime(2026, 11, 10, 9, 0)


def _by_plan(record: Any) -> dict[str, Any]:
    values = record.__dict__
    return {
        name: values[name] if enc is None else enc(values[name])
        for name, enc in codec._encoders(type(record))
    }


@pytest.mark.parametrize(
    "record",
    [
        Issue(id="i-1", account_id="a-1", title="Sync fails", opened=OPENED),
        Issue(
            id="i-2",
            account_id="a-1",
            title="Export",
            opened=OPENED,
            created_at=OPENED,
            updated_at=OPENED,
            severity=Severity.HIGH,
            status=IssueStatus.RESOLVED,
            acknowledged=OPENED,
            resolved=datetime(2026, 11, 12, 16, 30, 5),
            due=date(2026, 11, 30),
            labels=["billing", "eu"],
            body="line one\nline two",
        ),
        ActionItem(
            id="x-1",
            account_id="a-1",
            title="Send the report",
            owner="Priya",
            status=ActionStatus.DONE,
            done_on=date(2026, 11, 20),
        ),
    ],
)
def test_a_compiled_encoder_writes_what_the_plan_writes(record: Any) -> None:
    compiled = codec._encoder(type(record))(record.__dict__)
    expected = _by_plan(record)
    assert compiled == expected
    assert list(compiled) == list(expected)
    assert encode(record) == expected


def test_encode_compiles_an_encoder_once_a_class_has_many_records() -> None:
    class Probe(Issue):
        pass

    record = Probe(id="i-1", account_id="a-1", title="Sync fails", opened=OPENED)
    expected = _by_plan(record)
    for _ in range(codec.PLAN_ENCODES):
        assert encode(record) == expected
    assert Probe not in codec._COMPILED_ENCODERS
    assert encode(record) == expected
    assert Probe in codec._COMPILED_ENCODERS
    assert encode(record) == expected
