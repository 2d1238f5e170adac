"""Acting on the current topic's records during the call, and who is on it.

A mixin of :class:`~checkin.services.session.MeetingSession`: action items done, dropped,
re-dated or reassigned; any issue change :mod:`checkin.core.transitions` offers, with the
plan and its date, "did that work for you?" answered yes (verified) or no (reopened with a
note); attendance with guests. Everything done here marks the current item as discussed.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any

from checkin.core import transitions
from checkin.core.enums import ActionStatus, IssueStatus, Side
from checkin.core.errors import CheckinError
from checkin.core.history import PastMention, topic_history
from checkin.core.meeting import AgendaItem, Meeting, StatusChange
from checkin.core.records import ActionItem, Contact, Issue, Record
from checkin.core.transitions import IssueChange

if TYPE_CHECKING:
    from checkin.services.workspace import Workspace

GUEST_PREFIX = "guest:"  # an owner choice naming a guest of the call ("guest:Sam Reed")
_EVENTS = {
    IssueChange.VERIFY: "verified",
    IssueChange.REOPEN: "reopened",
    IssueChange.PLAN: "plan given",
}


class TopicError(CheckinError):
    """What was asked cannot be done (no such record, a blank note, a date in the past)."""


class TopicActions:
    """The record actions and attendance of a live meeting."""

    if TYPE_CHECKING:  # provided by MeetingSession
        ws: Workspace
        meeting: Meeting

        @property
        def current(self) -> AgendaItem | None: ...
        def save(self) -> None: ...

    @property
    def account_id(self) -> str:
        return self.meeting.account_id

    # -- the topic's records --------------------------------------------------------------

    def topic_records(self) -> list[Record]:
        """The current item's own record, then the issues and action items captured on it."""
        item = self.current
        if item is None:
            return []
        refs = ([item.source_ref] if item.source_ref else []) + list(item.captured)
        records: list[Record] = []
        for ref in dict.fromkeys(refs):
            if ref.split(":", 1)[0] not in ("issue", "action"):
                continue
            record = self.ws.linked_record(ref)
            if record is not None:
                records.append(record)
        return records

    def topic_issues(self) -> list[Issue]:
        return [r for r in self.topic_records() if isinstance(r, Issue)]

    def topic_actions(self) -> list[ActionItem]:
        return [r for r in self.topic_records() if isinstance(r, ActionItem)]

    def topic_history(self) -> list[PastMention]:
        """What earlier check-ins noted and decided about the current topic, newest first."""
        item = self.current
        if item is None:
            return []
        return topic_history(item, self.ws.meetings(self.account_id), exclude=self.meeting.id)

    def _touch(self, ref: str | None = None) -> None:
        """Something was done on the current item: it counts as discussed."""
        item = self.current
        if item is None:
            return
        item.touched = True
        if ref is not None and ref != item.source_ref and ref not in item.captured:
            item.captured.append(ref)

    # -- action items ---------------------------------------------------------------------

    def owner_fields(self, owner: str) -> dict[str, Any]:
        """An owner choice ("us", a contact id, "guest:<name>") as action item fields."""
        if owner.startswith(GUEST_PREFIX):
            name = " ".join(owner.removeprefix(GUEST_PREFIX).split())
            if not name:
                raise TopicError("a guest owner needs a name")
            return {"owner": name, "owner_contact_id": None, "side": Side.CLIENT}
        contact = next((c for c in self.ws.contacts(self.account_id) if c.id == owner), None)
        if contact is None and owner != "us":
            raise TopicError(f"{owner!r} is not a contact of this account")
        return {
            "owner": contact.name if contact else "us",
            "owner_contact_id": contact.id if contact else None,
            "side": contact.side if contact else Side.OURS,
        }

    def _action(self, action_id: str) -> ActionItem:
        action = self.ws.find(ActionItem, action_id)
        if action is None or action.account_id != self.account_id:
            raise TopicError(f"no action item {action_id} on this account")
        return action

    def set_action_status(self, action_id: str, status: ActionStatus) -> ActionItem:
        """Done, dropped, or open again."""
        action = self._action(action_id)
        today = self.ws.today()
        with self.ws.transaction():
            saved = self.ws.save(transitions.change_action_status(action, status, today))
            self._touch(f"action:{saved.id}")
            self.save()
        return saved

    def redate_action(self, action_id: str, due: date | None) -> ActionItem:
        """A new due date (None: no date); a date in the past is refused."""
        action = self._action(action_id)
        if due is not None and due < self.ws.today():
            raise TopicError(f"the new due date {due.isoformat()} is in the past")
        with self.ws.transaction():
            saved = self.ws.save(dataclasses.replace(action, due=due))
            self._touch(f"action:{saved.id}")
            self.save()
        return saved

    def reassign_action(self, action_id: str, owner: str) -> ActionItem:
        """A new owner: "us", a contact id or "guest:<name>"."""
        action = self._action(action_id)
        with self.ws.transaction():
            saved = self.ws.save(dataclasses.replace(action, **self.owner_fields(owner)))
            self._touch(f"action:{saved.id}")
            self.save()
        return saved

    # -- issues ---------------------------------------------------------------------------

    def issue_changes(self, issue: Issue) -> tuple[IssueChange, ...]:
        return transitions.offered_changes(issue)

    def change_issue(
        self,
        issue_id: str,
        change: IssueChange | str,
        *,
        note: str = "",
        plan: str = "",
        estimate: date | None = None,
    ) -> Issue:
        """Apply one of :func:`transitions.offered_changes` and log it in the meeting.

        A reopen needs a note (what still does not work); a plan needs its one line and an
        estimated date that is not in the past.
        """
        try:
            change = IssueChange(change)
        except ValueError:
            raise TopicError(f"unknown issue change {change!r}") from None
        issue = self.ws.get(Issue, issue_id)
        note = " ".join(note.split())
        if change is IssueChange.REOPEN and not note:
            raise TopicError("say what still does not work: the note goes into the minutes")
        if change is IssueChange.PLAN:
            plan = transitions.check_plan(plan, estimate, self.ws.today())
            note = f"{plan} (estimated {estimate.isoformat()})" if estimate else plan
        now = self.ws.now()
        updated = transitions.apply_change(issue, change, now, plan=plan, estimate=estimate)
        with self.ws.transaction():
            saved = self.ws.save(updated)
            self.meeting.status_changes.append(
                StatusChange(
                    issue_id=saved.id,
                    issue_title=saved.title,
                    old=issue.status,
                    new=saved.status,
                    at=now,
                    event=_EVENTS.get(change, ""),
                    note=note,
                )
            )
            self._touch(f"issue:{saved.id}")
            self.save()
        return saved

    def log_new_issue(self, issue: Issue) -> None:
        """A new issue raised on the current item (acknowledged on the spot)."""
        self.meeting.status_changes.append(
            StatusChange(
                issue_id=issue.id,
                issue_title=issue.title,
                old=IssueStatus.NEW,
                new=issue.status,
                at=self.ws.now(),
            )
        )
        self._touch(f"issue:{issue.id}")
        self.save()

    # -- attendance -----------------------------------------------------------------------

    def set_attendance(self, present: list[str], guests: list[str]) -> None:
        """Who is on the call: contacts by id, guests by name (blank and repeated names are
        dropped; unknown contact ids are refused)."""
        known = {c.id for c in self.ws.contacts(self.account_id)}
        unknown = [cid for cid in present if cid not in known]
        if unknown:
            raise TopicError(f"not contacts of this account: {', '.join(unknown)}")
        names: dict[str, str] = {}
        for guest in guests:
            name = " ".join(guest.split())
            if name:
                names.setdefault(name.casefold(), name)
        self.meeting.attendees = list(dict.fromkeys(present))
        self.meeting.guests = list(names.values())
        self.save()

    def save_guest_as_contact(self, name: str, side: Side, role: str = "") -> Contact:
        """A guest who should be known next time: a contact of the account, present now."""
        contact = self.ws.add(Contact, account_id=self.account_id, name=name, side=side, role=role)
        guests = [g for g in self.meeting.guests if g.casefold() != contact.name.casefold()]
        self.set_attendance([*self.meeting.attendees, contact.id], guests)
        return contact
