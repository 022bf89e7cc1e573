"""Every record shape the package declares has its ``__init__`` written out in
:mod:`briefexport.model.record_inits`, as :mod:`briefexport.model.record` would compile it.

``python tests/model/test_record_inits.py`` rewrites the module after a record class changed
shape (a field added, a ``default_factory`` or a ``__post_init__``); then ``ruff format`` it.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from collections.abc import Iterator

import briefexport
from briefexport.model import record_inits
from briefexport.model.record import Record, _init_code, _kind, init_name, init_source
from support.paths import REPO

MODULE = REPO / "src" / "briefexport" / "model" / "record_inits.py"
Shape = tuple[tuple[bool, ...], bool]


def subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def package_shapes() -> set[Shape]:
    """The shapes of the record classes of every module of the package."""
    for module in pkgutil.walk_packages(briefexport.__path__, "briefexport."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    shapes = set()
    for cls in subclasses(Record):
        if cls.__module__.startswith("briefexport."):
            fields = dataclasses.fields(cls)
            factories = tuple(_kind(item) == "factory" for item in fields)
            shapes.add((factories, hasattr(cls, "__post_init__")))
    return shapes


def module_text(shapes: set[Shape]) -> str:
    docstring = record_inits.__doc__ or ""
    head = f'"""{docstring}"""\n\n# mypy: ignore-errors\n# ruff: noqa: F821\n'
    ordered = sorted(shapes, key=lambda shape: (len(shape[0]), shape))
    return head + "".join(f"\n\n{init_source(*shape, init_name(*shape))}" for shape in ordered)


def test_the_module_holds_the_shapes_of_the_package() -> None:
    # a record class of a new shape still works (compiled at first use): rewrite the module
    written = {name for name in vars(record_inits) if name.startswith("init_")}
    assert written == {init_name(*shape) for shape in package_shapes()}


def test_a_written_init_is_the_code_compiled_from_source() -> None:
    for factories, post_init in package_shapes():
        written = _init_code(factories, post_init)
        namespace: dict[str, object] = {}
        exec(init_source(factories, post_init, "__init__"), namespace)
        compiled = namespace["__init__"].__code__  # type: ignore[attr-defined]
        assert written.co_code == compiled.co_code
        assert written.co_consts == compiled.co_consts
        assert written.co_varnames == compiled.co_varnames
        assert written.co_name == written.co_qualname == "__init__"


if __name__ == "__main__":
    MODULE.write_text(module_text(package_shapes()), encoding="utf-8")
