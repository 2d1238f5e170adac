"""The health trend: scores stored when each check-in ended, then today's, never recomputed.

A past point is history: it was saved with its meeting (``Meeting.health_score``) and nothing
done since (an issue resolved today, a contact added) changes it. Only the last point, marked
``now``, is today's score. :func:`score_at` reconstructs a past score once, for meetings that
ended before scores were kept (the demo, a workspace migrated from an older version).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from checkin.core.enums import ActionStatus, IssueStatus, MeetingState
from checkin.core.health import Relationship, assess
from checkin.core.meeting import Meeting
from checkin.core.records import ActionItem, Feedback, Issue

POINTS = 6  # stored points shown before today's


@dataclass(frozen=True)
class TrendPoint:
    day: date
    score: int
    now: bool = False  # today's score, worked out now rather than stored


def ended_on(meeting: Meeting) -> date:
    return (meeting.ended or meeting.started or meeting.planned_start).date()


def trend(
    meetings: Iterable[Meeting], score_now: int, today: date, points: int = POINTS
) -> list[TrendPoint]:
    """The stored scores of the last ``points`` check-ins, one per day (the day's last
    check-in), then ``score_now`` marked ``now`` unless a check-in already gave today's point."""
    stored = sorted(
        (
            m
            for m in meetings
            if m.state is MeetingState.ENDED and m.health_score is not None and ended_on(m) <= today
        ),
        key=lambda m: (m.ended or m.planned_start, m.id),
    )
    by_day: dict[date, int] = {}
    for meeting in stored:
        by_day[ended_on(meeting)] = meeting.health_score  # type: ignore[assignment]
    series = [TrendPoint(day, score) for day, score in sorted(by_day.items())][-points:]
    if not series or series[-1].day != today:
        series.append(TrendPoint(today, score_now, now=True))
    return series


def _issue_at(issue: Issue, moment: datetime) -> Issue:
    """``issue`` as it stood at ``moment``: later milestones undone."""

    def by(value: datetime | None) -> datetime | None:
        return value if value is not None and value <= moment else None

    resolved = by(issue.resolved)
    acknowledged, plan_given = by(issue.acknowledged), by(issue.plan_given)
    status = issue.status
    if not status.is_open and resolved is None:
        status = IssueStatus.NEW
        if acknowledged is not None:
            status = IssueStatus.PLANNED if plan_given is not None else IssueStatus.ACKNOWLEDGED
    return dataclasses.replace(
        issue,
        status=status,
        acknowledged=acknowledged,
        plan_given=plan_given,
        resolved=resolved,
        verified=by(issue.verified) if resolved else None,
    )


def _action_at(action: ActionItem, day: date) -> ActionItem:
    if action.done_on is not None and action.done_on > day:
        return dataclasses.replace(action, status=ActionStatus.OPEN, done_on=None)
    return action


def _feedback_at(item: Feedback, day: date) -> Feedback:
    if item.addressed is not None and item.addressed > day:
        return dataclasses.replace(item, addressed=None)
    return item


def as_of(r: Relationship, moment: datetime) -> Relationship:
    """The relationship as it was at ``moment``, as far as the records tell: records created
    later are left out, and later milestones (acknowledged, resolved, done, addressed) undone."""
    day = moment.date()

    def before(created: datetime | None) -> bool:
        return created is None or created <= moment

    return Relationship(
        account=r.account,
        contacts=r.contacts,
        issues=[_issue_at(i, moment) for i in r.issues if i.opened <= moment],
        actions=[_action_at(a, day) for a in r.actions if before(a.created_at)],
        feedback=[_feedback_at(f, day) for f in r.feedback if f.received <= day],
        meetings=[
            m for m in r.meetings if m.state is MeetingState.ENDED and (m.ended or moment) <= moment
        ],
    )


def score_at(r: Relationship, moment: datetime) -> int:
    """The score at ``moment`` reconstructed from today's records: only for a meeting that
    ended without a stored score, once; stored scores are never recomputed."""
    return assess(as_of(r, moment), moment).score
