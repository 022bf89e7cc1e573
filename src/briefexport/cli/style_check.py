"""The style folder checked once per run, for the export and the batch command alike: its brand
file (an error stops the run) and its own sheets (:mod:`..output.style_check`: syntax errors,
and what the run's PDF engine leaves out of the print sheet, as warnings at
``SHEET:LINE:COL``).
"""

from __future__ import annotations

import argparse

from ..errors import InvalidStyleError, Severity
from ..options import PdfEngine
from ..output.style_check import style_diagnostics
from ..shared.brand import load_brand
from ..shared.styles import default_style_dir
from .common import print_diagnostics


def check_style(args: argparse.Namespace, formats: list[str], *, warnings: bool = True) -> bool:
    """Whether the style folder's brand file and sheets are sound; prints every problem when
    they are not, and, once per run, the sheets' warnings unless ``warnings`` is false (a
    batch's summary lists them)."""
    try:
        load_brand(args.style or default_style_dir())
    except InvalidStyleError as invalid:
        print_diagnostics(invalid.diagnostics, quiet=False)
        return False
    if not args.style:
        return True
    engine = PdfEngine(getattr(args, "pdf_engine", None) or PdfEngine.WEASYPRINT.value)
    problems = style_diagnostics(args.style, formats, engine)
    sound = all(problem.severity is Severity.WARNING for problem in problems)
    if warnings or not sound:
        print_diagnostics(problems, quiet=args.quiet)
    return sound
