"""The app's start-up: the first frame comes first, what can wait runs after it, the user's
key map is applied (what it got wrong is told once the first screen is up), and the
milestones the benchmark reads ("ready", "settled", the longest input stall)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checkin.ui.css_cache import CssCache, theme_key
from checkin.ui.stylesheet import KeptStylesheet

if TYPE_CHECKING:
    from textual.app import App

    AppPart = App[None]  # what a part of the app can use of it
else:
    # A part of the app, not a Textual class of its own: every App subclass costs a third of
    # a millisecond to build at import (Textual collects its bindings, CSS and reactives),
    # before the first frame. CheckinApp lists App after its parts.
    AppPart = object

STALL_TICK = 0.005  # how often the benchmark's stall watch looks at the event loop


class UserKeys(AppPart):
    """The app's part that holds the user's key map and says what was wrong with it."""

    _key_problems: tuple[str, ...] = ()

    def use_keys(self, keymap: dict[str, str], problems: Sequence[str] = ()) -> None:
        """The user's key map (binding id -> keys, from config.json); ``problems`` (entries
        left out) are told once the first screen is up (:meth:`tell_key_problems`)."""
        self.set_keymap(keymap)
        self._key_problems = tuple(problems)

    def tell_key_problems(self) -> None:
        if self._key_problems:
            title = "Some keys of config.json were left out"
            text = "\n".join(self._key_problems) + "\n(`checkin keys` lists the binding ids)"
            self.notify(text, title=title, severity="warning", timeout=10, markup=False)


class StartUp(UserKeys):
    """The app's part that runs its start-up: milestones, and work deferred to after the first
    frame."""

    def __init__(self, *, exit_at: str | None = None, css_cache: Path | None = None) -> None:
        """``exit_at``: the milestone the benchmark exits at (None: run until quit);
        ``css_cache``: the file of parsed CSS kept between starts (css_cache.py; None: none,
        as in the tests)."""
        super().__init__()
        cache = self._css_cache = CssCache(css_cache) if css_cache is not None else None
        kept = KeptStylesheet(variables=self.stylesheet._variables, cache=cache)
        kept.source = self.stylesheet.source.copy()
        self.stylesheet = kept
        self._css_variables: dict[str, tuple[object, dict[str, str]]] = {}  # theme -> variables
        self._exit_at = exit_at
        self.milestones: dict[str, float] = {}  # start-up milestone -> wall-clock time
        self._first_frame_shown = False
        self._after_first_frame: list[Callable[[], object]] = []

    def get_css_variables(self) -> dict[str, str]:
        """Textual works the theme's colours out at every CSS refresh (twice before the first
        frame, for the same theme, about a millisecond each): here once per theme."""
        known: dict[str, tuple[object, dict[str, str]]] | None = self.__dict__.get("_css_variables")
        if known is None:
            # Textual's __init__ asks, for its default theme, before the app has chosen its
            # own: nothing is parsed before that, and theme_chosen sets the chosen theme's.
            return {}
        theme = self.current_theme
        kept = known.get(theme.name)
        if kept is None or kept[0] is not theme:  # a theme registered again under its name
            kept = known[theme.name] = (theme, self._theme_variables(theme))
        self.theme_variables = dict(kept[1])
        return dict(kept[1])

    def _theme_variables(self, theme: object) -> dict[str, str]:
        """The theme's variables: as the CSS cache kept them for this very theme, else worked
        out by Textual (and kept by the cache with the rules at the next write)."""
        cache = self._css_cache
        if cache is None:
            return super().get_css_variables()
        kept = cache.variables(theme_key(theme))
        return kept if kept is not None else super().get_css_variables()

    def theme_chosen(self) -> None:
        """The app has set its theme (in its __init__): the stylesheet takes that theme's
        variables, worked out once (not Textual's default theme's first, then these)."""
        self.stylesheet.set_variables(self.get_css_variables())

    def reached(self, milestone: str) -> None:
        """Screens report start-up milestones ("ready", "settled"); the benchmark exits at one."""
        self.milestones.setdefault(milestone, time.time())
        if milestone == "ready" and self._exit_at == "settled":
            self._watch_stalls()
        if milestone == self._exit_at:
            self.exit()

    def _watch_stalls(self) -> None:
        """For the benchmark: from the first frame on, the longest time the event loop could
        not have taken a key (a timer every few milliseconds, late by as long as the loop was
        busy or waited for the processor), as milestones["longest_stall"] in seconds."""
        loop = asyncio.get_running_loop()
        self.milestones["longest_stall"] = 0.0

        async def watch() -> None:
            while True:
                before = loop.time()
                await asyncio.sleep(STALL_TICK)
                late = loop.time() - before - STALL_TICK
                self.milestones["longest_stall"] = max(self.milestones["longest_stall"], late)

        self._stall_watch = asyncio.create_task(watch())

    def first_frame_shown(self) -> None:
        """The first frame is on the screen: what waited for it runs after the next refresh."""
        self._first_frame_shown = True
        if isinstance(self.stylesheet, KeptStylesheet):
            # What the first frame parsed is written for the next start, in a thread.
            self.stylesheet.keep_for_next_start(theme_key(self.current_theme))
        waiting, self._after_first_frame = self._after_first_frame, []
        for callback in waiting:
            self.call_after_refresh(callback)

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the first frame is on the screen (after the next refresh
        when it already is): work a screen can show later leaves the first frame alone."""
        if self._first_frame_shown:
            self.call_after_refresh(callback)
        else:
            self._after_first_frame.append(callback)
