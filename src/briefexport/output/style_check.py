"""What a style folder's own sheets do not say to the engines that read them: each a
:class:`~briefexport.errors.Diagnostic` at the sheet's ``FILE:LINE:COL``, found once per run
(the command line, a batch, a call of the Python API) rather than once per brief and format.

- CSS syntax errors of every sheet and of the sheets they import (:mod:`..shared.sheet_check`),
  warnings; a sheet that is not UTF-8 is an error;
- when WeasyPrint lays out a PDF, the print sheet's declarations it drops
  (:mod:`..writers.pdf.declarations`);
- when the Typst engine does, each ``url()`` and ``@import`` of the print sheet, which it does
  not use: it reads lengths and numbers from the sheet, not the images, fonts or sheets it names.

A sheet is named as the style folder was given, as the export's other messages name files.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Collection
from pathlib import Path

from ..errors import Diagnostic, InvalidStyleError, Severity
from ..options import PdfEngine
from ..shared.sheet_check import sheet_diagnostics
from ..shared.sheet_urls import css_urls
from ..shared.sheets import own_sheet
from ..shared.styles import PRINT_SHEET, FolderStamp, default_style_dir, folder_stamp

WITH_A_PDF = frozenset({"pdf", "bag", "dspace-saf"})
"""The formats that lay out a PDF (a package holds one too)."""
NOT_USED_BY_TYPST = "{target!r}: not used by the Typst engine"
LOGGER = logging.getLogger("briefexport")


def style_diagnostics(
    style_dir: Path, formats: Collection[str], pdf_engine: PdfEngine
) -> list[Diagnostic]:
    """Every problem of the style folder's own sheets for a run to ``formats``: syntax errors
    first, then (when the sheets are readable) what the PDF engine of the run leaves out."""
    if style_dir.resolve() == default_style_dir().resolve():
        return []  # the shipped sheets have none, which a test keeps so
    found = sheet_diagnostics(style_dir)
    if any(problem.severity is Severity.ERROR for problem in found):
        return found
    if WITH_A_PDF & set(formats):
        if pdf_engine is PdfEngine.TYPST:
            found += urls_not_used_by_typst(style_dir)
        else:
            found += _dropped_declarations(style_dir)
    return found


def style_warnings(style_dir: Path, formats: Collection[str], pdf_engine: PdfEngine) -> list[str]:
    """The lines of :func:`style_diagnostics`, ``SHEET:LINE:COL: warning: ...``; raises
    :class:`~briefexport.errors.InvalidStyleError` for a sheet no engine can read."""
    found = _found(style_dir, frozenset(formats), pdf_engine, folder_stamp(style_dir))
    if any(problem.severity is Severity.ERROR for problem in found):
        raise InvalidStyleError(list(found))
    return [str(problem) for problem in found]


@functools.lru_cache(maxsize=8)  # a whole edited copy of the house sheets takes a fifth of a second
def _found(
    style_dir: Path, formats: frozenset[str], pdf_engine: PdfEngine, stamp: FolderStamp
) -> tuple[Diagnostic, ...]:
    """:func:`style_diagnostics`, once per process while the folder's files are unchanged
    (``stamp`` only keys the cache): a caller of the API exports brief after brief."""
    return tuple(style_diagnostics(style_dir, formats, pdf_engine))


def log_style_warnings(style_dir: Path, formats: Collection[str], pdf_engine: PdfEngine) -> None:
    """Log each line of :func:`style_warnings` to the ``briefexport`` logger, as the Python API
    hands on the reader's warnings."""
    for line in style_warnings(style_dir, formats, pdf_engine):
        LOGGER.warning("%s", line)


def urls_not_used_by_typst(style_dir: Path) -> list[Diagnostic]:
    """A warning at each ``url()`` and ``@import`` of the folder's own print sheet."""
    own = own_sheet(style_dir, PRINT_SHEET)
    if own is None:
        return []
    name = str(style_dir / PRINT_SHEET)
    return [
        Diagnostic(name, found.line, found.column,
                   NOT_USED_BY_TYPST.format(target=found.target[:80]), Severity.WARNING)
        for found in css_urls(own.text)
    ]  # fmt: skip


def _dropped_declarations(style_dir: Path) -> list[Diagnostic]:
    """The print sheet's declarations WeasyPrint drops; none to say when it cannot be imported
    (the PDF writer then says why)."""
    try:
        from ..writers.pdf.declarations import ignored_declarations
    except Exception:  # a missing library, a native one that fails to load
        return []
    return ignored_declarations(style_dir)
