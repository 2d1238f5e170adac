"""A keyboard-fast form in a modal: fields from a spec, friendly dates, messages beside fields."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from checkin.core.dates import human_date, parse_date
from checkin.core.errors import CheckinError, Conflict, ValidationError
from checkin.core.text import clean_line
from checkin.ui.command_table import Command, CommandTable
from checkin.ui.modals.confirm import ConfirmModal
from checkin.ui.modals.fields import Field, Follow, convert, field_input, raw_value
from checkin.ui.text import literal

__all__ = ["Field", "Follow", "FormModal"]

Validator = Callable[[dict[str, Any]], None]
Transform = Callable[[dict[str, Any]], dict[str, Any]]
Save = Callable[[dict[str, Any]], object]
HINT = "ctrl+s save · esc cancel"
DATES_HINT = " · dates: 2026-12-01, fri, +3d, next week"


FORM_COMMANDS = CommandTable(
    [
        Command("escape", "cancel", "Cancel", help="Close the form: nothing is saved",
                id="form.cancel"),
        Command("ctrl+s", "submit", "Save", help="Save what the form holds", priority=True,
                id="form.save"),
    ]
)  # fmt: skip


class FormModal(ModalScreen[dict[str, Any] | None]):
    """Returns the parsed values on save (ctrl+s, or enter in a one-line field), None on escape.

    ``transform`` turns the parsed values into what the caller wants back (record fields);
    ``validate`` gets those and raises ValidationError (or CheckinError) to keep the form
    open, with messages beside the fields they name. ``save`` is the caller's own save of
    those values: a CheckinError it raises keeps the form open the same way, so nothing
    typed is lost. The modal itself never saves.

    ``suggested`` names the fields whose value in ``values`` is the app's suggestion (a
    default, the current plan) rather than text the user typed: such a field is selected when
    it gets focus, so typing replaces it ("3" over a suggested "5" is 3). Once the user edits
    it, it is theirs: coming back puts the cursor at the end and typing adds to it.
    """

    DEFAULT_CSS = """
    FormModal { align: center middle; }
    FormModal > #dialog {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary 60%; background: $surface; padding: 0 1;
    }
    FormModal #head { dock: top; height: auto; }
    FormModal #foot { dock: bottom; height: auto; }
    FormModal #title { text-style: bold; padding: 1 1 0 1; width: 1fr; }
    FormModal #fields { height: auto; max-height: 100%; padding: 0 1; }
    FormModal .field-label { padding: 1 0 0 0; color: $text-muted; }
    FormModal .field-error { color: $error; height: auto; }
    FormModal .field-error.-empty { display: none; }
    FormModal .field-error.-hint { color: $text-muted; }
    FormModal TextArea { height: 6; }
    FormModal #form-error { color: $error; padding: 1 1 0 1; height: auto; }
    FormModal #form-error.-empty { display: none; }
    FormModal #buttons { height: auto; align: right middle; padding: 0 1; }
    FormModal #buttons Button { margin-left: 2; }
    FormModal #hint { color: $text-muted; padding: 1 1 0 1; }
    """
    AUTO_FOCUS = ""  # on_mount focuses the first field without scrolling its label away
    COMMAND_TABLE = FORM_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = FORM_COMMANDS.bindings()

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        *,
        today: date,
        values: dict[str, Any] | None = None,
        validate: Validator | None = None,
        transform: Transform | None = None,
        save: Save | None = None,
        follows: Sequence[Follow] = (),
        save_label: str = "Save",
        suggested: Collection[str] = (),
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = tuple(fields)
        self.today = today
        self.initial = values or {}
        self.validate = validate
        self.transform = transform
        self.save = save
        self.follows = tuple(follows)
        self.save_label = save_label
        self.restored = False  # opened on a kept draft: it counts as changed from the start
        self._unchanged: dict[str, Any] = {}  # what the inputs held when the form opened
        self._suggested: dict[str, str] = {}  # field -> the suggestion it shows
        self._suggest = frozenset(suggested)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            with Vertical(id="head"):
                yield Label(literal(self.form_title), id="title")
                yield Static("", id="form-error", classes="-empty")
            with VerticalScroll(id="fields", can_focus=False):
                for spec in self.fields:
                    label = spec.label + (" *" if spec.required else "")
                    yield Label(label, classes="field-label")
                    yield field_input(spec, self.initial.get(spec.name))
                    yield Static("", id=f"error-{spec.name}", classes="field-error -empty")
            with Vertical(id="foot"):
                dated = any(spec.kind == "date" for spec in self.fields)
                yield Static(HINT + (DATES_HINT if dated else ""), id="hint")
                with Horizontal(id="buttons"):
                    yield Button("Cancel", id="cancel")
                    yield Button(self.save_label, id="save", variant="primary")

    def on_mount(self) -> None:
        self._unchanged = self._raws()
        for spec in self.fields:
            field = self.query_one(f"#field-{spec.name}")
            if spec.name in self._suggest and isinstance(field, Input) and field.value:
                self._suggested[spec.name] = field.value
                field.select_on_focus = True
        first = self.query(f"#field-{self.fields[0].name}").first() if self.fields else None
        if first is not None:
            first.focus(scroll_visible=False)

    # -- reading values ------------------------------------------------------------------

    def _raws(self) -> dict[str, Any]:
        return {spec.name: raw_value(self.query_one(f"#field-{spec.name}")) for spec in self.fields}

    def typed(self) -> dict[str, Any]:
        """Every field as typed so far (text, the chosen value, a bool): what a draft keeps."""
        return self._raws()

    @property
    def changed(self) -> bool:
        """Whether anything differs from what the form opened with (a restored draft has)."""
        return self.restored or self._raws() != self._unchanged

    def parse(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The typed values and the per-field messages of what could not be read: every
        field is checked, so all of them are flagged at once."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for spec, raw in zip(self.fields, self._raws().values(), strict=True):
            try:
                values[spec.name] = convert(spec, raw, self.today)
            except ValueError as error:
                errors[spec.name] = str(error)
                continue
            if spec.required and values[spec.name] in (None, ""):
                errors[spec.name] = "required"
        return values, errors

    # -- actions ---------------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Close at once when nothing changed; otherwise ask before throwing the changes away."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmModal("Discard your changes?"), answered)

    def action_submit(self) -> None:
        for follow in self.follows:
            self._follow(follow)
        values, errors = self.parse()
        form_error = ""
        if not errors:
            if self.transform is not None:
                values = self.transform(values)
            errors, form_error = self._check(values)
        self._show_errors(errors, form_error)
        if not errors and not form_error:
            self.dismiss(values)

    def _check(self, values: dict[str, Any]) -> tuple[dict[str, str], str]:
        """Validate, then let the caller save; what goes wrong, placed on the form."""
        try:
            if self.validate is not None:
                self.validate(values)
            if self.save is not None:
                self.save(values)
        except CheckinError as error:
            return self._placed(error)
        return {}, ""

    def _placed(self, error: CheckinError) -> tuple[dict[str, str], str]:
        """Messages beside the fields they name; the rest for the top of the form."""
        names = {spec.name for spec in self.fields}
        errors: dict[str, str] = {}
        if isinstance(error, ValidationError):
            rest = []
            for problem in error.problems:
                if problem.field in names:
                    errors.setdefault(problem.field, problem.message)
                else:
                    rest.append(str(problem))
            return errors, "; ".join(rest)
        if isinstance(error, Conflict) and error.field in names:
            return {error.field: str(error)}, ""
        return {}, str(error)

    def _show_errors(self, errors: dict[str, str], form_error: str) -> None:
        for spec in self.fields:
            box = self.query_one(f"#error-{spec.name}", Static)
            message = errors.get(spec.name, "")
            box.update(literal(message))
            box.set_class(not message, "-empty")
            box.remove_class("-hint")
        box = self.query_one("#form-error", Static)
        box.update(literal(form_error))
        box.set_class(not form_error, "-empty")
        if errors:
            first = next(f for f in self.fields if f.name in errors)
            self.query_one(f"#field-{first.name}").focus()

    @on(Input.Submitted)
    def _enter_saves(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # -- while typing ----------------------------------------------------------------------

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        if name in self._suggested and event.value != self._suggested[name]:
            event.input.select_on_focus = False  # edited: the user's own from now on
        spec = next((f for f in self.fields if f.name == name), None)
        if spec is not None and spec.kind == "date":
            self._date_preview(name, event.value)
        for follow in self.follows:
            if follow.source == name:
                self._follow(follow)

    def _follow(self, follow: Follow) -> None:
        """The follower takes the derived value unless the user typed one of their own."""
        target = self.query_one(f"#field-{follow.target}", Input)
        if target.value not in ("", self._suggested.get(follow.target, "")):
            target.select_on_focus = False  # the user's own: typing adds to it
            return
        source = clean_line(str(raw_value(self.query_one(f"#field-{follow.source}"))))
        suggestion = follow.derive(source) if source else ""
        self._suggested[follow.target] = suggestion
        if target.value != suggestion:
            target.value = suggestion
        target.select_on_focus = True  # a suggestion: typing replaces it

    def _date_preview(self, name: str, value: str) -> None:
        """Show what a friendly date means while it is typed ("fri" -> 2026-11-27)."""
        box = self.query_one(f"#error-{name}", Static)
        text = value.strip()
        try:
            day = parse_date(text, self.today) if text else None
        except ValueError:
            day = None
        hint = "" if day is None or text == day.isoformat() else f"→ {human_date(day)}"
        if not hint and not box.has_class("-hint"):
            return  # keep an error message until the next save attempt
        box.update(hint)
        box.set_class(not hint, "-empty")
        box.set_class(bool(hint), "-hint")
