"""Converting records to plain JSON-ready dicts and back (ISO 8601 dates, enum values)."""

from __future__ import annotations

import builtins
import dataclasses
import inspect
import sys
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from checkin.core.errors import CheckinError

T = TypeVar("T")
Converter = Callable[[Any], Any]


class DecodeError(CheckinError):
    """A stored document does not have the shape of its record."""


def _identity(value: Any) -> Any:
    return value


def _optional(inner: Converter) -> Converter:
    def convert(value: Any) -> Any:
        return None if value is None else inner(value)

    _INNER[convert] = inner
    return convert


# What each optional converter applies to a value that is not None (the compiled encoders
# write the None test inline rather than call the wrapper).
_INNER: dict[Converter, Converter] = {}


def _listed(inner: Converter) -> Converter:
    if inner is _identity:
        return list

    def convert(value: Any) -> Any:
        return [inner(v) for v in value]

    return convert


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return hint, False


def _encoder_for(hint: Any) -> Converter:
    inner, optional = _unwrap_optional(hint)
    if typing.get_origin(inner) is list:
        conv = _listed(_encoder_for(typing.get_args(inner)[0]))
    elif inner is datetime:
        conv = datetime.isoformat
    elif inner is date:
        conv = date.isoformat
    elif isinstance(inner, type) and issubclass(inner, Enum):
        conv = _enum_value
    elif dataclasses.is_dataclass(inner):
        conv = encode
    else:
        conv = _identity
    return _optional(conv) if optional and conv is not _identity else conv


def _enum_value(value: Enum) -> Any:
    return value._value_  # what .value returns, without the property's descriptor call


def _decoder_for(hint: Any) -> Converter:
    inner, optional = _unwrap_optional(hint)
    if typing.get_origin(inner) is list:
        conv = _listed(_decoder_for(typing.get_args(inner)[0]))
    elif inner is datetime:
        conv = datetime.fromisoformat
    elif inner is date:
        conv = date.fromisoformat
    elif isinstance(inner, type) and issubclass(inner, Enum):
        conv = inner
    elif inner in _PLAIN:
        conv = _PLAIN[inner]
    elif dataclasses.is_dataclass(inner):
        cls: type = inner  # type: ignore[assignment]

        def conv(value: Any) -> Any:
            return decode(cls, value)

    else:
        conv = _identity
    return _optional(conv) if optional and conv is not _identity else conv


def _checked(kind: type, *also: type) -> Converter:
    """A value stored as ``kind`` is kept as it is; anything else (a cadence saved as
    "monthly", a flag as "yes") raises, so a damaged record is reported, not used."""
    accepted = (kind, *also)

    def conv(value: Any) -> Any:
        if isinstance(value, accepted) and (kind is bool or not isinstance(value, bool)):
            return value
        raise TypeError(f"{value!r} is not {_KIND_NAMES[kind]}")

    return conv


_KIND_NAMES = {int: "a whole number", float: "a number", str: "text", bool: "true or false"}
_PLAIN: dict[Any, Converter] = {
    int: _checked(int),
    float: _checked(float, int),
    str: _checked(str),
    bool: _checked(bool),
}


# Per field: name, encoder, decoder, and its default (a factory; None when it has none).
Plan = tuple[tuple[str, Converter, Converter, Callable[[], Any] | None], ...]
_PLANS: dict[type, Plan] = {}


def _plan(cls: type) -> Plan:
    """Per-field converters of a dataclass, computed once per class."""
    cached = _PLANS.get(cls)
    if cached is not None:
        return cached
    hints = _field_types(cls)
    plan = []
    for f in dataclasses.fields(cls):
        default: Callable[[], Any] | None = None
        if f.default_factory is not dataclasses.MISSING:
            default = f.default_factory
        elif f.default is not dataclasses.MISSING:
            default = _constant(f.default)
        plan.append((f.name, _encoder_for(hints[f.name]), _decoder_for(hints[f.name]), default))
    _PLANS[cls] = tuple(plan)
    return _PLANS[cls]


def _field_types(cls: type) -> dict[str, Any]:
    """Each field's type, from its annotation's text: a name, ``X | None`` or ``list[X]``
    (what records use) looked up in the defining module, without ``typing.get_type_hints``
    compiling every annotation (0.4 ms for one record class, paid before the first frame).
    Anything else is left to ``get_type_hints``, which gives the same types."""
    fields = {f.name for f in dataclasses.fields(cls)}
    found: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        module = vars(sys.modules[base.__module__])
        for name, text in inspect.get_annotations(base).items():
            if name not in fields:
                continue  # a ClassVar
            hint = _simple_type(text, module) if isinstance(text, str) else None
            if hint is None:
                return typing.get_type_hints(cls)
            found[name] = hint
    return found


def _simple_type(text: str, module: dict[str, Any]) -> Any:
    """The type ``text`` names (see :func:`_field_types`); None when it is not that simple."""
    optional = text.endswith(" | None")
    inner = text[: -len(" | None")] if optional else text
    listed = inner.startswith("list[") and inner.endswith("]")
    if listed:
        inner = inner[len("list[") : -1]
    found = module.get(inner, getattr(builtins, inner, None)) if inner.isidentifier() else None
    if not isinstance(found, type):
        return None
    hint: Any = list[found] if listed else found  # type: ignore[valid-type]
    return hint | None if optional else hint


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


# Per class: each field's name and its encoder, None when the value is stored as it is.
_ENCODERS: dict[type, tuple[tuple[str, Converter | None], ...]] = {}


