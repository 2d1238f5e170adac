"""A meeting's minutes, rendered: copy them, write them, export HTML and the calendar file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from markdown_it import MarkdownIt
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from checkin.core.errors import CheckinError
from checkin.core.text import clean_line
from checkin.markdown.minutes import MinutesData, render_minutes
from checkin.markdown.wording import meeting_title
from checkin.services import sharing
from checkin.ui.modals.export import PathModal
from checkin.ui.screens.base import CheckinScreen
from checkin.ui.text import literal
from checkin.ui.widgets.bars import KeyBar, TitleBar


def _parser() -> MarkdownIt:
    """Textual's own "gfm-like" parser, with raw HTML off: the minutes are escaped already."""
    return MarkdownIt("gfm-like", {"html": False})


class MinutesScreen(CheckinScreen[None]):
    """The minutes of one meeting. Reusable: the meetings tab and the wrap-up push it."""

    CSS_PATH = "minutes.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="minutes.back", tooltip="Close the minutes"),
        Binding(
            "c",
            "copy_markdown",
            "Copy",
            id="minutes.copy",
            tooltip="Copy the Markdown minutes to the clipboard",
        ),
        Binding(
            "t",
            "copy_chat",
            "Copy for chat",
            id="minutes.copy_chat",
            tooltip="Copy a plain-text version for chat: no tables, bullet lists",
        ),
        Binding(
            "w",
            "write_markdown",
            "Write .md",
            id="minutes.write",
            tooltip="Write the Markdown minutes to a file",
        ),
        Binding(
            "h",
            "export_html",
            "HTML",
            id="minutes.html",
            tooltip="Export the minutes as a web page",
        ),
        Binding(
            "i",
            "export_ics",
            "Calendar",
            id="minutes.ics",
            tooltip="Export the next check-in and open action items as an .ics file",
        ),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.data: MinutesData | None = None
        self.markdown = ""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="minutes-scroll"):
            yield Markdown(id="minutes", parser_factory=_parser)
        yield Static("", id="minutes-status")
        yield KeyBar()

    async def on_mount(self) -> None:
        try:
            self.data = sharing.minutes_data(self.workspace, self.meeting_id)
        except CheckinError as error:
            self.notify(str(error), title="No minutes", severity="error", markup=False)
            self.dismiss(None)
            return
        data = self.data
        self.markdown = render_minutes(data)
        self.title = f"{clean_line(data.account.name)} · minutes"
        draft = " · draft" if data.is_draft else ""
        self.sub_title = (
            f"{meeting_title(data.meeting.template)} · {data.meeting.day.isoformat()}{draft}"
        )
        await self.query_one(Markdown).update(self.markdown)
        if data.is_draft:
            self._status("Draft: the meeting has not ended, so these minutes are not final.")
        else:
            meeting_id = data.meeting.id
            self._status(f"Meeting {meeting_id} · `checkin minutes {meeting_id}` prints these")
        self.query_one("#minutes-scroll").focus()

    def _status(self, text: str) -> None:
        self.query_one("#minutes-status", Static).update(literal(text))

    # -- copying ----------------------------------------------------------------------------

    def action_copy_markdown(self) -> None:
        if self.data is None:
            return
        self.app.copy_to_clipboard(self.markdown)
        self.notify("Copied the minutes (Markdown) to the clipboard.", timeout=3)
        self._status("Copied the minutes (Markdown) to the clipboard.")

    def action_copy_chat(self) -> None:
        if self.data is None:
            return
        try:
            text = sharing.minutes_chat(self.workspace, self.data.meeting.id)
        except CheckinError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify("Copied the chat version of the minutes to the clipboard.", timeout=3)
        self._status("Copied the chat version (plain text) to the clipboard.")

    # -- writing files ----------------------------------------------------------------------

    def action_write_markdown(self) -> None:
        self._export("Write the minutes (Markdown) to", sharing.MinutesFormat.MARKDOWN)

    def action_export_html(self) -> None:
        self._export("Export the minutes as a web page (HTML) to", sharing.MinutesFormat.HTML)

    def _export(self, title: str, fmt: sharing.MinutesFormat, path: Path | None = None) -> None:
        if self.data is None:
            return
        ws, meeting_id = self.workspace, self.data.meeting.id
        default = path or sharing.default_minutes_path(ws, meeting_id, fmt)

        def chosen(target: Path | None) -> None:
            if target is not None:
                self._write(
                    lambda: sharing.write_minutes(ws, meeting_id, target, fmt),
                    retry=lambda: self._export(title, fmt, target),
                )

        self.app.push_screen(PathModal(title, default), chosen)

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

    def _write(self, write: Callable[[], Path], retry: Callable[[], None]) -> None:
        """Write a file; on failure say why and ask again with the same path."""
        try:
            written = write()
        except CheckinError as error:
            self.notify(str(error), title="Not written", severity="error", markup=False)
            retry()
            return
        self.notify(f"Wrote {written}", title="Saved", timeout=6, markup=False)
        self._status(f"Wrote {written}")

    # -- navigation -------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        if self.data is None:
            return []
        return [
            (
                "Minutes: Copy Markdown",
                "Copy the minutes to the clipboard",
                self.action_copy_markdown,
            ),
            (
                "Minutes: Copy chat text",
                "Plain text without tables, for Slack or Teams",
                self.action_copy_chat,
            ),
            (
                "Minutes: Write Markdown file",
                "Write the minutes to a .md file",
                self.action_write_markdown,
            ),
            ("Minutes: Export HTML", "Write the minutes as a web page", self.action_export_html),
            (
                "Minutes: Export calendar (.ics)",
                "Next check-in and open action items",
                self.action_export_ics,
            ),
        ]
