"""The accounts home's commands: open, plan, run, the order and the attention filter.

Every printable key types into the filter, so the commands sit on enter and ctrl keys.
"""

from __future__ import annotations

from typing import Any

from checkin.core.triage import SortBy
from checkin.ui.command_table import Command, CommandTable

ATTENTION_HELP = (
    "Only the accounts at risk, past their cadence, past a 48-hour rule, with an overdue "
    "promise of ours or a renewal within 90 days"
)


def _attention_title(screen: Any) -> str:
    if screen.attention_only:
        return "Accounts: Show every account"
    return "Accounts: Show only those needing attention"


def _sort_command(order: SortBy) -> Command:
    """The palette's "Sort by" of one order, offered while the list is in another."""
    return Command(
        "",
        f"set_sort('{order.value}')",
        "",
        f"Accounts: Sort by {order.label}",
        "Change the order of the list",
        applies=lambda screen: screen.sort is not order,
    )


TABLE = CommandTable(
    [
        Command("enter", "open", "Open", help="Open the account", id="accounts.open"),
        Command(
            "ctrl+l",
            "plan",
            "Plan agenda",
            help="Plan the next check-in of the selected account",
            id="accounts.plan",
        ),
        Command(
            "ctrl+r",
            "start",
            "Run check-in",
            help="Start (or resume) the check-in of the selected account",
            id="accounts.start",
        ),
        Command(
            "ctrl+t",
            "actions",
            "Action items",
            help="What we owe and what they owe, across accounts",
            id="accounts.actions",
        ),
        Command(
            "ctrl+n",
            "new_account",
            "New account",
            help="Add an account: name, short name, tier, cadence",
            id="accounts.new",
        ),
        Command(
            "ctrl+s",
            "cycle_sort",
            "Sort",
            help="Sort by health (weakest first), next due, renewal or name",
            id="accounts.sort",
        ),
        Command(
            "ctrl+f",
            "toggle_attention",
            "Attention",
            _attention_title,
            ATTENTION_HELP,
            id="accounts.attention",
        ),
        Command(
            "escape",
            "clear_filter",
            "Clear filter",
            help="Clear the filter: show every account",
            show=False,
            id="accounts.clear",
        ),
        # priority: the list's first and last row, not the start and end of the filter's text
        Command("home", "move_to(0)", "First", help="The first account", show=False,
                priority=True, id="accounts.first"),
        Command("end", "move_to(-1)", "Last", help="The last account", show=False,
                priority=True, id="accounts.last"),
        Command("up", "move(-1)", "Up", show=False, id="accounts.up"),
        Command("down", "move(1)", "Down", show=False, id="accounts.down"),
        Command("pageup", "move(-10)", "Page up", show=False, id="accounts.pageup"),
        Command("pagedown", "move(10)", "Page down", show=False, id="accounts.pagedown"),
        *(_sort_command(order) for order in SortBy),
    ]
)  # fmt: skip
