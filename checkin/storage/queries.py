"""Typed questions services ask of one kind of record (open issues, a meeting's captures).

Each answers from the stored documents' fields and indexes, decoding only the records it
returns; field names and raw documents stay in here. A caller that wants an answer kept
between calls keeps it with :meth:`Repository.derived` (dropped when that kind changes).
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from checkin.core.account import Record
from checkin.core.base_enums import MeetingState
from checkin.storage.repository import MeetingRepository, Repository

if TYPE_CHECKING:
    from checkin.core.enums import ActionStatus
    from checkin.core.meeting import Meeting
    from checkin.core.records import (
        ActionItem,
        Feedback,  # noqa: F401  # named by a base class below
        Issue,
    )

R = TypeVar("R", bound=Record)


@functools.cache
def _issue_words() -> tuple[frozenset[str], str, dict[str, int]]:
    """The stored words of the open issue statuses and of "resolved", and each stored
    severity's rank (most severe 0): the issue enums are loaded on the first question about
    issues, which the app's first screen, the accounts home, does not ask."""
    from checkin.core.enums import IssueStatus, Severity

    return (
        frozenset(status.value for status in IssueStatus if status.is_open),
        IssueStatus.RESOLVED.value,
        {severity.value: severity.rank for severity in Severity},
    )


# The field that dates a meeting in each state: the latest planned, running or ended one.
_DATED_BY = {
    MeetingState.PLANNED: "planned_start",
    MeetingState.LIVE: "started",
    MeetingState.ENDED: "ended",
}


class CapturedRepository(Repository[R]):
    """Records that can be captured in a meeting (action items, feedback: ``meeting_id``)."""

    def for_meeting(self, meeting: Meeting) -> list[R]:
        """The records captured in ``meeting``, oldest first (only those are decoded)."""
        ids = self.ids_by_field(meeting.account_id, "meeting_id").get(meeting.id, [])
        return [self.get(record_id) for record_id in ids]


class ActionRepository(CapturedRepository["ActionItem"]):
    """Action items."""

    def in_state(self, account_id: str, status: ActionStatus) -> list[ActionItem]:
        """The account's action items with ``status``, oldest first (only those decoded)."""
        ids = self.ids_by_field(account_id, "status").get(status.value, [])
        return [self.get(record_id) for record_id in ids]


class IssueRepository(Repository["Issue"]):
    """Issues."""

    def open_by_severity(self, account_id: str, limit: int) -> tuple[list[Issue], int]:
        """The first ``limit`` open issues, most severe then oldest first, and how many of
        the account's issues are open (only the ``limit`` returned are decoded)."""

        def in_order() -> list[str]:
            open_statuses, _resolved, severity_rank = _issue_words()
            is_open = {
                record_id
                for status, ids in self.ids_by_field(account_id, "status").items()
                if status in open_statuses
                for record_id in ids
            }
            found = [i for i in self.ids_for_account(account_id) if i in is_open]  # oldest first
            found.sort(
                key=lambda i: (severity_rank[self.field(i, "severity")], self.field(i, "opened"))
            )
            return found

        open_ids = self.derived(account_id, "open issues by severity", in_order)
        return [self.get(i) for i in open_ids[:limit]], len(open_ids)

    def unsettled(self, account_id: str) -> list[Issue]:
        """The account's open issues and the resolved ones (with a resolution date) the
        client has not confirmed yet, oldest first: what an agenda may look at."""
        open_statuses, resolved, _severity_rank = _issue_words()
        found = []
        for doc in self.raw_for_account(account_id):
            status = doc.get("status")
            if status in open_statuses or (
                status == resolved and doc.get("resolved") and not doc.get("verified")
            ):
                found.append(self.decode_raw(doc))
        return found


class MeetingQueries(MeetingRepository):
    """Meetings, told apart by state from two stored fields without decoding them (the
    planner and the app's start ask this of hundreds of meetings on a busy workspace)."""

    def state_of(self, meeting_id: str) -> MeetingState:
        if self.field(meeting_id, "ended"):
            return MeetingState.ENDED
        return MeetingState.LIVE if self.field(meeting_id, "started") else MeetingState.PLANNED

    def ids_in_state(self, state: MeetingState, account_id: str | None = None) -> list[str]:
        """The ids of the meetings in ``state``, of one account or of all, in stored order."""
        ids = self.ids() if account_id is None else self.ids_for_account(account_id)
        return [meeting_id for meeting_id in ids if self.state_of(meeting_id) is state]

    def in_state(self, state: MeetingState) -> list[Meeting]:
        """Every meeting in ``state``, in any account, in stored order."""
        return [self.get(meeting_id) for meeting_id in self.ids_in_state(state)]

    def latest(self, account_id: str, state: MeetingState) -> Meeting | None:
        """The account's meeting in ``state`` that is latest by its date (planned start,
        start or end), decoded alone; None when there is none."""
        name = _DATED_BY[state]
        dated = [
            (datetime.fromisoformat(self.field(i, name)), i)
            for i in self.ids_in_state(state, account_id)
        ]
        return self.get(max(dated)[1]) if dated else None

    def ended_newest_first(self, account_id: str) -> list[tuple[datetime, str, Meeting]]:
        """The account's ended meetings with their end and id, newest first, ties by id
        reversed."""
        meetings = self.for_account(account_id)
        found = [(m.ended, m.id, m) for m in meetings if m.ended is not None]
        found.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
        return found


class FeedbackRepository(CapturedRepository["Feedback"]):
    """Feedback."""
