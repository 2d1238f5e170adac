"""One topic per subject (DESIGN.md section 3, invariant 5): related records join one topic.

Explicit links (an action item's linked issue, a milestone's linked issues) and obvious ones
(a client action on an issue's topic: it names the issue's external id, most of the words of
its title, or two of them when the issue waits on the client) join the record's topic
into the issue's. The joined record's reasons are kept, each naming its record; the topic
weighs as its most important record plus a little per joined record, and is a must-discuss
topic when any of its records is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import Candidate, Facts
from checkin.core.enums import ActionStatus, IssueStatus, RoadmapSide, RoadmapStatus, Side
from checkin.core.meeting import Reason
from checkin.core.records import ActionItem, Issue, RoadmapItem

_CLOSED = (RoadmapStatus.SHIPPED, RoadmapStatus.DROPPED)
_WORD = re.compile(r"[^\W_]+")
_EXTERNAL = re.compile(r"[A-Za-z][A-Za-z0-9]*-\d+")  # an external id in a title: "SUP-4812"
COMMON_MIN = 25  # a word in more open issue titles than this (or 5 %) names no subject
MIN_WORD = 4  # shorter words ("the", "api") say nothing about a subject
MIN_SHARED = 2  # an inferred link needs at least two shared words...
SHARED_PART = 0.5  # ...that make most of the issue title's words
_IGNORED = frozenset(
    {"with", "from", "that", "this", "have", "their", "they", "them", "your", "ours", "when",
     "what", "will", "should", "would", "could", "issue", "issues", "please", "about", "after",
     "before", "into", "over", "some", "more", "still", "again", "need", "needs"}
)  # fmt: skip


def words(text: str) -> frozenset[str]:
    """The words of a title that can name a subject (lower case, four letters or more)."""
    return frozenset(
        w for w in _WORD.findall(text.casefold()) if len(w) >= MIN_WORD and w not in _IGNORED
    )


def join(topic: Candidate, other: Candidate, what: str) -> None:
    """Join ``other``'s record into ``topic``: its reasons kept (naming the record), the
    topic as important as the more important of the two, plus a little."""
    ref = other.item.source_ref or other.key
    topic.item.records.append(ref)
    topic.item.records.extend(other.item.records)
    best = max(topic.score, other.score)
    for reason in other.reasons:
        topic.item.reasons.append(
            Reason(
                rule=reason.rule, score=reason.score, text=reason.text, source=reason.source or ref
            )
        )
    topic.item.reasons.append(
        Reason(rule="linked_record", score=weights.LINKED_RECORD, text=what, source=ref)
    )
    topic.item.score = best + weights.LINKED_RECORD
    topic.must = topic.must or other.must
    if topic.carried_from is None and other.carried_from is not None:
        topic.item.carried_from = other.carried_from
    mine, theirs = topic.facts, other.facts
    topic.facts = Facts(
        severity=min(mine.severity, theirs.severity),
        breach_hours=max(mine.breach_hours, theirs.breach_hours),
        days_overdue=max(mine.days_overdue, theirs.days_overdue),
        due=min(mine.due, theirs.due),
        age_days=max(mine.age_days, theirs.age_days),
    )


def _action_phrase(action: ActionItem) -> str:
    whose = "an action on their side" if action.side is Side.CLIENT else "our action"
    return f"{whose}, {phrases.quoted(action.title)}"


def _milestone_phrase(item: RoadmapItem) -> str:
    whose = "our milestone" if item.side is RoadmapSide.OURS else "the client's milestone"
    return f"{whose} {phrases.quoted(item.title)}"


class IssueIndex:
    """Open issues by external id and by title word, for inferring links fast (a busy account
    has a thousand open issues and hundreds of client actions)."""

    def __init__(self, issues: Iterable[Issue], topics: dict[str, Candidate]) -> None:
        self.by_word: dict[str, list[Issue]] = {}
        self.external: dict[str, Issue] = {}
        self.sizes: dict[str, int] = {}
        self.waiting: set[str] = set()  # issues waiting on the client: two shared words do
        for issue in issues:
            if f"issue:{issue.id}" not in topics or not issue.is_open:
                continue
            found = words(issue.title)
            self.sizes[issue.id] = len(found)
            if issue.status is IssueStatus.WAITING_ON_CLIENT:
                self.waiting.add(issue.id)
            for word in found:
                self.by_word.setdefault(word, []).append(issue)
            if len(issue.external_id) >= 3:
                self.external[issue.external_id.casefold()] = issue
        # A word in many titles names no one subject ("sync" on a sync product).
        common = max(COMMON_MIN, len(self.sizes) // 20)
        self.by_word = {w: found for w, found in self.by_word.items() if len(found) <= common}

    def about(self, title: str) -> list[Issue]:
        """The open issues a title is obviously about."""
        found = {
            i.id: i
            for token in _EXTERNAL.findall(title)
            if (i := self.external.get(token.casefold()))
        }
        shared: dict[str, int] = {}
        issues: dict[str, Issue] = {}
        for word in words(title):
            for issue in self.by_word.get(word, ()):
                shared[issue.id] = shared.get(issue.id, 0) + 1
                issues[issue.id] = issue
        for ident, n in shared.items():
            most = n >= SHARED_PART * self.sizes[ident] or ident in self.waiting
            if n >= MIN_SHARED and most:
                found[ident] = issues[ident]
        return list(found.values())


def _most_important(topics: Sequence[Candidate]) -> Candidate:
    return min(topics, key=lambda c: (not c.critical, not c.must, -c.score, c.facts.key(), c.key))


def link_topics(
    topics: dict[str, Candidate],
    issues: Sequence[Issue],
    actions: Sequence[ActionItem],
    roadmap: Sequence[RoadmapItem],
    today: date,
) -> dict[str, Candidate]:
    """``topics`` with linked records joined into their issue's topic (see module doc)."""
    index: IssueIndex | None = None
    for action in actions:
        key = f"action:{action.id}"
        candidate = topics.get(key)
        if candidate is None or action.status is not ActionStatus.OPEN:
            continue
        targets: list[Candidate] = []
        linked = topics.get(f"issue:{action.linked_issue_id}") if action.linked_issue_id else None
        if linked is not None:
            targets = [linked]
        elif action.side is Side.CLIENT and not action.linked_issue_id:
            if index is None:
                index = IssueIndex(issues, topics)
            targets = [topics[f"issue:{i.id}"] for i in index.about(action.title)]
        if targets:
            join(_most_important(targets), topics.pop(key), _action_phrase(action))
    for item in roadmap:
        key = f"roadmap:{item.id}"
        candidate = topics.get(key)
        if not item.linked_issue_ids:
            continue
        found = [topics[f"issue:{i}"] for i in item.linked_issue_ids if f"issue:{i}" in topics]
        if not found:
            continue
        lead = _most_important(found)
        if candidate is not None:
            join(lead, topics.pop(key), _milestone_phrase(item))
        elif item.status not in _CLOSED:  # a quiet milestone still says when the fix comes
            lead.item.records.append(key)
            when = phrases.day_month(item.target, today)
            text = f"fix planned in {_milestone_phrase(item)}, target {when}"
            found_reason = Reason(rule="linked_milestone", score=0, text=text, source=key)
            lead.item.reasons.append(found_reason)
    return topics
