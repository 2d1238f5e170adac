"""Journey 2, first run: ``checkin demo`` exactly as the README's quick start says."""

from __future__ import annotations

import re
import stat
import time

import orjson
import pytest

from tests.e2e.sandbox import Sandbox
from tests.e2e.terminal import Launch, Terminal

pytestmark = pytest.mark.e2e

# "Within a few seconds" on a loaded two-core CI machine; it takes well under one alone.
FIRST_SCREEN = 8.0
ACCOUNTS = (
    "Acme Health",
    "Bluefin Insurance",
    "Cobalt Retail Group",
    "Helios Energy",
    "Juniper Bio",
    "Northwind Logistics",
    "Tessera Bank",
)
SETTLED = "7 of 7 accounts · 1 past their cadence · 1 with issues past the 48-hour rules"


def open_demo(launch: Launch) -> Terminal:
    """``checkin demo``; returns once the accounts screen shows every account's figures."""
    started = time.monotonic()
    term = launch("demo")
    term.wait_for("7 of 7 accounts", timeout=FIRST_SCREEN)
    shown = time.monotonic() - started
    assert shown < FIRST_SCREEN, f"the accounts screen took {shown:.1f} s"
    term.wait_for(SETTLED)
    return term


def test_first_run_flags_the_accounts_that_need_attention(sandbox: Sandbox, launch: Launch) -> None:
    term = open_demo(launch)
    assert [name for name in ACCOUNTS if name not in term.screen()] == []
    bluefin = term.line("Bluefin Insurance")
    assert re.search(r"⚑ \d+ days late", bluefin), bluefin
    acme = term.line("Acme Health")
    assert re.search(r"  1 ⚠ \d+ past 48 h", acme), acme
    for name in ACCOUNTS:
        row = term.line(name)
        if name != "Bluefin Insurance":
            assert "days late" not in row, row
        if name != "Acme Health":
            assert "past 48 h" not in row, row

    term.type("hel")
    screen = term.wait_for("1 of 7 accounts")
    assert "Helios Energy" in screen and "Acme Health" not in screen
    term.send("enter")
    term.wait_for(re.compile(r"Helios Energy — .*every 7 days"))
    term.wait_for("Load forecast accuracy drops on public")  # its issues tab
    term.send("escape")
    # Back home a new search starts: the filter is cleared, every account shows again.
    screen = term.wait_for("7 of 7 accounts")
    assert "Load forecast accuracy" not in screen and "Acme Health" in screen
    term.send("ctrl+q")
    assert term.exit_status() == 0
    assert not term.modes_left_on()
    demo = sandbox.data_dir / "demo.json"
    output = term.text()
    assert f"Seeded a demo workspace with 7 accounts at {demo}" in output
    assert "Traceback" not in output


def test_the_demo_file_is_private_and_a_second_run_opens_it(
    sandbox: Sandbox, launch: Launch
) -> None:
    first = open_demo(launch)
    first.send("ctrl+q")
    assert first.exit_status() == 0
    demo = sandbox.data_dir / "demo.json"
    assert stat.S_IMODE(demo.stat().st_mode) == 0o600
    assert stat.S_IMODE(demo.parent.stat().st_mode) == 0o700
    assert not (sandbox.data_dir / "workspace.json").exists(), "the demo touched the workspace"
    assert len(orjson.loads(demo.read_bytes())["accounts"]) == 7
    seeded = demo.read_bytes()

    # Quitting left no lock holder behind: a second run starts, on the same demo.
    second = open_demo(launch)
    second.send("ctrl+q")
    assert second.exit_status() == 0
    assert "Seeded" not in second.text()
    assert demo.read_bytes() == seeded


def test_the_demo_never_seeds_the_workspace_named_by_checkin_db(sandbox: Sandbox) -> None:
    own = sandbox.home / "work" / "mine.json"
    done = sandbox.run("demo", "--no-tui", env={"CHECKIN_DB": str(own)})
    assert done.returncode == 0, done.stderr
    assert not own.exists()
    assert (sandbox.data_dir / "demo.json").exists()
