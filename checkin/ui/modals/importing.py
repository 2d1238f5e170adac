"""The import modal: a file path and format, a preview of what changes, then confirm."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static
from textual.worker import get_current_worker

from checkin.core.records import Account
from checkin.core.text import count
from checkin.services.import_file import FilePreview, preview_file
from checkin.services.import_merge import shown
from checkin.services.importing import (
    ChangeKind,
    ImportFormat,
    ImportPlan,
    PlannedIssue,
    default_horizon,
    not_in_file_note,
    problem_lines,
    warning_lines,
)
from checkin.services.workspace import Workspace
from checkin.ui.command_table import Command, CommandTable
from checkin.ui.text import literal, plain
from checkin.ui.widgets.path_input import PathInput, expand
from checkin.ui.widgets.record_table import fit_columns

AUTO = "auto"
CHANGE_COLUMNS = (("change", "Change"), ("id", "Id"), ("title", "Title"), ("what", "What changes"))
ROWS_SHOWN = 500


IMPORT_COMMANDS = CommandTable(
    [
        Command("escape", "cancel", "Cancel", help="Close: nothing is imported",
                id="import.cancel"),
        Command("ctrl+s", "confirm", "Import", help="Import what the preview shows",
                priority=True, id="import.confirm"),
    ]
)  # fmt: skip


class ImportModal(ModalScreen[ImportPlan | None]):
    """Returns the confirmed plan (the caller applies it) or None. It never saves."""

    DEFAULT_CSS = """
    ImportModal { align: center middle; }
    ImportModal > #dialog {
        width: 110; max-width: 98%; height: auto; max-height: 95%;
        border: thick $primary 60%; background: $surface; padding: 0 1;
    }
    ImportModal #title { text-style: bold; padding: 1 1 0 1; }
    ImportModal .field-label { padding: 1 1 0 1; color: $text-muted; }
    ImportModal #format-row { height: auto; }
    ImportModal #format { width: 44; }
    ImportModal #detected { padding: 1 2; color: $text-muted; width: 1fr; }
    ImportModal #status { padding: 1 1 0 1; height: auto; }
    ImportModal #status.-error { color: $error; }
    ImportModal #body { height: auto; max-height: 70vh; }
    ImportModal #changes { height: auto; max-height: 10; margin: 1 0 0 0; }
    ImportModal #detail { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    ImportModal #problems-box { height: auto; max-height: 14; margin: 1 0 0 0; }
    ImportModal #problems { color: $error; padding: 0 1; }
    ImportModal #horizon-row { height: auto; }
    ImportModal #horizon-label { padding: 1 1 0 1; width: auto; }
    ImportModal #horizon { width: 16; }
    ImportModal #horizon-hint { padding: 1 1 0 1; width: 1fr; color: $text-muted; }
    ImportModal #warnings-box { height: auto; max-height: 6; margin: 1 0 0 0; }
    ImportModal #warnings { color: $warning; padding: 0 1; }
    ImportModal .-hidden { display: none; }
    ImportModal #hint { color: $text-muted; padding: 1 1 0 1; }
    ImportModal #buttons { height: auto; align: right middle; padding: 1 1; }
    ImportModal #buttons Button { margin-left: 2; }
    """
    COMMAND_TABLE = IMPORT_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = IMPORT_COMMANDS.bindings()

    def __init__(self, workspace: Workspace, account: Account, path: str = "") -> None:
        super().__init__()
        self.workspace = workspace
        self.account = account
        self.initial_path = path
        self.plan: ImportPlan | None = None
        self.shown: list[PlannedIssue] = []
        self.reading = False
        self.confirm_note = ""  # added to the preview's status when ctrl+s asked for it
        # Issues opened before this day count as acknowledged by the import (changeable).
        self.horizon: date = default_horizon(workspace.now())

    def compose(self) -> ComposeResult:
        formats = [(f.label, f.value) for f in ImportFormat]
        with Vertical(id="dialog"):
            yield Label(literal(f"Import issues into {self.account.name}"), id="title")
            with VerticalScroll(id="body"):
                yield Label("Export file", classes="field-label")
                yield PathInput(
                    self.initial_path, placeholder="~/Downloads/jira-export.csv", id="path"
                )
                yield Label("Format", classes="field-label")
                with Horizontal(id="format-row"):
                    yield Select(
                        [("Detect from the file", AUTO), *formats],
                        value=AUTO,
                        allow_blank=False,
                        id="format",
                    )
                    yield Static("", id="detected")
                with Horizontal(id="horizon-row"):
                    yield Label("Acknowledged at import: opened before", id="horizon-label")
                    yield Input(
                        self.horizon.isoformat(),
                        placeholder="YYYY-MM-DD",
                        id="horizon",
                        max_length=10,
                    )
                    yield Static("(and backlog states)", id="horizon-hint")
                yield Static(
                    "Type the path of an export and press enter to preview it.", id="status"
                )
                yield DataTable(
                    id="changes", cursor_type="row", zebra_stripes=True, classes="-hidden"
                )
                yield Static("", id="detail", classes="-hidden")
                with VerticalScroll(id="problems-box", classes="-hidden"):
                    yield Static("", id="problems")
                with VerticalScroll(id="warnings-box", classes="-hidden"):
                    yield Static("", id="warnings")
            yield Static(
                "enter preview · → completes the path · tab to the date · ctrl+s import · "
                "esc cancel",
                id="hint",
            )
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel", action="screen.cancel")
                yield Button("Preview", id="preview", action="screen.preview")
                yield Button(
                    "Import", id="import", variant="primary", disabled=True, action="screen.confirm"
                )

    def on_mount(self) -> None:
        fit_columns(self.query_one("#changes", DataTable), CHANGE_COLUMNS, [])
        self.query_one("#path", Input).focus()
        if self.initial_path:
            self.load()

    # -- loading a preview -----------------------------------------------------------------

    @property
    def chosen_format(self) -> ImportFormat | None:
        value = self.query_one("#format", Select).value
        return None if value in (AUTO, Select.NULL) else ImportFormat(str(value))

    def load(self) -> bool:
        """Preview the file in a worker thread: a big export never freezes the screen.

        Returns whether a preview started (not when the path is empty).
        """
        text = self.query_one("#path", Input).value
        if not text.strip():
            self._show_error("Type the path of the export file first.")
            return False
        horizon = self._read_horizon()
        if horizon is None:
            return False
        self._forget_plan()
        self._set_status(f"Reading {expand(text).name}…")
        self.reading = True
        self.confirm_note = ""
        self._preview(expand(text), self.chosen_format, horizon)
        return True

    def _read_horizon(self) -> date | None:
        """The horizon as typed, or None (and an error on screen) when it is not a date."""
        typed = self.query_one("#horizon", Input).value.strip()
        try:
            self.horizon = date.fromisoformat(typed)
        except ValueError:
            self._show_error(
                f"{typed!r} is not a date: type the day before which issues count as "
                "acknowledged, like 2026-11-06."
            )
            return None
        return self.horizon

    @work(thread=True, exclusive=True, group="import-preview")
    def _preview(self, path: Path, fmt: ImportFormat | None, horizon: date) -> None:
        loaded = preview_file(self.workspace, self.account, path, fmt, horizon)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, loaded)

    # -- showing it --------------------------------------------------------------------------

    def _show(self, loaded: FilePreview) -> None:
        self.reading = False
        note, self.confirm_note = self.confirm_note, ""
        detected = self.query_one("#detected", Static)
        detected.update(literal(f"detected: {loaded.detected.label}" if loaded.detected else ""))
        if loaded.plan is None:
            self._show_error(loaded.error)
            return
        plan = loaded.plan
        if not plan.ok:
            self._show_error(
                f"{plan.name} cannot be imported: {count(len(plan.problems), 'problem')}. "
                "Nothing will change until the file is fixed."
            )
            self.query_one("#problems", Static).update(
                literal("\n".join(problem_lines(plan.problems)))
            )
            self.query_one("#problems-box").remove_class("-hidden")
            return
        self.plan = plan
        changed = plan.changed
        status = f"{plan.summary} in {plan.name}."
        if not changed:
            status += " Everything is up to date: there is nothing to import."
        if plan.not_in_file:
            status += " " + not_in_file_note(plan)
        if changed:
            status += note
        self._set_status(status)
        self._fill_table(changed)
        warnings = warning_lines(plan)
        self.query_one("#warnings", Static).update(literal("\n".join(warnings)))
        self.query_one("#warnings-box").set_class(not warnings, "-hidden")
        button = self.query_one("#import", Button)
        button.disabled = not changed
        button.label = f"Import {len(changed)}" if changed else "Import"

    def _fill_table(self, changed: list[PlannedIssue]) -> None:
        table = self.query_one("#changes", DataTable)
        fit_columns(table, CHANGE_COLUMNS, [])  # each preview sizes the columns afresh
        self.shown = changed[:ROWS_SHOWN]
        for index, item in enumerate(self.shown):
            if item.kind is ChangeKind.NEW:
                issue = item.issue
                what = f"{issue.severity.value}, {issue.status.value}"
                mark = plain("new", "bold green")
            else:
                what = "; ".join(str(c) for c in item.changes)
                mark = plain("updated", "bold yellow")
            cells = (mark, plain(item.row.external_id), plain(item.issue.title), plain(what))
            table.add_row(*cells, key=str(index))
        if len(changed) > ROWS_SHOWN:
            more = Text(f"… and {len(changed) - ROWS_SHOWN} more", style="italic")
            table.add_row(more, Text(""), Text(""), Text(""))
        table.set_class(not changed, "-hidden")
        self.query_one("#detail").set_class(not changed, "-hidden")
        if changed:
            self._show_detail(0)

    def _show_detail(self, index: int) -> None:
        """Every change of the highlighted issue, one per line (the table cell is cut)."""
        if not 0 <= index < len(self.shown):
            return
        item = self.shown[index]
        issue = item.issue
        if item.kind is ChangeKind.NEW:
            lines = [
                f"{item.row.where}: new {issue.severity.value} issue, {issue.status.value}, "
                f"opened {shown(issue.opened)}"
                + (f", owner {issue.owner}" if issue.owner else "")
                + (f", due {shown(issue.due)}" if issue.due else "")
            ]
        else:
            lines = [f"{item.row.where}:", *(f"  {change}" for change in item.changes)]
        self.query_one("#detail", Static).update(literal("\n".join(lines)))

    @on(DataTable.RowHighlighted, "#changes")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    def _set_status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(literal(message))
        status.set_class(error, "-error")

    def _show_error(self, message: str) -> None:
        self._forget_plan()
        self._set_status(message, error=True)

    def _forget_plan(self) -> None:
        self.plan = None
        self.query_one("#import", Button).disabled = True
        self.query_one("#changes", DataTable).add_class("-hidden")
        self.query_one("#detail").add_class("-hidden")
        self.query_one("#problems-box").add_class("-hidden")
        self.query_one("#warnings-box").add_class("-hidden")

    # -- events and actions -----------------------------------------------------------------

    @on(Input.Submitted, "#path")
    def _path_submitted(self) -> None:
        self.load()

    @on(Input.Changed, "#path")
    def _path_changed(self) -> None:
        if self.plan is not None:
            self._forget_plan()
            self._set_status("Press enter to preview this file.")

    @on(Input.Submitted, "#horizon")
    def _horizon_submitted(self) -> None:
        if self.query_one("#path", Input).value.strip():
            self.load()
        else:
            self._read_horizon()

    @on(Input.Changed, "#horizon")
    def _horizon_changed(self) -> None:
        if self.plan is not None and self.plan.horizon is not None:
            typed = self.query_one("#horizon", Input).value.strip()
            if typed != self.plan.horizon.isoformat():
                self._forget_plan()
                self._set_status("Press enter to preview with this date.")

    @on(Select.Changed, "#format")
    def _format_changed(self) -> None:
        if self.query_one("#path", Input).value.strip():
            self.load()

    def action_preview(self) -> None:
        self.load()

    def action_confirm(self) -> None:
        """Import what the preview shows; with no preview yet, preview first and say so."""
        if self.plan is not None and self.plan.changed:
            self.dismiss(self.plan)
        elif self.plan is not None:
            self._set_status("Nothing to import: every issue in the file is up to date.")
        elif self.reading:
            self._set_status("Still reading the file: the preview comes first.")
        elif self.query_one("#problems-box").has_class("-hidden") and self.load():
            self.confirm_note = " Check the changes, then press ctrl+s again to import."
        # a file with problems stays as it is: its problems are on screen

    def action_cancel(self) -> None:
        self.dismiss(None)
