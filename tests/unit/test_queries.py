"""The typed questions storage answers for services, in memory and on a real file."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from checkin.core import ActionItem, ActionStatus, Issue, IssueStatus, Meeting, NotFound
from checkin.core.enums import Direction, MeetingState, RecordKind, Severity
from checkin.core.records import Account, Contact, Feedback
from checkin.services.workspace import Workspace
from tests.conftest import NOW


@pytest.fixture
def acme(workspace: Workspace) -> Account:
    return workspace.add_account(name="Acme", slug="acme")


def test_the_kind_comes_from_the_class(workspace: Workspace, acme: Account) -> None:
    issue = workspace.add(Issue, account_id=acme.id, title="Sync", opened=NOW)
    contact = workspace.add(Contact, account_id=acme.id, name="Ana")
    assert issue.id.startswith("i-") and contact.id.startswith("c-")
    assert Issue.KIND is RecordKind.ISSUE and RecordKind.ACTION.noun == "action item"
    assert workspace.get(Issue, issue.id) == issue
    assert workspace.find(Contact, issue.id) is None
    assert workspace.exists(Issue, issue.id) and not workspace.exists(Contact, issue.id)
    with pytest.raises(NotFound, match="no issue 'i-none'"):
        workspace.get(Issue, "i-none")
    assert workspace.linked_record(RecordKind.ISSUE.ref(issue.id)) == issue
    assert workspace.linked_record(f"account:{acme.id}") is None
    assert workspace.linked_record("bogus:x") is None


def test_captured_in_a_meeting(workspace: Workspace, acme: Account) -> None:
    meeting = workspace.add(Meeting, account_id=acme.id, planned_start=NOW, started=NOW)
    other = workspace.add(Meeting, account_id=acme.id, planned_start=NOW - timedelta(days=9))
    first = workspace.add(
        ActionItem, account_id=acme.id, title="Send", owner="us", meeting_id=meeting.id
    )
    workspace.add(
        ActionItem, account_id=acme.id, title="Elsewhere", owner="us", meeting_id=other.id
    )
    workspace.add(ActionItem, account_id=acme.id, title="No meeting", owner="us")
    second = workspace.add(
        ActionItem, account_id=acme.id, title="Call", owner="us", meeting_id=meeting.id
    )
    said = workspace.add(
        Feedback,
        account_id=acme.id,
        direction=Direction.FROM_CLIENT,
        text="Great",
        received=NOW.date(),
        meeting_id=meeting.id,
    )
    captured = workspace.captured_in(meeting)
    assert captured.actions == [first, second]
    assert captured.feedback == [said]
    assert workspace.captured_in(other).feedback == []
    # A change shows at once: the index behind the answer is dropped on every write.
    workspace.save(dataclasses.replace(second, meeting_id=None))
    assert workspace.captured_in(meeting).actions == [first]


def test_open_issues_by_severity(workspace: Workspace, acme: Account) -> None:
    def issue(title: str, severity: Severity, days: int, status: IssueStatus) -> Issue:
        opened = NOW - timedelta(days=days)
        return workspace.add(
            Issue, account_id=acme.id, title=title, severity=severity, opened=opened, status=status
        )

    low = issue("Low", Severity.LOW, 9, IssueStatus.NEW)
    old_high = issue("Old high", Severity.HIGH, 8, IssueStatus.IN_PROGRESS)
    issue("Closed", Severity.CRITICAL, 7, IssueStatus.CLOSED)
    new_high = issue("New high", Severity.HIGH, 1, IssueStatus.ACKNOWLEDGED)
    shown, count = workspace.open_issues_by_severity(acme.id, 2)
    assert shown == [old_high, new_high] and count == 3
    assert workspace.open_issues_by_severity(acme.id, 9)[0][-1] == low


def test_unsettled_issues_open_actions_and_what_is_kept_until_a_change(
    workspace: Workspace, acme: Account
) -> None:
    open_one = workspace.add(Issue, account_id=acme.id, title="Open", opened=NOW)
    fixed = workspace.add(
        Issue,
        account_id=acme.id,
        title="Fixed",
        opened=NOW,
        status=IssueStatus.RESOLVED,
        resolved=NOW,
    )
    workspace.add(
        Issue,
        account_id=acme.id,
        title="Confirmed",
        opened=NOW,
        status=IssueStatus.RESOLVED,
        resolved=NOW,
        verified=NOW,
    )
    workspace.add(Issue, account_id=acme.id, title="Closed", opened=NOW, status=IssueStatus.CLOSED)
    assert workspace.unsettled_issues(acme.id) == [open_one, fixed]
    kept = workspace.kept(Issue, acme.id, "test", lambda: workspace.unsettled_issues(acme.id))
    again = workspace.kept(Issue, acme.id, "test", lambda: [])
    assert again is kept  # worked out once, until an issue changes
    assert workspace.kept(ActionItem, acme.id, "test", lambda: []) == []  # kept per kind
    workspace.verify_issue(fixed.id)
    assert workspace.unsettled_issues(acme.id) == [open_one]
    assert workspace.kept(Issue, acme.id, "test", lambda: []) == []

    todo = workspace.add(ActionItem, account_id=acme.id, title="Todo", owner="us")
    done = workspace.add(ActionItem, account_id=acme.id, title="Done", owner="us")
    workspace.set_action_status(done.id, ActionStatus.DONE)
    assert workspace.actions_in_state(acme.id, ActionStatus.OPEN) == [todo]
    assert workspace.open_actions() == [(acme, todo)]


def test_meetings_by_state(workspace: Workspace, acme: Account) -> None:
    def meeting(days: int, *, started: bool = False, ended: bool = False) -> Meeting:
        start = NOW + timedelta(days=days)
        return workspace.add(
            Meeting,
            account_id=acme.id,
            planned_start=start,
            started=start if started else None,
            ended=start + timedelta(minutes=30) if ended else None,
        )

    old = meeting(-20, started=True, ended=True)
    last = meeting(-6, started=True, ended=True)
    running = meeting(0, started=True)
    soon, later = meeting(3), meeting(10)
    assert workspace.meeting_in_state(acme.id, MeetingState.ENDED) == last
    assert workspace.meeting_in_state(acme.id, MeetingState.LIVE) == running
    assert workspace.meeting_in_state(acme.id, MeetingState.PLANNED) == later
    assert workspace.meetings_in_state(MeetingState.PLANNED) == [soon, later]
    assert [m for _end, _id, m in workspace.ended_meetings(acme.id)] == [last, old]
    globex = workspace.add_account(name="Globex", slug="globex")
    assert workspace.meeting_in_state(globex.id, MeetingState.LIVE) is None


def test_changes_since_a_moment(workspace: Workspace, acme: Account) -> None:
    issue = workspace.add(Issue, account_id=acme.id, title="Sync", opened=NOW)
    assert workspace.changed_since(acme, NOW - timedelta(seconds=1)) == 2  # the account too
    assert workspace.changed_since(acme, NOW) == 0
    assert workspace.count(Issue, acme.id) == 1 and workspace.of_account(Issue, acme.id) == [issue]
