"""The agenda draft the planner edits: the upcoming meeting's stored plan, else the engine's.

Every change goes through :func:`save_draft`, which stores the arrangement with the account's
upcoming (planned) meeting at once: the user never loses an arrangement.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from checkin.core.agenda import OTHER_SECTION, Agenda, Template, arrangement, rebuild
from checkin.core.agenda.arrangement import Arrangement
from checkin.core.agenda.model import AgendaWarning
from checkin.core.enums import ItemKind
from checkin.core.errors import CheckinError
from checkin.core.meeting import AgendaItem, Meeting
from checkin.core.records import Account
from checkin.markdown.preread import render_preread
from checkin.services import meetings, planning, sharing
from checkin.services.workspace import Workspace


@dataclass(frozen=True)
class TemplateChoice:
    """A template the planner can switch to; ``problem`` says why one cannot be used."""

    name: str
    title: str
    minutes: int = 0
    description: str = ""
    problem: str = ""


@dataclass(frozen=True)
class Draft:
    """One account's planned agenda: what the user arranged, and what the engine proposes."""

    account: Account
    template: Template
    plan: Arrangement  # what the meeting stores and the planner shows
    generated: Arrangement  # the engine's agenda for this template and length, now
    now: datetime  # when the meeting starts: the pre-read's date, and the moment of the reasons
    meeting_id: str | None = None  # None until the first change is saved
    # Records of the account changed since the plan was saved (0 for a fresh agenda): the
    # planner says so and offers to rebuild.
    changed_since: int = 0
    # What the account manager should know before the call (cadence, focal contacts...).
    warnings: tuple[AgendaWarning, ...] = ()

    @property
    def custom_section(self) -> str:
        """Where items added by hand go: the template's section for custom items."""
        return self.template.section_for(ItemKind.CUSTOM) or OTHER_SECTION

    @property
    def edited(self) -> bool:
        """Whether regenerating would change the agenda (items added by hand are kept)."""
        fresh = rebuild.rebuilt(self.generated, self.plan, self.custom_section)
        return not arrangement.same_plan(self.plan, fresh)

    def new_items(self) -> list[AgendaItem]:
        """Items the engine proposes now that the stored plan does not have (records that
        came in after it was saved)."""
        known = {item.key for item in arrangement.stored_items(self.plan)}
        return [i for i in arrangement.stored_items(self.generated) if i.key not in known]

    def with_plan(self, plan: Arrangement) -> Draft:
        return dataclasses.replace(self, plan=plan)

    def agenda(self) -> Agenda:
        """The arrangement as an :class:`Agenda`, dated with the planned start: what the
        pre-read and ``checkin agenda`` show."""
        agenda = arrangement.to_agenda(
            self.plan,
            account=self.account,
            template=self.template.name,
            title=self.template.title,
            now=self.now,
        )
        agenda.warnings = list(self.warnings)
        return agenda

    def preread(self) -> str:
        """The Markdown pre-read of the arrangement as it is now."""
        return render_preread(self.agenda())


def _template(name: str, length: int) -> Template:
    """The named template; one that is gone or broken still titles the stored plan."""
    try:
        return planning.load_template(name)
    except CheckinError:
        title = name.replace("-", " ").capitalize()
        return Template(name=name, title=title, minutes=length, sections=())


def _generated(
    ws: Workspace, account: Account, template: Template, length: int, now: datetime
) -> tuple[Arrangement, tuple[AgendaWarning, ...]]:
    agenda = planning.plan(ws, account, template=template.name, minutes=length, at=now)
    return arrangement.from_agenda(agenda), tuple(agenda.warnings)


def load_draft(ws: Workspace, account: Account) -> Draft:
    """The account's upcoming meeting's plan if there is one, else the engine's agenda
    (default template and length for the account), not saved until the first change."""
    meeting = meetings.planned_meeting(ws, account)
    if meeting is None:
        return generate(ws, account)
    template = _template(meeting.template, meeting.length_minutes)
    try:  # reasons as of the meeting's start (invariant 8), or now once that has passed
        start = max(ws.now(), meeting.planned_start)
        generated, warnings = _generated(ws, account, template, meeting.length_minutes, start)
    except CheckinError:  # the template is gone: nothing to compare with, nothing to add
        generated, warnings = arrangement.arrange([], [], meeting.length_minutes), ()
    # The stored order of the sections (importance placed them, the user may have moved
    # items), then the template's sections that hold nothing, for the planner to move into.
    stored = [item.section for item in meeting.agenda if not item.parked]
    sections = list(dict.fromkeys([*stored, *(s.title for s in template.sections)]))
    plan = arrangement.from_stored(meeting.agenda, meeting.length_minutes, sections)
    return Draft(
        account=account,
        template=template,
        plan=plan,
        generated=generated,
        now=meeting.planned_start,
        meeting_id=meeting.id,
        changed_since=records_changed_since(ws, account, meeting.updated_at),
        warnings=warnings,
    )


