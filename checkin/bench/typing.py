"""Key-to-screen latency while typing notes in a live check-in, against a bare TextArea.

A thread posts real key events to the running app (``events.Key`` posted through
``call_from_thread``) at a human pace, about 12 keys a second with jitter; each key's latency
is from posting it to the first frame handed to the driver (``App._display``) after the notes
hold it. The live screen's one-second tick and autosave run meanwhile, as in a call.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from pathlib import Path
from typing import Any

TEXT = "Client confirms the fix works for Madrid and Lyon still sees delays "  # letters, spaces


class _Clock:
    """Posts keys from a thread and times each one to the frame that shows it."""

    def __init__(self, app: Any, area: Any, keys: int, seed: int) -> None:
        self.app = app
        self.area = area
        self.keys = keys
        self.rng = random.Random(seed)
        self.posted: list[tuple[float, int]] = []  # (when, length of the notes it needs)
        self.latencies: list[float] = []
        self.done = threading.Event()
        self._start_length = len(area.text)
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            now = time.perf_counter()
            length = len(self.area.text)
            while self.posted and self.posted[0][1] <= length:
                self.latencies.append(now - self.posted.pop(0)[0])

        app._display = display

    def post(self) -> None:
        for n in range(self.keys):
            char = TEXT[n % len(TEXT)]
            key = "space" if char == " " else char
            need = self._start_length + n + 1

            def send(key: str = key, char: str = char, need: int = need) -> None:
                from textual import events

                self.posted.append((time.perf_counter(), need))
                self.app.post_message(events.Key(key, char))

            self.app.call_from_thread(send)
            time.sleep(self.rng.uniform(0.05, 0.115))  # about 12 keys a second
        time.sleep(0.3)
        self.done.set()


async def _run(app: Any, area_of: Any, keys: int, prepare: Any = None) -> list[float]:
    result: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if prepare is not None:
            prepare()
            await pilot.pause()
        area = area_of()
        area.focus()
        await pilot.pause()
        clock = _Clock(app, area, keys, seed=14)
        poster = threading.Thread(target=clock.post, daemon=True)
        poster.start()
        while not clock.done.is_set():
            await asyncio.sleep(0.05)
        poster.join()
        result = clock.latencies
    return result


def bare_latencies(keys: int) -> list[float]:
    """A bare Textual app with one TextArea."""
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea(soft_wrap=True, show_line_numbers=False)

    app = Bare()
    return asyncio.run(_run(app, lambda: app.query_one(TextArea), keys))


def live_latencies(path: Path, keys: int) -> tuple[list[float], int]:
    """Checkin's live screen on ``path``'s busiest account; returns the latencies and how
    many saves the autosave made meanwhile."""
    from checkin.core.records import Issue
    from checkin.services import meetings
    from checkin.services.workspace import Workspace
    from checkin.ui.app import CheckinApp
    from checkin.ui.screens.live import NotesArea

    ws = Workspace.open(path)
    try:
        account = max(ws.accounts(), key=lambda a: ws.count(Issue, a.id))
        meeting = meetings.meeting_to_run(ws, account)
        app = CheckinApp(ws, exit_at="bench")
        before = ws.saves
        latencies = asyncio.run(
            _run(
                app,
                lambda: app.screen.query_one(NotesArea),
                keys,
                prepare=lambda: app.run_meeting(meeting),
            )
        )
        saves = ws.saves - before
    finally:
        ws.close()
    return latencies, saves


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
