"""The planner's small modals: template, length, minutes, a custom item, a question. None saves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from checkin.core.errors import Problem, ValidationError
from checkin.core.rules import ITEM_MINUTES, MEETING_MINUTES, Limit
from checkin.core.text import clean_line
from checkin.services.draft import TemplateChoice
from checkin.ui.command_table import Command, CommandTable
from checkin.ui.modals.confirm import YES_NO
from checkin.ui.modals.form import Field, FormModal
from checkin.ui.text import literal


def _within(field: str, label: str, limit: Limit) -> Any:
    """A form validator: ``field`` is required and within ``limit``."""
    low, high = limit.low, limit.high

    def check(values: dict[str, Any]) -> None:
        value = values.get(field)
        if value is None:
            raise ValidationError(label, [Problem(field, f"enter a number from {low} to {high}")])
        if not low <= value <= high:
            problem = Problem(field, f"must be from {low} to {high} minutes, not {value}")
            raise ValidationError(label, [problem])

    return check


class PlannerForm(FormModal):
    """The generic form with a hint that fits these forms (they take no dates)."""

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#hint", Static).update("enter or ctrl+s saves · esc cancels")


def start_modal(current: datetime, today: date) -> FormModal:
    """The day and time the meeting starts (friendly dates: "fri", "+3d", "2026-12-01").

    Both are read as the form parses, so a bad day and a bad time are flagged together.
    """
    fields = (
        Field("day", "Day", "date", required=True),
        Field("time", "Time (HH:MM, 24 h)", "time", required=True, placeholder="10:00"),
    )

    def combine(values: dict[str, Any]) -> dict[str, Any]:
        return {**values, "start": datetime.combine(values["day"], values["time"])}

    return FormModal(
        "When is the meeting?",
        fields,
        today=today,
        values={"day": current.date(), "time": current.time()},
        transform=combine,
        save_label="Set",
        suggested={"day", "time"},
    )


def length_modal(current: int, today: date) -> FormModal:
    """The meeting length in minutes (:data:`MEETING_MINUTES`)."""
    low, high = MEETING_MINUTES.low, MEETING_MINUTES.high
    spec = Field("minutes", f"Meeting length in minutes ({low}-{high})", "int")
    return PlannerForm(
        "Change the meeting length",
        (spec,),
        today=today,
        values={"minutes": current},
        validate=_within("minutes", "Length", MEETING_MINUTES),
        save_label="Change",
        suggested={"minutes"},
    )


LONGER = " (l changes the meeting length)"  # the planner's key for it


def item_minutes_check(label: str, meeting_minutes: int | None, longer: str = "") -> Any:
    """A form validator for one item's minutes: within :data:`ITEM_MINUTES`, and never longer
    than the meeting (an item that alone outlasts it is a typo, or a sign the meeting needs
    more time)."""
    in_range = _within("minutes", label, _item_limit(meeting_minutes))

    def check(values: dict[str, Any]) -> None:
        value = values.get("minutes")
        if meeting_minutes is not None and value is not None and value > meeting_minutes:
            problem = Problem(
                "minutes",
                f"{value} min is longer than the whole {meeting_minutes}-minute meeting{longer}",
            )
            raise ValidationError(label, [problem])
        in_range(values)

    return check


def _item_limit(meeting_minutes: int | None) -> Limit:
    """:data:`ITEM_MINUTES`, no higher than the meeting's length when it is known."""
    if meeting_minutes is None:
        return ITEM_MINUTES
    return Limit(ITEM_MINUTES.low, min(meeting_minutes, ITEM_MINUTES.high))


def item_minutes_label(meeting_minutes: int | None) -> str:
    limit = _item_limit(meeting_minutes)
    return f"Minutes ({limit.low}-{limit.high})"


def minutes_modal(
    title: str, current: int, today: date, meeting_minutes: int | None = None
) -> FormModal:
    """Planned minutes for one item (at most the meeting's length, when given)."""
    spec = Field("minutes", item_minutes_label(meeting_minutes), "int")
    return PlannerForm(
        f"Minutes for “{clean_line(title)}”",
        (spec,),
        today=today,
        values={"minutes": current},
        validate=item_minutes_check("Minutes", meeting_minutes, LONGER),
        save_label="Set",
        suggested={"minutes"},
    )


