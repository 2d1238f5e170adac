"""Relationship health: factors with their numbers, red flags that hold the band."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from checkin.core import Account, Contact, Feedback, Issue, Meeting, Side
from checkin.core.enums import Direction, Severity
from checkin.core.health import FACTORS, Band, Relationship, assess, trend
from checkin.core.summary import Due, next_checkin_due

NOW = datetime(2026, 11, 22, 9, 0)


def relationship(**changes: object) -> Relationship:
    account = Account(
        id="a-1", name="Acme", slug="acme", cadence_days=30, created_at=NOW - timedelta(days=300)
    )
    contacts = [
        Contact(id="c-1", account_id="a-1", name="Dana", focal=True),
        Contact(id="c-2", account_id="a-1", name="Sam", side=Side.OURS, focal=True),
    ]
    meetings = [
        Meeting(
            id=f"m-{n}",
            account_id="a-1",
            planned_start=NOW - timedelta(days=days),
            started=NOW - timedelta(days=days),
            ended=NOW - timedelta(days=days) + timedelta(minutes=30),
            rating=5,
        )
        for n, days in enumerate((70, 40, 10))
    ]
    fields: dict[str, object] = {
        "account": account,
        "contacts": contacts,
        "issues": [],
        "actions": [],
        "feedback": [],
        "meetings": meetings,
    }
    fields.update(changes)
    return Relationship(**fields)  # type: ignore[arg-type]


def test_weights_add_up_to_one_hundred() -> None:
    assert sum(f(relationship(), NOW).weight for f in FACTORS) == 100


def test_a_healthy_relationship_is_good_and_explains_itself() -> None:
    health = assess(relationship(), NOW)
    assert health.band is Band.GOOD and health.flags == ()
    cadence = next(f for f in health.factors if f.name == "cadence")
    assert cadence.detail == "3 of 3 intervals within the 30-day cadence; last check-in 10 days ago"


def test_a_missing_focal_contact_holds_a_good_score_at_watch() -> None:
    r = relationship(contacts=[Contact(id="c-1", account_id="a-1", name="Dana")])
    health = assess(r, NOW)
    assert health.score >= 75 and health.band is Band.WATCH
    assert health.flags == (
        "no focal contact on the client's side",
        "no focal contact on our side",
    )


def test_an_issue_past_the_48_hour_rule_is_flagged() -> None:
    issue = Issue(
        id="i-1",
        account_id="a-1",
        title="Sync fails",
        severity=Severity.CRITICAL,
        opened=NOW - timedelta(hours=61),
    )
    health = assess(relationship(issues=[issue]), NOW)
    assert "1 issue past the 48-hour rules" in health.flags
    assert health.band is not Band.GOOD


def test_negative_unaddressed_feedback_and_a_falling_rating_cost_points() -> None:
    feedback = [
        Feedback(
            id="f-1",
            account_id="a-1",
            direction=Direction.FROM_CLIENT,
            sentiment=-2,
            text="Release notes arrive late",
            received=(NOW - timedelta(days=9)).date(),
        )
    ]
    r = relationship(feedback=feedback)
    r.meetings[-1].rating = 2
    health = assess(r, NOW)
    sentiment = next(f for f in health.factors if f.name == "sentiment")
    assert sentiment.points == 0 and "1 negative unaddressed" in sentiment.detail
    ratings = next(f for f in health.factors if f.name == "ratings")
    assert "(falling)" in ratings.detail and ratings.value < 0.7
    assert health.band is Band.WATCH


def test_trend_has_one_point_per_recent_check_in_and_now() -> None:
    points = trend(relationship(), NOW)
    assert [day for day, _score in points][-1] == NOW.date()
    assert len(points) == 4


def test_a_next_meeting_agreed_at_the_wrap_up_moves_the_due_date() -> None:
    ended = relationship().meetings
    agreed = NOW.date() + timedelta(days=5)  # later than the cadence (10 + 30 days ago)
    last = dataclasses.replace(ended[-1], next_meeting=NOW.date() - timedelta(days=3))
    late = relationship(meetings=[*ended[:-1], last])
    assert "check-in 3 days past the date agreed at the last one" in assess(late, NOW).flags
    kept = relationship(meetings=[*ended[:-1], dataclasses.replace(last, next_meeting=agreed)])
    assert next_checkin_due(kept.account, kept.meetings, NOW.date()) == Due(agreed, agreed=True)
    assert not any("check-in" in flag for flag in assess(kept, NOW).flags)


def test_without_an_agreed_date_the_cadence_decides_and_says_one_day() -> None:
    r = relationship()
    last = r.meetings[-1].day
    due = next_checkin_due(r.account, r.meetings, NOW.date())
    assert due == Due(last + timedelta(days=30), agreed=False)
    one_late = NOW + timedelta(days=21)
    assert "check-in 1 day past the 30-day cadence" in assess(r, one_late).flags
