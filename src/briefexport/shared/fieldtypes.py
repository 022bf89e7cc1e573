"""Option records that check the types of their values as they are made.

The batch's records (``RunOptions``, ``ExportSettings``) are plain values a program builds and
hands on. A value of another type would otherwise fail late, deep in a run, with Python's own
words (``RunOptions(jobs="2")``), or pass unnoticed (``ExportSettings(smart="no")`` is true).
:func:`check_field_types` reads a dataclass's annotations once and raises a one-line
:class:`TypeError` naming the field, what it takes and what it got. ``True`` and ``False`` are
not numbers here, though Python counts them as ``int``. :func:`check_argument` says the same of
one argument of a function (the Python API's ``load`` and ``export``), whose keywords a
``TypedDict`` may declare (:func:`accepted_keys`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

Accepted = tuple[type, ...]


def check_field_types(record: Any) -> None:
    """Raise :class:`TypeError` for the first field of the dataclass instance ``record`` whose
    value is of none of the types its annotation names."""
    for name, accepted in _accepted_types(type(record)).items():
        value = getattr(record, name)
        if not _is_one_of(value, accepted):
            raise TypeError(f"{type(record).__name__}.{name} {_must_be(accepted, value)}")


def check_argument(function: str, name: str, value: object, accepted: Accepted) -> None:
    """Raise :class:`TypeError` when ``value``, given to ``function`` as ``name``, is of none of
    the types ``accepted``: ``export() argument 'paper' must be str or None, not int``."""
    if not _is_one_of(value, accepted):
        raise TypeError(f"{function}() argument {name!r} {_must_be(accepted, value)}")


def _must_be(accepted: Accepted, value: object) -> str:
    wanted = " or ".join(_spelled(kind) for kind in accepted)
    return f"must be {wanted}, not {_spelled(type(value))}"


def _is_one_of(value: object, accepted: Accepted) -> bool:
    if isinstance(value, bool) and bool not in accepted:
        return False
    return isinstance(value, accepted)


def _accepted_types(record_type: type) -> dict[str, Accepted]:
    accepted = _ACCEPTED.get(record_type)
    if accepted is None:
        hints = typing.get_type_hints(record_type)
        fields = dataclasses.fields(record_type)
        accepted = _ACCEPTED[record_type] = {
            field.name: _types_of(hints[field.name]) for field in fields
        }
    return accepted


def accepted_keys(keywords: type) -> dict[str, Accepted]:
    """The classes each key of the :class:`typing.TypedDict` ``keywords`` takes, as its
    annotations name them (read once), for :func:`check_argument`."""
    accepted = _ACCEPTED.get(keywords)
    if accepted is None:
        hints = typing.get_type_hints(keywords)
        accepted = _ACCEPTED[keywords] = {name: _types_of(hint) for name, hint in hints.items()}
    return accepted


_ACCEPTED: dict[type, dict[str, Accepted]] = {}


def _types_of(annotation: object) -> Accepted:
    """The classes an annotation stands for: each member of a union, ``None`` as its type, a
    generic such as ``os.PathLike[str]`` as its class."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return tuple(kind for member in typing.get_args(annotation) for kind in _types_of(member))
    if annotation is None:
        return (type(None),)
    origin = typing.get_origin(annotation)
    if isinstance(origin, type):
        return (origin,)
    if isinstance(annotation, type):
        return (annotation,)
    raise TypeError(f"no runtime check for the annotation {annotation!r}")


def _spelled(kind: type) -> str:
    if kind is type(None):
        return "None"
    if kind.__module__ in {"builtins", "os", "pathlib"}:
        return kind.__qualname__
    return f"{kind.__module__}.{kind.__qualname__}"
