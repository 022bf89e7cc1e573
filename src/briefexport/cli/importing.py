"""``briefexport import SOURCE -o BRIEF.xml``: Markdown, extracted text, a JATS article or a
Word document to a canonical brief.

The generated XML is read back by the strict reader before it is written, with the figures the
import found (written to a scratch folder first), and figures are copied beside the output, so
the result validates wherever it is written. Written into a batch's output folder, the import
marks that folder first, as an export does (:func:`briefexport.batch.leftovers.mark_enclosing_run`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from ..errors import BriefexportError, InvalidBriefError, OverwritesInputError, shown_name
from .common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_OUTPUT,
    Parser,
    add_verbosity,
    configure_logging,
    print_diagnostics,
)

KINDS = ["markdown", "text", "jats", "docx"]


def run(args: list[str]) -> int:
    """Import one source; 2 when it has errors, 1 when the output cannot be written."""
    parser = Parser(
        prog="briefexport import",
        description="Turn Markdown, extracted text, a JATS article or a Word file into a brief.",
    )
    parser.add_argument("source", type=Path, metavar="SOURCE")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="BRIEF.xml")
    parser.add_argument("--from", dest="kind", choices=KINDS, help="default: detect")
    parser.add_argument(
        "--series", help='series label when the source has none (default "Issue Brief")'
    )
    parser.add_argument(
        "--publisher", help="publisher when the source has none (default: first institution)"
    )
    parser.add_argument(
        "--date", type=_iso_date, help="publication date YYYY-MM-DD when the source has none"
    )
    add_verbosity(parser)
    options = parser.parse_args(args)
    configure_logging(options.quiet, options.verbose)
    return _import(options)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-03-31") from None


def _import(options: argparse.Namespace) -> int:
    try:
        _import_and_write(options)
    except OverwritesInputError as refused:
        print(f"{shown_name(refused.path)}:1:1: error: {refused.reason}", file=sys.stderr)
        return EXIT_INPUT
    except InvalidBriefError as invalid:
        print_diagnostics(invalid.diagnostics, options.quiet)
        return EXIT_INPUT
    except BriefexportError as error:
        print(f"{shown_name(str(options.source))}: error: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    return EXIT_OK


def _import_and_write(options: argparse.Namespace) -> None:
    """Import the source, read the brief it gives back as the reader would (its figures put in a
    staging folder), then write the brief and its figures."""
    from ..batch.leftovers import mark_enclosing_run
    from ..importers import import_source
    from ..options import default_options
    from ..output import atomic_write, planned_figures, write_figures, write_planned
    from ..reader import parse_brief
    from ..writers import jats

    source = options.source
    result = import_source(source, options.kind, options.series, options.publisher, options.date)
    print_diagnostics(list(result.warnings), options.quiet)
    brief = result.brief
    figures = planned_figures(brief, options.output, "jats")
    data = jats.write(brief, default_options(brief))
    generated = f"{options.output} (as generated from {source})"
    with tempfile.TemporaryDirectory(prefix="briefexport-import-") as staging:
        write_figures(brief, Path(staging))
        parse_brief(data, name=generated, base_dir=Path(staging))
    mark_enclosing_run(options.output.parent)  # as an export does (cli.export)
    write_planned(figures)
    atomic_write(options.output, data)
