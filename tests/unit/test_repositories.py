"""Typed repositories behave the same in memory and on a real TinyDB file."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, datetime
from pathlib import Path

import pytest

from checkin.core import (
    Account,
    ActionItem,
    ActionStatus,
    Conflict,
    Contact,
    Issue,
    IssueStatus,
    Meeting,
    NotFound,
    Side,
    ValidationError,
)
from checkin.core.enums import ItemKind, RecordKind
from checkin.core.meeting import AgendaItem, Reason
from checkin.services.workspace import Workspace
from tests.conftest import NOW


def make_account(ws: Workspace, slug: str = "acme") -> Account:
    return ws.add_account(name=slug.title(), slug=slug)


def test_add_get_and_list_by_account(workspace: Workspace) -> None:
    acme, globex = make_account(workspace), make_account(workspace, "globex")
    first = workspace.add(Issue, account_id=acme.id, title="Sync fails", opened=NOW)
    workspace.add(Issue, account_id=globex.id, title="Other", opened=NOW)
    assert first.id.startswith("i-") and len(first.id) == 8
    assert first.created_at == NOW and first.updated_at == NOW
    assert workspace.store.issues.get(first.id) == first
    assert [i.title for i in workspace.issues(acme.id)] == ["Sync fails"]
    assert workspace.account("acme") == acme
    assert workspace.account(acme.id) == acme


def test_save_replaces_the_whole_record(workspace: Workspace) -> None:
    acme = make_account(workspace)
    issue = workspace.add(
        Issue,
        account_id=acme.id,
        title="Sync",
        opened=NOW,
        labels=["a", "b"],
        owner="Priya",
    )
    changed = dataclasses.replace(issue, labels=[], owner="", title="Sync fixed")
    workspace.save(changed)
    stored = workspace.store.issues.get(issue.id)
    assert stored.labels == [] and stored.owner == "" and stored.title == "Sync fixed"


def test_delete_and_not_found(workspace: Workspace) -> None:
    acme = make_account(workspace)
    contact = workspace.add(Contact, account_id=acme.id, name="Dana")
    workspace.delete(contact)
    assert workspace.contacts(acme.id) == []
    with pytest.raises(NotFound, match="no contact"):
        workspace.store.contacts.get(contact.id)
    with pytest.raises(NotFound, match="Accounts: acme"):
        workspace.account("nope")


def test_invalid_records_are_refused_and_nothing_is_stored(workspace: Workspace) -> None:
    acme = make_account(workspace)
    with pytest.raises(ValidationError, match="owner"):
        workspace.add(ActionItem, account_id=acme.id, title="Call back", owner="")
    assert workspace.actions(acme.id) == []
    with pytest.raises(Conflict, match="slug 'acme' is taken"):
        make_account(workspace, "acme")


def test_one_focal_contact_per_side(workspace: Workspace) -> None:
    acme = make_account(workspace)
    dana = workspace.add(Contact, account_id=acme.id, name="Dana", focal=True)
    ours = workspace.add(Contact, account_id=acme.id, name="Sam", side=Side.OURS, focal=True)
    marco = workspace.add(Contact, account_id=acme.id, name="Marco", focal=True)
    focal = {c.name for c in workspace.contacts(acme.id) if c.focal}
    assert focal == {"Marco", "Sam"}
    assert not workspace.store.contacts.get(dana.id).focal
    assert ours.focal and marco.focal


def test_status_changes_stamp_the_48_hour_milestones(workspace: Workspace) -> None:
    acme = make_account(workspace)
    issue = workspace.add(Issue, account_id=acme.id, title="Sync", opened=datetime(2026, 11, 20, 9))
    planned = workspace.set_issue_status(issue.id, IssueStatus.PLANNED)
    assert planned.acknowledged == NOW and planned.plan_given == NOW
    resolved = workspace.set_issue_status(issue.id, IssueStatus.RESOLVED)
    assert resolved.resolved == NOW and not resolved.is_open
    reopened = workspace.set_issue_status(issue.id, IssueStatus.IN_PROGRESS)
    assert reopened.resolved is None
    action = workspace.add(ActionItem, account_id=acme.id, title="Send", owner="us")
    done = workspace.set_action_status(action.id, ActionStatus.DONE)
    assert done.done_on == date(2026, 11, 22)


def test_meeting_with_agenda_round_trips(workspace: Workspace) -> None:
    acme = make_account(workspace)
    item = AgendaItem(
        key="issue:i-1",
        kind=ItemKind.ISSUE,
        title="[bold]Sync[/]",
        reasons=[Reason(rule="severity", score=50, text="critical severity")],
    )
    meeting = workspace.add(Meeting, account_id=acme.id, planned_start=NOW, agenda=[item])
    stored = workspace.meeting(meeting.id)
    assert stored.agenda[0].reasons[0].text == "critical severity"
    assert stored.agenda[0].title == "[bold]Sync[/]"


def test_transaction_is_all_or_nothing(workspace: Workspace) -> None:
    acme = make_account(workspace)
    with pytest.raises(ValidationError), workspace.transaction():
        workspace.add(Issue, account_id=acme.id, title="Kept?", opened=NOW)
        workspace.add(Issue, account_id=acme.id, title="", opened=NOW)
    assert workspace.issues(acme.id) == []
    with workspace.transaction():
        workspace.add(Issue, account_id=acme.id, title="One", opened=NOW)
        workspace.add(Issue, account_id=acme.id, title="Two", opened=NOW)
    assert [i.title for i in workspace.issues(acme.id)] == ["One", "Two"]


def test_transaction_saves_once(file_workspace: Workspace) -> None:
    acme = make_account(file_workspace)
    before = file_workspace.store.storage.saves
    with file_workspace.transaction():
        for n in range(20):
            file_workspace.add(Issue, account_id=acme.id, title=f"#{n}", opened=NOW)
    assert file_workspace.store.storage.saves == before + 1


def test_adding_many_with_an_id_already_stored_adds_none_of_them(
    file_workspace: Workspace,
) -> None:
    acme = make_account(file_workspace)
    kept = file_workspace.add(Issue, account_id=acme.id, title="Kept", opened=NOW)
    fresh = Issue(id="i-fresh1", account_id=acme.id, title="New", opened=NOW)
    again = dataclasses.replace(kept, title="Same id")
    saves = file_workspace.store.storage.saves
    with pytest.raises(ValueError, match="already exists"):
        file_workspace.add_many(Issue, [fresh, again])
    assert [i.title for i in file_workspace.issues(acme.id)] == ["Kept"]
    assert file_workspace.store.storage.saves == saves  # nothing written
    added = file_workspace.add_many(Issue, [fresh])
    assert [i.title for i in file_workspace.issues(acme.id)] == ["Kept", "New"]
    assert added[0].created_at == NOW and added[0].updated_at == NOW


def test_many_new_ids_are_the_ids_one_call_after_another_would_give(tmp_path: Path) -> None:
    def opened(name: str) -> Workspace:
        return Workspace.open(tmp_path / name / "db.json", clock=lambda: NOW, rng=random.Random(7))

    one_by_one, at_once = opened("a"), opened("b")
    try:
        expected = [one_by_one.new_id(RecordKind.ISSUE) for _ in range(50)]
        ids = at_once.new_ids(RecordKind.ISSUE, 50)
        assert ids == expected
        assert len(set(ids)) == 50 and all(i.startswith("i-") for i in ids)
        assert at_once.new_ids(RecordKind.ISSUE, 0) == []
    finally:
        one_by_one.close()
        at_once.close()


def test_new_ids_skip_an_id_already_stored(tmp_path: Path) -> None:
    rng = random.Random(7)
    ws = Workspace.open(tmp_path / "db.json", clock=lambda: NOW, rng=rng)
    try:
        acme = make_account(ws)
        state = rng.getstate()
        first = ws.new_id(RecordKind.ISSUE)
        ws.add(Issue, id=first, account_id=acme.id, title="Taken", opened=NOW)
        rng.setstate(state)  # the same draws again: the first one is taken now
        ids = ws.new_ids(RecordKind.ISSUE, 3)
        assert first not in ids
        assert len(set(ids)) == 3
    finally:
        ws.close()
