"""WeasyPrint's start-up, paid by every cold ``--to pdf``, reduced to what a brief uses.

Importing this module, before WeasyPrint, does four things, undone or made harmless by
:func:`finish_start_up`, which the PDF writer calls as soon as it has imported WeasyPrint:

* WeasyPrint's C declarations are read ready-made, not parsed with pycparser
  (:mod:`.prebuilt_ffi`);
* where they cannot be (WeasyPrint's own ``ffi.py`` is imported), ``ctypes.util.find_library``
  answers from the loader cache, without running ``gcc`` and ``ld`` some 30 times while
  WeasyPrint looks for its libraries (:mod:`.libraries`);
* WeasyPrint's form and presentational-hint stylesheets are parsed only if a document uses
  them (:mod:`.deferred_sheets`);
* fontTools' subsetter, variable-font instancer and WOFF2 decoder load only if WeasyPrint
  calls them.

WeasyPrint 70 imports both fontTools modules when it is imported (``weasyprint/pdf/fonts.py``),
a large share of its own import time. It calls them only for variable fonts
(``instantiateVariableFont``) and when HarfBuzz's own subsetter is missing (``subset``); a
brief printed with the house fonts uses neither. ``weasyprint/text/fonts.py`` imports the WOFF2
decoder (``fontTools.ttLib.woff2``, with Brotli and the glyph tables) for ``@font-face`` fonts
in WOFF2 only.

For them this module puts stand-ins in ``sys.modules``:

* ``fontTools.subset`` and ``fontTools.ttLib.woff2`` become modules loaded on first attribute
  use (the standard library's :class:`importlib.util.LazyLoader`);
* ``fontTools.varLib.instancer`` becomes a module whose functions are imported on first call;
  any other name asked of it loads the real module at once.

Nothing changes for code that uses them: the real modules load then. The instancer's
stand-in leaves ``sys.modules`` once WeasyPrint holds it. If WeasyPrint was already imported,
nothing is done.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Callable
from typing import Any

from . import deferred_sheets, libraries, prebuilt_ffi

LAZY_MODULES = ("fontTools.subset", "fontTools.ttLib.woff2")
INSTANCER = "fontTools.varLib.instancer"
INSTANCER_FUNCTIONS = frozenset({"instantiateVariableFont"})


def _lazy_module(name: str) -> None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    # As an import does; ``from package import name`` then finds it without touching it
    # (reading its ``__spec__`` would load it).
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)


class _ImportedOnUse(types.ModuleType):
    """Stands in for a module: functions named in ``deferred`` import it when called."""

    def __init__(self, name: str, deferred: frozenset[str]) -> None:
        super().__init__(name)
        self._deferred = deferred

    def _real(self) -> types.ModuleType:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return importlib.import_module(self.__name__)

    def __getattr__(self, name: str) -> Any:
        if name == "__path__":  # not a package: ``from ... import f`` then reads ``f`` only
            raise AttributeError(name)
        if name not in self._deferred:
            return getattr(self._real(), name)

        def call(*args: Any, **kwargs: Any) -> Any:
            function: Callable[..., Any] = getattr(self._real(), name)
            return function(*args, **kwargs)

        call.__name__ = call.__qualname__ = name
        return call


def defer_font_tools() -> None:
    """Install the stand-ins unless WeasyPrint or the modules are already imported."""
    if "weasyprint" in sys.modules:
        return
    for name in LAZY_MODULES:
        if name not in sys.modules:
            _lazy_module(name)
    if INSTANCER not in sys.modules:
        sys.modules[INSTANCER] = _ImportedOnUse(INSTANCER, INSTANCER_FUNCTIONS)


def finish_start_up() -> None:
    """Once WeasyPrint is imported: the import system and ``find_library`` as they were, the
    real instancer for others."""
    if "weasyprint" not in sys.modules:
        return
    prebuilt_ffi.remove()
    deferred_sheets.remove()
    libraries.restore()
    if isinstance(sys.modules.get(INSTANCER), _ImportedOnUse):
        del sys.modules[INSTANCER]


if "weasyprint" not in sys.modules:
    prebuilt_ffi.install(otherwise=libraries.use_loader_cache)
    deferred_sheets.install()
    defer_font_tools()
