"""The agenda being planned: :class:`PlanSession`, the planner screen's one object.

Like :class:`checkin.services.session.MeetingSession` for the live call, it owns one activity:
the account's next check-in's plan. It loads the draft (the upcoming meeting's stored plan,
else the engine's), changes it (move, park, restore, minutes, length, template, rebuild, add,
date) and stores every change with the upcoming meeting at once. Each change returns an
:class:`Outcome`: the sentence the planner's status line says and the item to highlight. An
operation that fails raises :class:`~checkin.core.errors.CheckinError` and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from checkin.core.agenda import arrangement, rebuild
from checkin.core.agenda.arrangement import Arrangement
from checkin.core.agenda.model import AgendaWarning
from checkin.core.errors import Problem, ValidationError
from checkin.core.meeting import AgendaItem, Meeting
from checkin.core.records import Account
from checkin.core.text import clean_line, count
from checkin.services import draft as drafts
from checkin.services import meetings, planning
from checkin.services.draft import Draft, TemplateChoice
from checkin.services.meetings import CheckinStart, start_checkin
from checkin.services.workspace import Workspace

# Status messages wrap to two lines at most: titles in them are cut to these widths, so a
# message fits two lines of an 80-column terminal and, mostly, one line at 120.
TITLE_WIDTH, SECTION_WIDTH = 32, 24


def quoted(title: str, width: int = TITLE_WIDTH) -> str:
    """A title for a message: cleaned, cut, in quotes."""
    text = clean_line(title)
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


def over(free_minutes: int) -> str:
    """The end of a message: "." or, when the agenda runs over, " · now 6 min over."."""
    return f" · now {-free_minutes} min over." if free_minutes < 0 else "."


def unfitted(draft: Draft) -> str:
    """After a rebuild: which of the user's items did not fit (they are parked)."""
    out = [
        item
        for item in rebuild.hand_added(draft.plan)
        if item.parked and not rebuild.parked_by_user(item)
    ]
    if not out:
        return ""
    if len(out) == 1:
        return f" {quoted(out[0].title)} did not fit: parked."
    return f" {len(out)} items you added did not fit: parked."


@dataclass(frozen=True)
class Outcome:
    """What an operation did (``done``: saved; the status line says ``message`` and
    ``highlight`` is the item to show), or why it did nothing (a short notice)."""

    message: str
    highlight: str | None = None
    done: bool = True


def _refused(message: str) -> Outcome:
    return Outcome(message, done=False)


