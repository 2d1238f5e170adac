"""An account's figures in two steps: a clock-free digest of its records, then its evaluation.

The accounts home shows, for every account, the figures of :mod:`checkin.core.summary` and
:mod:`checkin.core.health`. Working them out from the records means decoding every record of
every account (30,000 on a big workspace). Most records can no longer change a figure: a
closed issue opened and resolved more than 180 days ago, a done action item, feedback older
than 90 days, a contact that is not focal. :func:`digest_of` keeps only what can still matter
at any moment from ``as_of`` on, and only the fields the rules read; :func:`evaluate` then
runs the very same rules (``summarize``, ``assess``) on that digest at ``now``. The figures
are therefore exactly those the records give, for every ``now >= as_of``; for an earlier
``now`` (a clock set back) :func:`evaluate` returns None and the caller digests the records
again.

A digest is derived data: :func:`to_plain` / :func:`from_plain` store it as JSON-ready
values, and :func:`from_plain` raises ValueError for anything it cannot use (the caller
works the digest out again). Bump :data:`FORMAT` whenever a rule starts reading another
field or record: stored digests of an older format are then ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from checkin.core.codec import DecodeError, decode, encode
from checkin.core.enums import ActionStatus, Direction, IssueStatus, MeetingState, Severity, Side
from checkin.core.meeting import state_of
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue

if TYPE_CHECKING:
    from checkin.core.health import Health
    from checkin.core.meeting import Meeting
    from checkin.core.summary import AccountSummary

FORMAT = 1


# -- the parts of records the rules read ------------------------------------------------------


class _Issue:
    """The fields of an issue that the summary, the health factors and the red flags read."""

    __slots__ = (
        "acknowledged",
        "opened",
        "plan_given",
        "resolved",
        "severity",
        "status",
        "verified",
    )

    def __init__(
        self,
        status: IssueStatus,
        severity: Severity,
        opened: datetime,
        acknowledged: datetime | None,
        plan_given: datetime | None,
        resolved: datetime | None,
        verified: datetime | None,
    ) -> None:
        self.status = status
        self.severity = severity
        self.opened = opened
        self.acknowledged = acknowledged
        self.plan_given = plan_given
        self.resolved = resolved
        self.verified = verified

    @property
    def is_open(self) -> bool:
        return self.status.is_open


class _Action:
    """An open action item: who owes it and when."""

    __slots__ = ("due", "side")
    status = ActionStatus.OPEN
    is_open = True

    def __init__(self, side: Side, due: date | None) -> None:
        self.side = side
        self.due = due


class _Feedback:
    """Feedback from the client."""

    __slots__ = ("addressed", "received", "sentiment")
    direction = Direction.FROM_CLIENT

    def __init__(self, sentiment: int, received: date, addressed: date | None) -> None:
        self.sentiment = sentiment
        self.received = received
        self.addressed = addressed


class _Meeting:
    """A meeting's header: when it was planned, started and ended, its rating, the next
    meeting agreed at it (the same properties as :class:`checkin.core.meeting.Meeting`)."""

    __slots__ = (
        "ended",
        "id",
        "next_meeting",
        "next_meeting_at",
        "planned_start",
        "rating",
        "started",
    )

    def __init__(
        self,
        id: str,
        planned_start: datetime,
        started: datetime | None,
        ended: datetime | None,
        rating: int | None,
        next_meeting: date | None,
        next_meeting_at: datetime | None,
    ) -> None:
        self.id = id
        self.planned_start = planned_start
        self.started = started
        self.ended = ended
        self.rating = rating
        self.next_meeting = next_meeting
        self.next_meeting_at = next_meeting_at

    @property
    def state(self) -> MeetingState:
        return state_of(self.started, self.ended)

    @property
    def day(self) -> date:
        return (self.started or self.planned_start).date()

    @property
    def agreed_next(self) -> datetime | None:
        if self.next_meeting is None:
            return None
        agreed = self.next_meeting_at or self.planned_start
        return datetime.combine(self.next_meeting, agreed.time().replace(second=0, microsecond=0))


@dataclass(frozen=True, eq=False)
class Digest:
    """What of an account's records can still change its figures from ``as_of`` on."""

    as_of: datetime
    contacts: tuple[Contact, ...]  # the first focal contact of each side, in stored order
    issues: tuple[_Issue, ...]  # open, or opened or resolved within the health window
    actions: tuple[_Action, ...]  # open ones
    feedback: tuple[_Feedback, ...]  # from the client, within the feedback windows
    meetings: tuple[_Meeting, ...]  # every one, in stored order


def _focal_contacts(contacts: Iterable[Contact]) -> tuple[Contact, ...]:
    kept: list[Contact] = []
    sides: set[Side] = set()
    for contact in contacts:
        if contact.focal and contact.side not in sides:
            sides.add(contact.side)
            kept.append(contact)
    return tuple(kept)


