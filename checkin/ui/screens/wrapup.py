"""Wrap-up after the call: rating, the "what could we have done better?" answer, next date.

What is typed here is kept with the meeting as it is typed (the meeting stays open until the
wrap-up is confirmed), so a quit, a closed terminal or esc back to the call loses nothing.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from checkin.core.dates import MOMENT_HINT
from checkin.core.enums import ActionStatus, ItemStatus
from checkin.core.errors import CheckinError
from checkin.core.meeting import Meeting, WrapUpDraft, carried_over, closing_status
from checkin.core.records import ActionItem
from checkin.core.text import clean_text, count
from checkin.core.transitions import ActionChange
from checkin.services.wrapup import (
    back_to_call,
    default_next_meeting,
    initial_draft,
    parse_next_meeting,
    save_wrap_up_draft,
    wrap_up,
)
from checkin.ui.command_table import Command, CommandTable, TableCommands
from checkin.ui.modals.records import SENTIMENTS, record_form
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.widgets.bars import KeyBar, TitleBar
from checkin.ui.widgets.tables import ActionsTable

AUTOSAVE_SECONDS = 1.0
RATINGS = (("5 excellent", 5), ("4 good", 4), ("3 fine", 3), ("2 poor", 2), ("1 bad", 1))


TABLE = CommandTable(
    [
        Command("ctrl+s", "finish", "Finish", "Meeting: Finish wrap-up",
                "Save the wrap-up and show the minutes", priority=True, id="wrap.finish"),
        Command("escape", "back", "Back to the call", "Meeting: Back to the call",
                "The meeting is not over yet: back to the live check-in (the wrap-up typed so "
                "far is kept)", id="wrap.back"),
    ]
)  # fmt: skip


class WrapUpScreen(TableCommands, CheckinScreen[Meeting]):
    """Dismisses with the meeting: ended (the app shows its minutes) or back in the call."""

    CSS_PATH = "wrapup.tcss"
    COMMAND_TABLE = TABLE
    BINDINGS: ClassVar[list[BindingType]] = TABLE.bindings()

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self._saved: WrapUpDraft | None = meeting.wrap_up
        self._next_suggested: str | None = None  # the next date the app proposed, until edited

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="wrap"):
            yield Static(id="wrap-summary")
            with Horizontal(classes="row"):
                with Vertical(classes="col"):
                    yield Label("How did it go? (rating)", classes="field-label")
                    yield Select(RATINGS, id="rating", prompt="Rate the meeting…")
                with Vertical(classes="col"):
                    yield Label("Next meeting", classes="field-label")
                    yield Input(
                        id="next",
                        placeholder="2026-12-01 10:00, +2w, tue 14:30",
                        select_on_focus=False,
                    )
                    yield Static("", id="next-hint", classes="hint")
            yield Label("What could we have done better? (their answer)", classes="field-label")
            yield TextArea(id="better", soft_wrap=True, show_line_numbers=False)
            with Horizontal(classes="row"):
                yield Label("Sentiment of that answer", classes="field-label inline-label")
                yield Select(SENTIMENTS, id="better-sentiment", value=0, allow_blank=False)
            yield Label(
                "Action items from this meeting (d done · x drop · e edit)", classes="field-label"
            )
            yield ActionsTable(id="wrap-actions")
            with Horizontal(id="wrap-buttons"):
                yield Button(
                    "Finish and show the minutes",
                    id="finish",
                    variant="primary",
                    action="screen.finish",
                )
        yield KeyBar()

    def on_mount(self) -> None:
        account = self.workspace.account(self.meeting.account_id)
        self.title = f"{account.name} · wrap-up"
        default = self.meeting.agreed_next or default_next_meeting(
            account, self.meeting, self.workspace.now()
        )
        self._default_next = default
        draft = initial_draft(self.meeting)
        if self.meeting.wrap_up is None and draft.better:
            self.notify(
                "“What could we have done better?” is filled in from that item's notes.",
                timeout=4,
                markup=False,
            )
        shown = f"{default:%Y-%m-%d %H:%M}"
        next_text = shown if draft.next_meeting is None else draft.next_meeting
        next_input = self.query_one("#next", Input)
        next_input.value = next_text
        # The date from the cadence is a suggestion: typing "tue" replaces it. A date the
        # user typed (kept in the draft) is theirs: typing adds to it.
        self._next_suggested = next_text if next_text == shown else None
        next_input.select_on_focus = self._next_suggested is not None
        if draft.rating:
            self.query_one("#rating", Select).value = draft.rating
        self.query_one("#better", TextArea).load_text(draft.better)
        self.query_one("#better-sentiment", Select).value = draft.better_sentiment
        self._summary()
        self._actions()
        self.query_one("#rating", Select).focus()
        self.set_interval(AUTOSAVE_SECONDS, self._autosave)

    # -- autosave (the notes' pattern: cheap comparison each second, a save on a change) ---

    def _draft(self) -> WrapUpDraft:
        rating = self.query_one("#rating", Select).value
        sentiment = self.query_one("#better-sentiment", Select).value
        return WrapUpDraft(
            rating=rating if isinstance(rating, int) else None,
            better=self.query_one("#better", TextArea).text,
            better_sentiment=sentiment if isinstance(sentiment, int) else 0,
            next_meeting=self.query_one("#next", Input).value,
        )

    def _autosave(self) -> None:
        draft = self._draft()
        if draft == self._saved:
            return
        self._saved = draft  # a failed save is reported once, and tried again on a change
        try:
            self.meeting = save_wrap_up_draft(self.workspace, self.meeting, draft)
        except CheckinError as error:
            self.notify(str(error), title="Wrap-up not saved", severity="error", markup=False)

    def save_unsaved(self) -> None:
        if self.is_mounted and self.meeting.in_wrap_up:
            self._autosave()

    def action_back(self) -> None:
        """Back to the call: the meeting goes on; the wrap-up typed so far is kept."""
        self._autosave()
        reopened: list[Meeting] = []
        if self.attempt(lambda: reopened.append(back_to_call(self.workspace, self.meeting))):
            self.dismiss(reopened[0])

    def _summary(self) -> None:
        m = self.meeting
        items = [i for i in m.agenda if not i.parked]
        discussed = sum(1 for i in items if closing_status(i, m) is ItemStatus.DISCUSSED)
        end = m.ended or m.call_ended or self.workspace.now()
        minutes = int((end - (m.started or end)).total_seconds() // 60)
        self.query_one("#wrap-summary", Static).update(
            Text(
                f"{minutes} min of {m.length_minutes} · "
                f"{discussed} of {count(len(items), 'item')} discussed · "
                f"{len(carried_over(m))} carry over · {count(len(m.decisions), 'decision')} · "
                f"{count(len(m.status_changes), 'issue update')}",
                style="bold",
            )
        )

    def _actions(self) -> None:
        items = self.workspace.captured_in(self.meeting).actions
        self.query_one(ActionsTable).show(items, self.workspace.now())

    @on(Input.Changed, "#next")
    def _next_changed(self, event: Input.Changed) -> None:
        if event.value != self._next_suggested:
            event.input.select_on_focus = False
        hint = self.query_one("#next-hint", Static)
        now = self.workspace.now()
        try:
            moment = self._parse_next(event.value, now)
        except ValueError:
            hint.update(Text(MOMENT_HINT, style="red"))
            return
        hint.update(
            Text(f"→ {moment:%a %d %b %Y} at {moment:%H:%M}" if moment else "no next meeting")
        )

    def _parse_next(self, text: str, now: datetime) -> datetime | None:
        default = getattr(self, "_default_next", None) or now
        return parse_next_meeting(text, now, default) if text.strip() else None

    @on(ActionsTable.ActionRequested)
    def _action_key(self, event: ActionsTable.ActionRequested) -> None:
        change = ActionChange.named(event.action)
        status = change.status if change else None
        if status is not None and self.attempt(
            lambda: self.workspace.set_action_status(event.record.id, status)
        ):
            self._actions()

    @on(ActionsTable.EditRequested)
    def _edit_action(self, event: ActionsTable.EditRequested) -> None:
        record = event.record
        assert isinstance(record, ActionItem)
        modal = record_form(
            ActionItem,
            today=self.workspace.today(),
            account_id=record.account_id,
            record=record,
            contacts=self.workspace.contacts(record.account_id),
            save=lambda fields: self.workspace.save(dataclasses.replace(record, **fields)),
        )

        def edited(fields: dict[str, Any] | None) -> None:
            if fields is not None:
                self.notify("Saved", timeout=2, markup=False)
                self._actions()

        self.app.push_screen(modal, edited)

    @on(ActionsTable.CreateRequested)
    def _create_action(self) -> None:
        account_id = self.meeting.account_id
        modal = record_form(
            ActionItem,
            today=self.workspace.today(),
            account_id=account_id,
            contacts=self.workspace.contacts(account_id),
            defaults={"owner": "us", "status": ActionStatus.OPEN},
            save=lambda fields: self.workspace.add(
                ActionItem, account_id=account_id, meeting_id=self.meeting.id, **fields
            ),
        )

        def created(fields: dict[str, Any] | None) -> None:
            if fields is not None:
                self.notify("Added", timeout=2, markup=False)
                self._actions()

        self.app.push_screen(modal, created)

    def action_finish(self) -> None:
        text = self.query_one("#next", Input).value.strip()
        try:
            next_day = self._parse_next(text, self.workspace.now())
        except ValueError as error:
            self.notify(str(error), title="Next meeting", severity="error", markup=False)
            self.query_one("#next", Input).focus()
            return
        rating = self.query_one("#rating", Select).value
        sentiment = self.query_one("#better-sentiment", Select).value
        better = clean_text(self.query_one("#better", TextArea).text)
        result: list[Meeting] = []
        self._autosave()
        if self.attempt(
            lambda: result.append(
                wrap_up(
                    self.workspace,
                    self.meeting,
                    rating=rating if isinstance(rating, int) else None,
                    better=better,
                    better_sentiment=sentiment if isinstance(sentiment, int) else 0,
                    next_meeting=next_day,
                )
            )
        ):
            self.dismiss(result[0])
