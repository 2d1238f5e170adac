"""The domain limits live in core/rules.py, and every reader of them agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkin.core.enums import ItemKind
from checkin.core.errors import ExitCode, NotFound, ValidationError
from checkin.core.meeting import AgendaItem
from checkin.core.rules import ITEM_MINUTES, MEETING_MINUTES, TIMED_MINUTES, Limit
from checkin.markdown.template import TemplateError, parse_template
from checkin.storage.errors import CorruptDatabase, DatabaseLocked, SaveFailed


def test_a_limit_is_inclusive_and_reads_as_words() -> None:
    limit = Limit(5, 480)
    assert 5 in limit and 480 in limit
    assert 4 not in limit and 481 not in limit and "7" not in limit
    assert str(limit) == "5 to 480"
    assert [str(p) for p in limit.problems("length", 3)] == [
        "length: must be between 5 and 480, not 3"
    ]
    assert list(limit.problems("length", None)) == []


def test_item_limits_agree_with_the_meeting_length() -> None:
    # An item never outlasts the longest meeting; a person plans at least a minute; stored
    # items and template timing may say 0 (listed without time of its own).
    assert Limit(1, MEETING_MINUTES.high) == ITEM_MINUTES
    assert Limit(0, MEETING_MINUTES.high) == TIMED_MINUTES


def test_a_template_item_may_take_up_to_the_longest_meeting() -> None:
    text = (
        "---\nminutes: 240\ntiming:\n  issue: 150\n---\n## A\n\nTakes: issue\n\n- Demo (180 min)\n"
    )
    template = parse_template(text, name="workshop")
    assert template.item_minutes["issue"] == 150
    assert [item.minutes for item in template.sections[0].standing] == [180]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## A\n\n- Demo (481 min)\n", "a standing item takes 1 to 480 minutes, not 481"),
        ("---\ntiming:\n  issue: 481\n---\n## A\n\nTakes: issue\n", "from 0 to 480, not '481'"),
        ("---\nminutes: 4\n---\n## A\n\nTakes: issue\n", "from 5 to 480, not '4'"),
    ],
)
def test_a_template_beyond_the_limits_is_refused(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template(text, name="bad")


def test_a_stored_item_takes_the_timed_limit() -> None:
    assert (
        AgendaItem(key="k", kind=ItemKind.CUSTOM, title="Talk", planned_minutes=0).planned_minutes
        == 0
    )
    with pytest.raises(ValidationError, match="between 0 and 480, not 481"):
        AgendaItem(key="k", kind=ItemKind.CUSTOM, title="Talk", planned_minutes=481)


def test_errors_carry_their_exit_code() -> None:
    assert ValidationError("Issue", []).exit_code == ExitCode.BAD_DATA
    assert NotFound("issue", "i-1").exit_code == ExitCode.INPUT_MISSING
    assert SaveFailed("full").exit_code == ExitCode.IO_ERROR
    assert DatabaseLocked(Path("x.json"), "pid 1").exit_code == ExitCode.LOCKED
    assert CorruptDatabase(Path("x.json"), "no", None).exit_code == ExitCode.BAD_DATA