def digest_of(
    *,
    contacts: Iterable[Contact],
    issues: Iterable[Issue],
    actions: Iterable[ActionItem],
    feedback: Iterable[Feedback],
    meetings: Iterable[Meeting],
    as_of: datetime,
) -> Digest:
    """The digest of an account's records, good for every moment from ``as_of`` on."""
    from checkin.core.health import FEEDBACK_WINDOW, WINDOW
    from checkin.core.redflags import UPSET_WINDOW

    window_start = as_of - WINDOW
    since = (as_of - max(FEEDBACK_WINDOW, UPSET_WINDOW)).date()
    return Digest(
        as_of=as_of,
        contacts=_focal_contacts(contacts),
        issues=tuple(
            _Issue(
                i.status,
                i.severity,
                i.opened,
                i.acknowledged,
                i.plan_given,
                i.resolved,
                i.verified,
            )
            for i in issues
            if i.is_open
            or i.opened >= window_start
            or (i.resolved is not None and i.resolved >= window_start)
        ),
        actions=tuple(_Action(a.side, a.due) for a in actions if a.is_open),
        feedback=tuple(
            _Feedback(f.sentiment, f.received, f.addressed)
            for f in feedback
            if f.direction is Direction.FROM_CLIENT and f.received >= since
        ),
        meetings=tuple(
            _Meeting(
                m.id,
                m.planned_start,
                m.started,
                m.ended,
                m.rating,
                m.next_meeting,
                m.next_meeting_at,
            )
            for m in meetings
        ),
    )


def evaluate(
    account: Account, digest: Digest, now: datetime
) -> tuple[AccountSummary, Health] | None:
    """The account's summary and health at ``now``, exactly as from its records; None when
    ``now`` is before the digest's ``as_of`` (digest the records again)."""
    if now < digest.as_of:
        return None
    from checkin.core.health import Relationship, assess
    from checkin.core.summary import summarize

    # The stand-ins carry every field the rules read (see the classes above).
    contacts = list(digest.contacts)
    issues = cast(list[Issue], list(digest.issues))
    actions = cast(list[ActionItem], list(digest.actions))
    meetings = cast("list[Meeting]", list(digest.meetings))
    summary = summarize(
        account, contacts=contacts, issues=issues, actions=actions, meetings=meetings, now=now
    )
    relationship = Relationship(
        account=account,
        contacts=contacts,
        issues=issues,
        actions=actions,
        feedback=cast(list[Feedback], list(digest.feedback)),
        meetings=meetings,
    )
    return summary, assess(relationship, now)


# -- stored form -----------------------------------------------------------------------------


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def to_plain(digest: Digest) -> dict[str, Any]:
    """The digest as JSON-ready values (see :func:`from_plain`)."""
    return {
        "format": FORMAT,
        "as_of": digest.as_of.isoformat(),
        "contacts": [encode(c) for c in digest.contacts],
        "issues": [
            [
                i.status.value,
                i.severity.value,
                i.opened.isoformat(),
                _moment(i.acknowledged),
                _moment(i.plan_given),
                _moment(i.resolved),
                _moment(i.verified),
            ]
            for i in digest.issues
        ],
        "actions": [[a.side.value, _day(a.due)] for a in digest.actions],
        "feedback": [
            [f.sentiment, f.received.isoformat(), _day(f.addressed)] for f in digest.feedback
        ],
        "meetings": [
            [
                m.id,
                m.planned_start.isoformat(),
                _moment(m.started),
                _moment(m.ended),
                m.rating,
                _day(m.next_meeting),
                _moment(m.next_meeting_at),
            ]
            for m in digest.meetings
        ],
    }


def _parse_moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError(f"not a date and time: {value!r}")
    return datetime.fromisoformat(value)


def _parse_day(value: Any) -> date:
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    return date.fromisoformat(value)


def _maybe_moment(value: Any) -> datetime | None:
    return None if value is None else _parse_moment(value)


def _maybe_day(value: Any) -> date | None:
    return None if value is None else _parse_day(value)


def _whole(value: Any) -> int:
    if type(value) is not int:
        raise ValueError(f"not a whole number: {value!r}")
    return value


def _maybe_whole(value: Any) -> int | None:
    return None if value is None else _whole(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"not text: {value!r}")
    return value


def _parse_meeting(
    meeting_id: Any,
    planned_start: Any,
    started: Any,
    ended: Any,
    rating: Any,
    next_meeting: Any,
    next_meeting_at: Any,
) -> _Meeting:
    return _Meeting(
        _text(meeting_id),
        _parse_moment(planned_start),
        _maybe_moment(started),
        _maybe_moment(ended),
        _maybe_whole(rating),
        _maybe_day(next_meeting),
        _maybe_moment(next_meeting_at),
    )


def from_plain(data: Any) -> Digest:
    """A digest from :func:`to_plain`'s values; ValueError for anything else (another
    format, a missing or mistyped part)."""
    try:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a digest of this format")
        contacts = []
        for doc in data["contacts"]:
            if not isinstance(doc, dict):
                raise ValueError("a contact is not an object")
            contacts.append(decode(Contact, doc))
        return Digest(
            as_of=_parse_moment(data["as_of"]),
            contacts=tuple(contacts),
            issues=tuple(
                _Issue(
                    IssueStatus(status),
                    Severity(severity),
                    _parse_moment(opened),
                    _maybe_moment(acknowledged),
                    _maybe_moment(plan_given),
                    _maybe_moment(resolved),
                    _maybe_moment(verified),
                )
                for status, severity, opened, acknowledged, plan_given, resolved, verified in (
                    data["issues"]
                )
            ),
            actions=tuple(_Action(Side(side), _maybe_day(due)) for side, due in data["actions"]),
            feedback=tuple(
                _Feedback(_whole(sentiment), _parse_day(received), _maybe_day(addressed))
                for sentiment, received, addressed in data["feedback"]
            ),
            meetings=tuple(_parse_meeting(*fields) for fields in data["meetings"]),
        )
    except (KeyError, TypeError, ValueError, DecodeError) as error:
        raise ValueError(f"unusable figures digest: {error}") from None
