"""What every pinned adaptation of WeasyPrint 70, pydyf and cffi in this package shares.

Each adaptation wraps a library function and is active only when that function is the library's
own (not already wrapped) and its source text hashes to the SHA-256 recorded when it was
reviewed; for WeasyPrint the version must also be the supported one. Anything else leaves the
library as it is. Each installs itself once per process, under a lock, because two threads'
first PDFs must neither both wrap a function nor judge each other's wrapper.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.abc
import importlib.machinery
import inspect
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any, Generic, TypeVar, cast

from . import source_memo

SUPPORTED_VERSION = "70.0"
State = TypeVar("State")
Result = TypeVar("Result")


def source_fingerprint(function: Callable[..., Any]) -> str:
    """SHA-256 of a function's source text (``inspect.getsource``), kept ones looked up by
    their file's SHA-256 (:mod:`.source_memo`)."""
    fingerprint = source_memo.known_fingerprint(function)
    if fingerprint is None:
        fingerprint = hashlib.sha256(inspect.getsource(function).encode("utf-8")).hexdigest()
        source_memo.computed(function, fingerprint)
    return fingerprint


def has_fingerprint(function: Callable[..., Any], expected: str) -> bool:
    """Whether ``function``'s source has the SHA-256 ``expected``; a function whose source is
    not shipped is not the reviewed one."""
    try:
        return source_fingerprint(function) == expected
    except (OSError, TypeError):  # no source shipped
        return False


def is_reviewed(function: Callable[..., Any], expected: str, version: str) -> bool:
    """Whether ``function`` is WeasyPrint's own, unwrapped, with the reviewed source
    (SHA-256 ``expected``), in the supported WeasyPrint ``version``."""
    if hasattr(function, "__wrapped__") or version != SUPPORTED_VERSION:
        return False
    return has_fingerprint(function, expected)


def all_reviewed(
    functions: dict[str, Callable[..., Any]], expected: dict[str, str], version: str
) -> bool:
    """Whether every one of ``functions`` is reviewed (:func:`is_reviewed`), each with the
    fingerprint ``expected`` gives under its name."""
    return all(
        is_reviewed(function, expected[name], version) for name, function in functions.items()
    )


class Once(Generic[Result]):
    """Calls ``make`` on the first call only, under a lock, and answers what it gave every time
    (an adaptation's installer: whether it installed; a deferred sheet: the parsed sheet)."""

    def __init__(self, make: Callable[[], Result]) -> None:
        self._make = make
        self._result: Result | None = None
        self._made = False
        self._lock = threading.Lock()

    def __call__(self) -> Result:
        with self._lock:
            if not self._made:
                self._result, self._made = self._make(), True
            return cast(Result, self._result)


@contextlib.contextmanager
def active_within(
    install: Callable[[], bool], state: ContextVar[State | None], fresh: Callable[[], State]
) -> Iterator[bool]:
    """Within the block, ``state`` holds ``fresh()`` for this thread's layouts when the
    adaptation installs (else None, which its wrappers read as "do as WeasyPrint does");
    yields whether it did."""
    active = install()
    token = state.set(fresh() if active else None)
    try:
        yield active
    finally:
        state.reset(token)


class ModuleFinder(importlib.abc.MetaPathFinder):
    """Finds one module (``name``) where the path finder does, and lets :meth:`adapt` choose
    how it is loaded; first on ``sys.meta_path`` between :meth:`install` and :meth:`remove`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != self.name:
            return None
        return self.adapt(importlib.machinery.PathFinder.find_spec(fullname, path))

    def adapt(self, spec: ModuleSpec | None) -> ModuleSpec | None:
        """The spec to load the module by, or None to leave it to the path finder."""
        raise NotImplementedError

    def install(self) -> None:
        if self not in sys.meta_path:
            sys.meta_path.insert(0, self)

    def remove(self) -> None:
        with contextlib.suppress(ValueError):
            sys.meta_path.remove(self)
