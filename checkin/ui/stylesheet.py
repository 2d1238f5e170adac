"""The app's stylesheet: Textual's, parsing each CSS source once per set of variables, and
(with a cache, see css_cache.py) reading the rules parsed by the last start instead."""

from __future__ import annotations

import threading

from textual.css.stylesheet import Stylesheet

from checkin.ui.css_cache import CssCache


class KeptStylesheet(Stylesheet):
    """Textual's stylesheet, keeping what it parsed while the CSS variables stay the same.

    Textual parses every CSS source again from an empty cache at each refresh: the theme set
    at start, the home screen's CSS, the first widgets mounted. Before the first frame that
    was five parses of the same CSS with the same variables (about a tenth of the start-up
    time of the accounts home); here each source is parsed once per set of variables, and
    not at all when ``cache`` holds its rules from the last start.
    """

    def __init__(self, *, variables: dict[str, str], cache: CssCache | None = None) -> None:
        super().__init__(variables=variables)
        self._cache = cache

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables != self._variables:
            super().set_variables(variables)

    def _from_cache(self) -> None:
        """The rules of the sources not parsed yet, from the cache where it has them."""
        if self._cache is None:
            return
        kept = self._cache.rules(self._variables)
        if not kept:
            return
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            key = (css, read_from, is_defaults, tie_breaker, scope)
            if key not in self._parse_cache and (rules := kept.get(key)) is not None:
                self._parse_cache[key] = rules

    def keep_for_next_start(self, theme: str) -> threading.Thread | None:
        """Have the cache keep what was parsed so far, with the variables of ``theme`` (its
        ``theme_key``) (written in a thread; None: nothing to write)."""
        if self._cache is None:
            return None
        parsed = self._parse_cache
        rules = {key: parsed[key] for key in list(parsed.keys())}
        return self._cache.keep(theme, self._variables, rules)

    def parse(self) -> None:
        self._from_cache()
        super().parse()

    def reparse(self) -> None:
        # Stylesheet.reparse, in a fresh stylesheet that shares this one's parsed rules.
        self._from_cache()
        fresh = Stylesheet(variables=self._variables)
        fresh._parse_cache = self._parse_cache
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False
