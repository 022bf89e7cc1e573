"""The style folder checked once per run, for the export and the batch command alike: its brand
file (an error stops the run) and its own sheets (syntax errors, and the print sheet's
declarations WeasyPrint drops when it lays out a PDF, as warnings at ``SHEET:LINE:COL``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import Diagnostic, InvalidStyleError, Severity
from ..options import PdfEngine
from ..shared.brand import load_brand
from ..shared.sheet_check import sheet_diagnostics
from ..shared.styles import default_style_dir
from .common import print_diagnostics


def check_style(args: argparse.Namespace, formats: list[str]) -> bool:
    """Whether the style folder's brand file and sheets are sound; prints every problem when
    they are not, and, once per run, as warnings, the sheets' syntax errors and, when WeasyPrint
    lays out a PDF, the print sheet's declarations it drops (the engines go on without them)."""
    try:
        load_brand(args.style or default_style_dir())
    except InvalidStyleError as invalid:
        print_diagnostics(invalid.diagnostics, quiet=False)
        return False
    if not args.style:
        return True
    problems = sheet_diagnostics(args.style)
    sound = all(problem.severity is Severity.WARNING for problem in problems)
    if sound and _weasyprint_lays_out(formats, args):
        problems += _dropped_declarations(args.style)
    print_diagnostics(problems, quiet=args.quiet)
    return sound


def _dropped_declarations(style_dir: Path) -> list[Diagnostic]:
    """The print sheet's declarations WeasyPrint drops; none to say when it cannot be imported
    (the PDF writer then says why)."""
    try:
        from ..writers.pdf.declarations import ignored_declarations
    except Exception:  # a missing library, a native one that fails to load
        return []
    return ignored_declarations(style_dir)


def _weasyprint_lays_out(formats: list[str], args: argparse.Namespace) -> bool:
    """Whether the run has WeasyPrint lay out a PDF (a package holds one too)."""
    engine = getattr(args, "pdf_engine", None) or PdfEngine.WEASYPRINT.value
    with_pdf = {"pdf", "bag", "dspace-saf"} & set(formats)
    return bool(with_pdf) and engine == PdfEngine.WEASYPRINT.value
