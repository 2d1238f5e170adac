"""The cells of one row of the accounts home: its columns, what each says and how it looks."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

from checkin.core.account import Account
from checkin.core.text import count
from checkin.core.triage import SortBy
from checkin.ui.text import BAND_STYLE, plain
from checkin.ui.widgets.account_list import Column

if TYPE_CHECKING:
    from checkin.core.health import Health
    from checkin.core.summary import AccountSummary

EMPTY_HOME = Text.assemble(
    ("No accounts yet. To begin:\n\n", "bold"),
    "• ",
    ("ctrl+n", "bold"),
    " adds your first account: its name, a short name, tier, phase and check-in cadence.\n",
    "• Then import its issues from Jira, GitHub, Zendesk, Linear or CSV: ",
    ("i", "bold"),
    " on the account's Issues tab, or ",
    ("checkin import jira FILE --account NAME", "bold"),
    ".\n",
    "• Or look around first: quit (",
    ("ctrl+q", "bold"),
    ") and run ",
    ("checkin demo", "bold"),
    " (seven fictional accounts, in a file of their own).",
)


COLUMNS = (
    Column("account", "Account", 20),
    Column("health", "Health", 10),
    Column("why", "Why", 24, flexible=True, give_way=5),
    Column("focal", "Focal contact", 14, give_way=4),
    Column("last", "Last met", 10, give_way=1),
    Column("due", "Next due", 14),
    Column("critical", "Critical", 15),
    Column("actions", "Overdue", 7, give_way=3),
    Column("renewal", "Renewal", 10, give_way=2),
)
# The column each order sorts by (marked in the header, never hidden).
SORT_COLUMNS = {
    SortBy.HEALTH: "health",
    SortBy.DUE: "due",
    SortBy.RENEWAL: "renewal",
    SortBy.NAME: "account",
}


def summary_cells(summary: AccountSummary, today: date) -> list[Text]:
    """The row of one account; the health and why cells are filled in separately."""
    from checkin.core.dates import human_date

    account = summary.account
    focal = summary.focal_client
    due = human_date(summary.next_due, today)
    if summary.cadence_overdue:
        due = f"⚑ {count(summary.days_overdue, 'day')} late"
    elif summary.live_meeting_id:
        due = "● in progress"  # fits the column: a running check-in
    critical = str(summary.open_critical) if summary.open_critical else "·"
    if summary.in_breach:
        critical += f" ⚠ {summary.in_breach} past 48 h"
    return [
        plain(account.name, "bold"),
        plain("…", "dim"),
        plain("", "dim"),
        plain(focal.name) if focal else plain("⚠ no focal contact", "bold yellow"),
        plain(human_date(summary.last_checkin, today)),
        plain(due, "bold yellow" if summary.cadence_overdue else ""),
        plain(critical, "bold red" if summary.open_critical or summary.in_breach else "dim"),
        plain(str(summary.overdue_actions), "yellow")
        if summary.overdue_actions
        else plain("·", "dim"),
        plain(human_date(account.renewal, today), _renewal_style(account, today))
        if account.renewal
        else plain("·", "dim"),
    ]


def _renewal_style(account: Account, today: date) -> str:
    from checkin.core.redflags import RENEWAL_NEAR_DAYS, renewal_in

    days = renewal_in(account, today)
    return "bold yellow" if days is not None and days <= RENEWAL_NEAR_DAYS else ""


def why_cell(summary: AccountSummary, health: Health, today: date) -> Text:
    """Why the account is not "good" (its red flags, or what forced "at risk"); for a good
    account, what still needs attention (an overdue promise, a near renewal)."""
    from checkin.core.triage import attention

    if health.why:
        return plain(health.why, BAND_STYLE[health.band.value].replace("bold ", ""))
    reasons = attention(summary, health, today)
    return plain(" · ".join(reasons), "yellow") if reasons else plain("", "dim")
