"""A live check-in: walks the agenda, times each item and saves everything as it is captured."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from typing import Any

from checkin.core.enums import (
    Direction,
    IssueStatus,
    ItemKind,
    ItemStatus,
    MeetingState,
    Severity,
)
from checkin.core.errors import CheckinError
from checkin.core.meeting import AgendaItem, Decision, Meeting, closing_status, was_discussed
from checkin.core.records import ActionItem, Feedback, Issue
from checkin.services.topic import TopicActions
from checkin.services.workspace import Workspace


class SessionError(CheckinError):
    pass


class MeetingSession(TopicActions):
    """The meeting being run. Every capture is saved at once; notes when :meth:`save` is called.

    Time is read from the workspace clock: the current item accumulates the seconds between
    :meth:`tick` calls, so a crash loses at most the time since the last save.
    """

    def __init__(self, ws: Workspace, meeting: Meeting) -> None:
        if meeting.state is MeetingState.ENDED:
            raise SessionError(f"the meeting {meeting.id} has already ended")
        self.ws = ws
        self.meeting = meeting
        self.account = ws.account(meeting.account_id)
        self._since = ws.now()
        self.dirty = False
        self.last_saved: datetime | None = None

    # -- starting and resuming ------------------------------------------------------------

    def start(self) -> None:
        """Start (or resume) the meeting: the clock runs from now."""
        now = self.ws.now()
        changes: dict[str, object] = {}
        if self.meeting.started is None:
            changes["started"] = now
        if self.meeting.current_key is None and self.agenda:
            changes["current_key"] = self.agenda[0].key
        if not self.meeting.attendees:
            changes["attendees"] = [c.id for c in self.ws.contacts(self.account.id) if c.focal]
        self._since = now
        if changes:
            self.meeting = dataclasses.replace(self.meeting, **changes)  # type: ignore[arg-type]
            self.save()

    @property
    def agenda(self) -> list[AgendaItem]:
        """Items planned to be discussed, in order (the parking lot excluded)."""
        return [i for i in self.meeting.agenda if not i.parked]

    @property
    def parked(self) -> list[AgendaItem]:
        return [i for i in self.meeting.agenda if i.parked]

    @property
    def current(self) -> AgendaItem | None:
        key = self.meeting.current_key
        return self.meeting.item(key) if key else None

    # -- time -----------------------------------------------------------------------------

    def tick(self) -> None:
        """Credit the time since the last tick to the current item."""
        now = self.ws.now()
        elapsed = int((now - self._since).total_seconds())
        if elapsed > 0 and self.current is not None:
            self.current.actual_seconds += elapsed
            self.dirty = True
        if elapsed > 0:
            self._since += timedelta(seconds=elapsed)

    def item_seconds(self, item: AgendaItem) -> int:
        """Time spent on ``item`` so far, the running part included."""
        extra = 0
        if self.current is not None and item.key == self.current.key:
            extra = max(0, int((self.ws.now() - self._since).total_seconds()))
        return item.actual_seconds + extra

    def meeting_seconds(self) -> int:
        started = self.meeting.started or self.ws.now()
        return max(0, int((self.ws.now() - started).total_seconds()))

    def planned_seconds(self) -> int:
        return self.meeting.length_minutes * 60

    # -- moving through the agenda --------------------------------------------------------

    def go(self, key: str) -> None:
        """Make ``key`` the current item (a parked item is brought back into the agenda)."""
        self.tick()
        item = self.meeting.item(key)
        if item.parked:
            item.parked = False
            self.meeting.agenda.remove(item)
            self.meeting.agenda.insert(self._insert_at(), item)
        self.meeting.current_key = key
        self.save()

    def _insert_at(self) -> int:
        current = self.current
        return self.meeting.agenda.index(current) + 1 if current else len(self.meeting.agenda)

    def move(self, step: int) -> AgendaItem | None:
        """Next (+1) or previous (-1) item; returns the new current item, or None at an end."""
        items = self.agenda
        current = self.current
        index = items.index(current) if current in items else -1
        target = index + step
        if not 0 <= target < len(items):
            return None
        self.go(items[target].key)
        return items[target]

    def next(self) -> AgendaItem | None:
        """On to the next item. A pending one becomes discussed if it was (notes, a capture,
        time spent: :func:`was_discussed`); one never spoken about stays pending."""
        self.tick()
        current = self.current
        if current is not None and current.status is ItemStatus.PENDING and was_discussed(current):
            current.status = ItemStatus.DISCUSSED
        moved = self.move(+1)
        if moved is None:
            self.save()
        return moved

    def mark(self, status: ItemStatus) -> AgendaItem | None:
        """Mark the current item (discussed, skipped, deferred) and move on."""
        current = self.current
        if current is not None:
            current.status = status
        moved = self.move(+1)
        if moved is None:
            self.save()
        return moved

    # -- notes ----------------------------------------------------------------------------

    def set_notes(self, key: str, text: str) -> None:
        item = self.meeting.item(key)
        if item.notes != text:
            item.notes = text
            self.dirty = True

    def set_private_notes(self, key: str, text: str) -> None:
        """Notes for our team only: the team's minutes show them, the client's never do."""
        item = self.meeting.item(key)
        if item.private_notes != text:
            item.private_notes = text
            self.dirty = True

    def set_form_draft(self, kind: str | None, values: dict[str, Any] | None = None) -> None:
        """Keep the capture form open now (its kind and its values as typed) with the
        meeting, as the notes are kept; ``None`` once it is saved or cancelled."""
        draft = None if kind is None else {"kind": kind, "values": dict(values or {})}
        if self.meeting.form_draft != draft:
            self.meeting.form_draft = draft
            self.dirty = True

    def save(self) -> None:
        """Write the meeting (timers and notes included) to disk."""
        self.tick()
        self.meeting = self.ws.save(self.meeting)
        self.dirty = False
        self.last_saved = self.ws.now()

    def save_if_dirty(self) -> bool:
        if self.dirty:
            self.save()
            return True
        return False

    # -- capture --------------------------------------------------------------------------

    @property
    def linked_issue(self) -> Issue | None:
        item = self.current
        if item is None or item.source_kind != "issue" or item.source_id is None:
            return None
        return self.ws.find(Issue, item.source_id)

    def add_action(self, title: str, owner: str, due: date | None) -> ActionItem:
        """``owner`` is "us", a contact id or "guest:<name>" (a guest of the call)."""
        action = self.ws.add(
            ActionItem,
            account_id=self.account.id,
            meeting_id=self.meeting.id,
            title=title,
            due=due,
            **self.owner_fields(owner),
        )
        self._touch(f"action:{action.id}")
        self.save()
        return action

    def add_decision(self, text: str) -> Decision:
        decision = Decision(text=text, at=self.ws.now(), item_key=self.meeting.current_key)
        self.meeting.decisions.append(decision)
        self._touch()
        self.save()
        return decision

    def add_feedback(
        self, direction: Direction, sentiment: int, text: str, topic: str = ""
    ) -> Feedback:
        feedback = self.ws.add(
            Feedback,
            account_id=self.account.id,
            direction=direction,
            sentiment=sentiment,
            topic=topic,
            text=text,
            received=self.ws.today(),
            meeting_id=self.meeting.id,
        )
        self._touch(f"feedback:{feedback.id}")
        self.save()
        return feedback

    def add_issue(self, title: str, severity: Severity, body: str = "") -> Issue:
        """A new issue raised in the meeting: it is acknowledged on the spot."""
        now = self.ws.now()
        issue = self.ws.add(
            Issue,
            account_id=self.account.id,
            title=title,
            body=body,
            severity=severity,
            status=IssueStatus.ACKNOWLEDGED,
            opened=now,
            acknowledged=now,
        )
        self.log_new_issue(issue)
        return issue

    def add_custom_item(self, title: str, minutes: int = 5) -> AgendaItem:
        item = AgendaItem(
            key=f"custom:{self.ws.new_token()}",
            kind=ItemKind.CUSTOM,
            title=title,
            section="Added during the meeting",
            planned_minutes=minutes,
        )
        self.meeting.agenda.insert(self._insert_at(), item)
        self.save()
        return item

    def set_attendees(self, contact_ids: list[str]) -> None:
        """The contacts present (the guests stay as they are)."""
        self.set_attendance(contact_ids, self.meeting.guests)

    # -- ending the call -----------------------------------------------------------------

    def end_call(self) -> Meeting:
        """Stop the clock and open the wrap-up. The meeting ends when the wrap-up is
        confirmed (:func:`wrap_up`); until then :func:`back_to_call` can reopen the call."""
        self.tick()
        self.meeting.call_ended = self.ws.now()
        self.save()
        return self.meeting

    def still_pending(self) -> list[AgendaItem]:
        """The items that would be left pending if the call ended now (they carry over)."""
        self.tick()
        return [
            item for item in self.agenda if closing_status(item, self.meeting) is ItemStatus.PENDING
        ]
