"""checkin runs on Linux, macOS and Windows: what exists on some of them only is called from
the storage platform seam (checkin/storage/platform.py) and nowhere else."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from checkin.storage import platform
from tests.unit.test_layers import imported_modules

PACKAGE = Path(__file__).parents[2] / "checkin"
SEAM = PACKAGE / "storage" / "platform.py"

# Modules that exist on one family of platforms only.
PLATFORM_MODULES = {
    "fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "syslog", "crypt",
    "spwd", "nis", "msvcrt", "winreg", "winsound", "_winapi", "nt",
}  # fmt: skip
# Functions and constants of os and signal that some platform lacks (or, for chmod, that do
# something else on Windows).
PLATFORM_NAMES = {
    "os": {
        "getuid", "geteuid", "getgid", "getegid", "getgroups", "setuid", "setgid", "chown",
        "fchown", "lchown", "chmod", "fchmod", "lchmod", "uname", "fork", "forkpty", "killpg",
        "getpgid", "setpgid", "setsid", "getsid", "statvfs", "fstatvfs", "pread", "pwrite",
        "preadv", "pwritev", "mkfifo", "mknod", "sync", "getloadavg", "nice", "wait3", "wait4",
        "WNOHANG", "O_DIRECTORY", "O_NOFOLLOW", "O_CLOEXEC", "O_NONBLOCK", "O_SYNC", "O_DSYNC",
        "O_BINARY", "sched_getaffinity", "posix_fadvise", "posix_fallocate", "ttyname",
        "openpty", "chroot", "startfile", "add_dll_directory",
    },
    "signal": {
        "SIGHUP", "SIGKILL", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGQUIT", "SIGCHLD", "SIGPIPE",
        "SIGTSTP", "SIGCONT", "SIGWINCH", "SIGSTOP", "SIGBREAK", "CTRL_C_EVENT",
        "CTRL_BREAK_EVENT", "alarm", "pause", "setitimer", "getitimer", "siginterrupt",
        "pthread_kill", "pthread_sigmask", "sigwait", "sigpending",
    },
}  # fmt: skip
# Methods that mean POSIX permission bits whatever object they are called on (Path.chmod...).
PLATFORM_METHODS = {"chmod", "lchmod", "fchmod"}


def platform_uses(source: str) -> list[str]:
    """Each use in ``source`` of something only some platforms have, as 'line: name'."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}  # local name -> the module it is
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                aliases[alias.asname or top] = top
                if top in PLATFORM_MODULES:
                    found.append(f"{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            if top in PLATFORM_MODULES:
                found.append(f"{node.lineno}: from {node.module} import ...")
            for alias in node.names:
                if alias.name in PLATFORM_NAMES.get(top, ()):
                    found.append(f"{node.lineno}: from {top} import {alias.name}")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        if isinstance(node.value, ast.Name):
            module = aliases.get(node.value.id)
            if module is not None and node.attr in PLATFORM_NAMES.get(module, ()):
                found.append(f"{node.lineno}: {module}.{node.attr}")
                continue
        if node.attr in PLATFORM_METHODS:
            found.append(f"{node.lineno}: .{node.attr}")
    return sorted(set(found), key=lambda s: int(s.split(":")[0]))


def modules_outside_the_seam() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if p != SEAM]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import fcntl\nfcntl.flock(fd, fcntl.LOCK_EX)", ["1: import fcntl"]),
        ("import os as o\no.getuid()", ["2: os.getuid"]),
        ("from os import fchmod", ["1: from os import fchmod"]),
        ("import os\nfd = os.open(p, os.O_RDONLY | os.O_DIRECTORY)", ["2: os.O_DIRECTORY"]),
        ("import signal\nsignal.signal(signal.SIGHUP, h)", ["2: signal.SIGHUP"]),
        ("from pathlib import Path\nPath('x').chmod(0o600)", ["2: .chmod"]),
        ("import msvcrt", ["1: import msvcrt"]),
        ("import os, signal\nos.replace(a, b)\nsignal.signal(signal.SIGTERM, h)", []),
        ("import signal\ngetattr(signal, 'SIGHUP', None)", []),
    ],
)
def test_the_check_finds_platform_only_calls(source: str, expected: list[str]) -> None:
    assert platform_uses(source) == expected


def test_no_platform_only_call_outside_the_storage_platform_seam() -> None:
    offenders = {
        str(p.relative_to(PACKAGE)): uses
        for p in modules_outside_the_seam()
        if (uses := platform_uses(p.read_text(encoding="utf-8")))
    }
    assert offenders == {}, f"move these into checkin/storage/platform.py: {offenders}"


def test_the_seam_is_where_they_are() -> None:
    uses = " ".join(platform_uses(SEAM.read_text(encoding="utf-8")))
    assert "os.O_DIRECTORY" in uses and "os.chmod" in uses and "os.uname" in uses


def test_only_the_lock_imports_filelock() -> None:
    importers = [
        p.relative_to(PACKAGE)
        for p in sorted(PACKAGE.rglob("*.py"))
        if "filelock" in imported_modules(p)
    ]
    assert importers == [Path("storage/lock.py")]


def test_modes_and_folder_fsync_where_the_platform_has_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f"
    target.write_bytes(b"x")
    target.chmod(0o644)
    monkeypatch.setattr(platform, "POSIX_MODES", False)  # as on Windows: the flag is left
    platform.set_mode(target, 0o600)
    assert target.stat().st_mode & 0o777 == 0o644
    monkeypatch.setattr(platform, "FOLDER_FSYNC", False)  # as on Windows: nothing to open
    platform.fsync_dir(tmp_path / "no such folder")
    monkeypatch.undo()
    if platform.POSIX_MODES:
        platform.set_mode(target, 0o600)
        assert target.stat().st_mode & 0o777 == 0o600
    if platform.FOLDER_FSYNC:
        platform.fsync_dir(tmp_path)
        with pytest.raises(FileNotFoundError):
            platform.fsync_dir(tmp_path / "no such folder")


def test_host_name_without_uname(monkeypatch: pytest.MonkeyPatch) -> None:
    assert platform.host_name()
    monkeypatch.delattr(platform.os, "uname", raising=False)
    monkeypatch.setenv("COMPUTERNAME", "WIN-LAPTOP")
    assert platform.host_name() == "WIN-LAPTOP"
    monkeypatch.delenv("COMPUTERNAME")
    assert platform.host_name()  # from the socket module
