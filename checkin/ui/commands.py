"""Command palette providers: "Area: Verb object" commands, offered only when possible (a
screen's come from its command table, :mod:`checkin.ui.command_table`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from checkin.ui.command_table import PaletteEntry


@runtime_checkable
class HasCommands(Protocol):
    def palette_commands(self) -> Iterable[PaletteEntry]: ...


def highlight(matcher: Matcher, title: str) -> Content:
    """Like ``Matcher.highlight`` but never reads the title as markup (account names)."""
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def search_commands(matcher: Matcher, commands: Iterable[PaletteEntry]) -> Iterable[Hit]:
    for title, help_text, callback in commands:
        if (score := matcher.match(title)) > 0:
            yield Hit(score, highlight(matcher, title), callback, help=help_text)


class ScreenCommands(Provider):
    """The commands of the screen the palette was opened from."""

    def _commands(self) -> list[PaletteEntry]:
        screen = self.screen
        return list(screen.palette_commands()) if isinstance(screen, HasCommands) else []

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(Content(title), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        for hit in search_commands(self.matcher(query), self._commands()):
            yield hit


class AccountCommands(Provider):
    """ "Accounts: Open <name>" and "Agenda: Plan <name>" for every account."""

    def _commands(self) -> list[PaletteEntry]:
        app: Any = self.app
        found: list[PaletteEntry] = []
        for account in app.workspace.accounts():
            found.append(
                (
                    f"Accounts: Open {account.name}",
                    f"Issues, roadmap, feedback, actions and health of {account.name}",
                    partial(app.open_account, account),
                )
            )
            found.append(
                (
                    f"Agenda: Plan {account.name}",
                    "Plan the next check-in",
                    partial(app.plan_agenda, account),
                )
            )
        return found

    async def search(self, query: str) -> Hits:
        for hit in search_commands(self.matcher(query), self._commands()):
            yield hit
