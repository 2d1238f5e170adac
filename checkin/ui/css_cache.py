"""Parsed CSS kept between runs: the start-up's CSS rules, read back instead of parsed again.

Parsing Textual CSS is about a fifth of what the app does between ``App.run`` and the accounts
home taking keys (some 9 ms of the CSS of Textual's App, Screen, Input and checkin's own
widgets and home screen), and it gives the same rules every time. After the first frame
(never before it, never on the event loop) the rules parsed for that frame go to a file in the
user's cache folder; the next start reads them back in about a millisecond.

The file holds, for one set of CSS variables (a theme), each CSS source's parsed rules under
Textual's own parse key: the CSS text itself, where it was read from, whether it is default
CSS, its tie breaker and scope. A source whose text or place changed misses and is parsed; the
file is used only by the Textual install and the Python that wrote it (it says which in a
text header, read before anything else), and only for the variables it was written with.

Format and safety: a text header line, a JSON line (versions and variables), then the rules as
a pickle. Pickle is what Textual's rule objects (``RuleSet``, ``Styles``, ``Scalar``,
``Color``...) can be written in without a converter of our own for each, and loading a pickle
runs code named in it, so the file is only read when it is what checkin wrote for this user: a
regular file (not a link), owned by the user, readable and writable by them alone (0600, in a
0700 folder of their own cache folder), and not larger than a cache of this kind can be.
Whoever can write that file can already run code as the user (their shell start-up files sit
in the same home). Anything wrong with it (missing, damaged, another version, other
variables, another owner or mode, rules that cannot be pickled) means "parse as usual": the
cache can make the start faster, never change what is shown or stop the app.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Any

import platformdirs
import textual
from textual.css.model import RuleSet

from checkin.services.paths import APP, read_private_file

CACHE_NAME = "css-rules.cache"
MAGIC = b"checkin css rules 1\n"
MAX_BYTES = 1 << 20  # the start-up's rules take about 30 kB: anything far larger is not ours

ParseKey = tuple[str, tuple[str, str], bool, int, str]  # Textual's Stylesheet._parse_rules key
Rules = dict[ParseKey, list[RuleSet]]


def css_cache_path() -> Path:
    """The cache file in checkin's user cache folder ($XDG_CACHE_HOME/checkin on Linux)."""
    return platformdirs.user_cache_path(APP) / CACHE_NAME


def _versions() -> dict[str, str]:
    """What the rules were made by: this Python, and this install of Textual (its version
    from package metadata costs 20 ms of imports; the files that define the rules' classes
    change with every install or upgrade, so their place, size and time stand for it)."""
    package = Path(textual.__file__).parent
    files = [package / "__init__.py", package / "css" / "model.py", package / "css" / "styles.py"]
    stamps = [f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in files]
    return {"textual": " ".join(stamps), "python": sys.version}


class CssCache:
    """The rules kept by the last start, read once (lazily), and the next start's rules
    written in a thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._read = False
        self._theme: str | None = None  # the theme the variables are of (``theme_key``)
        self._variables: dict[str, str] | None = None
        self._rules: Rules = {}
        self.writer: threading.Thread | None = None  # the write under way, if one is

    def _loaded(self) -> None:
        if not self._read:
            self._read = True
            self._theme, self._variables, self._rules = _load(self.path)

    def variables(self, theme: str) -> dict[str, str] | None:
        """The CSS variables kept for ``theme`` (its ``theme_key``), if the file has them:
        Textual works them out from the theme's colours in about a millisecond."""
        self._loaded()
        return dict(self._variables) if theme and theme == self._theme and self._variables else None

    def rules(self, variables: dict[str, str]) -> Rules:
        """The kept rules, if they were parsed with ``variables`` (else none)."""
        self._loaded()
        return self._rules if variables == self._variables else {}

    def keep(self, theme: str, variables: dict[str, str], rules: Rules) -> threading.Thread | None:
        """Write ``rules`` (parsed with ``variables``, those of ``theme``: its ``theme_key``)
        for the next start, in a thread; nothing when the file already holds each of them.
        Returns the thread (tests wait for it)."""
        kept = self.rules(variables)
        rules = {key: found for key, found in rules.items() if _valid(key, found)}
        same = theme == self._theme and all(kept.get(k) is f for k, f in rules.items())
        if not rules or same:
            return None  # every rule came from the file: it is up to date
        self._theme, self._variables, self._rules = theme, dict(variables), dict(rules)
        # Not a daemon: a start that quits at once still finishes (an atomic replace) its write.
        self.writer = threading.Thread(
            target=_save,
            args=(self.path, self._theme, self._variables, self._rules),
            name="css-cache",
        )
        self.writer.start()
        return self.writer


def _valid(key: object, rules: object) -> bool:
    """A parse key and rules as Textual makes them, and no rule with an error (those are
    reported by parsing them again)."""
    return (
        isinstance(key, tuple)
        and len(key) == 5
        and isinstance(key[0], str)
        and isinstance(key[1], tuple)
        and isinstance(rules, list)
        and all(isinstance(rule, RuleSet) and not rule.errors for rule in rules)
    )


def theme_key(theme: object) -> str:
    """What a theme's CSS variables are worked out from: its every colour and setting."""
    return repr(theme)


def _load(path: Path) -> tuple[str | None, dict[str, str] | None, Rules]:
    """The theme, variables and rules in the file; (None, None, {}) when it is missing or
    not usable."""
    import pickle

    try:
        data = read_private_file(path, MAX_BYTES)
        if data is None or not data.startswith(MAGIC):
            return None, None, {}
        header_end = data.index(b"\n", len(MAGIC))
        header = json.loads(data[len(MAGIC) : header_end])
        if not isinstance(header, dict) or header.get("versions") != _versions():
            return None, None, {}
        variables = header.get("variables")
        if not isinstance(variables, dict):
            return None, None, {}
        loaded: Any = pickle.loads(data[header_end + 1 :])
        if not isinstance(loaded, dict):
            return None, None, {}
        rules: Rules = {key: found for key, found in loaded.items() if _valid(key, found)}
        theme = header.get("theme")
        return theme if isinstance(theme, str) else None, variables, rules
    except Exception:  # a cache is never worth a failed start
        return None, None, {}


def _save(path: Path, theme: str | None, variables: dict[str, str], rules: Rules) -> None:
    """Write the file atomically (0600, in a 0700 folder); a failure leaves it as it was."""
    import pickle

    from checkin.services.paths import write_private_file

    try:
        header = {"versions": _versions(), "theme": theme, "variables": variables}
        header_line = json.dumps(header).encode()
        body = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        if len(body) + len(header_line) < MAX_BYTES:
            write_private_file(path, MAGIC + header_line + b"\n" + body)
    except Exception:  # unpicklable rules, a full disk: parse next time
        return
