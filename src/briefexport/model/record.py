"""Comparison, hashing and printing shared by the model's frozen dataclasses.

On Python 3.11 ``@dataclass`` compiles every method it writes from source, one ``exec`` each, and
the model, the brand and the options hold some forty classes: about a third of the start-up of a
JATS export went there. A class declared ``@dataclass(frozen=True, slots=True, eq=False,
repr=False)`` on top of :class:`Record` gets its ``__init__`` and its frozen ``__setattr__`` and
``__delattr__`` from ``dataclass`` as before, and these three methods from here, which behave as
the ones ``dataclass`` writes (Python 3.11 ``dataclasses``: equal when of the same class and the
compared fields are equal, else ``NotImplemented``; the hash of the tuple of the hashed fields; the
class's qualified name and each shown field's ``repr``).
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any

Getter = Callable[[object], tuple[Any, ...]]
_GETTERS: dict[type, tuple[Getter, Getter, tuple[str, ...]]] = {}


class Record:
    """Value semantics for a frozen dataclass, written once for all of them."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _getters(self.__class__)[0]
        return compared(self) == compared(other)

    def __hash__(self) -> int:
        return hash(_getters(self.__class__)[1](self))

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        names = _getters(self.__class__)[2]
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"


def _getters(cls: type) -> tuple[Getter, Getter, tuple[str, ...]]:
    """How ``cls`` gets the values it compares and hashes, and the fields it shows (chosen as
    ``dataclass`` chooses them)."""
    found = _GETTERS.get(cls)
    if found is None:
        fields: tuple[Any, ...] = dataclasses.fields(cls)
        compared = [f.name for f in fields if f.compare]
        hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
        shown = tuple(f.name for f in fields if f.repr)
        found = _GETTERS[cls] = (_tuple_getter(compared), _tuple_getter(hashed), shown)
    return found


def _tuple_getter(names: list[str]) -> Getter:
    """The values of ``names`` as a tuple (``attrgetter`` gives a bare value for one name)."""
    if len(names) > 1:
        getter: Getter = attrgetter(*names)
        return getter
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda record: ()
