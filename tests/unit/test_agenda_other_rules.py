"""Action, roadmap, feedback and relationship rules of the agenda engine."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from checkin.core.agenda import (
    action_rules,
    feedback_rules,
    relationship_rules,
    roadmap_rules,
    weights,
)
from checkin.core.enums import ActionStatus, Direction, ItemKind, RoadmapSide, RoadmapStatus, Side
from tests.unit.agenda_data import (
    NOW,
    account,
    action,
    contact,
    context,
    feedback,
    meeting,
    milestone,
)

RS = RoadmapStatus

# -- action items -----------------------------------------------------------------------------


def test_overdue_by_days_names_a_client_owner() -> None:
    late = action(owner="Dana Whitfield", side=Side.CLIENT, due_in=-9)
    reason = action_rules.action_overdue(late, context())
    assert reason is not None
    assert reason.text == "overdue by 9 days, owner Dana Whitfield"
    assert reason.score == weights.ACTION_OVERDUE + 9 * weights.ACTION_OVERDUE_PER_DAY


def test_overdue_for_us_says_so_without_an_owner_name() -> None:
    reason = action_rules.action_overdue(action(due_in=-1), context())
    assert reason is not None and reason.text == "overdue by 1 day"


def test_overdue_extra_is_capped_and_done_items_are_ignored() -> None:
    very = action_rules.action_overdue(action(due_in=-300), context())
    capped = action_rules.action_overdue(action(due_in=-30), context())
    assert very is not None and capped is not None and very.score == capped.score
    done = action(due_in=-5, status=ActionStatus.DONE, done_on=NOW.date())
    assert action_rules.action_overdue(done, context()) is None
    assert action_rules.action_overdue(action(due_in=0), context()) is None


def test_due_before_the_next_checkin_uses_the_cadence() -> None:
    ctx = context(account=account(cadence_days=14))
    reason = action_rules.action_due_before_next(action(due_in=5), ctx)
    assert reason is not None
    assert reason.text == "due 27 Nov, before the next check-in (6 Dec)"
    assert action_rules.action_due_before_next(action(due_in=15), ctx) is None
    assert action_rules.action_due_before_next(action(due_in=-1), ctx) is None
    assert action_rules.action_due_before_next(action(), ctx) is None


def test_our_commitments_weigh_more_than_the_clients() -> None:
    ours = action_rules.action_owner(action(), context())
    theirs = action_rules.action_owner(action(owner="Raj", side=Side.CLIENT), context())
    assert ours is not None and theirs is not None
    assert ours.text == "a commitment of ours" and theirs.text == "an action on their side"
    assert ours.score > theirs.score


def test_every_open_action_is_a_candidate() -> None:
    items = [action(due_in=-3), action(), action(status=ActionStatus.DROPPED)]
    found = list(action_rules.action_candidates(items, context()))
    assert [c.key for c in found] == [f"action:{items[0].id}", f"action:{items[1].id}"]
    assert [c.timing for c in found] == ["action.overdue", "action"]
    assert all(c.kind is ItemKind.ACTION for c in found)


# -- roadmaps ---------------------------------------------------------------------------------


def test_slipped_milestone_names_both_dates() -> None:
    eu = milestone("EU rollout", RS.SLIPPED, target_in=23, original_in=-21)
    reason = roadmap_rules.milestone_slipped(eu, context())
    assert reason is not None
    assert reason.text == "the client's milestone 'EU rollout' slipped from 1 Nov to 15 Dec"
    assert reason.score == weights.MILESTONE_SLIPPED + 6


def test_slipped_or_at_risk_without_a_moved_date() -> None:
    ours = milestone("API v2", RS.AT_RISK, side=RoadmapSide.OURS, target_in=6)
    reason = roadmap_rules.milestone_slipped(ours, context())
    assert (
        reason is not None
        and reason.text == "our milestone 'API v2' is at risk for its 28 Nov target"
    )
    slipped = milestone("Go-live", RS.SLIPPED, target_in=40)
    reason = roadmap_rules.milestone_slipped(slipped, context())
    assert (
        reason is not None
        and reason.text == "the client's milestone 'Go-live' slipped; the new target is 1 Jan 2027"
    )
    assert roadmap_rules.milestone_slipped(milestone(target_in=5), context()) is None


def test_horizon_is_twice_the_cadence_and_nearer_scores_higher() -> None:
    ctx = context(account=account(cadence_days=7))  # horizon 30 days (the minimum)
    near = roadmap_rules.milestone_in_horizon(milestone(target_in=2), ctx)
    far = roadmap_rules.milestone_in_horizon(milestone(target_in=29), ctx)
    assert near is not None and far is not None and near.score > far.score
    assert near.text == "the client's milestone due 24 Nov, in 2 days"
    assert roadmap_rules.milestone_in_horizon(milestone(target_in=31), ctx) is None
    monthly = context(account=account(cadence_days=30))  # horizon 60 days
    assert roadmap_rules.milestone_in_horizon(milestone(target_in=59), monthly) is not None
    shipped = milestone(status=RS.SHIPPED, target_in=3)
    assert roadmap_rules.milestone_in_horizon(shipped, ctx) is None


def test_shipped_since_the_last_checkin_is_news() -> None:
    ctx = context(meetings=[meeting(7)])
    ours = milestone("Grid dashboard", RS.SHIPPED, side=RoadmapSide.OURS, target_in=-4)
    reason = roadmap_rules.milestone_shipped(ours, ctx)
    assert reason is not None
    assert reason.text == ("our milestone shipped 18 Nov, since the last check-in: share the news")
    theirs = milestone("Go-live", RS.SHIPPED, target_in=-4)
    assert "congratulations" in roadmap_rules.milestone_shipped(theirs, ctx).text  # type: ignore[union-attr]
    before = milestone(status=RS.SHIPPED, target_in=-8)
    assert roadmap_rules.milestone_shipped(before, ctx) is None
    # Without a previous meeting the last 30 days count.
    assert roadmap_rules.milestone_shipped(before, context()) is not None


def test_quiet_milestones_are_not_candidates() -> None:
    quiet = milestone(target_in=200)
    dropped = milestone(status=RS.DROPPED, target_in=3)
    slipped = milestone(status=RS.SLIPPED, target_in=10, original_in=1)
    found = list(roadmap_rules.roadmap_candidates([quiet, dropped, slipped], context()))
    assert [c.key for c in found] == [f"roadmap:{slipped.id}"]
    assert found[0].timing == "roadmap.slipped"
    assert [r.rule for r in found[0].reasons] == ["milestone_slipped", "milestone_in_horizon"]


def test_roadmap_owner_is_the_side_that_owns_it() -> None:
    ctx = context(contacts=[contact("Grace"), contact("Sam", Side.OURS)])
    ours = milestone(side=RoadmapSide.OURS, target_in=3)
    theirs = milestone(target_in=3)
    owners = [c.owner for c in roadmap_rules.roadmap_candidates([ours, theirs], ctx)]
    assert owners == ["Sam", "Grace"]


# -- feedback ---------------------------------------------------------------------------------


def test_unanswered_negative_feedback_ranks_high() -> None:
    reason = feedback_rules.negative_feedback(feedback(-1, days_ago=2), context())
    assert reason is not None
    assert reason.text == "the client's feedback of 20 Nov has not been answered yet"
    strong = feedback_rules.negative_feedback(feedback(-2), context())
    assert strong is not None and strong.score > reason.score
    answered = feedback(-2, addressed_days_ago=1)
    assert feedback_rules.negative_feedback(answered, context()) is None
    ours = feedback(-1, direction=Direction.TO_CLIENT)
    assert feedback_rules.negative_feedback(ours, context()) is None


def test_positive_feedback_since_the_last_meeting_gets_a_thank_you() -> None:
    ctx = context(meetings=[meeting(10)])
    kind = feedback_rules.positive_feedback(feedback(2, days_ago=4), ctx)
    assert kind is not None and kind.text == "kind words from the client on 18 Nov: thank them"
    assert kind.score == weights.FEEDBACK_POSITIVE
    ours = feedback_rules.positive_feedback(feedback(1, direction=Direction.TO_CLIENT), ctx)
    assert ours is not None and ours.text == "a thank-you from us"
    assert feedback_rules.positive_feedback(feedback(2, days_ago=12), ctx) is None
    in_meeting = feedback(2, days_ago=4, meeting_id="m-1")
    assert feedback_rules.positive_feedback(in_meeting, ctx) is None


def test_feedback_titles_quote_the_client() -> None:
    found = list(feedback_rules.feedback_candidates([feedback(-1), feedback(2)], context()))
    assert [c.title for c in found] == [
        "Support: “Replies were slow this month.”",
        "Thank you: “Replies were slow this month.”",
    ]
    assert [c.timing for c in found] == ["feedback.negative", "feedback.positive"]


# -- the relationship -------------------------------------------------------------------------


def test_cadence_overdue_counts_from_the_last_checkin() -> None:
    ctx = context(meetings=[meeting(47)])
    reason = relationship_rules.cadence_overdue(ctx)
    assert reason is not None
    assert reason.text == "last check-in 47 days ago; the cadence is every 30 days"
    assert reason.score == 0  # a warning only: the meeting being planned is the remedy
    assert relationship_rules.cadence_overdue(context(meetings=[meeting(30)])) is None


def test_cadence_without_any_checkin_counts_from_the_start() -> None:
    fresh = account(created_at=NOW - timedelta(days=10), cadence_days=14)
    assert relationship_rules.cadence_overdue(context(account=fresh)) is None
    old = dataclasses.replace(fresh, created_at=NOW - timedelta(days=40))
    reason = relationship_rules.cadence_overdue(context(account=old))
    assert reason is not None and reason.text.startswith("no check-in yet, 40 days")
    unknown = account(created_at=None)
    assert relationship_rules.cadence_overdue(context(account=unknown)) is None


def test_missing_focal_contacts_are_named_by_side() -> None:
    client, ours = contact("Elena"), contact("Chris", Side.OURS)
    assert relationship_rules.no_focal_contact(context(contacts=[client, ours])) is None
    texts = [
        relationship_rules.no_focal_contact(context(contacts=c)).text  # type: ignore[union-attr]
        for c in ([ours], [client], [contact("Amara", focal=False)])
    ]
    assert texts == [
        "no focal contact named on the client's side",
        "no focal contact named on our side",
        "no focal contact named on either side",
    ]


def test_falling_ratings_compare_the_latest_with_the_ones_before() -> None:
    def rated(*ratings: int) -> object:
        meetings = [meeting(30 - n, rating=r) for n, r in enumerate(ratings)]
        return relationship_rules.falling_ratings(context(meetings=meetings))

    falling = rated(4, 4, 3)
    assert falling is not None
    assert falling.text == "recent check-ins were rated 4, 4, 3 (out of 5)"  # type: ignore[attr-defined]
    assert rated(5, 5, 5, 3, 4) is None  # only the last three count: 5, 3, 4
    assert rated(4, 5) is None
    assert rated(3) is None


def test_relationship_items_are_keyed_by_rule() -> None:
    ctx = context(meetings=[meeting(47, rating=4), meeting(40, rating=2)])
    keys = [c.key for c in relationship_rules.relationship_candidates(ctx)]
    assert keys == ["relationship:no_focal_contact", "relationship:falling_ratings"]
    warned = [w.rule for w in relationship_rules.relationship_warnings(ctx)]
    assert warned == ["cadence_overdue", "no_focal_contact", "falling_ratings"]
