"""Relationship health: factors with their numbers, thresholds, the grace window for fixes, red
flags that hold or force the band, and the trend as stored history."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from checkin.core import Account, ActionItem, Contact, Feedback, Issue, Meeting, Side
from checkin.core.enums import Direction, IssueStatus, Severity
from checkin.core.health import (
    FACTORS,
    GOOD_FROM,
    GRACE,
    WATCH_FROM,
    Band,
    Relationship,
    assess,
    band_for,
)
from checkin.core.summary import Due, next_checkin_due
from checkin.core.trend import TrendPoint, score_at, trend

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
    assert [flag.text for flag in health.flags] == ["no focal contact on either side"]
    assert health.why == "no focal contact"


def test_an_issue_past_the_48_hour_rule_is_flagged() -> None:
    issue = Issue(
        id="i-1",
        account_id="a-1",
        title="Sync fails",
        severity=Severity.CRITICAL,
        opened=NOW - timedelta(hours=61),
    )
    health = assess(relationship(issues=[issue]), NOW)
    assert "1 issue past the 48-hour rules" in [flag.text for flag in health.flags]
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
    # Very negative feedback unanswered and a rating down to 2: two serious flags.
    assert health.band is Band.AT_RISK
    assert health.why == "angry feedback unanswered + ratings falling 5→5→2"


def test_a_next_meeting_agreed_at_the_wrap_up_moves_the_due_date() -> None:
    ended = relationship().meetings
    agreed = NOW.date() + timedelta(days=5)  # later than the cadence (10 + 30 days ago)
    last = dataclasses.replace(ended[-1], next_meeting=NOW.date() - timedelta(days=3))
    late = relationship(meetings=[*ended[:-1], last])
    texts = [flag.text for flag in assess(late, NOW).flags]
    assert "check-in 3 days past the date agreed at the last one" in texts
    kept = relationship(meetings=[*ended[:-1], dataclasses.replace(last, next_meeting=agreed)])
    assert next_checkin_due(kept.account, kept.meetings, NOW.date()) == Due(agreed, agreed=True)
    assert not any("check-in" in flag.text for flag in assess(kept, NOW).flags)


def test_without_an_agreed_date_the_cadence_decides_and_says_one_day() -> None:
    r = relationship()
    last = r.meetings[-1].day
    due = next_checkin_due(r.account, r.meetings, NOW.date())
    assert due == Due(last + timedelta(days=30), agreed=False)
    one_late = NOW + timedelta(days=21)
    flags = assess(r, one_late).flags
    assert [f.text for f in flags] == ["check-in 1 day past the 30-day cadence"]
    assert not flags[0].serious  # a day late is a flag, not yet a serious one


# -- thresholds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (100, Band.GOOD),
        (GOOD_FROM, Band.GOOD),
        (GOOD_FROM - 1, Band.WATCH),
        (WATCH_FROM, Band.WATCH),
        (WATCH_FROM - 1, Band.AT_RISK),
        (0, Band.AT_RISK),
    ],
)
def test_thresholds(score: int, band: Band) -> None:
    assert (GOOD_FROM, WATCH_FROM) == (75, 50)
    assert band_for(score) is band


def test_a_low_score_without_flags_says_which_factor_is_weakest() -> None:
    feedback = [
        Feedback(
            id=f"f-{n}",
            account_id="a-1",
            direction=Direction.FROM_CLIENT,
            sentiment=-2,
            text="Slow answers",
            received=(NOW - timedelta(days=5)).date(),
            addressed=(NOW - timedelta(days=1)).date(),
        )
        for n in range(3)
    ]
    r = relationship(feedback=feedback)
    for meeting in r.meetings:
        meeting.rating = 2  # low but steady: not a falling rating
    health = assess(r, NOW)
    assert health.flags == () and health.band is Band.WATCH
    assert health.why == "score under 75; weakest: client feedback"


# -- the grace window for fixes --------------------------------------------------------------


def resolved_issue(resolved_days_ago: float, *, verified: bool = False) -> Issue:
    opened = NOW - timedelta(days=40)
    resolved = NOW - timedelta(days=resolved_days_ago)
    return Issue(
        id="i-1",
        account_id="a-1",
        title="Export fails",
        status=IssueStatus.RESOLVED,
        opened=opened,
        acknowledged=opened + timedelta(hours=2),
        plan_given=opened + timedelta(hours=20),
        resolved=resolved,
        verified=resolved + timedelta(days=1) if verified else None,
    )


def test_resolving_an_issue_today_costs_no_points_today() -> None:
    before = assess(relationship(issues=[dataclasses.replace(
        resolved_issue(0), status=IssueStatus.IN_PROGRESS, resolved=None
    )]), NOW)  # fmt: skip
    after = assess(relationship(issues=[resolved_issue(0)]), NOW)
    assert after.score == before.score
    verified = next(f for f in after.factors if f.name == "verified")
    assert verified.value == 1.0
    assert verified.detail == "1 fix awaiting the client's answer (14-day grace)"


def test_an_unconfirmed_fix_counts_against_the_account_once_the_grace_is_over() -> None:
    assert timedelta(days=14) == GRACE
    inside = assess(relationship(issues=[resolved_issue(13.9)]), NOW)
    outside = assess(relationship(issues=[resolved_issue(14)]), NOW)
    confirmed = assess(relationship(issues=[resolved_issue(20, verified=True)]), NOW)
    assert inside.score == confirmed.score == outside.score + 5
    detail = next(f for f in outside.factors if f.name == "verified").detail
    assert detail == "0 of 1 fixes confirmed by the client (last 180 days)"


# -- red flags and the combinations that force "at risk" -------------------------------------


def neglected(**changes: object) -> Relationship:
    """47 days without a check-in, an action of ours 40 days overdue, ratings 5 then 3."""
    ended = relationship().meetings
    first = dataclasses.replace(ended[0], planned_start=NOW - timedelta(days=80),
                                started=NOW - timedelta(days=80),
                                ended=NOW - timedelta(days=80, minutes=-30), rating=5)  # fmt: skip
    last = dataclasses.replace(ended[1], planned_start=NOW - timedelta(days=47),
                               started=NOW - timedelta(days=47),
                               ended=NOW - timedelta(days=47, minutes=-30), rating=3)  # fmt: skip
    action = ActionItem(
        id="x-1",
        account_id="a-1",
        title="Send the migration plan",
        owner="us",
        due=(NOW - timedelta(days=40)).date(),
        created_at=NOW - timedelta(days=47),
    )
    fields: dict[str, object] = {"meetings": [first, last], "actions": [action]}
    fields.update(changes)
    return relationship(**fields)


def test_silence_an_overdue_promise_and_falling_ratings_are_at_risk() -> None:
    health = assess(neglected(), NOW)
    assert health.band is Band.AT_RISK
    assert [f.name for f in health.flags] == ["cadence", "promise", "ratings"]
    assert health.why == "check-in 17 d late + our action 40 d late"
    assert [f.text for f in health.flags] == [
        "check-in 17 days past the 30-day cadence",
        "our action item is 40 days overdue",
        "check-in ratings falling (5, 3 out of 5)",
    ]


def test_one_serious_flag_alone_holds_watch_and_a_near_renewal_makes_it_at_risk() -> None:
    late = neglected(actions=[])
    late.meetings[0].rating = late.meetings[1].rating = 4
    health = assess(late, NOW)
    assert [f.name for f in health.flags] == ["cadence"] and health.band is Band.WATCH
    renewing = dataclasses.replace(late.account, renewal=(NOW + timedelta(days=62)).date())
    health = assess(dataclasses.replace(late, account=renewing), NOW)
    assert health.band is Band.AT_RISK
    assert health.why == "check-in 17 d late + renewal in 62 d"
    far = dataclasses.replace(late.account, renewal=(NOW + timedelta(days=91)).date())
    assert assess(dataclasses.replace(late, account=far), NOW).band is Band.WATCH


def test_three_mild_flags_are_at_risk() -> None:
    r = relationship(contacts=[])  # no focal contact
    r.meetings[-1].rating = 3  # 5, 5, 3: falling
    late = NOW + timedelta(days=22)  # a little past the cadence
    health = assess(r, late)
    assert [f.serious for f in health.flags] == [False, False, False]
    assert health.band is Band.AT_RISK


# -- the trend is stored history -------------------------------------------------------------


def scored(r: Relationship) -> Relationship:
    """Each meeting with the score it ended with, as the wrap-up stores it."""
    for meeting in r.meetings:
        meeting.health_score = score_at(r, meeting.ended or NOW)
    return r


def test_the_trend_is_the_stored_scores_then_now_once() -> None:
    r = scored(relationship())
    points = trend(r.meetings, assess(r, NOW).score, NOW.date())
    assert [p.day for p in points] == [m.day for m in r.meetings] + [NOW.date()]
    assert [p.now for p in points] == [False, False, False, True]
    assert points[:3] == [TrendPoint(m.day, m.health_score or 0) for m in r.meetings]


def test_resolving_an_issue_today_changes_no_past_point() -> None:
    issue = dataclasses.replace(resolved_issue(0), status=IssueStatus.IN_PROGRESS, resolved=None)
    r = scored(relationship(issues=[issue]))
    before = trend(r.meetings, assess(r, NOW).score, NOW.date())
    resolved = dataclasses.replace(r, issues=[resolved_issue(0)])
    after = trend(resolved.meetings, assess(resolved, NOW).score, NOW.date())
    assert after[:-1] == before[:-1]  # history, untouched
    assert after[-1].now and after[-1].score == before[-1].score  # and no cost today


def test_a_check_in_that_ended_today_gives_today_point_and_dates_never_repeat() -> None:
    r = scored(relationship())
    today = dataclasses.replace(r.meetings[-1], id="m-9", started=NOW - timedelta(hours=1),
                                planned_start=NOW - timedelta(hours=1),
                                ended=NOW - timedelta(minutes=20), health_score=64)  # fmt: skip
    twice = dataclasses.replace(
        today, id="m-10", ended=NOW - timedelta(minutes=10), health_score=66
    )
    points = trend([*r.meetings, today, twice], 70, NOW.date())
    days = [p.day for p in points]
    assert len(days) == len(set(days))
    assert points[-1] == TrendPoint(NOW.date(), 66)  # the day's last check-in, stored


def test_meetings_without_a_stored_score_are_left_out_not_recomputed() -> None:
    r = relationship()  # no stored scores: ended before scores were kept
    assert trend(r.meetings, 88, NOW.date()) == [TrendPoint(NOW.date(), 88, now=True)]


def test_score_at_undoes_later_milestones() -> None:
    """The one-time reconstruction sees an issue resolved after the moment as still open."""
    issue = resolved_issue(2)
    moment = NOW - timedelta(days=10)
    r = relationship(issues=[issue])
    assert score_at(r, moment) == score_at(
        relationship(
            issues=[dataclasses.replace(issue, status=IssueStatus.PLANNED, resolved=None)]
        ),
        moment,
    )
