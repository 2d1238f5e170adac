"""The app's stylesheet: Textual's, parsing each CSS source once per set of variables."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class KeptStylesheet(Stylesheet):
    """Textual's stylesheet, keeping what it parsed while the CSS variables stay the same.

    Textual parses every CSS source again from an empty cache at each refresh: the theme set
    at start, the home screen's CSS, the first widgets mounted. Before the first frame that
    was five parses of the same CSS with the same variables (about a tenth of the start-up
    time of the accounts home); here each source is parsed once per set of variables.
    """

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables != self._variables:
            super().set_variables(variables)

    def reparse(self) -> None:
        # Stylesheet.reparse, in a fresh stylesheet that shares this one's parsed rules.
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
