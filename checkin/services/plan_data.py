"""The records an agenda reads, decoded once and kept between plans (issue 14).

A busy account has a thousand open issues, hundreds of open actions and a hundred and fifty
meetings; decoding them took longer than the engine itself. ``plan_data`` keeps, per account,
the decoded records that can still matter to an agenda (open issues and fixes not yet
confirmed, open actions, ended meetings), through the storage's ``derived`` cache: it is
dropped as soon as a record of that kind changes (or a rollback swaps the data), so a plan
never reads stale records. At plan time only cheap date filters run over the kept records.

It is what ``planning.account_data(ws, account, at=now)`` returns, and it gives the same agenda
as every record of the account (``account_data`` without a moment; tests compare the two). The
kept records are shared between plans: the engine only reads them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from checkin.core.agenda import AccountData, weights
from checkin.core.agenda.commercial_rules import SPONSOR_WINDOW
from checkin.core.enums import ActionStatus
from checkin.core.meeting import Meeting
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue, RoadmapItem
from checkin.services.workspace import Workspace


def _issues(ws: Workspace, account_id: str) -> list[tuple[Issue, datetime | None]]:
    """Open and unconfirmed resolved issues, decoded, in storage order, each with the date
    it was resolved (None while open: it always matters) (kept)."""

    def compute() -> list[tuple[Issue, datetime | None]]:
        return [
            (i, None if i.status.is_open else i.resolved)
            for i in ws.unsettled_issues(account_id)
            if i.status.is_open or i.resolved is not None
        ]

    return ws.kept(Issue, account_id, "agenda:issues", compute)


def _actions(ws: Workspace, account_id: str) -> list[ActionItem]:
    """Open actions, decoded, in storage order (kept)."""

    def compute() -> list[ActionItem]:
        return ws.actions_in_state(account_id, ActionStatus.OPEN)

    return ws.kept(ActionItem, account_id, "agenda:actions", compute)


def _meetings(ws: Workspace, account_id: str) -> list[tuple[datetime, str, Meeting]]:
    """Ended meetings with their end and id, newest first, ties by id reversed (kept)."""

    def compute() -> list[tuple[datetime, str, Meeting]]:
        return ws.ended_meetings(account_id)

    return ws.kept(Meeting, account_id, "agenda:meetings", compute)


def _recent(ended: list[tuple[datetime, str, Meeting]], at: datetime) -> list[Meeting]:
    """The meetings ended by ``at`` the engine looks at: those in the follow-up and sponsor
    windows, and at least the last one and the last ``RATINGS_LOOKED_AT`` rated ones."""
    window = at - max(timedelta(days=weights.FOLLOW_UP_DAYS), SPONSOR_WINDOW)
    kept: list[Meeting] = []
    rated = 0
    for moment, _id, meeting in ended:
        if moment > at:
            continue
        if kept and moment < window and rated >= weights.RATINGS_LOOKED_AT:
            break
        kept.append(meeting)
        rated += meeting.rating is not None
    return kept


def plan_data(ws: Workspace, account: Account, at: datetime) -> AccountData:
    """What the engine reads to plan ``account``'s agenda at ``at``, from the kept records."""
    since = at - timedelta(days=weights.FOLLOW_UP_DAYS)
    return AccountData(
        account=account,
        contacts=ws.of_account(Contact, account.id),
        # Open, or resolved within the follow-up window (the kept ones are unconfirmed).
        issues=[
            i for i, resolved in _issues(ws, account.id) if resolved is None or resolved >= since
        ],
        roadmap=ws.of_account(RoadmapItem, account.id),
        feedback=ws.of_account(Feedback, account.id),
        actions=list(_actions(ws, account.id)),
        meetings=_recent(_meetings(ws, account.id), at),
    )
