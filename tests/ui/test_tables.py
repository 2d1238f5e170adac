"""Tables fit their screen: every column stays in view and columns shrink with their rows."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import Column, ColumnKey

from checkin.core import ActionItem, Issue
from checkin.core.enums import Severity
from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.screens.actions import ActionsOverviewScreen
from checkin.ui.widgets.tables import IssuesTable
from tests.conftest import NOW


def total_width(table: DataTable[Text]) -> int:
    return sum(column.get_render_width(table) for column in table.columns.values())


def first_column(table: DataTable[Text]) -> Column:
    return next(iter(table.columns.values()))


async def test_every_column_of_the_action_items_overview_fits_at_120(
    app: CheckinApp, ws: Workspace
) -> None:
    acme = ws.account("acme")
    long_title = "Send the complete, reviewed and signed-off migration runbook " * 2
    ws.add(ActionItem, account_id=acme.id, title=long_title.strip(), owner="us")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsOverviewScreen)
        table = screen.query_one(DataTable)
        assert total_width(table) <= table.scrollable_content_region.width
        await pilot.press("down")
        kept = table.cursor_row
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert total_width(table) <= table.scrollable_content_region.width
        assert table.cursor_row == kept, "a resize keeps the cursor on its row"


async def test_a_column_shrinks_back_when_its_long_rows_go(app: CheckinApp, ws: Workspace) -> None:
    acme = ws.account("acme")
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_account(acme)
        await pilot.pause()
        table = app.screen.query_one(IssuesTable)
        table.show([], NOW)  # the "nothing here yet" line widens the title column
        await pilot.pause()
        title = table.columns[ColumnKey("title")]
        assert title.width > 30 and first_column(table).content_width == len("Severity")
        issue = Issue(
            id="i-x",
            account_id=acme.id,
            title="Export drops a column",
            severity=Severity.LOW,
            opened=NOW - timedelta(days=1),
        )
        table.show([issue], NOW)
        await pilot.pause()
        assert table.columns[ColumnKey("title")].width == len("Export drops a column")


async def test_the_issues_table_leaves_out_minor_columns_rather_than_cut_titles(
    app: CheckinApp, ws: Workspace
) -> None:
    acme = ws.account("acme")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_account(acme)
        await pilot.pause()
        table = app.screen.query_one(IssuesTable)
        labels = [str(column.label) for column in table.columns.values()]
        # The 48 h rules column is as wide as its text: the due date has room too.
        assert labels == ["Severity", "Title", "Status", "48 h rules", "Due"]
        assert total_width(table) <= table.scrollable_content_region.width
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        labels = [str(column.label) for column in table.columns.values()]
        assert "Owner" in labels and "Source" in labels
