"""The signals that save and exit: each where the platform has it, through the asyncio loop or,
where the loop cannot (Windows' proactor loop), through signal.signal."""

from __future__ import annotations

import asyncio
import random
import signal
import sys
from collections.abc import Callable
from typing import Any, cast

import pytest

from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.signals import EXIT_SIGNAL_NAMES, exit_signals, install_exit_handlers
from tests.conftest import NOW

needs_posix_signals = pytest.mark.skipif(
    sys.platform == "win32", reason="simulates other platforms with POSIX signals"
)


class LoopWithoutSignals:
    """Stands in for an event loop whose add_signal_handler is not implemented."""

    def __init__(self) -> None:
        self.scheduled: list[Callable[[], None]] = []

    def add_signal_handler(self, sig: int, callback: Callable[..., object]) -> None:
        raise NotImplementedError

    def call_soon_threadsafe(self, callback: Callable[[], None]) -> None:
        self.scheduled.append(callback)


def as_loop(loop: LoopWithoutSignals) -> asyncio.AbstractEventLoop:
    return cast(asyncio.AbstractEventLoop, loop)


def test_the_exit_signals_are_those_this_platform_has() -> None:
    expected = [getattr(signal, n) for n in EXIT_SIGNAL_NAMES if hasattr(signal, n)]
    assert exit_signals() == expected
    assert signal.SIGTERM in exit_signals()
    if sys.platform != "win32":
        assert exit_signals() == [signal.SIGTERM, signal.SIGHUP]


@needs_posix_signals
def test_a_platform_without_sighup_handles_what_it_has(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on Windows: no SIGHUP, a SIGBREAK (SIGUSR1 stands in for it here)."""
    hup = signal.SIGHUP
    monkeypatch.delattr(signal, "SIGHUP")
    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    assert exit_signals() == [signal.SIGTERM, signal.SIGUSR1]

    before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGUSR1, hup)}
    loop = LoopWithoutSignals()
    calls: list[str] = []
    handled, uninstall = install_exit_handlers(as_loop(loop), lambda: calls.append("saved"))
    try:
        assert handled == [signal.SIGTERM, signal.SIGUSR1]
        assert signal.getsignal(hup) == before[hup], "SIGHUP was touched"
        signal.raise_signal(signal.SIGUSR1)  # ctrl+break, as far as checkin knows
        signal.raise_signal(signal.SIGTERM)
        assert len(loop.scheduled) == 2  # handed to the loop, not run in the handler
        assert calls == []
        for callback in loop.scheduled:
            callback()
        assert calls == ["saved", "saved"]
    finally:
        uninstall()
    assert {sig: signal.getsignal(sig) for sig in before} == before


@needs_posix_signals
def test_add_signal_handler_is_used_where_the_loop_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(signal, "SIGHUP")
    loop = asyncio.new_event_loop()
    try:
        handled, uninstall = install_exit_handlers(loop, lambda: None)
        assert handled == [signal.SIGTERM]
        assert loop.remove_signal_handler(signal.SIGTERM) is True  # it was the loop's
        uninstall()  # and removing it again is harmless
    finally:
        loop.close()
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_nothing_is_installed_where_no_handler_can_be(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off the main thread neither the loop nor signal.signal can install one: no error."""

    def refuse(*args: Any) -> Any:
        raise ValueError("signal only works in main thread of the main interpreter")

    monkeypatch.setattr(signal, "signal", refuse)
    handled, uninstall = install_exit_handlers(as_loop(LoopWithoutSignals()), lambda: None)
    assert handled == []
    uninstall()


@needs_posix_signals
async def test_the_app_without_sighup_saves_and_exits_on_sigterm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hup = signal.SIGHUP
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, hup)}
    monkeypatch.delattr(signal, "SIGHUP")
    ws = Workspace.in_memory(clock=lambda: NOW, rng=random.Random(1))
    app = CheckinApp(ws)
    saved: list[bool] = []
    monkeypatch.setattr(app, "save_everything", lambda: saved.append(True))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert signal.getsignal(signal.SIGTERM) != before[signal.SIGTERM], "not handled"
        assert signal.getsignal(hup) == before[hup]
        signal.raise_signal(signal.SIGTERM)
        for _ in range(50):
            if not app.is_running:
                break
            await pilot.pause(0.02)
    assert saved == [True]
    assert app.return_code == 0
    assert {sig: signal.getsignal(sig) for sig in before} == before  # handlers put back
