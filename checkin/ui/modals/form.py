"""A keyboard-fast form in a modal: fields from a spec, friendly dates, messages beside fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, Switch, TextArea

from checkin.core.dates import DATE_HINT, human_date, parse_date
from checkin.core.errors import CheckinError, ValidationError
from checkin.core.text import clean_line, clean_text
from checkin.ui.text import literal

Kind = Literal["text", "multiline", "choice", "date", "int", "bool"]


@dataclass(frozen=True)
class Field:
    """One input of a form."""

    name: str
    label: str
    kind: Kind = "text"
    choices: tuple[tuple[str, Any], ...] = ()
    required: bool = False
    placeholder: str = ""


Validator = Callable[[dict[str, Any]], None]
Transform = Callable[[dict[str, Any]], dict[str, Any]]


class FormModal(ModalScreen[dict[str, Any] | None]):
    """Returns the parsed values on save (ctrl+s, or enter in a one-line field), None on escape.

    ``transform`` turns the parsed values into what the caller wants back (record fields);
    ``validate`` gets those and raises ValidationError (or CheckinError) to keep the form
    open, with messages beside the fields they name. The modal never saves.
    """

    DEFAULT_CSS = """
    FormModal { align: center middle; }
    FormModal > #dialog {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary 60%; background: $surface; padding: 0 1;
    }
    FormModal #title { text-style: bold; padding: 1 1 0 1; width: 1fr; }
    FormModal #fields { height: auto; max-height: 32; padding: 0 1; }
    FormModal .field-label { padding: 1 0 0 0; color: $text-muted; }
    FormModal .field-error { color: $error; height: auto; }
    FormModal .field-error.-empty { display: none; }
    FormModal .field-error.-hint { color: $text-muted; }
    FormModal TextArea { height: 6; }
    FormModal #form-error { color: $error; padding: 0 1; height: auto; }
    FormModal #form-error.-empty { display: none; }
    FormModal #buttons { height: auto; align: right middle; padding: 1 1; }
    FormModal #buttons Button { margin-left: 2; }
    FormModal #hint { color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "submit", "Save", id="form.save", priority=True),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        *,
        today: date,
        values: dict[str, Any] | None = None,
        validate: Validator | None = None,
        transform: Transform | None = None,
        save_label: str = "Save",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = tuple(fields)
        self.today = today
        self.initial = values or {}
        self.validate = validate
        self.transform = transform
        self.save_label = save_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(literal(self.form_title), id="title")
            with VerticalScroll(id="fields"):
                for spec in self.fields:
                    label = spec.label + (" *" if spec.required else "")
                    yield Label(label, classes="field-label")
                    yield self._input(spec)
                    yield Static("", id=f"error-{spec.name}", classes="field-error -empty")
            yield Static("", id="form-error", classes="-empty")
            yield Static(
                "ctrl+s save · esc cancel · dates: 2026-12-01, fri, +3d, next week", id="hint"
            )
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(self.save_label, id="save", variant="primary")

    def _input(self, spec: Field) -> Widget:
        value = self.initial.get(spec.name)
        wid = f"field-{spec.name}"
        if spec.kind == "multiline":
            area = TextArea(str(value or ""), id=wid, soft_wrap=True, show_line_numbers=False)
            return area
        if spec.kind == "choice":
            return Select(
                [(label, choice) for label, choice in spec.choices],
                id=wid,
                prompt="Choose…",
                value=value if value is not None else Select.NULL,
            )
        if spec.kind == "bool":
            return Switch(value=bool(value), id=wid)
        if spec.kind == "date":
            shown = value.isoformat() if isinstance(value, date) else str(value or "")
            return Input(shown, id=wid, placeholder=spec.placeholder or "2026-12-01, fri, +3d")
        text = "" if value is None else str(value)
        restrict = r"-?[0-9]*" if spec.kind == "int" else None
        return Input(text, id=wid, placeholder=spec.placeholder, restrict=restrict)

    def on_mount(self) -> None:
        first = self.query(f"#field-{self.fields[0].name}").first() if self.fields else None
        if first is not None:
            first.focus()

    # -- reading values ------------------------------------------------------------------

    def _raw(self, spec: Field) -> Any:
        widget = self.query_one(f"#field-{spec.name}")
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Select):
            return None if widget.value is Select.NULL else widget.value
        if isinstance(widget, Switch):
            return widget.value
        assert isinstance(widget, Input)
        return widget.value

    def parse(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The typed values and the per-field messages of what could not be read."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for spec in self.fields:
            raw = self._raw(spec)
            try:
                values[spec.name] = self._convert(spec, raw)
            except ValueError as error:
                errors[spec.name] = str(error)
                continue
            if spec.required and values[spec.name] in (None, ""):
                errors[spec.name] = "required"
        return values, errors

    def _convert(self, spec: Field, raw: Any) -> Any:
        if spec.kind == "date":
            text = str(raw).strip()
            if not text:
                return None
            try:
                return parse_date(text, self.today)
            except ValueError:
                raise ValueError(f"{text!r} is not a date: {DATE_HINT}") from None
        if spec.kind == "int":
            text = str(raw).strip()
            if not text:
                return None
            try:
                return int(text)
            except ValueError:
                raise ValueError(f"{text!r} is not a whole number") from None
        if spec.kind == "text":
            return clean_line(str(raw))
        if spec.kind == "multiline":
            return clean_text(str(raw)).strip()
        return raw

    # -- actions ---------------------------------------------------------------------------

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        values, errors = self.parse()
        form_error = ""
        if not errors and self.transform is not None:
            values = self.transform(values)
        if not errors and self.validate is not None:
            try:
                self.validate(values)
            except ValidationError as error:
                for problem in error.problems:
                    if any(f.name == problem.field for f in self.fields):
                        errors.setdefault(problem.field, problem.message)
                    else:
                        form_error = str(error)
            except CheckinError as error:
                form_error = str(error)
        self._show_errors(errors, form_error)
        if not errors and not form_error:
            self.dismiss(values)

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
        self.dismiss(None)

    @on(Input.Changed)
    def _date_preview(self, event: Input.Changed) -> None:
        """Show what a friendly date means while it is typed ("fri" -> 2026-11-27)."""
        name = (event.input.id or "").removeprefix("field-")
        spec = next((f for f in self.fields if f.name == name), None)
        if spec is None or spec.kind != "date":
            return
        box = self.query_one(f"#error-{name}", Static)
        text = event.value.strip()
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