def stale_note(changed: int) -> str:
    """ "3 records changed since you planned this: rebuild?" """
    records = "1 record" if changed == 1 else f"{changed} records"
    return f"{records} changed since you planned this: rebuild?"


def records_changed_since(ws: Workspace, account: Account, since: datetime | None) -> int:
    """How many of the account's records (issues, action items, roadmap items, feedback,
    contacts, the account itself) changed after ``since``: a plan saved before them may miss
    what they say."""
    if since is None:
        return 0
    return ws.changed_since(account, since)


def generate(
    ws: Workspace,
    account: Account,
    template: str | None = None,
    length: int | None = None,
    *,
    keep: Draft | None = None,
) -> Draft:
    """A fresh agenda from the engine (``template`` and ``length`` default for the account).

    With ``keep``, the items the user added to that draft stay, fitted into the length like
    the rest (see :func:`rebuild.rebuilt`), and the draft keeps its meeting.
    """
    chosen = planning.load_template(template or planning.default_template(account))
    minutes = chosen.minutes if length is None else length
    start = keep.now if keep else meetings.default_start(ws, account)
    # The reasons are worded as of the meeting's start (invariant 8), never in the past.
    generated, warnings = _generated(ws, account, chosen, minutes, max(ws.now(), start))
    draft = Draft(
        warnings=warnings,
        account=account,
        template=chosen,
        plan=generated,
        generated=generated,
        now=start,
        meeting_id=keep.meeting_id if keep else None,
    )
    if keep is not None:
        draft = draft.with_plan(rebuild.rebuilt(generated, keep.plan, draft.custom_section))
    return draft


def save_draft(ws: Workspace, draft: Draft) -> Draft:
    """Store the arrangement with the account's upcoming meeting (made on the first save)."""
    meeting: Meeting = meetings.save_plan(
        ws,
        draft.account,
        arrangement.stored_items(draft.plan),
        template=draft.template.name,
        length_minutes=draft.plan.length_minutes,
        planned_start=draft.now,
    )
    return dataclasses.replace(draft, meeting_id=meeting.id)


def add_custom(ws: Workspace, draft: Draft, title: str, minutes: int) -> tuple[Draft, AgendaItem]:
    """The draft with an item added by hand (not saved yet), and the item."""
    key = f"custom:{ws.new_token()}"
    while key in draft.plan:
        key = f"custom:{ws.new_token()}"
    item = arrangement.custom_item(key, title, minutes, draft.custom_section)
    return draft.with_plan(arrangement.add(draft.plan, item)), item


def template_choices(
    load: Callable[[str], Template] = planning.load_template,
) -> list[TemplateChoice]:
    """Every template with its title, length and description; broken ones say why."""
    choices = []
    for name in planning.template_names():
        try:
            template = load(name)
        except CheckinError as error:
            choices.append(TemplateChoice(name=name, title=name, problem=str(error)))
            continue
        choices.append(
            TemplateChoice(
                name=name,
                title=template.title,
                minutes=template.minutes,
                description=template.description,
            )
        )
    return choices


def default_preread_path(draft: Draft) -> Path:
    """``~/<account-slug>-<date>-pre-read.md``."""
    return Path("~") / f"{draft.account.slug}-{draft.now.date().isoformat()}-pre-read.md"


def write_preread(draft: Draft, path: Path) -> Path:
    """Write the draft's pre-read to ``path`` (atomic, 0600); returns the absolute path."""
    return sharing.write_file(path, draft.preread().encode("utf-8"))


def with_start(ws: Workspace, draft: Draft, start: datetime) -> Draft:
    """The draft for a meeting at ``start``: the same plan (order, minutes, parking), its
    reasons worded again as of the new start (a due date "in 4 days" may be overdue by then).
    """
    moved = dataclasses.replace(draft, now=start)
    try:
        generated, warnings = _generated(
            ws, draft.account, draft.template, draft.plan.length_minutes, max(ws.now(), start)
        )
    except CheckinError:  # the template is gone: keep the wording there is
        return moved
    fresh = {item.key: item for item in arrangement.stored_items(generated)}

    def reworded(item: AgendaItem) -> AgendaItem:
        new = fresh.get(item.key)
        if new is None:
            return item
        placement = [r for r in item.reasons if r.rule in arrangement.PLACEMENT_RULES]
        reasons = [r for r in new.reasons if r.rule not in arrangement.PLACEMENT_RULES]
        return dataclasses.replace(
            item,
            reasons=reasons + placement,
            score=new.score,
            must_discuss=new.must_discuss,
            records=list(new.records),
        )

    plan = dataclasses.replace(
        draft.plan,
        items=tuple(reworded(i) for i in draft.plan.items),
        parked=tuple(reworded(i) for i in draft.plan.parked),
    )
    return dataclasses.replace(moved, plan=plan, generated=generated, warnings=warnings)
