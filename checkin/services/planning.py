"""Planning an agenda: the templates there are, an account's data, and ``plan()``.

What the agenda planner screen and ``checkin agenda`` call. Shipped templates live in the
package (``checkin/agendas``); a file of the same name in the user's template folder wins.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import checkin
from checkin.core.agenda import AccountData, Agenda, Template, build_agenda
from checkin.core.dates import to_local
from checkin.core.enums import Phase
from checkin.core.errors import NotFound, ValidationError
from checkin.core.meeting import Meeting
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue, RoadmapItem
from checkin.core.rules import MEETING_MINUTES
from checkin.markdown.template import TemplateError, parse_template
from checkin.services import paths
from checkin.services.plan_data import plan_data
from checkin.services.workspace import Workspace

_PHASE_TEMPLATE = {Phase.ESCALATION: "escalation", Phase.PROJECT: "weekly"}
DEFAULT_TEMPLATE = "monthly"


class UnknownTemplate(NotFound):
    """No template of that name; the message lists the names there are."""

    def __init__(self, name: str, names: list[str]) -> None:
        listed = ", ".join(names) or "none"
        super().__init__("agenda template", name, f"Templates: {listed}")


def shipped_template_dir() -> Path:
    """The templates that ship inside the package (``agendas/`` at the top of the repo)."""
    return Path(checkin.__file__).parent / "agendas"


def _template_files() -> dict[str, Path]:
    """Template name -> file; a user file wins over a shipped one with the same name."""
    found: dict[str, Path] = {}
    for folder in (shipped_template_dir(), paths.user_template_dir()):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            if path.stem.casefold() != "readme" and path.is_file():
                found[path.stem] = path
    return found


def template_names() -> list[str]:
    """Every template name, shipped and the user's, sorted."""
    return sorted(_template_files())


def load_template(name: str) -> Template:
    """The parsed template ``name``; UnknownTemplate lists the names, TemplateError the line."""
    files = _template_files()
    path = files.get(name)
    if path is None:
        raise UnknownTemplate(name, sorted(files))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TemplateError(str(path), None, "is not UTF-8 text") from None
    except OSError as error:
        raise TemplateError(str(path), None, f"cannot be read ({error.strerror})") from None
    kept = _parsed.get(path)
    if kept is not None and kept[0] == text:
        return kept[1]  # the same text parses to the same (immutable) template
    template = parse_template(text, name=name, source=str(path))
    _parsed[path] = (text, template)
    return template


# The last parse of each template file, with the text it was parsed from: parsing the
# Markdown again on every plan cost as much as a tenth of a busy account's agenda.
_parsed: dict[Path, tuple[str, Template]] = {}


def default_template(account: Account) -> str:
    """The account's phase decides: escalation review, weekly project sync, else monthly."""
    return _PHASE_TEMPLATE.get(account.phase, DEFAULT_TEMPLATE)


def _account(ws: Workspace, account: Account | str) -> Account:
    return account if isinstance(account, Account) else ws.account(account)


def account_data(
    ws: Workspace, account: Account | str, *, at: datetime | None = None
) -> AccountData:
    """The records the engine reads for ``account``: every one, or with ``at`` only those
    that can change an agenda at that moment (:func:`~checkin.services.plan_data.plan_data`:
    closed issues, fixes older than the follow-up window, finished actions and old meetings
    are left out), which gives the same agenda."""
    acct = _account(ws, account)
    if at is not None:
        return plan_data(ws, acct, at)
    return AccountData(
        account=acct,
        contacts=ws.of_account(Contact, acct.id),
        issues=ws.of_account(Issue, acct.id),
        roadmap=ws.of_account(RoadmapItem, acct.id),
        feedback=ws.of_account(Feedback, acct.id),
        actions=ws.of_account(ActionItem, acct.id),
        meetings=ws.of_account(Meeting, acct.id),
    )


def check_length(minutes: int) -> None:
    """A meeting length within :data:`MEETING_MINUTES`, or a ValidationError."""
    problems = list(MEETING_MINUTES.problems("minutes", minutes))
    if problems:
        raise ValidationError("Agenda", problems)


def plan(
    ws: Workspace,
    account: Account | str,
    *,
    template: str | None = None,
    minutes: int | None = None,
    at: datetime | None = None,
) -> Agenda:
    """The agenda of ``account``'s next check-in.

    ``template`` defaults by the account's phase, ``minutes`` to the template's length, ``at``
    to the workspace clock's now.
    """
    acct = _account(ws, account)
    chosen = load_template(template or default_template(acct))
    length = chosen.minutes if minutes is None else minutes
    check_length(length)
    now = to_local(at) if at is not None else ws.now()
    return build_agenda(plan_data(ws, acct, now), chosen, length, now)


def meeting_start(ws: Workspace, account: Account | str) -> datetime:
    """When the account's next check-in starts, the moment its agenda's reasons are worded
    as of (DESIGN.md section 3, invariant 8): the planned meeting's start, else the likely
    one (the cadence and the date agreed last time); never before now."""
    from checkin.services import meetings

    acct = _account(ws, account)
    planned = meetings.planned_meeting(ws, acct)
    start = planned.planned_start if planned is not None else meetings.default_start(ws, acct)
    return max(ws.now(), start)
