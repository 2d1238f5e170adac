"""The signals that end checkin cleanly (save, then exit), on each platform that has them.

SIGTERM (a kill, a shutdown) exists everywhere Python runs, SIGHUP (the terminal window was
closed) on POSIX only, SIGBREAK (ctrl+break in a console) on Windows only. Each is looked up by
name, so a platform without it is skipped, never an AttributeError. The asyncio loop's
``add_signal_handler`` runs the handler in the loop; where the loop does not support it
(Windows' proactor loop raises NotImplementedError) ``signal.signal`` installs one that hands
the callback to the loop, thread-safely.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from types import FrameType
from typing import Any

EXIT_SIGNAL_NAMES = ("SIGTERM", "SIGHUP", "SIGBREAK")

Uninstall = Callable[[], None]


def exit_signals() -> list[signal.Signals]:
    """The exit signals this platform has, in EXIT_SIGNAL_NAMES order."""
    found = (getattr(signal, name, None) for name in EXIT_SIGNAL_NAMES)
    return [sig for sig in found if isinstance(sig, signal.Signals)]


def install_exit_handlers(
    loop: asyncio.AbstractEventLoop, callback: Callable[[], None]
) -> tuple[list[signal.Signals], Uninstall]:
    """Run ``callback`` in ``loop`` on each exit signal there is.

    Returns the signals handled and a function that puts the previous handlers back.
    """
    handled: list[signal.Signals] = []
    undo: list[Uninstall] = []
    for sig in exit_signals():
        try:
            loop.add_signal_handler(sig, callback)
        except NotImplementedError:
            restore = _install_with_signal_module(loop, sig, callback)
            if restore is None:
                continue
            undo.append(restore)
        except (RuntimeError, ValueError, OSError):
            continue  # not the main thread, or the loop is closing: nothing to install
        else:
            undo.append(_remover(loop, sig))
        handled.append(sig)

    def uninstall() -> None:
        while undo:
            undo.pop()()

    return handled, uninstall


def _remover(loop: asyncio.AbstractEventLoop, sig: signal.Signals) -> Uninstall:
    def remove() -> None:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.remove_signal_handler(sig)

    return remove


def _install_with_signal_module(
    loop: asyncio.AbstractEventLoop, sig: signal.Signals, callback: Callable[[], None]
) -> Uninstall | None:
    """``signal.signal`` for a loop without add_signal_handler; None where that fails too."""

    def handler(signum: int, frame: FrameType | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: nothing is left to save
            loop.call_soon_threadsafe(callback)

    try:
        previous: Any = signal.signal(sig, handler)
    except (ValueError, OSError):  # not the main thread, or a signal that cannot be caught
        return None

    def restore() -> None:
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(sig, previous if previous is not None else signal.SIG_DFL)

    return restore
