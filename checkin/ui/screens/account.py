"""One account: health, issues, roadmap, feedback, actions, contacts, meetings and profile."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import TabbedContent, TabPane

from checkin.core.enums import MeetingState
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue, Record, RoadmapItem
from checkin.core.transitions import ActionChange, IssueChange
from checkin.ui.command_table import Command, CommandTable, TableCommands
from checkin.ui.modals.records import new_record_defaults, record_form
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.widgets.bars import KeyBar, TitleBar
from checkin.ui.widgets.facts import FactsLine, account_facts
from checkin.ui.widgets.health import HealthPanel, HealthScroll
from checkin.ui.widgets.profile import ProfileView
from checkin.ui.widgets.record_table import RecordTable
from checkin.ui.widgets.tables import (
    ActionsTable,
    ContactsTable,
    FeedbackTable,
    IssuesTable,
    MeetingsTable,
    RoadmapTable,
)

TABS = (
    ("health", "Health"),
    ("issues", "Issues"),
    ("roadmap", "Roadmap"),
    ("feedback", "Feedback"),
    ("actions", "Action items"),
    ("contacts", "Contacts"),
    ("meetings", "Meetings"),
    ("profile", "Profile"),
)
KINDS: dict[str, tuple[type[Record], str]] = {
    "issues": (Issue, "issue"),
    "roadmap": (RoadmapItem, "roadmap"),
    "feedback": (Feedback, "feedback"),
    "actions": (ActionItem, "action"),
    "contacts": (Contact, "contact"),
}


TABLE = CommandTable(
    [
        Command("escape", "back", "Back", help="Back to all accounts", id="account.back"),
        Command("p", "plan", "Plan", "Account: Plan agenda",
                "Plan the agenda of the next check-in", id="account.plan"),
        Command("s", "start", "Start", "Account: Start check-in",
                "Start (or resume) the check-in", id="account.start"),
        *(
            Command(str(n), f"show_tab('{tab}')", label, f"Account: Show {label.lower()}",
                    f"The {label.lower()} tab", show=False, id=f"account.tab.{tab}")
            for n, (tab, label) in enumerate(TABS, start=1)
        ),
    ]
)  # fmt: skip


class AccountScreen(TableCommands, CheckinScreen[None]):
    """Attributes down: tables get records. Messages up: tables ask, this screen acts."""

    CSS_PATH = "account.tcss"
    COMMAND_TABLE = TABLE
    BINDINGS: ClassVar[list[BindingType]] = TABLE.bindings()

    def __init__(self, account: Account, tab: str = "issues") -> None:
        super().__init__()
        self.account = account
        self.initial_tab = tab

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield FactsLine(id="summary")
        with TabbedContent(initial=self.initial_tab, id="tabs"):
            with TabPane("Health", id="health"), HealthScroll(id="health-scroll"):
                yield HealthPanel()
            for tab, label, table in (
                ("issues", "Issues", IssuesTable(id="issues-table")),
                ("roadmap", "Roadmap", RoadmapTable(id="roadmap-table")),
                ("feedback", "Feedback", FeedbackTable(id="feedback-table")),
                ("actions", "Action items", ActionsTable(id="actions-table")),
                ("contacts", "Contacts", ContactsTable(id="contacts-table")),
                ("meetings", "Meetings", MeetingsTable(id="meetings-table")),
            ):
                with TabPane(label, id=tab):
                    yield table
            with TabPane("Profile", id="profile"):
                yield ProfileView()
        yield KeyBar(keep=("account.back", "account.plan", "account.start"))

    def on_mount(self) -> None:
        self.refresh_data()
        self._focus_tab(self.initial_tab)

    # -- pushing data down ----------------------------------------------------------------

    def refresh_data(self) -> None:
        ws = self.workspace
        self.account = ws.account(self.account.id)
        account = self.account
        now = ws.now()
        today = now.date()
        self.title = account.name
        self.sub_title = (
            f"{account.tier.value} · {account.phase.value} · every {account.cadence_days} days"
        )
        summary = ws.summary(account)
        health = ws.health(account)
        self.query_one("#summary", FactsLine).show(account_facts(summary, health, today))
        self.query_one(HealthPanel).show(health, ws.health_trend(account, health))
        issues = sorted(
            ws.issues(account.id),
            key=lambda i: (not i.is_open, i.severity.rank, i.opened),
        )
        self.query_one(IssuesTable).show(issues, now)
        self.query_one(RoadmapTable).show(ws.roadmap(account.id), now)
        self.query_one(FeedbackTable).show(ws.feedback(account.id), now)
        actions = sorted(
            ws.actions(account.id),
            key=lambda a: (not a.is_open, a.due is None, a.due or today, a.title),
        )
        self.query_one(ActionsTable).show(actions, now)
        self.query_one(ContactsTable).show(ws.contacts(account.id), now)
        self.query_one(MeetingsTable).show(ws.meetings(account.id), now)
        self.query_one(ProfileView).show(account, summary)

    # -- tabs -----------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self._focus_tab(tab)

    def _focus_tab(self, tab: str) -> None:
        if tab in KINDS or tab == "meetings":
            self.query_one(f"#{tab}-table").focus()
        elif tab == "profile":
            self.query_one(ProfileView).focus()
        elif tab == "health":
            self.query_one(HealthScroll).focus()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._focus_tab(event.pane.id or "")

    # -- messages up ----------------------------------------------------------------------

    def _tab_of(self, table: RecordTable[Any]) -> str:
        return (table.id or "").removesuffix("-table")

    @on(RecordTable.CreateRequested)
    def _create(self, event: RecordTable.CreateRequested) -> None:
        tab = self._tab_of(event.table)
        if tab == "meetings":
            self.action_plan()
            return
        cls, kind = KINDS[tab]
        today = self.workspace.today()
        defaults = new_record_defaults(cls, today)
        noun = kind.replace("roadmap", "roadmap item")
        modal = record_form(
            cls,
            today=today,
            account_id=self.account.id,
            contacts=self.workspace.contacts(self.account.id),
            issues=self.workspace.issues(self.account.id),
            defaults=defaults,
            save=lambda fields: self.workspace.add(cls, account_id=self.account.id, **fields),
        )
        self.app.push_screen(modal, self._saved(f"Added the {noun}"))

    @on(RecordTable.EditRequested)
    def _edit(self, event: RecordTable.EditRequested) -> None:
        tab = self._tab_of(event.table)
        record = event.record
        if tab == "meetings":
            self._open_meeting(record.id)
            return
        cls, _kind = KINDS[tab]
        modal = record_form(
            cls,
            today=self.workspace.today(),
            account_id=self.account.id,
            record=record,
            contacts=self.workspace.contacts(self.account.id),
            issues=self.workspace.issues(self.account.id),
            save=lambda fields: self.workspace.save(dataclasses.replace(record, **fields)),
        )
        self.app.push_screen(modal, self._saved("Saved"))

    def _open_meeting(self, meeting_id: str) -> None:
        """A running meeting (or its wrap-up) resumes, a planned one opens in the planner,
        and an ended one shows its minutes."""
        meeting = self.workspace.meeting(meeting_id)
        if meeting.state is MeetingState.LIVE:
            self.checkin.run_meeting(meeting)
        elif meeting.state is MeetingState.PLANNED:
            self.checkin.plan_agenda(self.account)
        else:
            self.checkin.open_meeting(meeting.id)

    @on(RecordTable.ActionRequested)
    def _action(self, event: RecordTable.ActionRequested) -> None:
        ws, record = self.workspace, event.record
        operations = {
            IssueChange.ACKNOWLEDGE: (
                lambda: ws.change_issue(record.id, IssueChange.ACKNOWLEDGE),
                "Acknowledged",
            ),
            IssueChange.RESOLVE: (
                lambda: ws.change_issue(record.id, IssueChange.RESOLVE),
                "Resolved: it will come back as “did that work for you?”",
            ),
            IssueChange.VERIFY: (
                lambda: ws.change_issue(record.id, IssueChange.VERIFY),
                "Verified by the client",
            ),
            ActionChange.DONE: (lambda: ws.change_action(record.id, ActionChange.DONE), "Done"),
            ActionChange.DROP: (lambda: ws.change_action(record.id, ActionChange.DROP), "Dropped"),
            ActionChange.REOPEN: (
                lambda: ws.change_action(record.id, ActionChange.REOPEN),
                "Reopened",
            ),
            "addressed": (lambda: ws.mark_addressed(record.id), "Marked as addressed"),
            "focal": (lambda: ws.make_focal(record.id), "Focal contact set"),
        }
        if event.action == "plan" and isinstance(record, Issue):
            from checkin.ui.modals.topic import plan_modal

            modal = plan_modal(record, ws.today())
            modal.save = lambda v: ws.give_plan(record.id, v["plan"] or "", v["estimate"])
            self.app.push_screen(modal, self._saved("Plan given"))
            return
        if event.action in operations:
            operation, message = operations[event.action]
            self._apply(operation, message)

    @on(IssuesTable.ImportRequested)
    def _import(self) -> None:
        self.checkin.import_issues(self.account)

    @on(ProfileView.EditRequested)
    def _edit_profile(self) -> None:
        account = self.account
        modal = record_form(
            Account,
            today=self.workspace.today(),
            account_id=None,
            record=account,
            save=lambda fields: self.workspace.save_account(dataclasses.replace(account, **fields)),
        )
        self.app.push_screen(modal, self._saved("Profile saved"))

    def _saved(self, message: str) -> Callable[[dict[str, Any] | None], None]:
        """What to do when a form that saves closes: say so and show the change."""

        def closed(fields: dict[str, Any] | None) -> None:
            if fields is not None:
                self.notify(message, timeout=2, markup=False)
                self.refresh_data()

        return closed

    def _apply(self, operation: Any, message: str) -> None:
        if self.attempt(operation, message):
            self.refresh_data()

    # -- screen actions -------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_plan(self) -> None:
        self.checkin.plan_agenda(self.account)

    def action_start(self) -> None:
        self.checkin.start_checkin(self.account)