class PlanSession:
    """The plan of ``account``'s next check-in; every change is saved at once.

    Opening it loads the draft (:func:`checkin.services.draft.load_draft`): a CheckinError
    there (a damaged meeting) means there is nothing to plan.
    """

    def __init__(self, ws: Workspace, account: Account) -> None:
        self.ws = ws
        self.account = account
        self.draft: Draft = drafts.load_draft(ws, account)

    # -- what the planner shows -------------------------------------------------------------

    @property
    def plan(self) -> Arrangement:
        """The agenda and its parking lot as arranged now."""
        return self.draft.plan

    @property
    def warnings(self) -> tuple[AgendaWarning, ...]:
        """What the account manager should know before the call (cadence, focal contacts...)."""
        return self.draft.warnings

    @property
    def title(self) -> str:
        """The template's title ("Monthly check-in")."""
        return self.draft.template.title

    @property
    def length(self) -> int:
        """The meeting's length in minutes."""
        return self.draft.plan.length_minutes

    @property
    def start_at(self) -> datetime:
        """When the meeting starts: the pre-read's date, the moment of the reasons."""
        return self.draft.now

    @property
    def edited(self) -> bool:
        """Whether a rebuild would change the agenda (items added by hand are kept)."""
        return self.draft.edited

    def item(self, key: str) -> AgendaItem:
        """The item ``key``, on the agenda or parked (NotFound if there is none)."""
        return self.draft.plan.find(key)

    def records_of(self, item: AgendaItem) -> tuple[Any, tuple[tuple[str, Any], ...]]:
        """The record the item is about (None for a standing or custom item) and every record
        it links to, each with its reference (None where that record is gone)."""
        ws = self.ws
        record = ws.linked_record(item.source_ref) if item.source_ref else None
        return record, tuple((ref, ws.linked_record(ref)) for ref in item.records)

    def running(self) -> Meeting | None:
        """The account's check-in that started and has not ended, if there is one."""
        return meetings.live_meeting(self.ws, self.account)

    def opening_note(self) -> str:
        """What the status line says when the planner opens: where the plan comes from."""
        draft = self.draft
        if self.running() is not None:
            return "A check-in with this account is running: s resumes it."
        if draft.meeting_id is None:
            # One line at 80 columns: f1 is in the key bar anyway.
            return "From the records, most important first · saved as you go · ctrl+p all actions"
        if draft.changed_since:
            return f"{drafts.stale_note(draft.changed_since)} g rebuilds it."
        new = draft.new_items()
        if new:
            since = count(len(new), "new item")
            return f"Your saved plan · the records have {since} since · g rebuilds it."
        return "Your saved plan for the next check-in · g rebuilds it from the records."

    def can_move(self, key: str, step: int) -> bool:
        """Whether the item on the agenda can move ``step`` places (across sections too)."""
        return arrangement.can_move(self.draft.plan, key, step)

    def template_choices(self) -> list[TemplateChoice]:
        """Every template to switch to; broken ones say why they cannot be used."""
        return drafts.template_choices()

    # -- saving -----------------------------------------------------------------------------

    def _save(self, new: Draft, message: str, highlight: str | None = None) -> Outcome:
        """Store ``new`` with the upcoming meeting; on an error the draft stays as it was."""
        self.draft = drafts.save_draft(self.ws, new)
        return Outcome(message, highlight)

    def _change(self, plan: Arrangement, message: str, highlight: str | None = None) -> Outcome:
        return self._save(self.draft.with_plan(plan), message, highlight)

    def _neighbour(self, key: str) -> str | None:
        """The item to highlight once ``key`` leaves the agenda: the next, else the previous."""
        keys = [item.key for item in self.draft.plan.items]
        index = keys.index(key)
        rest = keys[index + 1 :] or keys[:index][-1:]
        return rest[0] if rest else None

    # -- one item ---------------------------------------------------------------------------

    def move(self, key: str, step: int) -> Outcome:
        """Move the item ``step`` places (-1 up, 1 down); past the end of a section it joins
        the next one."""
        plan = arrangement.move(self.draft.plan, key, step)
        if plan is self.draft.plan:
            return _refused("It is already " + ("first." if step < 0 else "last."))
        before, item = self.draft.plan.find(key), plan.find(key)
        if item.section != before.section:
            where = f"into {quoted(item.section, SECTION_WIDTH)}"
        else:
            where = f"{'up' if step < 0 else 'down'} to number {plan.items.index(item) + 1}"
        return self._change(plan, f"Moved {quoted(item.title)} {where}.", key)

    def add_minutes(self, key: str, delta: int) -> Outcome | None:
        """Plan ``delta`` minutes more (or fewer) for the item; None at the most there can be."""
        item = self.draft.plan.find(key)
        minutes = item.planned_minutes + delta
        if minutes < arrangement.MIN_ITEM_MINUTES:
            return _refused("1 minute is the least: park the item (x) to take it off.")
        if minutes > arrangement.MAX_ITEM_MINUTES:
            return None
        return self.set_minutes(key, minutes)

    def set_minutes(self, key: str, minutes: int) -> Outcome:
        """Plan ``minutes`` for the item (ValidationError outside ``ITEM_MINUTES``)."""
        low, high = arrangement.MIN_ITEM_MINUTES, arrangement.MAX_ITEM_MINUTES
        if not low <= minutes <= high:
            problem = Problem("minutes", f"must be between {low} and {high}, not {minutes}")
            raise ValidationError("Agenda item", [problem])
        item = self.draft.plan.find(key)
        plan = arrangement.set_minutes(self.draft.plan, key, minutes)
        return self._change(plan, f"{quoted(item.title)}: {minutes} min.")

    def park(self, key: str) -> Outcome:
        """Take the item off the agenda to the parking lot (its minutes are freed)."""
        item = self.draft.plan.find(key)
        following = self._neighbour(key)
        plan = arrangement.park(self.draft.plan, key)
        freed = f"frees {item.planned_minutes} min" if plan.free_minutes > 0 else "still over"
        message = f"Parked {quoted(item.title)} ({freed}) · x restores it."
        return self._change(plan, message, following)

    def restore(self, key: str) -> Outcome:
        """Bring the parked item back to its section (the agenda may run over)."""
        item = self.draft.plan.find(key)
        lot = [i.key for i in self.draft.plan.parked]
        index = lot.index(key)
        rest = lot[index + 1 :] or lot[:index][-1:]
        plan = arrangement.restore(self.draft.plan, key)
        message = f"Restored {quoted(item.title)} to {quoted(item.section, SECTION_WIDTH)}"
        return self._change(plan, message + over(plan.free_minutes), rest[0] if rest else key)

    def add(self, title: str, minutes: int) -> Outcome:
        """Add a topic of the user's own to the template's section for custom items."""
        if not clean_line(title):
            raise ValidationError("Agenda item", [Problem("title", "is required")])
        low, high = arrangement.MIN_ITEM_MINUTES, arrangement.MAX_ITEM_MINUTES
        if not low <= minutes <= high:
            problem = Problem("minutes", f"must be between {low} and {high}, not {minutes}")
            raise ValidationError("Agenda item", [problem])
        new, item = drafts.add_custom(self.ws, self.draft, title, minutes)
        message = f"Added {quoted(title)} to {quoted(new.custom_section, SECTION_WIDTH)}"
        return self._save(new, message + over(new.plan.free_minutes), item.key)

    # -- the whole agenda -------------------------------------------------------------------

    def _generate(self, template: str, length: int | None) -> Draft:
        """The agenda built again from the records for ``template`` and ``length`` (None:
        the template's); items added by hand stay, what no longer fits is parked."""
        return drafts.generate(self.ws, self.account, template, length, keep=self.draft)

    def _rebuilt(self, new: Draft, message: str) -> Outcome:
        """Save a rebuilt draft; the status adds what did not fit, the first item is shown."""
        first = new.plan.items[0].key if new.plan.items else None
        return self._save(new, message + unfitted(new), first)

    def rebuild(self) -> Outcome:
        """Build the agenda again from the records, for the same template and length."""
        new = self._generate(self.draft.template.name, self.draft.plan.length_minutes)
        return self._rebuilt(new, "Rebuilt from the records.")

    def switch_template(self, name: str) -> Outcome:
        """Rebuild the agenda for the template ``name``, at that template's length."""
        new = self._generate(name, None)
        title = quoted(clean_line(new.template.title), SECTION_WIDTH)
        length = new.plan.length_minutes
        return self._rebuilt(new, f"Switched to {title} ({length} min): agenda rebuilt.")

    def resize(self, minutes: int) -> Outcome:
        """Make the meeting ``minutes`` long: an edited plan is kept as it is (the free or
        missing minutes are said); an untouched one is refitted by the engine."""
        planning.check_length(minutes)
        if not self.draft.edited:
            new = self._generate(self.draft.template.name, minutes)
            return self._rebuilt(new, f"{minutes} min meeting: agenda refitted.")
        plan = arrangement.set_length(self.draft.plan, minutes)
        if plan.free_minutes >= 0:
            room = f"{plan.free_minutes} min free (x restores)"
        else:
            room = f"{-plan.free_minutes} min over (x parks)"
        return self._change(plan, f"{minutes} min meeting, your plan kept: {room} · g refits.")

    def set_start(self, start: datetime) -> Outcome:
        """Move the meeting to ``start``: the same plan, its reasons worded as of then."""
        new = drafts.with_start(self.ws, self.draft, start)
        return self._save(new, f"The meeting is on {start:%a %d %b at %H:%M}.")

    # -- the pre-read -----------------------------------------------------------------------

    def preread(self) -> str:
        """The Markdown pre-read of the plan as it is now."""
        return self.draft.preread()

    def preread_path(self) -> Path:
        """Where the pre-read is written unless the user says otherwise."""
        return drafts.default_preread_path(self.draft)

    def write_preread(self, path: Path) -> Path:
        """Write the pre-read to ``path`` (private); returns the absolute path."""
        return drafts.write_preread(self.draft, path)

    # -- starting ---------------------------------------------------------------------------

    def start(self) -> CheckinStart:
        """What starting the check-in does now: resume the running one, else run this plan
        (:meth:`CheckinStart.begin` saves it first, and the session keeps it as saved)."""
        return start_checkin(self.ws, self.account, self.draft, self._saved)

    def _saved(self, draft: Draft) -> None:
        self.draft = draft
