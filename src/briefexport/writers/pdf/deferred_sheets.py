"""WeasyPrint's form and presentational-hint stylesheets parsed when first used, not at import.

WeasyPrint 70's ``weasyprint/html.py`` parses three user-agent stylesheets as it is imported:
``html5_ua.css``, which every document uses; ``html5_ua_form.css``, used only with the
``pdf_forms`` option; and ``html5_ph.css``, used only with ``presentational_hints``
(``get_all_computed_styles`` in ``weasyprint/css/__init__.py``). Briefs use neither option;
the two sheets cost about 20 ms of every cold PDF.

While ``weasyprint.html`` is imported (:mod:`.startup`), when its file is the one reviewed
(SHA-256 below) in WeasyPrint 70.0, the ``CSS`` class it takes from the ``weasyprint`` package
is, for the length of that import only, one that gives a :class:`ParsedOnUse` for a sheet
without ``@counter-style`` rules: the same arguments, parsed by WeasyPrint's own ``CSS`` when
any attribute is first asked of it. A sheet with ``@counter-style`` rules (``html5_ua.css``) is
parsed at once, because parsing it fills the counter styles (``UA_COUNTER_STYLE``) that every
document copies. Afterwards ``weasyprint.CSS`` and ``weasyprint.html.CSS`` are WeasyPrint's class
again. WeasyPrint reads the sheets only through their attributes (``matcher``, ``page_rules``,
``layers``), never by their type.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import ModuleType
from typing import Any

from .pinned import SUPPORTED_VERSION, ModuleFinder, Once
from .source_memo import file_sha256

MODULE = "weasyprint.html"
REVIEWED_SHA256 = "a11b729157862291a6ecf7b7b3517c59d4242ea05a7f9b8d9d96a9882425ad65"
COUNTER_STYLE_RULE = "@counter-style"


class ParsedOnUse:
    """Stands in for a WeasyPrint ``CSS`` object, made by ``parse`` when first read."""

    def __init__(self, parse: Callable[[], Any]) -> None:
        self.parsed: Once[Any] = Once(parse)
        """The parsed sheet, parsed now if it was not yet."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self.parsed(), name)


def deferring(css: Callable[..., Any]) -> Callable[..., Any]:
    """``css`` giving a :class:`ParsedOnUse` for a ``string=`` sheet with no counter styles."""

    def sheet(*args: Any, **kwargs: Any) -> Any:
        text = kwargs.get("string")
        if args or not isinstance(text, str) or COUNTER_STYLE_RULE in text:
            return css(*args, **kwargs)
        return ParsedOnUse(functools.partial(css, *args, **kwargs))

    return sheet


class DeferringLoader(importlib.abc.Loader):
    """Runs WeasyPrint's own loader with the deferring ``CSS`` in the ``weasyprint`` package."""

    def __init__(self, loader: SourceFileLoader) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        package: Any = sys.modules["weasyprint"]
        css = package.CSS
        package.CSS = deferring(css)
        try:
            self._loader.exec_module(module)
        finally:
            package.CSS = css
            module.CSS = css  # type: ignore[attr-defined]


def is_reviewed(spec: ModuleSpec) -> bool:
    """Whether ``spec`` is WeasyPrint 70.0's ``html.py``, loaded from its source file."""
    package = sys.modules.get("weasyprint")
    if getattr(package, "__version__", None) != SUPPORTED_VERSION:
        return False
    if spec.origin is None or not isinstance(spec.loader, SourceFileLoader):
        return False
    return file_sha256(spec.origin) == REVIEWED_SHA256


class DeferringFinder(ModuleFinder):
    """Finds ``weasyprint.html`` where the path finder does; defers its form and hint sheets
    when the file is the reviewed one."""

    def adapt(self, spec: ModuleSpec | None) -> ModuleSpec | None:
        if spec is None or not is_reviewed(spec):
            return None
        spec.loader = DeferringLoader(spec.loader)  # type: ignore[arg-type]
        return spec


FINDER = DeferringFinder(MODULE)
install = FINDER.install
remove = FINDER.remove