def _encoders(cls: type) -> tuple[tuple[str, Converter | None], ...]:
    cached = _ENCODERS.get(cls)
    if cached is None:
        cached = _ENCODERS[cls] = tuple(
            (name, None if enc is _identity else enc) for name, enc, _dec, _d in _plan(cls)
        )
    return cached


def encode(record: Any) -> dict[str, Any]:
    """A plain dict of ``record``: dates as ISO strings, enums as their values."""
    values = getattr(record, "__dict__", None)
    if values is None:  # a dataclass with slots
        return {
            name: (enc or _identity)(getattr(record, name)) for name, enc in _encoders(type(record))
        }
    cls = type(record)
    encoder = _COMPILED_ENCODERS.get(cls)
    if encoder is not None:
        return encoder(values)
    uses = _ENCODED[cls] = _ENCODED.get(cls, 0) + 1
    if uses > PLAN_ENCODES:
        encoder = _COMPILED_ENCODERS[cls] = _encoder(cls)
        return encoder(values)
    return {
        name: values[name] if enc is None else enc(values[name]) for name, enc in _encoders(cls)
    }


# Like decoding: a class's first records are encoded by a loop over its plan, then by an
# encoder compiled for it (an import of 10,000 issues spent a third of its save encoding).
PLAN_ENCODES = 100
_ENCODED: dict[type, int] = {}
_COMPILED_ENCODERS: dict[type, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _encoder(cls: type) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """:func:`encode` of one class's instance dict, written out as one dict display and
    compiled once: the same keys in the same order, the same conversions (an enum's value
    and an optional value's None test are written inline)."""
    namespace: dict[str, Any] = {}
    items = []
    for n, (name, enc) in enumerate(_encoders(cls)):
        value = f"values[{name!r}]"
        inner = _INNER.get(enc) if enc is not None else None
        call = inner if inner is not None else enc
        if call is None:
            expr = value
        elif call is _enum_value:
            expr = "{}._value_"
        else:
            namespace[f"enc{n}"] = call
            expr = f"enc{n}({{}})"
        if call is not None:
            if inner is not None:
                expr = f"(None if (v{n} := {value}) is None else {expr.format(f'v{n}')})"
            else:
                expr = expr.format(value)
        items.append(f"        {name!r}: {expr},")
    source = "\n".join(["def encode(values):", "    return {", *items, "    }"])
    exec(source, namespace)  # our own source, made from the field names
    encoder: Callable[[dict[str, Any]], dict[str, Any]] = namespace["encode"]
    return encoder


def decode(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a ``cls`` record from :func:`encode` output; missing fields take their defaults.

    Stored records were validated when they were saved, so their rules are not checked again
    (that was a third of the time of reading a busy account); values that cannot be converted
    still raise DecodeError.
    """
    decoder = _DECODERS.get(cls)
    if decoder is None:
        uses = _DECODED[cls] = _DECODED.get(cls, 0) + 1
        if uses <= PLAN_DECODES:
            return _decode_by_plan(cls, data)  # type: ignore[no-any-return]
        decoder = _DECODERS[cls] = _decoder(cls)
    return decoder(data)  # type: ignore[no-any-return]


# Each class's first records are decoded by a loop over its plan; from then on by a decoder
# compiled for it, which is faster per record but takes as long to compile as a hundred
# records take to decode (the accounts home's first frame decodes 25 accounts: no compile).
PLAN_DECODES = 100
_DECODED: dict[type, int] = {}
_DECODERS: dict[type, Callable[[dict[str, Any]], Any]] = {}


def _decode_by_plan(cls: type, data: dict[str, Any]) -> Any:
    """:func:`decode` by a loop over the fields' plan: what the compiled decoder does."""
    record: Any = object.__new__(cls)
    values = record.__dict__
    name = None
    try:
        for name, _enc, dec, default in _plan(cls):
            if name in data:
                values[name] = data[name] if dec is _identity else dec(data[name])
            elif default is None:
                raise DecodeError(f"{cls.__name__} is missing the field {name!r}")
            else:
                values[name] = default()
    except (TypeError, ValueError) as error:
        raise DecodeError(f"{cls.__name__} field {name!r}: {error}") from error
    return record


def _decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """:func:`decode` for one class, written out field by field and compiled once: the
    home screen decodes every record of every account, and a loop over the fields' plan
    cost half of that. Same conversions, defaults and errors as the plan says."""
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls, "DecodeError": DecodeError}
    lines = [
        "def decode(data):",
        "    record = new(cls)",
        "    values = record.__dict__",
        "    name = None",
        "    try:",
    ]
    for n, (name, _enc, dec, default) in enumerate(_plan(cls)):
        value = "data[name]" if dec is _identity else f"dec{n}(data[name])"
        namespace[f"dec{n}"] = dec
        lines += [f"        name = {name!r}", f"        if name in data: values[name] = {value}"]
        if default is None:
            missing = f"{cls.__name__} is missing the field {name!r}"
            lines.append(f"        else: raise DecodeError({missing!r})")
        else:
            namespace[f"default{n}"] = default
            lines.append(f"        else: values[name] = default{n}()")
    lines += [
        "    except (TypeError, ValueError) as error:",
        f"        raise DecodeError({cls.__name__ + ' field '!r} + repr(name) + ': ' + str(error))"
        " from error",
        "    return record",
    ]
    exec("\n".join(lines), namespace)  # our own source, made from the field names
    decoder: Callable[[dict[str, Any]], Any] = namespace["decode"]
    return decoder
