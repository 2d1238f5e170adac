"""A real terminal for end-to-end tests: the installed ``checkin`` in a private tmux session."""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shlex
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

POLL = 0.05  # seconds between two looks at the screen
TIMEOUT = 10.0  # default wait for something to appear; generous for a loaded CI machine
SIZE = (120, 40)

# Each terminal's private tmux server starts with no config file (-f /dev/null) and these
# options, set in the same command sequence that creates the session, before the program runs.
TMUX_OPTIONS = (
    ("default-shell", "/bin/sh"),
    ("status", "off"),  # the whole window is the program's screen
    ("remain-on-exit", "on"),  # an ended program's last screen and exit status stay readable
)

# Textual's key names for the keys tests use most, as tmux names them.
KEY_NAMES = {
    "enter": "Enter",
    "escape": "Escape",
    "tab": "Tab",
    "shift+tab": "BTab",
    "backspace": "BSpace",
    "delete": "DC",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "home": "Home",
    "end": "End",
    "pageup": "PPage",
    "pagedown": "NPage",
    "space": "Space",
}

_counter = itertools.count()


def tmux_path() -> str | None:
    """The tmux executable, or None when the machine has none."""
    return shutil.which("tmux")


def tmux_key(key: str) -> str:
    """``ctrl+q`` -> ``C-q``, ``escape`` -> ``Escape``; tmux names pass through unchanged."""
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    if key.startswith("ctrl+") and len(key) > len("ctrl+"):
        return "C-" + tmux_key(key[len("ctrl+") :])
    if re.fullmatch(r"f\d{1,2}", key):
        return key.upper()
    return key


class TerminalTimeout(AssertionError):
    """What a test waited for did not happen; the message ends with the last screen."""


