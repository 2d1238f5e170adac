"""Meeting minutes as GitHub-flavoured Markdown that pastes well into GitHub, Confluence, Notion."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from checkin.core.enums import ActionStatus, Audience, Direction, MeetingState
from checkin.core.health import Health
from checkin.core.meeting import Meeting
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue, RoadmapItem
from checkin.core.text import clean_line
from checkin.core.text import count as plural
from checkin.markdown import wording as w
from checkin.markdown.audience import (
    LATER,
    TEAM_BANNER,
    parked_by_hand,
    quiet_references,
)
from checkin.markdown.escape import block, cell, heading, inline
from checkin.markdown.summary import summary_lines
from checkin.markdown.tables import issue_table, roadmap_table, table

# The client's sections, in order; the team version adds TEAM_SECTION after the summary.
SECTIONS = (
    "Summary",
    "Attendees",
    "Agenda",
    "Notes",
    "Decisions",
    "Action items",
    "Feedback",
    "Issue status changes",
    "Open issues",
    "Roadmap",
    "Next meeting",
    "Appendix: why these items",
)
TEAM_SECTION = "For our team"
TEAM_SECTIONS = (SECTIONS[0], TEAM_SECTION, *SECTIONS[1:])


def sections(audience: Audience) -> tuple[str, ...]:
    """The H2 sections of the minutes for ``audience``, in order."""
    return SECTIONS if audience.is_client else TEAM_SECTIONS


@dataclass(frozen=True, kw_only=True)
class MinutesData:
    """Everything the minutes of one meeting say, gathered by the sharing service.

    ``actions`` and ``feedback`` are those of this meeting; ``issues`` and ``roadmap`` are the
    account's (closed issues and old milestones are left out here); ``today`` is the day the
    open issues and the roadmap are reported as of. ``open_issue_count`` is how many issues
    are open when ``issues`` holds only the first :data:`ISSUE_ROWS` of them (None: all).
    """

    meeting: Meeting
    account: Account
    contacts: Sequence[Contact]
    actions: Sequence[ActionItem]
    feedback: Sequence[Feedback]
    issues: Sequence[Issue]
    roadmap: Sequence[RoadmapItem]
    today: date
    open_issue_count: int | None = None
    # The relationship's health when the meeting ended (team version only; None: not known).
    health: Health | None = None

    @property
    def is_draft(self) -> bool:
        return self.meeting.state is not MeetingState.ENDED

    @property
    def title(self) -> str:
        """Plain-text title: account, meeting and date (HTML <title>, chat first line)."""
        m = self.meeting
        draft = " (draft)" if self.is_draft else ""
        name = clean_line(self.account.name)
        return f"{name} · {w.meeting_title(m.template)} · {m.day.isoformat()}{draft}"


class _Minutes:
    """Builds the document section by section."""

    def __init__(self, data: MinutesData, audience: Audience) -> None:
        self.data = data
        self.audience = audience
        self.team = not audience.is_client
        self.m = data.meeting
        self.client = data.account.name
        self.items = w.agenda(self.m)
        self.out: list[str] = []

    def emit(self, *lines: str) -> None:
        self.out.extend(lines)

    def section(self, title: str) -> None:
        self.emit("", f"## {title}", "")

    def render(self) -> str:
        self.head()
        self.summary()
        if self.team:
            self.for_team()
        self.attendees()
        self.agenda()
        self.notes()
        self.decisions()
        self.actions()
        self.feedback()
        self.status_changes()
        self.issues()
        self.roadmap()
        self.next_meeting()
        self.appendix()
        text = "\n".join(self.out) + "\n"
        return quiet_references(text) if self.audience.is_client else text

    # -- sections -------------------------------------------------------------------------

    def head(self) -> None:
        m = self.m
        draft = " (draft)" if self.data.is_draft else ""
        kind = heading(w.meeting_title(m.template))
        title = f"{heading(self.client)} · {kind} · {m.day.isoformat()}"
        self.emit(f"# {title}{draft}", "")
        if self.team:
            self.emit(TEAM_BANNER, "")
        count = len(self.items)
        if m.state is MeetingState.PLANNED:
            self.emit("> **Draft:** this meeting has not started yet; this is its agenda.", "")
            progress = f"{plural(count, 'agenda item')} planned."
        else:
            if m.state is MeetingState.LIVE:
                note = "this meeting is still in progress; these minutes are not final."
                self.emit(f"> **Draft:** {note}", "")
            progress = w.progress(self.items, m)
        self.emit(
            f"{inline(w.meeting_title(m.template))} with {inline(self.client)} on {w.when(m)}. "
            + progress
        )

    def summary(self) -> None:
        self.section("Summary")
        self.emit(*(f"- {line}" for line in summary_lines(self.data)))

    def for_team(self) -> None:
        self.section(TEAM_SECTION)
        rating = self.m.rating
        if rating is None:
            self.emit("- **Rating:** not rated.")
        else:
            self.emit(f"- **Rating:** {rating} of 5.")
        health = self.data.health
        if health is not None:
            when = "at the end of the meeting" if self.m.ended else "now"
            weakest = health.weakest
            self.emit(
                f"- **Health {when}:** {health.score} ({health.band.value}); weakest: "
                f"{inline(weakest.label.lower())} ({inline(weakest.detail)})."
            )
            for flag in health.flags:
                self.emit(f"  - {inline(w.sentence(flag.text))}")
        private = [item for item in self.items if item.private_notes.strip()]
        if private:
            where = plural(len(private), "agenda item")
            self.emit(f"- **Private notes:** on {where}, under Notes below.")
        moods = [f for f in self.data.feedback if f.direction is Direction.FROM_CLIENT]
        if moods:
            said = ", ".join(w.SENTIMENTS.get(f.sentiment, "neutral") for f in moods)
            self.emit(f"- **Client sentiment:** {said}.")

    def attendees(self) -> None:
        self.section("Attendees")
        theirs, ours = w.attendees(self.m, self.data.contacts)
        guests = [g for g in self.m.guests if g.strip()]
        if not theirs and not ours and not guests:
            self.emit("No attendees were recorded.")
            return
        for label, people in ((self.client, theirs), (w.OUR_TEAM, ours)):
            if people:
                names = ", ".join(inline(w.person(c)) for c in people)
                self.emit(f"- **{inline(label)}:** {names}")
        if guests:
            self.emit(f"- **Guests:** {', '.join(inline(g) for g in guests)}")

    def agenda(self) -> None:
        self.section("Agenda")
        if not self.items:
            self.emit("The agenda was empty.")
        else:
            rows = [
                [
                    str(n),
                    cell(w.item_title(item)),
                    w.item_status(item, self.m),
                    f"{item.planned_minutes} min",
                    w.minutes_text(item.actual_seconds),
                ]
                for n, item in enumerate(self.items, start=1)
            ]
            planned = sum(i.planned_minutes for i in self.items)
            spent = sum(i.actual_seconds for i in self.items)
            rows.append(["", "**Total**", "", f"**{planned} min**", f"**{w.minutes_text(spent)}**"])
            self.emit(*table(("#", "Item", "Outcome", "Planned", "Actual"), "rllrr", rows))
        parked = w.parked(self.m)
        if parked and not self.team:
            self.emit("", "Kept for a later meeting (not discussed):", "")
            self.emit(*(f"- {inline(w.item_title(item))}" for item in parked))
        elif parked:
            self.emit("", "Parking lot (not discussed):", "")
            for item in parked:
                why = "parked by hand" if parked_by_hand(item) else "did not fit"
                self.emit(f"- {inline(w.item_title(item))} ({why})")

    def notes(self) -> None:
        self.section("Notes")
        noted = [
            (n, item)
            for n, item in enumerate(self.items, start=1)
            if item.notes.strip()
            or (self.team and item.private_notes.strip())
            or w.item_status(item, self.m) in ("Deferred", "Skipped")
        ]
        if not noted:
            self.emit("No notes were taken.")
            return
        for position, (n, item) in enumerate(noted):
            if position:
                self.emit("")
            self.emit(f"### {n}. {heading(item.title)}", "")
            status = w.item_status(item, self.m)
            if status == "Deferred":
                self.emit("*Deferred to the next meeting.*", "")
            elif status == "Skipped":
                self.emit("*Skipped.*", "")
            if item.notes.strip():
                self.emit(block(item.notes))
            if self.team and item.private_notes.strip():
                if item.notes.strip():
                    self.emit("")
                self.emit(f"**Private (team only):** {block(item.private_notes)}")

    def decisions(self) -> None:
        self.section("Decisions")
        decisions = [d for d in self.m.decisions if d.text.strip()]
        if not decisions:
            self.emit("No decisions were recorded.")
            return
        numbers = {item.key: n for n, item in enumerate(self.items, start=1)}
        for decision in decisions:
            where = numbers.get(decision.item_key or "")
            suffix = f" (agenda item {where})" if where else ""
            self.emit(f"- {block(decision.text, 2)}{suffix}")

    def actions(self) -> None:
        self.section("Action items")
        if not self.data.actions:
            self.emit("No action items were agreed.")
            return
        for action in w.sorted_actions(self.data.actions):
            box = " " if action.status is ActionStatus.OPEN else "x"
            self.emit(
                f"- [{box}] {inline(w.owner(action))}: {inline(action.title)} "
                f"({w.action_terms(action)})"
            )

    def feedback(self) -> None:
        self.section("Feedback")
        items = sorted(self.data.feedback, key=lambda f: (f.received, f.created_at or datetime.min))
        if not items:
            self.emit("No feedback was recorded in this meeting.")
            return
        for item in items:
            direction = "From" if item.direction is Direction.FROM_CLIENT else "To"
            label = f"**{direction} {inline(self.client)}**"
            if item.topic.strip():
                label += f" · {inline(item.topic)}"
            if self.team:
                label += f" · {w.SENTIMENTS.get(item.sentiment, 'neutral')}"
            self.emit(f"- {label}: {block(item.text, 2)}")

    def status_changes(self) -> None:
        self.section("Issue status changes")
        if not self.m.status_changes:
            self.emit("No issue changed status in this meeting.")
            return
        for change in self.m.status_changes:
            self.emit(f"- {inline(change.issue_title)}: {inline(change.summary)}")

    def issues(self) -> None:
        self.section("Open issues")
        self.emit(*issue_table(self.data.issues, self.data.open_issue_count, self.data.today))

    def roadmap(self) -> None:
        self.section("Roadmap")
        if self.data.today != self.m.day:
            self.emit(f"As of {self.data.today.isoformat()}.", "")
        self.emit(*roadmap_table(self.data.roadmap, self.data.today, self.client))

    def next_meeting(self) -> None:
        self.section("Next meeting")
        start = self.m.agreed_next
        if start is None:
            every = self.data.account.cadence_days
            self.emit(f"Not scheduled yet (we meet every {plural(every, 'day')}).")
        else:
            self.emit(f"{w.long_date(start.date())}, {w.clock_time(start)}.")

    def appendix(self) -> None:
        self.section(SECTIONS[-1])
        later = "Parking lot" if self.team else "For a later meeting"
        entries = [
            (f"{n}. {inline(item.title)}", item) for n, item in enumerate(self.items, start=1)
        ] + [(f"{later}: {inline(item.title)}", item) for item in w.parked(self.m)]
        if not entries:
            self.emit("There were no agenda items.")
            return
        self.emit("Why each item was on the agenda, as the agenda planner explained it.", "")
        for label, item in entries:
            colon = "" if w.ends_with_punctuation(item.title) else ":"
            if item.parked and not self.team:
                why = [LATER]
            else:
                texts = w.reasons(item, self.m.template, self.audience)
                why = [inline(w.sentence(text)) for text in texts]
            if len(why) == 1:
                self.emit(f"- **{label}{colon}** {why[0]}")
            else:
                self.emit(f"- **{label}{colon}**", *(f"  - {text}" for text in why))


def render_minutes(data: MinutesData, audience: Audience | str = Audience.CLIENT) -> str:
    """The minutes of ``data.meeting`` for ``audience`` as GitHub-flavoured Markdown, ending
    in a newline.

    Pure and deterministic. Headings are H1 to H3, there is no raw HTML, and every piece of
    user text goes through :mod:`checkin.markdown.escape`, so it cannot change the structure.
    The client version (the default) leaves out internal judgement and neutralises @mentions
    and issue references; the team version adds it all (see :mod:`checkin.markdown.audience`).
    """
    return _Minutes(data, Audience(audience)).render()
