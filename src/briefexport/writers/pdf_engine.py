"""``--to pdf``: one format, two layout engines, chosen by ``options.pdf_engine``.

Each engine's writer is imported only when it is used, so a Typst export never imports
WeasyPrint and a WeasyPrint export never imports Typst.
"""

from __future__ import annotations

import importlib.util
from importlib import import_module
from typing import assert_never

from ..errors import BriefexportError
from ..model import Brief
from ..options import PdfEngine, WriteOptions
from .print_resolution import PixelSizes, warn_low_resolution

TYPST_INSTALL = "pip install 'briefexport[typst]'"
ENGINE_WRITERS = {
    PdfEngine.WEASYPRINT: "briefexport.writers.pdf",
    PdfEngine.TYPST: "briefexport.writers.typst",
}


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as PDF bytes, laid out by the engine the options name; a raster figure that
    would print coarsely is warned about first (:mod:`.print_resolution`)."""
    known: PixelSizes = {}  # what the warning opened, for the engine that needs the sizes
    warn_low_resolution(brief, options, known)
    match options.pdf_engine:
        case PdfEngine.WEASYPRINT:
            from .pdf import write as write_with_weasyprint

            return write_with_weasyprint(brief, options)
        case PdfEngine.TYPST:
            if not engine_installed(PdfEngine.TYPST):
                raise BriefexportError(
                    f"the Typst PDF engine needs the typst package: {TYPST_INSTALL}"
                )
            from .typst import write as write_with_typst

            return write_with_typst(brief, options, known)
        case _:
            assert_never(options.pdf_engine)


def import_engine(engine: PdfEngine) -> None:
    """Import ``engine``'s writer, and with it its layout library, before the first write."""
    import_module(ENGINE_WRITERS[engine])


def engine_installed(engine: PdfEngine) -> bool:
    """Whether ``engine``'s Python package can be imported (found without importing it)."""
    return importlib.util.find_spec(engine.value) is not None


def engines_line() -> str:
    """The PDF engines and whether each is installed, for ``briefexport formats``."""
    described = []
    for engine in PdfEngine:
        state = "installed" if engine_installed(engine) else f"not installed: {TYPST_INSTALL}"
        default = ", default" if engine is PdfEngine.WEASYPRINT else ""
        described.append(f"{engine.value} ({state}{default})")
    return "PDF engines (--pdf-engine): " + "; ".join(described)