class Terminal:
    """One program in its own tmux session (and private tmux server) of a given size.

    The program is exec'd, so ``pid()`` is the program itself. The pane stays after the
    program ends (``remain-on-exit``): its last screen and exit status can still be read.
    """

    def __init__(
        self,
        argv: list[str],
        *,
        env: Mapping[str, str],
        cwd: Path,
        size: tuple[int, int] = SIZE,
    ) -> None:
        tmux = tmux_path()
        if tmux is None:
            raise RuntimeError("tmux is not installed")
        self.argv = argv
        self.size = size
        self.name = f"checkin-e2e-{os.getpid()}-{next(_counter)}-{uuid.uuid4().hex[:6]}"
        self._tmux = tmux
        self._closed = False
        command = "exec " + shlex.join(["env", "-i", *(f"{k}={v}" for k, v in env.items()), *argv])
        width, height = size
        options = [arg for name, value in TMUX_OPTIONS for arg in ("set", "-g", name, value, ";")]
        self._tmux_run(
            "-f", "/dev/null", *options, "new-session", "-d", "-s", self.name,
            "-x", str(width), "-y", str(height), "-c", str(cwd), command,
        )  # fmt: skip
        try:
            # tmux leaves its socket file behind when the server exits: remember it.
            socket, server, shape = self._pane(
                "#{socket_path}|#{pid}|#{pane_width}x#{pane_height}"
            ).split("|")
            self._socket = Path(socket)
            self._server_pid = int(server)
            if shape != f"{width}x{height}":
                raise RuntimeError(f"tmux made a {shape} terminal instead of {width}x{height}")
        except BaseException:
            self._tmux_run("kill-session", "-t", self.name, check=False)
            raise

    # -- tmux ------------------------------------------------------------------------------

    def _tmux_run(self, *args: str, check: bool = True) -> str:
        # A private server per terminal: -L names its socket. TMUX is dropped so that a test
        # run from inside someone's tmux does not talk to (or nest in) their server.
        env = {k: v for k, v in os.environ.items() if k != "TMUX"}
        done = subprocess.run(
            [self._tmux, "-L", self.name, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=10,
            check=False,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args[:3])}... failed: {done.stderr.strip()}")
        return done.stdout

    def _server_running(self) -> bool:
        env = {k: v for k, v in os.environ.items() if k != "TMUX"}
        done = subprocess.run(
            [self._tmux, "-L", self.name, "list-sessions"],
            capture_output=True,
            env=env,
            timeout=10,
            check=False,
        )
        return done.returncode == 0

    def _pane(self, fmt: str) -> str:
        return self._tmux_run("display-message", "-p", "-t", self.name, fmt).strip()

    # -- input -----------------------------------------------------------------------------

    def send(self, *keys: str) -> None:
        """Press keys, by Textual name (``ctrl+q``, ``escape``) or tmux name (``C-q``).

        Wait for the effect of ``escape`` before typing more: a letter right after it can
        reach the program as alt+letter.
        """
        self._tmux_run("send-keys", "-t", self.name, *(tmux_key(key) for key in keys))

    def type(self, text: str) -> None:
        """Type text literally (``send-keys -l``): no key names are interpreted."""
        self._tmux_run("send-keys", "-t", self.name, "-l", "--", text)

    # -- output ----------------------------------------------------------------------------

    def screen(self) -> str:
        """What the terminal shows now, one line per row, trailing blanks removed."""
        return self._capture()

    def text(self) -> str:
        """Everything printed so far, scrollback included, wrapped lines joined.

        For commands that print and end: tmux scrolls the screen up one line to show
        "Pane is dead" when a program ends, so its first line may be in the scrollback.
        """
        lines = self._capture("-J", "-S", "-").splitlines()
        printed = [line for line in lines if not line.startswith("Pane is dead (")]
        return "\n".join(printed).strip("\n")

    def _capture(self, *flags: str) -> str:
        text = self._tmux_run("capture-pane", "-p", *flags, "-t", self.name)
        return "\n".join(line.rstrip() for line in text.splitlines())

    def line(self, needle: str) -> str:
        """The first line of the screen that contains ``needle``."""
        screen = self.screen()
        for line in screen.splitlines():
            if needle in line:
                return line
        raise AssertionError(f"no line with {needle!r} on the screen:\n{screen}")

    def wait_for(self, pattern: str | re.Pattern[str], timeout: float = TIMEOUT) -> str:
        """Poll until the screen contains ``pattern`` (text, or a regex); returns that screen."""
        return self._wait(pattern, present=True, timeout=timeout)

    def wait_gone(self, pattern: str | re.Pattern[str], timeout: float = TIMEOUT) -> str:
        """Poll until the screen no longer contains ``pattern``; returns that screen."""
        return self._wait(pattern, present=False, timeout=timeout)

    def _wait(self, pattern: str | re.Pattern[str], *, present: bool, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self._capture("-J")  # a long message may wrap
            found = pattern in screen if isinstance(pattern, str) else bool(pattern.search(screen))
            if found == present:
                return screen
            if time.monotonic() > deadline:
                what = pattern if isinstance(pattern, str) else pattern.pattern
                verb = "to appear" if present else "to go away"
                raise TerminalTimeout(
                    f"waited {timeout:.1f} s for {what!r} {verb} in `{shlex.join(self.argv)}`;"
                    f" the screen was:\n{screen}"
                )
            time.sleep(POLL)

    # -- the program -----------------------------------------------------------------------

    def pid(self) -> int:
        """The program's process id (for signals)."""
        return int(self._pane("#{pane_pid}"))

    @property
    def running(self) -> bool:
        return self._pane("#{pane_dead}") != "1"

    def exit_status(self, timeout: float = TIMEOUT) -> int:
        """Wait for the program to end: its exit code, or minus the signal that killed it."""
        deadline = time.monotonic() + timeout
        nudges = 0
        while True:
            dead, status, sig = self._pane(
                "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}"
            ).split("|")
            if dead == "1":
                if status or sig:
                    return -int(sig) if sig else int(status)
                if nudges == 20:
                    raise RuntimeError(
                        f"`{shlex.join(self.argv)}` ended but tmux reports neither an exit "
                        "status nor a signal (tmux reports signals from version 3.3 on)"
                    )
                # tmux built with libutempter can miss the SIGCHLD of a pane that ends while
                # the pty's utmp record is being removed (tmux issue #311): the program is a
                # zombie nobody collects. A SIGCHLD to our private server makes it look again.
                os.kill(self._server_pid, signal.SIGCHLD)
                nudges += 1
            if time.monotonic() > deadline:
                raise TerminalTimeout(
                    f"`{shlex.join(self.argv)}` still runs after {timeout:.1f} s; "
                    f"the screen is:\n{self.text()}"
                )
            time.sleep(POLL)

    def modes_left_on(self) -> list[str]:
        """Terminal modes a program should turn off when it ends but left on.

        (The cursor cannot be checked: tmux hides it in a pane whose program has ended.)
        """
        alternate, mouse = self._pane("#{alternate_on}|#{mouse_any_flag}").split("|")
        left = ["alternate screen"] if alternate == "1" else []
        return left + (["mouse reporting"] if mouse == "1" else [])

    def send_signal(self, sig: signal.Signals) -> None:
        """Send ``sig`` to the program (SIGKILL for a crash, SIGTERM, SIGHUP...)."""
        os.kill(self.pid(), sig)

    def close_window(self, timeout: float = TIMEOUT) -> None:
        """Close the terminal window as a user would; waits until the program is gone."""
        pid = self.pid()
        self.kill()
        wait_for_exit(pid, timeout)

    def kill(self) -> None:
        """End this session (and so its private server); safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._tmux_run("kill-session", "-t", self.name, check=False)
        # The private server exits with its last session; then its socket file can go.
        deadline = time.monotonic() + TIMEOUT
        while self._server_running():
            if time.monotonic() > deadline:
                return
            time.sleep(POLL)
        self._socket.unlink(missing_ok=True)

    @property
    def closed(self) -> bool:
        """True once ``kill`` ended the session."""
        return self._closed


# What the ``launch`` fixture gives a test: ``launch(*checkin_args, size=..., env=...)``.
Launch = Callable[..., Terminal]


def wait_for_exit(pid: int, timeout: float = TIMEOUT) -> None:
    """Poll until no process has ``pid`` (for programs that are not our children)."""
    deadline = time.monotonic() + timeout
    while _alive(pid):
        if time.monotonic() > deadline:
            raise TerminalTimeout(f"process {pid} still runs after {timeout:.1f} s")
        time.sleep(POLL)


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs; a zombie (ended, not yet collected by its parent) does not."""
    try:
        # The state follows the parenthesised command name, which may itself hold spaces.
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        return state not in ("Z", "X")
    except FileNotFoundError:
        return False
    except (OSError, IndexError):
        pass  # no /proc (macOS): ask the kernel instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def kill_quietly(terminal: Terminal) -> None:
    """Teardown: end the session; a program that ignores SIGHUP gets SIGKILL."""
    try:
        pid = terminal.pid() if not terminal.closed and terminal.running else None
    except (RuntimeError, ValueError, subprocess.TimeoutExpired):
        pid = None
    terminal.kill()
    if pid is not None:
        try:
            wait_for_exit(pid, timeout=5)
        except TerminalTimeout:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
