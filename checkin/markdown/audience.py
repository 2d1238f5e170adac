"""Who a document is for: the client (what they receive) or our team (everything we know).

The client version carries the decisions, the action items of both sides, the agenda with its
outcomes, the roadmap and the next meeting. It never carries internal judgement: sentiment
labels, health, ratings, admissions of our own 48-hour breaches, scores or private notes. The
team version carries all of it. Reasons are filtered by their rule, not by their wording, so a
reworded reason stays where it belongs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checkin.core.enums import Audience
from checkin.core.meeting import AgendaItem, Reason

# Reasons the client never reads: our own breaches, their ratings of us, our warnings about
# the relationship, and where the planner (or the account manager) placed an item.
INTERNAL_RULES = frozenset(
    {"ack_breach_48h", "plan_breach_48h", "falling_ratings", "no_focal_contact"}
)
# Reasons about placing the item (not about its topic): the pre-read and the appendix say
# them in their own words, or not at all.
PLACEMENT_RULES = frozenset({"standing", "time_fit", "parked", "added_by_hand"})
PARKED_BY_HAND = "parked"

TEAM_BANNER = (
    "> **Internal:** our team's version, with our own assessment. Do not forward it to the client."
)
# What the client reads about an item kept for later, whatever the reason it was parked.
LATER = "Moved to a later meeting."


def shared_reasons(item: AgendaItem, audience: Audience) -> list[Reason]:
    """The reasons of ``item`` this audience reads (placement reasons excluded)."""
    hidden = PLACEMENT_RULES | (INTERNAL_RULES if audience.is_client else frozenset())
    return [r for r in item.reasons if r.rule not in hidden and r.text.strip()]


def parked_by_hand(item: AgendaItem) -> bool:
    """The account manager parked it (as opposed to: it did not fit in the time)."""
    return any(r.rule == PARKED_BY_HAND for r in item.reasons)


def score_text(score: float) -> str:
    """ "+12", "-3", "+2.5": a reason's score as the team version shows it."""
    number = f"{score:+.1f}".rstrip("0").rstrip(".")
    return number if number not in ("+0", "-0") else "0"


def with_scores(reasons: Iterable[Reason]) -> list[str]:
    """ "critical severity (+50)": each reason's sentence with the score it added."""
    return [f"{r.text.strip()} ({score_text(r.score)})" for r in reasons]


# GitHub turns "@name" into a mention (a notification) and "#12", "owner/repo#12" and "GH-12"
# into links to issues. Client text is pasted into the client's own tools, where such a link
# points at the wrong thing or pings a stranger. A zero-width space after the "@" or before
# the number keeps the text as it reads while GitHub's autolinker no longer matches it (the
# way Dependabot quotes release notes). Link destinations "(<https://...>)" are left alone.
ZWSP = "\u200b"
_QUIET = re.compile(
    r"(?P<link>\(<[^>\n]*>\))"
    r"|(?P<at>(?<![A-Za-z0-9_])@)(?=[A-Za-z0-9])"
    r"|(?P<hash>#)(?=\d)"
    r"|(?P<gh>\bGH-)(?=\d)",
    re.IGNORECASE,
)


def _quiet(match: re.Match[str]) -> str:
    if match.group("link"):
        return match.group("link")
    if match.group("gh"):
        return match.group("gh") + ZWSP
    return match.group(0) + ZWSP


def quiet_references(markdown: str) -> str:
    """``markdown`` with @mentions and issue references neutralised for GitHub."""
    return _QUIET.sub(_quiet, markdown)
