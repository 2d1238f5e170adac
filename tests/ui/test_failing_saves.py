"""The app on a disk that refuses saves (issue 19): it keeps running with a banner that stays,
keeps the change and retries, and says so once a save goes through; ctrl+q warns first."""

from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path

import pytest

from checkin.services.workspace import Workspace
from checkin.storage import durable
from checkin.ui.app import CheckinApp
from tests.conftest import NOW


def messages(app: CheckinApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def wait_for(app: CheckinApp, pilot: object, text: str, seconds: float = 5) -> None:
    for _ in range(int(seconds / 0.05)):
        if any(text in m for m in messages(app)):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{text!r} never shown; notifications: {messages(app)}")


async def test_a_failing_save_shows_a_banner_until_one_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(durable, "RETRY_SECONDS", 0.1)
    db = tmp_path / "db.json"
    ws = Workspace.open(db, clock=lambda: NOW)
    app = CheckinApp(ws, exit_at=None)
    real = os.fdatasync
    async with app.run_test() as pilot:
        await pilot.pause()

        def full(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fdatasync", full)
        ws.add_account(name="Typed while full", slug="full")
        await wait_for(app, pilot, "Could not save (No space left on device)")
        assert app.is_running
        await pilot.press("ctrl+q")  # saves fail: the first ctrl+q only warns
        await wait_for(app, pilot, "press ctrl+q again to quit anyway")
        assert app.is_running
        monkeypatch.setattr(os, "fdatasync", real)
        await wait_for(app, pilot, "Saved again: everything is on disk")
        assert not any("Could not save" in m for m in messages(app)), messages(app)
        assert ws.flush(timeout=5)
    ws.close()
    again = Workspace.open(db, clock=lambda: NOW, read_only=True)
    assert [a.name for a in again.accounts()] == ["Typed while full"]
