"""A meeting's minutes, rendered for the client or our team: copy them, write them, mail them,
export HTML and the calendar file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from checkin.core.enums import Audience
from checkin.core.errors import CheckinError
from checkin.core.text import clean_line
from checkin.services import sharing
from checkin.services.sharing import MinutesData
from checkin.ui.command_table import Command, CommandTable, TableCommands
from checkin.ui.modals.export import Export, ExportModal, PathModal
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.text import literal
from checkin.ui.widgets.bars import KeyBar, TitleBar
from checkin.ui.widgets.document import document_view


def _shown(screen: Any) -> bool:
    return screen.data is not None


TABLE = CommandTable(
    [
        Command("escape", "back", "Back", help="Close the minutes", id="minutes.back"),
        Command("f", "toggle_audience", "For: client/team",
                "Minutes: Switch client / team version",
                "Show the client's version (what they receive) or our team's (everything)",
                applies=_shown, id="minutes.audience"),
        Command("c", "copy_markdown", "Copy", "Minutes: Copy Markdown",
                "Copy the Markdown minutes to the clipboard", applies=_shown, id="minutes.copy"),
        Command("t", "copy_chat", "Copy for chat", "Minutes: Copy chat text",
                "Copy a plain-text version for chat (Slack, Teams): no tables, bullet lists",
                applies=_shown, id="minutes.copy_chat"),
        Command("w", "write_markdown", "Write .md", "Minutes: Write Markdown file",
                "Write the Markdown minutes to a file", applies=_shown, id="minutes.write"),
        Command("m", "mail", "Mail", "Minutes: Mail draft (.eml)",
                "Write a mail draft (.eml) with the next meeting as an invitation, and open it",
                applies=_shown, id="minutes.mail"),
        Command("h", "export_html", "HTML", "Minutes: Export HTML",
                "Export the minutes as a web page", applies=_shown, id="minutes.html"),
        Command("i", "export_ics", "Calendar", "Minutes: Export calendar (.ics)",
                "Export the next check-in and open action items as an .ics file",
                applies=_shown, id="minutes.ics"),
    ]
)  # fmt: skip


class MinutesScreen(TableCommands, CheckinScreen[None]):
    """The minutes of one meeting. Reusable: the meetings tab and the wrap-up push it."""

    CSS_PATH = "minutes.tcss"
    COMMAND_TABLE = TABLE
    BINDINGS: ClassVar[list[BindingType]] = TABLE.bindings()

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.data: MinutesData | None = None
        self.markdown = ""
        self.audience = Audience.CLIENT  # the client's version first: it is what is sent

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="minutes-scroll"):
            yield document_view("minutes")
        yield Static("", id="minutes-status")
        yield KeyBar()

    async def on_mount(self) -> None:
        if await self._show_minutes():
            self.query_one("#minutes-scroll").focus()

    async def _show_minutes(self) -> bool:
        """Read and show the minutes for the current audience; False (and close) on error."""
        try:
            self.data = sharing.minutes_data(self.workspace, self.meeting_id, self.audience)
        except CheckinError as error:
            self.notify(str(error), title="No minutes", severity="error", markup=False)
            self.dismiss(None)
            return False
        data = self.data
        self.refresh_bindings()  # the keys that need the minutes apply now
        self.markdown = sharing.render_markdown(data, self.audience)
        who = "for the client" if self.audience.is_client else "team version"
        self.title = f"{clean_line(data.account.name)} · minutes"
        draft = " · draft" if data.is_draft else ""
        day = data.meeting.day.isoformat()
        self.sub_title = f"{sharing.meeting_kind(data.meeting)} · {day}{draft} · {who}"
        await self.query_one(Markdown).update(self.markdown)
        self.query_one("#minutes-scroll").scroll_home(animate=False)
        if data.is_draft:
            self._status("Draft: the meeting has not ended, so these minutes are not final.")
        else:
            meeting_id = data.meeting.id
            flag = "" if self.audience.is_client else " --for team"
            self._status(
                f"{who.capitalize()} (f switches) · `checkin minutes {meeting_id}{flag}` "
                "prints these"
            )
        return True

    def action_toggle_audience(self) -> None:
        """Switch between the client's version and our team's."""
        self.audience = Audience.TEAM if self.audience.is_client else Audience.CLIENT
        self.call_later(self._show_minutes)

    def _status(self, text: str) -> None:
        self.query_one("#minutes-status", Static).update(literal(text))

    # -- copying ----------------------------------------------------------------------------

    def action_copy_markdown(self) -> None:
        if self.data is None:
            return
        self.app.copy_to_clipboard(self.markdown)
        who = self._who()
        self.notify(f"Copied the minutes (Markdown, {who}) to the clipboard.", timeout=3)
        self._status(f"Copied the minutes (Markdown, {who}) to the clipboard.")

    def _who(self) -> str:
        return "for the client" if self.audience.is_client else "team version"

    def action_copy_chat(self) -> None:
        if self.data is None:
            return
        try:
            text = sharing.minutes_chat(self.workspace, self.data.meeting.id, self.audience)
        except CheckinError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.app.copy_to_clipboard(text)
        who = self._who()
        self.notify(f"Copied the chat version ({who}) to the clipboard.", timeout=3)
        self._status(f"Copied the chat version (plain text, {who}) to the clipboard.")

    # -- writing files ----------------------------------------------------------------------

    def action_write_markdown(self) -> None:
        self._export("Write the minutes (Markdown) to", sharing.MinutesFormat.MARKDOWN)

    def action_export_html(self) -> None:
        self._export("Export the minutes as a web page (HTML) to", sharing.MinutesFormat.HTML)

    def action_mail(self) -> None:
        self._export(
            "Write the minutes as a mail draft (.eml) and open it in your mail client",
            sharing.MinutesFormat.EML,
        )

    def _export(self, title: str, fmt: sharing.MinutesFormat, again: Export | None = None) -> None:
        """Ask where to write, and for whom (the screen's audience first); write; on failure
        ask again with the same choice. A mail draft is then opened with the mail client."""
        if self.data is None:
            return
        ws, meeting_id = self.workspace, self.data.meeting.id
        defaults = {a: sharing.default_minutes_path(ws, meeting_id, fmt, a) for a in Audience}
        audience = self.audience
        if again is not None:
            defaults[again.audience], audience = again.path, again.audience

        def chosen(choice: Export | None) -> None:
            if choice is None:
                return
            path, who = choice
            notes: list[str] = []

            def write() -> Path:
                result = sharing.minutes_bytes(ws, meeting_id, fmt, who)
                notes[:] = result.notes  # what to check before sending (no invitation...)
                return sharing.write_file(path, result.data)

            written = self._write(write, retry=lambda: self._export(title, fmt, choice))
            if written is None:
                return
            if notes:
                self.notify(" ".join(notes), title="Before you send", severity="warning")
            if fmt is sharing.MinutesFormat.EML:
                self._open(written)

        action = "Write and open" if fmt is sharing.MinutesFormat.EML else "Write"
        self.app.push_screen(ExportModal(title, defaults, audience, action=action), chosen)

    def _open(self, path: Path) -> None:
        """Open a written mail draft with the system's mail client, or say where it is."""
        from checkin.services.mailing import open_with_system

        try:
            said = open_with_system(path)
        except CheckinError as error:
            self.notify(str(error), title="Draft written", severity="warning", markup=False)
            return
        self.notify(said, title="Mail draft", timeout=6, markup=False)

    def action_export_ics(self, path: Path | None = None) -> None:
        if self.data is None:
            return
        ws, account = self.workspace, self.data.account
        default = path or sharing.default_calendar_path(ws, account)

        def chosen(target: Path | None) -> None:
            if target is not None:
                self._write(
                    lambda: sharing.write_calendar(ws, account, target),
                    retry=lambda: self.action_export_ics(target),
                )

        title = f"Export the next check-in and action items of {account.name} (.ics) to"
        self.app.push_screen(PathModal(title, default, action="Export"), chosen)

    def _write(self, write: Callable[[], Path], retry: Callable[[], None]) -> Path | None:
        """Write a file; on failure say why and ask again with the same path."""
        try:
            written = write()
        except CheckinError as error:
            self.notify(str(error), title="Not written", severity="error", markup=False)
            retry()
            return None
        self.notify(f"Wrote {written}", title="Saved", timeout=6, markup=False)
        self._status(f"Wrote {written}")
        return written

    # -- navigation -------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)
