"""Notes autosave while typing in a live check-in: how long each save holds the event loop."""

from __future__ import annotations

import asyncio
from pathlib import Path

from checkin.bench.generate import NOW


async def _type_notes(path: Path, chars: int) -> list[float]:
    from checkin.services import meetings
    from checkin.services.workspace import Workspace
    from checkin.ui.app import CheckinApp
    from checkin.ui.screens.live import LiveScreen

    ws = Workspace.open(path)
    saves: list[float] = []
    storage = ws.store.storage
    try:
        account = max(ws.accounts(), key=lambda a: len(ws.store.issues.ids_for_account(a.id)))
        meeting = meetings.meeting_to_run(ws, account)
        app = CheckinApp(ws, exit_at="bench")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.run_meeting(meeting)
            await pilot.pause()
            assert isinstance(app.screen, LiveScreen)
            storage.on_saved = lambda: saves.append(storage.last_save_seconds)
            text = "Client confirms the fix works for Madrid; Lyon still sees delays. "
            for n in range(chars):
                await pilot.press(text[n % len(text)])
                await asyncio.sleep(0.05)  # a brisk typist: about 10 keys a second with the press
            app.save_everything()
    finally:
        ws.close()
    return saves


def type_notes(path: Path, chars: int = 200) -> list[float]:
    """Durations (seconds) of every save while ``chars`` keys are typed into the notes."""
    return asyncio.run(_type_notes(path, chars))


__all__ = ["NOW", "type_notes"]
