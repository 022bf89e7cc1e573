"""The model's shared ``__eq__``, ``__hash__`` and ``__repr__`` behave as ``dataclass`` writes them,
and :func:`record` makes classes that construct, refuse changes, copy and pickle as frozen
dataclasses do, without a method compiled per class for frozenness.

Every node of the example briefs (and the brand and options) is compared with a twin: a plain
frozen dataclass of the same name and fields, built here with ``dataclasses.make_dataclass``,
holding the same values. Repr, hash and equality must agree.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import itertools
import pickle
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from briefexport.model import Brief, Section, SourcePosition
from briefexport.model.record import Record, record
from briefexport.options import default_options
from briefexport.reader import read_brief
from briefexport.shared.brand import Brand
from support.paths import HARBOUR, TOUR, URDU

_TWINS: dict[type, type] = {}


def twin_class(cls: type) -> type:
    """A frozen dataclass with ``cls``'s name and fields, its methods written by ``dataclass``."""
    if cls not in _TWINS:
        specs = [
            (f.name, f.type, dataclasses.field(compare=f.compare, repr=f.repr, hash=f.hash))
            for f in dataclasses.fields(cls)
        ]
        twin = dataclasses.make_dataclass(cls.__name__, specs, frozen=True)
        twin.__qualname__ = cls.__qualname__
        _TWINS[cls] = twin
    return _TWINS[cls]


def twin(record: Any) -> Any:
    values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    return twin_class(type(record))(**values)


def records(value: object) -> Iterator[Record]:
    """Every record inside ``value``, ``value`` first."""
    if isinstance(value, Record):
        yield value
        for f in dataclasses.fields(value):  # type: ignore[arg-type]
            yield from records(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from records(item)


@pytest.fixture(scope="module")
def samples() -> list[Record]:
    found: list[Record] = []
    for path in (HARBOUR, TOUR, URDU):
        brief, _ = read_brief(path)
        options = default_options(brief)
        found += [*records(brief), *records(options)]
    return found


def test_every_record_class_of_the_samples_is_a_dataclass(samples: list[Record]) -> None:
    kinds = {type(sample) for sample in samples}
    assert Brief in kinds
    assert Section in kinds
    assert all(dataclasses.is_dataclass(kind) for kind in kinds)


def test_repr_and_hash_are_those_dataclass_writes(samples: list[Record]) -> None:
    for sample in samples:
        assert repr(sample) == repr(twin(sample))
        assert hash(sample) == hash(twin(sample))


def test_equality_is_that_dataclass_writes(samples: list[Record]) -> None:
    by_class: dict[type, list[Record]] = defaultdict(list)
    for sample in samples:
        by_class[type(sample)].append(sample)
    for group in by_class.values():
        for first, second in itertools.islice(itertools.product(group, repeat=2), 400):
            assert (first == second) == (twin(first) == twin(second))
            assert (first != second) == (twin(first) != twin(second))


def test_other_classes_are_not_equal_and_fields_left_out_do_not_count() -> None:
    section = Section("s1", (), (), source=SourcePosition(3, 4))
    assert section.__eq__(object()) is NotImplemented
    assert section == dataclasses.replace(section, source=SourcePosition(9, 9))
    assert hash(section) == hash(dataclasses.replace(section, source=None))
    assert "source" not in repr(section)


def test_records_stay_frozen() -> None:
    position = SourcePosition(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        position.line = 3  # type: ignore[misc]


def test_records_cannot_lose_a_field() -> None:
    position = SourcePosition(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        del position.line


def test_start_up_classes_share_one_frozen_setattr(samples: list[Record]) -> None:
    # a frozen dataclass compiles its own __setattr__ and __delattr__; records inherit them
    for kind in {type(sample) for sample in samples} | {Brand}:
        assert kind.__setattr__ is Record.__setattr__, kind
        assert kind.__delattr__ is Record.__delattr__, kind


def test_records_copy_and_pickle_as_equal_values(samples: list[Record]) -> None:
    brief = next(sample for sample in samples if isinstance(sample, Brief))
    assert pickle.loads(pickle.dumps(brief)) == brief
    assert copy.deepcopy(brief) == brief
    assert copy.copy(brief) == brief


@record
class _Counted(Record):
    name: str
    tags: list[str] = dataclasses.field(default_factory=list)
    size: int = 3
    checked: list[str] = dataclasses.field(default_factory=list, compare=False)

    def __post_init__(self) -> None:
        self.checked.append(self.name)


def test_record_takes_the_arguments_of_a_dataclass() -> None:
    first, second = _Counted("a"), _Counted("b", size=5)
    assert (first.tags, first.size, first.checked) == ([], 3, ["a"])
    assert first.tags is not second.tags  # a fresh default for each instance
    assert _Counted("c", ["x"], 4) == _Counted(name="c", tags=["x"], size=4)
    assert _Counted.__match_args__ == ("name", "tags", "size", "checked")
    with pytest.raises(TypeError):
        _Counted()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Counted("d", unknown=1)  # type: ignore[call-arg]


def test_record_refuses_a_class_that_is_not_a_record() -> None:
    with pytest.raises(TypeError, match="Record"):
        record(type("Plain", (), {"__annotations__": {"name": "str"}}))


def test_init_is_compiled_when_first_looked_up() -> None:
    @record
    class Late(Record):
        """A docstring, else ``dataclass`` asks for the signature to write one."""

        name: str
        size: int = 2

    @record
    class Later(Late):
        """A subclass: its own ``__init__``."""

        extra: bool = False

    assert not callable(vars(Late)["__init__"])  # not compiled yet
    assert str(inspect.signature(Later)) == "(name, size=2, extra=False) -> 'None'"
    assert callable(vars(Later)["__init__"])
    assert not callable(vars(Late)["__init__"])  # the subclass's lookup compiled its own
    assert Late("a").size == 2
    assert callable(vars(Late)["__init__"])
    assert Later("b", 3, True) == Later(name="b", size=3, extra=True)
    with pytest.raises(TypeError):
        Late()  # type: ignore[call-arg]


def test_classes_with_as_many_fields_and_factories_alike_share_one_compiled_init() -> None:
    record_module = importlib.import_module("briefexport.model.record")

    @record
    class Title(Record):
        text: str = ""
        level: int = 1
        marks: list[str] = dataclasses.field(default_factory=list)

    @record
    class Label(Record):
        name: str
        size: int = 2  # a default where Title has none, or the other way, changes no code
        tags: list[str] = dataclasses.field(default_factory=list)

    assert Title().level == 1
    compiled = dict(record_module._INIT_CODES)
    label = Label("b", tags=["x"])
    assert compiled == record_module._INIT_CODES  # Label's made from Title's code, renamed
    assert (label.name, label.size, label.tags) == ("b", 2, ["x"])
    assert Label("c").tags is not Label("c").tags
    assert str(inspect.signature(Label)).startswith("(name, size=2, tags=")
    with pytest.raises(TypeError, match="'name'"):
        Label()  # type: ignore[call-arg]
