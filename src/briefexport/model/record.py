"""Frozen value classes for the model, the brand and the options, made cheaply at import.

On Python 3.11 ``@dataclass`` compiles every method it writes from source, one ``exec`` each,
and the model, the brand and the options hold some fifty classes: a frozen, slotted dataclass
costs about half a millisecond to declare, a third of the start-up of a JATS export once. Two
things keep that down:

- :class:`Record` gives every such class its comparison, hash and printing, written once and
  behaving as the ones ``dataclass`` writes (Python 3.11 ``dataclasses``: equal when of the same
  class and the compared fields are equal, else ``NotImplemented``; the hash of the tuple of the
  hashed fields; the class's qualified name and each shown field's ``repr``), and refuses
  assignment and deletion as a frozen dataclass does (:class:`dataclasses.FrozenInstanceError`);
- :func:`record` declares the class: ``dataclass`` with ``init=False`` records the fields and
  makes the slots, and the ``__init__`` is made here instead of the three methods
  (``__init__``, ``__setattr__``, ``__delattr__``) a frozen dataclass compiles: code shared by
  all classes with as many fields and ``default_factory`` at the same places (written out in
  :mod:`.record_inits` for the package's own classes), renamed for each class's fields. It
  sets each field through the field's slot, as ``object.__setattr__`` in a frozen
  dataclass's does but without looking the name up (half the cost of a model object), takes
  the same arguments (defaults and ``default_factory`` included) and calls ``__post_init__``
  if the class has one. It is made the first time it is looked up (the first instance, or
  ``inspect.signature``), which puts it in the class: a run that makes no table pays nothing
  for the table classes.

``dataclasses.fields``, ``replace``, ``asdict``, ``match`` patterns, ``copy`` and ``pickle`` work
as on any frozen dataclass; mypy sees a frozen dataclass (:pep:`681`).
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from types import CodeType, FunctionType, MemberDescriptorType
from typing import Any, NoReturn, TypeVar, dataclass_transform

from . import record_inits

Getter = Callable[[object], tuple[Any, ...]]
_GETTERS: dict[type, tuple[Getter, Getter, tuple[str, ...]]] = {}
_SET = object.__setattr__
R = TypeVar("R", bound=type)


class Record:
    """Value semantics and frozenness for a dataclass, written once for all of them."""

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

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self) -> list[object]:
        return [getattr(self, item.name) for item in dataclasses.fields(self)]  # type: ignore[arg-type]

    def __setstate__(self, state: list[object]) -> None:
        for item, value in zip(dataclasses.fields(self), state, strict=True):  # type: ignore[arg-type]
            _SET(self, item.name, value)


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: R) -> R:
    """Declare ``cls``, a subclass of :class:`Record`, as a frozen, slotted dataclass."""
    if not issubclass(cls, Record):
        raise TypeError(f"{cls.__qualname__} must derive from Record")
    made: Any = dataclasses.dataclass(init=False, eq=False, repr=False, slots=True)(cls)
    made.__init__ = _InitOnFirstUse(made)
    return made  # type: ignore[no-any-return]


class _InitOnFirstUse:
    """The ``__init__`` of one record class until first looked up, then the compiled one."""

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def __get__(self, instance: object, owner: type | None = None) -> Callable[..., None]:
        init = _compiled_init(self.cls)
        self.cls.__init__ = init  # type: ignore[misc]
        return init.__get__(instance, owner)  # type: ignore[no-any-return]


def _compiled_init(cls: type) -> Callable[..., None]:
    """The class's ``__init__``: each field set in order, as a frozen dataclass's does it."""
    fields = dataclasses.fields(cls)
    kinds = tuple(_kind(item) for item in fields)
    factories = tuple(kind == _FACTORY for kind in kinds)
    template = _init_code(factories, hasattr(cls, "__post_init__"))
    names = {f"_field_{index}": item.name for index, item in enumerate(fields)}
    code = template.replace(co_varnames=("self", *names.values()))
    namespace: dict[str, Any] = {"_NO_VALUE": dataclasses.MISSING}
    for index, (item, kind) in enumerate(zip(fields, kinds, strict=True)):
        namespace[f"_set_{index}"] = _setter(cls, item.name)
        if kind == _FACTORY:
            namespace[f"_factory_{index}"] = item.default_factory
    pairs = zip(fields, kinds, strict=True)
    defaults = tuple(
        item.default if kind == _DEFAULT else dataclasses.MISSING
        for item, kind in pairs
        if kind != _PLAIN
    )
    init: Callable[..., None] = FunctionType(code, namespace, "__init__", defaults or None)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {"return": "None"}
    return init


def _setter(cls: type, name: str) -> Callable[[object, object], None]:
    """What sets field ``name`` of an instance of ``cls``: the ``__set__`` of the slot that
    holds it (declared by ``cls`` or a record class it derives from)."""
    for owner in cls.__mro__:
        slot = vars(owner).get(name)
        if isinstance(slot, MemberDescriptorType):
            setter: Callable[[object, object], None] = slot.__set__
            return setter
    raise TypeError(f"{cls.__qualname__}.{name} is not a slot")


_PLAIN, _DEFAULT, _FACTORY = "plain", "default", "factory"
_INIT_CODES: dict[tuple[tuple[bool, ...], bool], CodeType] = {}
"""``__init__`` code by which fields have a ``default_factory`` and whether ``__post_init__`` is
called, its names ``_field_0``, ``_field_1``, ...: one code for all classes alike, renamed for
each (plain defaults are not in the code). The shapes the package's own classes have are written
out in :mod:`.record_inits`, compiled with the package; any other shape is compiled from source
the first time, as compiling costs about half a million instructions a shape."""


def _kind(item: dataclasses.Field[Any]) -> str:
    if item.default is not dataclasses.MISSING:
        return _DEFAULT
    return _PLAIN if item.default_factory is dataclasses.MISSING else _FACTORY


def _init_code(factories: tuple[bool, ...], post_init: bool) -> CodeType:
    """The code of an ``__init__`` whose fields have a ``default_factory`` where ``factories``
    says (their defaults are given to the function apart)."""
    found = _INIT_CODES.get((factories, post_init))
    if found is None:
        written = getattr(record_inits, init_name(factories, post_init), None)
        if written is None:
            namespace: dict[str, Any] = {}
            exec(init_source(factories, post_init, "__init__"), namespace)
            written = namespace["__init__"]
        code: CodeType = written.__code__
        found = code.replace(co_name="__init__", co_qualname="__init__")
        _INIT_CODES[factories, post_init] = found
    return found


def init_name(factories: tuple[bool, ...], post_init: bool) -> str:
    """The name of a shape's function in :mod:`.record_inits`: ``init_`` and a letter a field,
    ``v`` (a value) or ``f`` (a ``default_factory``), then ``_post`` if ``__post_init__`` is
    called."""
    letters = "".join("f" if factory else "v" for factory in factories)
    return f"init_{letters}{'_post' if post_init else ''}"


def init_source(factories: tuple[bool, ...], post_init: bool, name: str) -> str:
    """The source of the function ``name`` for one shape (see :func:`_init_code`)."""
    lines = []
    for index, factory in enumerate(factories):
        field = f"_field_{index}"
        if factory:
            lines.append(f"if {field} is _NO_VALUE:\n        {field} = _factory_{index}()")
        lines.append(f"_set_{index}(self, {field})")
    if post_init:
        lines.append("self.__post_init__()")
    body = "".join(f"\n    {line}" for line in lines or ["pass"])
    names = "".join(f", _field_{index}" for index in range(len(factories)))
    return f"def {name}(self{names}):{body}\n"


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
