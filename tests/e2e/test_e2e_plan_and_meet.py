"""Journeys 3 and 4: plan a 30-minute agenda for the account with the critical issue, write its
pre-read, run the check-in with notes and captures, wrap up and write the minutes."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.e2e.sandbox import Sandbox
from tests.e2e.terminal import Launch, Terminal

pytestmark = pytest.mark.e2e

CRITICAL = "Patient sync fails for EU tenants"


def open_planner(launch: Launch, db: Path) -> Terminal:
    """From the accounts screen: type to find Acme Health, ctrl+l plans its next check-in."""
    term = launch("--db", str(db))
    term.wait_for("7 of 7 accounts")
    term.type("acme")
    term.wait_for("1 of 7 accounts")
    term.send("ctrl+l")
    term.wait_for("Acme Health · agenda")
    return term


def set_length(term: Terminal, minutes: int) -> None:
    term.type("l")
    term.wait_for(re.compile(r"▊\s+45\s"))  # the form is up, its field focused
    term.send("backspace", "backspace")
    term.wait_for(re.compile(r"▊\s+▎"))  # emptied
    term.type(str(minutes))
    term.wait_for(re.compile(rf"▊\s+{minutes}\s"))
    term.send("enter")
    term.wait_for(f"{minutes} min meeting")


def written(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert found, f"nothing matching {pattern} in {folder}"
    return found[-1]


def test_plan_a_30_minute_agenda_and_write_the_preread(sandbox: Sandbox, launch: Launch) -> None:
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    term = open_planner(launch, db)
    set_length(term, 30)
    screen = term.wait_for("of 30 min")
    first_item = term.line(" 1 ")
    assert CRITICAL[:30] in first_item, screen
    # Its reasons are shown beside the agenda.
    assert "critical severity" in screen
    assert "not acknowledged" in screen and "(48 h rule)" in screen
    # Reorder: the second item moves down one place (shift+down, or J).
    second = term.line(" 2 ")
    term.send("down")
    term.type("J")
    term.wait_for("Moved")
    assert term.line(" 2 ") != second
    # Write the pre-read to the offered file in the home folder.
    term.type("w")
    term.wait_for("pre-read.md")
    term.send("enter")
    term.wait_for("Wrote")
    preread = written(sandbox.home, "acme-*-pre-read.md").read_text()
    lines = preread.splitlines()
    assert lines[0] == "# Acme Health: Escalation review"
    assert "30 minutes" in preread
    first = next(line for line in lines if line.startswith("1. "))
    assert CRITICAL in first
    assert "Why: critical severity; we owe you an acknowledgement" in preread  # kind to them
    term.send("ctrl+q")
    assert term.exit_status() == 0


def test_run_the_meeting_and_write_the_minutes(sandbox: Sandbox, launch: Launch) -> None:
    db = sandbox.seed_demo(sandbox.root / "work" / "db.json")
    term = open_planner(launch, db)
    set_length(term, 30)
    term.type("s")
    term.wait_for("Start the check-in with Acme Health now?")
    term.type("y")
    term.wait_for("Notes ·")  # the live check-in, typing into the first item's notes

    term.type("Priya: hotfix build is in test for the EU tenants")
    term.send("ctrl+n")
    term.wait_for("1 of ")
    term.type("Plan with findings promised for Tuesday")

    term.send("ctrl+t")  # an action item
    term.wait_for("New action item")
    term.type("Send the root-cause analysis")
    term.wait_for("▊  Send the root-cause analysis")  # typed before moving on
    # Focus moves after each key is handled: a second tab sent in the same instant moves
    # from the same field again (a person never types that fast).
    term.send("tab")  # the owner stays "us"
    time.sleep(0.3)
    term.send("tab")
    time.sleep(0.3)
    term.type("fri")
    term.wait_for("→ ")  # the form shows which day "fri" is
    term.send("ctrl+s")
    term.wait_for("Action item saved")

    term.send("ctrl+o")  # a decision
    term.wait_for("What was decided")
    term.type("Hotfix goes to EU tenants on Monday")
    term.send("enter")
    term.wait_for("Decision saved")

    term.send("ctrl+r")  # the issue of this item: resolve it
    term.wait_for("Resolve")
    term.type("r")
    term.wait_for("Resolved: it comes back")

    term.send("escape")
    term.wait_for("Wrap up")
    term.type("w")
    term.wait_for("End the call")
    term.type("y")
    term.wait_for("How did it go?")
    term.send("enter")  # the rating list opens: past the prompt to "4 good"
    term.send("down", "down", "enter")
    term.send("ctrl+s")
    term.wait_for("minutes —")
    term.type("w")
    term.wait_for("minutes.md")
    term.send("enter")
    term.wait_for("Wrote")
    minutes = written(sandbox.home, "acme-*-minutes.md").read_text()
    for text in (
        "Priya: hotfix build is in test for the EU tenants",
        "Plan with findings promised for Tuesday",
        "- [ ] Our team: Send the root-cause analysis (due ",
        "Hotfix goes to EU tenants on Monday",
        "Resolved",
    ):
        assert text in minutes, f"{text!r} is not in the minutes:\n{minutes}"
    term.send("ctrl+q")
    assert term.exit_status() == 0