def custom_item_modal(
    today: date, minutes: int = 5, meeting_minutes: int | None = None
) -> FormModal:
    """A topic of the user's own: a title and its minutes (at most the meeting's length)."""
    fields = (
        Field("title", "Agenda item", required=True, placeholder="Introduce our new CSM"),
        Field("minutes", item_minutes_label(meeting_minutes), "int"),
    )
    check_minutes = item_minutes_check("Agenda item", meeting_minutes, LONGER)

    def check(values: dict[str, Any]) -> None:
        problems = []
        if len(values.get("title") or "") > 200:
            problems.append(Problem("title", "keep it under 200 characters"))
        try:
            check_minutes(values)
        except ValidationError as error:
            problems += error.problems
        if problems:
            raise ValidationError("Agenda item", problems)

    return PlannerForm(
        "Add an agenda item",
        fields,
        today=today,
        values={"minutes": minutes},
        validate=check,
        save_label="Add",
        suggested={"minutes"},
    )


TEMPLATE_COMMANDS = CommandTable(
    [Command("escape", "dismiss(None)", "Cancel", help="Keep the template", id="template.cancel")]
)


class TemplateModal(ModalScreen[str | None]):
    """Pick a template: each with its title, length and description. Returns its name."""

    DEFAULT_CSS = """
    TemplateModal { align: center middle; }
    TemplateModal > Vertical {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary 60%; background: $surface; padding: 1 2;
    }
    TemplateModal .title { text-style: bold; padding: 0 0 1 0; }
    TemplateModal OptionList { height: auto; max-height: 24; }
    TemplateModal .hint { color: $text-muted; padding: 1 0 0 0; }
    """
    COMMAND_TABLE = TEMPLATE_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = TEMPLATE_COMMANDS.bindings()

    def __init__(self, choices: Sequence[TemplateChoice], current: str) -> None:
        super().__init__()
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Switch the template", classes="title")
            yield OptionList(*(self._option(c) for c in self.choices))
            yield Static(
                "enter switches and rebuilds the agenda (items you added stay) · esc cancels",
                classes="hint",
            )

    def _option(self, choice: TemplateChoice) -> Option:
        mark = ("● ", "bold $accent") if choice.name == self.current else ("  ", "")
        if choice.problem:
            body = Content.assemble(
                mark, (clean_line(choice.name), "bold"), "\n  ", (choice.problem, "$error")
            )
            return Option(body, id=choice.name, disabled=True)
        head = Content.assemble(
            mark,
            (clean_line(choice.title), "bold"),
            (f" · {choice.minutes} min · {clean_line(choice.name)}", "dim"),
        )
        if choice.description:
            head = Content("\n").join(
                [head, Content.assemble("  ", clean_line(choice.description))]
            )
        return Option(head, id=choice.name)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = [c.name for c in self.choices]
        if self.current in names:
            options.highlighted = names.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class AskModal(ModalScreen[bool]):
    """A yes/no question that wraps (y or enter: yes; n or escape: no); buttons for the mouse."""

    DEFAULT_CSS = """
    AskModal { align: center middle; }
    AskModal > Vertical {
        width: 70; max-width: 95%; height: auto;
        border: thick $warning 60%; background: $surface; padding: 1 2;
    }
    AskModal #ask-question { width: 1fr; height: auto; }
    AskModal #ask-buttons { height: auto; align: right middle; padding: 1 0 0 0; }
    AskModal #ask-buttons Button { margin-left: 2; }
    """
    COMMAND_TABLE = YES_NO
    BINDINGS: ClassVar[list[BindingType]] = YES_NO.bindings()

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.question), id="ask-question")
            with Horizontal(id="ask-buttons"):
                yield Button("No (n)", id="ask-no")
                yield Button(f"{self.yes} (y)", id="ask-yes", variant="primary")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "ask-yes")
