"""The platform seam: the one module that knows what the operating system offers.

checkin runs on Linux, macOS and Windows. Everything that exists on some of them only (POSIX
file modes, fsync of a folder, ``os.uname``) is called from here, where each call says what
happens on a platform without it; ``tests/unit/test_portable.py`` checks that no other module
calls them. The writer lock is ``flock`` on the lock file where the platform has it (Linux,
macOS, the BSDs), taken here; elsewhere (Windows) the ``filelock`` library's (see storage/lock.py).
"""

from __future__ import annotations

import os
from pathlib import Path

try:  # POSIX only; fcntl is built into the interpreter, so importing it costs nothing
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

# POSIX permission bits mean something (Linux, macOS, the BSDs). On Windows os.chmod only sets
# or clears the read-only flag: 0o600 would make a read-only file writable, so it is not called.
POSIX_MODES = os.name == "posix"
# A folder can be opened and fsynced to make a rename in it durable (not on Windows, where
# os.replace is MoveFileEx and a folder cannot be opened as a file).
FOLDER_FSYNC = os.name == "posix" and hasattr(os, "O_DIRECTORY")


def set_mode(path: Path, mode: int) -> None:
    """``chmod`` where the platform has permission bits; nothing elsewhere (see POSIX_MODES)."""
    if POSIX_MODES:
        os.chmod(path, mode)


def read_only_file(path: Path) -> bool:
    """Whether the file's own permissions forbid writing it (0400, 0444; the read-only flag on
    Windows). By its mode, not ``os.access``: root may write anything, but a file its owner
    made read-only is meant to stay as it is."""
    import stat

    return not path.stat().st_mode & stat.S_IWUSR


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable, where the platform can (see FOLDER_FSYNC)."""
    if not FOLDER_FSYNC:
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_for_reading(path: Path) -> int:
    """A file descriptor reading ``path`` as bytes (O_BINARY where the platform has it:
    Windows would otherwise translate line ends)."""
    return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))


def read_at(fd: int, count: int, offset: int) -> bytes:
    """Up to ``count`` bytes of the open file ``fd`` from ``offset``. ``os.pread`` where the
    platform has it; elsewhere (Windows) a seek and a read, which move the file's position,
    so one thread at a time reads a descriptor that way (checkin's loader, then its backup)."""
    if hasattr(os, "pread"):
        return os.pread(fd, count, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, count)


# The whole-file advisory lock (flock) exists: the writer lock is taken with it directly, the
# same lock filelock's UnixFileLock takes on the same file, so both kinds of process exclude
# each other. Without it (Windows) the filelock library takes the lock (msvcrt byte locks).
FLOCK = fcntl is not None and hasattr(fcntl, "flock")


class FlockUnsupported(OSError):
    """The file system holding the lock file has no flock (some network and FUSE ones)."""


def open_lock_file(path: Path, mode: int) -> int:
    """A descriptor on the lock file, created with ``mode`` if missing and kept in place
    afterwards (as filelock does: waiters share one inode). Not through a symlink (as filelock:
    O_NOFOLLOW), and without waiting on a leased file (O_NONBLOCK)."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    return os.open(path, flags, mode)


def try_lock_file(fd: int) -> bool:
    """Take the exclusive flock on ``fd`` without waiting: False if another holds it. Raises
    FlockUnsupported where the file system has no flock, OSError on any other failure."""
    import errno

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK):
            return False  # some file systems say EACCES for "held"
        if error.errno == errno.ENOSYS:  # as filelock decides it (its soft-lock fallback)
            raise FlockUnsupported(error.errno, os.strerror(error.errno)) from error
        raise
    return True


def unlock_file(fd: int) -> None:
    """Let go of the flock taken on ``fd`` (closing ``fd`` would as well)."""
    fcntl.flock(fd, fcntl.LOCK_UN)


def host_name() -> str:
    """This machine's network name, to tell which computer holds a workspace's lock."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "") or _socket_host_name()


def _socket_host_name() -> str:
    import socket  # only where os.uname is missing: it costs the start-up a few milliseconds

    return socket.gethostname()


def start_file(path: Path) -> None:
    """Open ``path`` with the Windows shell's handler for its type (Windows only)."""
    os.startfile(path)  # type: ignore[attr-defined]


def sync_all() -> None:
    """Flush every file system's buffers (``sync``) where the platform has it; the benchmark
    uses it so two timed writes meet the same disk."""
    if hasattr(os, "sync"):
        os.sync()


def open_private_file(path: Path) -> int | None:
    """A file descriptor reading ``path`` if it is a regular file (a link is not followed, on
    platforms that can tell) that belongs to this user alone: owned by the process's user,
    neither readable nor writable by anyone else. None otherwise, or when it cannot be opened.

    Owner and mode are POSIX's (Linux, macOS, the BSDs); on Windows, where neither means that,
    only the file's kind is checked (the file is in the user's own profile folder)."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        private = stat.S_ISREG(info.st_mode) and (
            not POSIX_MODES
            or (info.st_uid == os.getuid() and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO))
        )
    except OSError:
        private = False
    if not private:
        os.close(fd)
        return None
    return fd
