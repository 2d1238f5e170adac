"""Importing from the account screen: path, detected format, preview, confirm, stored."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, DataTable, Input, Select, Static

from checkin.services.workspace import Workspace
from checkin.ui.app import CheckinApp
from checkin.ui.modals.importing import ImportModal
from checkin.ui.screens.account import AccountScreen

SAMPLES = Path(__file__).parents[1] / "data" / "samples"


async def open_modal(app: CheckinApp, pilot: object, slug: str) -> ImportModal:
    app.open_account(app.workspace.account(slug))
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("i")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ImportModal)
    return app.screen


async def preview_file(app: CheckinApp, pilot: object, modal: ImportModal, path: str) -> None:
    modal.query_one("#path", Input).value = path
    modal.query_one("#path", Input).focus()
    await pilot.press("enter")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_import_a_sample_from_the_account_screen(app: CheckinApp, ws: Workspace) -> None:
    acme = ws.account("acme")
    before = len(ws.issues(acme.id))
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_modal(app, pilot, "acme")
        await preview_file(app, pilot, modal, str(SAMPLES / "jira-export.csv"))
        assert "Jira" in str(modal.query_one("#detected", Static).content)
        status = str(modal.query_one("#status", Static).content)
        assert status.startswith("6 new, 0 updated, 0 unchanged in jira-export.csv.")
        assert modal.query_one("#changes", DataTable).row_count == 6
        detail = str(modal.query_one("#detail", Static).content)
        assert detail.startswith("row 2 (ACME-412): new critical issue, in progress")
        assert not modal.query_one("#import", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        assert app.screen.query_one("#issues-table", DataTable).row_count == before + 6
    imported = {i.external_id: i for i in ws.issues(acme.id) if i.source == "jira"}
    assert set(imported) == {"ACME-412", "ACME-415", "ACME-398", "ACME-377", "ACME-420", "ACME-390"}
    assert imported["ACME-412"].severity.value == "critical"


async def test_a_second_preview_says_everything_is_up_to_date(
    app: CheckinApp, ws: Workspace
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_modal(app, pilot, "acme")
        await preview_file(app, pilot, modal, str(SAMPLES / "issues.csv"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        modal = await open_modal(app, pilot, "acme")
        await preview_file(app, pilot, modal, str(SAMPLES / "issues.csv"))
        status = str(modal.query_one("#status", Static).content)
        assert status.startswith("0 new, 0 updated, 3 unchanged")
        assert "nothing to import" in status
        assert modal.query_one("#import", Button).disabled
        await pilot.press("ctrl+s")  # nothing to confirm: the modal stays
        assert isinstance(app.screen, ImportModal)


async def test_a_bad_file_shows_its_problems_and_imports_nothing(
    app: CheckinApp, ws: Workspace, tmp_path: Path
) -> None:
    acme = ws.account("acme")
    before = ws.store.storage.serialize()
    bad = tmp_path / "bad.csv"
    bad.write_text("title,external_id,opened\nCrash,HX-1,someday\n")
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_modal(app, pilot, "acme")
        await preview_file(app, pilot, modal, str(bad))
        assert "1 problem" in str(modal.query_one("#status", Static).content)
        problems = str(modal.query_one("#problems", Static).content)
        assert "row 2 (HX-1), opened: 'someday' is not a date" in problems
        assert modal.query_one("#import", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ImportModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
    assert ws.store.storage.serialize() == before
    assert all(i.source != "csv" for i in ws.issues(acme.id))


async def test_a_missing_file_and_an_undetectable_one_say_so(
    app: CheckinApp, tmp_path: Path
) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("just some notes\nand a second line\n")
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_modal(app, pilot, "acme")
        await preview_file(app, pilot, modal, str(tmp_path / "nope.csv"))
        assert "There is no file" in str(modal.query_one("#status", Static).content)
        await preview_file(app, pilot, modal, str(odd))
        assert "pick a format" in str(modal.query_one("#status", Static).content)
        modal.query_one("#format", Select).value = "csv"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "has columns checkin does not know: 'just some notes'" in str(
            modal.query_one("#problems", Static).content
        )


async def test_i_opens_the_import_even_when_the_account_has_no_issues(
    app: CheckinApp, ws: Workspace
) -> None:
    assert ws.issues(ws.account("globex").id) == []
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_modal(app, pilot, "globex")
        assert modal.account.slug == "globex"
        await preview_file(app, pilot, modal, str(SAMPLES / "gh-issues.json"))
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert len(ws.issues(ws.account("globex").id)) == 4


async def test_a_home_relative_path_is_expanded(
    app: CheckinApp, ws: Workspace, tmp_path: Path, monkeypatch: object
) -> None:
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    (home / "Downloads" / "zendesk.ndjson").write_bytes(
        (SAMPLES / "zendesk-tickets.ndjson").read_bytes()
    )
    monkeypatch.setenv("HOME", str(home))  # type: ignore[attr-defined]
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_modal(app, pilot, "acme")
        await preview_file(app, pilot, modal, "~/Downloads/zendesk.ndjson")
        assert str(modal.query_one("#status", Static).content).startswith("3 new")


async def test_an_update_lists_every_changed_field(
    app: CheckinApp, ws: Workspace, tmp_path: Path
) -> None:
    changed = tmp_path / "issues.csv"
    text = (SAMPLES / "issues.csv").read_text()
    changed.write_text(text.replace("critical,in progress", "high,resolved"))
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_modal(app, pilot, "acme")
        await preview_file(app, pilot, modal, str(SAMPLES / "issues.csv"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        modal = await open_modal(app, pilot, "acme")
        await preview_file(app, pilot, modal, str(changed))
        assert str(modal.query_one("#status", Static).content).startswith("0 new, 1 updated")
        detail = str(modal.query_one("#detail", Static).content).split("\n")
        assert detail[0] == "row 4 (HX-3):"
        assert "  severity: critical → high" in detail
        assert "  status: in progress → resolved" in detail


def test_path_completion(tmp_path: Path, monkeypatch: object) -> None:
    from checkin.ui.widgets.path_input import complete_path

    (tmp_path / "Downloads").mkdir()
    (tmp_path / "Downloads" / "jira-export.csv").write_text("x")
    (tmp_path / ".hidden").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))  # type: ignore[attr-defined]
    assert complete_path("~/Dow") == "~/Downloads/"
    assert complete_path("~/Downloads/j") == "~/Downloads/jira-export.csv"
    assert complete_path("~/Downloads/jira-export.csv") is None
    assert complete_path("~/.h") == "~/.hidden/"
    assert complete_path(f"{tmp_path}/nope/x") is None


async def test_ctrl_s_before_a_preview_previews_first_then_imports(
    app: CheckinApp, ws: Workspace
) -> None:
    acme = ws.account("acme")
    before = len(ws.issues(acme.id))
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_modal(app, pilot, "acme")
        await pilot.press("ctrl+s")  # no path yet: it says what to do
        assert "Type the path" in str(modal.query_one("#status", Static).content)
        modal.query_one("#path", Input).value = str(SAMPLES / "jira-export.csv")
        await pilot.press("ctrl+s")  # a path but no preview: it previews, it does not import
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is modal
        status = str(modal.query_one("#status", Static).content)
        assert status.startswith("6 new, 0 updated")
        assert status.endswith("press ctrl+s again to import.")
        assert len(ws.issues(acme.id)) == before
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
    assert len(ws.issues(acme.id)) == before + 6


IMPORTS = Path(__file__).parents[1] / "data" / "imports"


async def test_the_preview_lists_warnings_and_the_horizon_can_be_changed(
    app: CheckinApp, ws: Workspace
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_modal(app, pilot, "acme")
        horizon = modal.query_one("#horizon", Input)
        assert horizon.value == "2026-10-23"  # 30 days before the app's now
        await preview_file(app, pilot, modal, str(IMPORTS / "jira-server-custom.csv"))
        warnings = str(modal.query_one("#warnings", Static).content)
        assert "Dates such as 16/02/2017 15:26 were read day first" in warnings
        assert "3 blank rows skipped" in warnings
        assert 'Priority "Must Have" is not a Jira priority I know: read as high' in warnings
        assert warnings.endswith(
            "1 issue in a backlog state or opened before 2026-10-23 counted as acknowledged at "
            "import (no 48-hour breach)"
        )
        assert not modal.query_one("#warnings-box").has_class("-hidden")
        assert modal.query_one("#buttons").region.bottom <= 40  # everything fits the screen
        horizon.value = "2017-02-17"
        await pilot.pause()
        assert modal.plan is None  # a changed date asks for a new preview
        horizon.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert modal.plan is not None and modal.plan.horizon is not None
        assert modal.plan.horizon.isoformat() == "2017-02-17"
        warnings = str(modal.query_one("#warnings", Static).content)
        assert warnings.endswith(
            "1 issue in a backlog state or opened before 2017-02-17 counted as acknowledged at "
            "import (no 48-hour breach)"
        )
        horizon.value = "next week"
        await pilot.press("enter")
        await pilot.pause()
        status = modal.query_one("#status", Static)
        assert "'next week' is not a date" in str(status.content) and modal.plan is None
