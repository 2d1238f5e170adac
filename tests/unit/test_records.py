"""Records refuse what breaks the rules, with messages that name the field."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from checkin.core import (
    Account,
    ActionItem,
    ActionStatus,
    Contact,
    Direction,
    Feedback,
    Issue,
    Meeting,
    RoadmapItem,
    RoadmapSide,
    Severity,
    ValidationError,
)
from checkin.core.codec import DecodeError, decode, encode

OPENED = datetime(2026, 11, 10, 9, 0)


def issue(**fields: object) -> Issue:
    base: dict[str, object] = {
        "id": "i-1",
        "account_id": "a-1",
        "title": "Sync fails",
        "opened": OPENED,
    }
    return Issue(**(base | fields))  # type: ignore[arg-type]


def test_valid_issue_round_trips_through_codec() -> None:
    original = issue(due=date(2026, 11, 30), labels=["billing"], severity=Severity.HIGH)
    assert decode(Issue, encode(original)) == original
    assert encode(original)["opened"] == "2026-11-10T09:00:00"
    assert encode(original)["severity"] == "high"


@pytest.mark.parametrize(
    ("fields", "field", "fragment"),
    [
        ({"title": ""}, "title", "must not be empty"),
        ({"title": "   "}, "title", "must not be empty"),
        ({"title": "two\nlines"}, "title", "single line"),
        ({"title": "x" * 301}, "title", "limit is 300"),
        ({"severity": "urgent"}, "severity", "'urgent' is not one of: critical, high, medium, low"),
        ({"status": "done"}, "status", "is not one of"),
        ({"due": date(2026, 11, 1)}, "due", "before the opened date 2026-11-10"),
        ({"acknowledged": datetime(2026, 11, 9)}, "acknowledged", "before the opened date"),
        (
            {"verified": datetime(2026, 11, 12)},
            "verified",
            "only be verified after it was resolved",
        ),
    ],
)
def test_issue_rules(fields: dict[str, object], field: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        issue(**fields)
    message = caught.value.for_field(field)
    assert message is not None and fragment in message
    assert str(caught.value).startswith("Issue is not valid:")


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        issue(title="", severity="bad", due=date(2020, 1, 1))
    assert {p.field for p in caught.value.problems} == {"title", "severity", "due"}


def test_action_item_needs_owner_and_done_date() -> None:
    with pytest.raises(ValidationError, match="needs an owner"):
        ActionItem(id="t-1", account_id="a-1", title="Send plan", owner=" ")
    with pytest.raises(ValidationError, match="date it was done"):
        ActionItem(
            id="t-1", account_id="a-1", title="Send plan", owner="us", status=ActionStatus.DONE
        )
    ok = ActionItem(id="t-1", account_id="a-1", title="Send plan", owner="us")
    assert ok.is_open


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"slug": "Acme Corp"}, "slug"),
        ({"slug": "-acme"}, "slug"),
        ({"name": ""}, "name"),
        ({"cadence_days": 45}, "cadence_days"),
        ({"cadence_days": 0}, "cadence_days"),
        ({"tier": "gold"}, "tier"),
    ],
)
def test_account_rules(fields: dict[str, object], field: str) -> None:
    base: dict[str, object] = {"id": "a-1", "name": "Acme", "slug": "acme"}
    with pytest.raises(ValidationError) as caught:
        Account(**(base | fields))  # type: ignore[arg-type]
    assert caught.value.for_field(field)


def test_contact_email_and_feedback_rules() -> None:
    with pytest.raises(ValidationError, match="not an email"):
        Contact(id="c-1", account_id="a-1", name="Dana", email="dana-at-acme")
    with pytest.raises(ValidationError, match="between -2 and 2"):
        Feedback(
            id="f-1",
            account_id="a-1",
            direction=Direction.FROM_CLIENT,
            sentiment=3,
            text="Great",
            received=date(2026, 11, 1),
        )
    with pytest.raises(ValidationError, match="text: must not be empty"):
        Feedback(
            id="f-1",
            account_id="a-1",
            direction=Direction.FROM_CLIENT,
            text=" ",
            received=date(2026, 11, 1),
        )


def test_roadmap_slip_and_meeting_rules() -> None:
    item = RoadmapItem(
        id="r-1",
        account_id="a-1",
        side=RoadmapSide.OURS,
        title="EU rollout",
        target=date(2026, 12, 15),
        original_target=date(2026, 11, 1),
    )
    assert item.slipped_by_days == 44
    with pytest.raises(ValidationError, match="rating: must be between 1 and 5"):
        Meeting(id="m-1", account_id="a-1", planned_start=OPENED, rating=7)
    with pytest.raises(ValidationError, match="cannot end before it started"):
        Meeting(id="m-1", account_id="a-1", planned_start=OPENED, ended=OPENED)


def test_decode_reports_bad_stored_values() -> None:
    data = encode(issue())
    data["opened"] = "yesterday-ish"
    with pytest.raises(DecodeError, match="opened"):
        decode(Issue, data)
    del data["opened"]
    with pytest.raises(DecodeError, match="missing the field 'opened'"):
        decode(Issue, data)


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"opened": "yesterday-ish"},
        {"opened": None},
        {"severity": "urgent"},
        {"title": 3},
        {"plan_estimate": "2026-12-40"},
        {"created_at": "2026-11-01T09:00:00", "updated_at": None},
    ],
)
@pytest.mark.parametrize("missing", [None, "opened", "severity", "title"])
def test_a_class_first_records_decode_as_its_compiled_decoder_does(
    change: dict[str, object], missing: str | None
) -> None:
    """Each class's first records are decoded by a loop over its plan, the rest by a decoder
    compiled for it: both give the same record, or the same error."""
    from checkin.core import codec

    data = {**encode(issue()), **change}
    if missing is not None:
        data.pop(missing, None)
    by = {
        "plan": lambda: codec._decode_by_plan(Issue, data),
        "compiled": lambda: codec._decoder(Issue)(data),
    }
    outcomes = {}
    for path, run in by.items():
        try:
            record = run()
            outcomes[path] = ("record", record, encode(record))
        except DecodeError as error:
            outcomes[path] = ("error", str(error), type(error.__cause__))
    assert outcomes["plan"] == outcomes["compiled"]


def test_decode_compiles_a_decoder_once_a_class_has_many_records() -> None:
    from checkin.core import codec

    class Probe(Issue):
        pass

    data = encode(issue())
    for _ in range(codec.PLAN_DECODES):
        first = decode(Probe, data)
        assert type(first) is Probe and encode(first) == data
    assert Probe not in codec._DECODERS
    decoded = decode(Probe, data)
    assert Probe in codec._DECODERS
    assert type(decoded) is Probe and encode(decoded) == data


def test_the_codec_reads_each_field_type_as_typing_does() -> None:
    """The codec reads simple annotations itself ("str", "date | None", "list[str]", an
    enum) instead of compiling each with typing.get_type_hints: the same types, for every
    class it stores."""
    import dataclasses
    import typing

    from checkin.core import codec
    from checkin.core.meeting import AgendaItem, Decision, Reason, StatusChange, WrapUpDraft

    classes = [Account, Contact, Issue, RoadmapItem, Feedback, ActionItem, Meeting]
    for cls in [*classes, AgendaItem, Reason, Decision, StatusChange, WrapUpDraft]:
        fields = {f.name for f in dataclasses.fields(cls)}
        ours = {k: v for k, v in codec._field_types(cls).items() if k in fields}
        assert ours == {k: v for k, v in typing.get_type_hints(cls).items() if k in fields}
        assert set(ours) == fields
