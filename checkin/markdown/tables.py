"""The account as it stands, as GFM tables: its open issues and both sides' roadmaps."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from checkin.core.enums import RoadmapSide, RoadmapStatus
from checkin.core.records import Issue, RoadmapItem
from checkin.core.text import count
from checkin.markdown.escape import cell, inline, safe_url
from checkin.markdown.wording import OUR_TEAM

# A longer table helps nobody in minutes: the most severe and oldest are listed, with a count.
ISSUE_ROWS = 50
# Shipped milestones stay in the roadmap table this long, so good news gets shared once.
SHIPPED_SHOWN_DAYS = 60


def table(header: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> list[str]:
    """A GFM table of cells escaped already; ``align`` has one letter per column, l or r."""
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def open_issues(issues: Sequence[Issue]) -> list[Issue]:
    """Open issues, most severe first, then oldest first."""
    return sorted((i for i in issues if i.is_open), key=lambda i: (i.severity.rank, i.opened))


def roadmap_shown(items: Sequence[RoadmapItem], today: date) -> list[RoadmapItem]:
    """Milestones worth a line: not dropped, and shipped ones only while they are news."""
    recent = today - timedelta(days=SHIPPED_SHOWN_DAYS)
    shown = [
        r
        for r in items
        if r.status is not RoadmapStatus.DROPPED
        and (r.status is not RoadmapStatus.SHIPPED or r.target >= recent)
    ]
    return sorted(shown, key=lambda r: (r.target, r.side is not RoadmapSide.OURS, r.title))


def _issue_cell(issue: Issue) -> str:
    """The title, with the tracker reference (a link when the URL is a plain web address)."""
    title = cell(issue.title)
    ref = inline(issue.external_id)
    if not ref:
        return title
    url = safe_url(issue.url)
    return f"{title} ([{ref}](<{url}>))" if url else f"{title} ({ref})"


def _issue_status(issue: Issue) -> str:
    """ "Planned; plan: Patch the query (by 2026-12-11)", "In progress; reopened once"."""
    status = issue.status.value.capitalize()
    if issue.reopened_count:
        times = "once" if issue.reopened_count == 1 else f"{issue.reopened_count} times"
        status += f"; reopened {times}"
    if issue.plan_text:
        by = f" (by {issue.plan_estimate.isoformat()})" if issue.plan_estimate else ""
        status += f"; plan: {cell(issue.plan_text)}{by}"
    return status


def issue_table(issues: Sequence[Issue], total: int | None, today: date) -> list[str]:
    """A count line and the table of the first :data:`ISSUE_ROWS` open issues.

    ``total`` is how many are open when ``issues`` was cut short already (None: count them).
    """
    found = open_issues(issues)
    total = len(found) if total is None else total
    shown = found[:ISSUE_ROWS]
    if not total:
        return [f"No open issues as of {today.isoformat()}."]
    counted = f"{count(total, 'open issue')} as of {today.isoformat()}."
    if total > len(shown):
        counted += f" The {len(shown)} most severe (oldest first) are listed."
    rows = [
        [
            issue.severity.value.capitalize(),
            _issue_cell(issue),
            _issue_status(issue),
            issue.opened.date().isoformat(),
            cell(issue.owner),
            issue.due.isoformat() if issue.due else "—",
        ]
        for issue in shown
    ]
    header = ("Severity", "Issue", "Status", "Opened", "Owner", "Due")
    return [counted, "", *table(header, "l" * 6, rows)]


def roadmap_table(items: Sequence[RoadmapItem], today: date, client: str) -> list[str]:
    """Both sides' milestones by target date; a slipped one shows its original target."""
    shown = roadmap_shown(items, today)
    if not shown:
        return ["No roadmap milestones on record."]
    rows = []
    for item in shown:
        target = item.target.isoformat()
        if item.slipped_by_days and item.original_target is not None:
            target += f" (was {item.original_target.isoformat()})"
        whose = OUR_TEAM if item.side is RoadmapSide.OURS else inline(client)
        status = item.status.value.capitalize()
        rows.append([cell(item.title), whose, status, target, cell(item.notes, "")])
    return table(("Milestone", "Owner", "Status", "Target", "Notes"), "l" * 5, rows)
