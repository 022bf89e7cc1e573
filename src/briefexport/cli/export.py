"""``briefexport BRIEF.xml... --to FORMATS [-o DIR|FILE]``: the default command, export.

``-o`` names the folder the outputs go to, each named after its brief. For one brief and one
format it may instead name the output file itself, as pandoc's ``-o`` does: a name that ends
as that format's files do (``-o final.pdf``, ``-o copy.jats.xml`` or ``-o copy.xml``) and is
not a folder. A name that ends so while more outputs are asked for is a usage error, not a
folder of that name.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from ..errors import (
    BriefexportError,
    Diagnostic,
    FigureClashError,
    InvalidTemplateError,
    OutputError,
    OverwritesInputError,
    shown_name,
)
from ..formats import FORMATS, format_names, get_writer
from ..model import Brief
from ..options import PdfEngine, WriteOptions, default_options, environment_timestamp
from ..shared.figure_claims import FigureClaims
from ..shared.styles import is_style_folder, not_a_style_folder
from ..writers.pdf_engine import import_engine
from . import collector
from .common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_STATUS_HELP,
    Parser,
    VersionAction,
    add_pdf_options,
    add_verbosity,
    configure_logging,
    load_or_report,
)
from .style_check import check_style

EPILOG = f"""\
commands:
  briefexport BRIEF.xml... --to FORMATS [-o DIR]   export (FORMATS: comma-separated list or "all";
                                                   -o FILE for one brief and one format)
  briefexport validate BRIEF.xml...                check briefs without writing anything
  briefexport formats                              list output formats and what each needs
  briefexport import SOURCE -o BRIEF.xml           turn Markdown or extracted text into a brief
                                                   (--from markdown|text, --series NAME)
  briefexport batch SRC_DIR --to FORMATS -o OUT_DIR [-j N]
                                                   convert a whole collection, incrementally
  briefexport verify PACKAGE...                    check BagIt bags: completeness and fixity
                                                   (exit 0 sound, 1 unreadable, 2 failed)

{EXIT_STATUS_HELP}
"""


def parser() -> argparse.ArgumentParser:
    """The parser of the default (export) command."""
    result = Parser(
        prog="briefexport",
        description="Publish a policy brief (JATS 1.3 profile) to PDF, EPUB, DOCX, HTML and JATS.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_inputs_and_outputs(result)
    _add_look_options(result)
    add_verbosity(result)
    result.add_argument("--version", action=VersionAction)
    return result


def _add_inputs_and_outputs(result: argparse.ArgumentParser) -> None:
    """The briefs, ``--to`` and ``-o``."""
    result.add_argument("briefs", nargs="+", type=Path, metavar="BRIEF.xml")
    result.add_argument(
        "--to", required=True, metavar="FORMATS", help="comma-separated formats, or 'all'"
    )
    result.add_argument(
        "-o",
        "--output-dir",
        type=Path,
        metavar="DIR|FILE",
        help="default: beside each brief; a file name for one brief and one format",
    )


def _add_look_options(result: argparse.ArgumentParser) -> None:
    """What shapes the outputs: style folder, PDF options, Word template, smart punctuation and
    the PDF's address."""
    result.add_argument(
        "--style", type=Path, metavar="DIR", help="style folder (default: the house style)"
    )
    add_pdf_options(result)
    result.add_argument(
        "--reference-docx", type=Path, metavar="FILE", help="Word template for DOCX styles"
    )
    result.add_argument(
        "--no-smart",
        dest="smart",
        action="store_false",
        help="keep the source's straight quotes, hyphens and dots in PDF, EPUB, DOCX and HTML",
    )
    result.add_argument(
        "--pdf-url", metavar="URL", help="where the PDF is published (HTML citation_pdf_url)"
    )


def parse_formats(value: str) -> list[str]:
    """The format names of ``--to``, in registry order for ``all``."""
    return list(format_names(value))


def output_file(args: argparse.Namespace, formats: list[str]) -> Path | None:
    """The output file ``-o`` names, if it names one rather than a folder."""
    output, briefs = args.output_dir, getattr(args, "briefs", ())
    if output is None or output.is_dir() or len(briefs) != 1 or len(formats) != 1:
        return None
    return output if _ends_as(output.name, formats[0]) else None


def _ends_as(name: str, fmt: str) -> bool:
    """Whether a file name ends as the files of ``fmt`` do (its last suffix will do:
    ``.xml`` for ``.jats.xml``)."""
    last = "." + FORMATS[fmt].suffix.rsplit(".", 1)[-1]
    return len(name) > len(last) and name.lower().endswith(last)


def _output_problem(args: argparse.Namespace, formats: list[str]) -> str | None:
    """Why ``-o`` can be neither the output folder nor the one output file."""
    output = getattr(args, "output_dir", None)
    if output is None or output.is_dir() or output_file(args, formats):
        return None
    named = [fmt for fmt in FORMATS if _ends_as(output.name, fmt)]
    if named and hasattr(args, "briefs"):
        count = len(args.briefs) * len(formats)
        if count > 1:
            return f"-o {output}: names one file, but {count} outputs are asked for (name a folder)"
        asked = FORMATS[formats[0]]
        return f"-o {output}: names a {named[0]} file, not {asked.name} ({asked.suffix})"
    if output.exists():
        return f"-o {output}: not a folder (outputs are named after each brief)"
    return None


def check_paths(args: argparse.Namespace) -> str | None:
    """Why the style folder, Word template or PDF URL given on the command line, or the
    ``SOURCE_DATE_EPOCH`` in the environment, cannot be used."""
    if args.style and not is_style_folder(args.style):
        return f"--style {not_a_style_folder(args.style)}"
    if args.reference_docx and not args.reference_docx.is_file():
        return f"--reference-docx {args.reference_docx}: no such file"
    pdf_url = getattr(args, "pdf_url", None)  # the batch command's is a template
    if pdf_url and not pdf_url.startswith(("https://", "http://")):
        return f"--pdf-url {pdf_url}: not an http or https URL"
    try:
        environment_timestamp()
    except BriefexportError as error:
        return str(error)
    return None


def checked_formats(args: argparse.Namespace, *, style_warnings: bool = True) -> list[str] | None:
    """The formats of ``--to`` once they, the paths and the style folder are sound (for the
    export and the batch command alike); None after printing why not. The style's warnings are
    printed too, unless ``style_warnings`` is false (a batch's summary lists them)."""
    try:
        formats = parse_formats(args.to)
    except BriefexportError as error:
        print(f"briefexport: error: {error}", file=sys.stderr)
        return None
    problem = _output_problem(args, formats) or check_paths(args)
    if problem:
        print(f"briefexport: error: {problem}", file=sys.stderr)
        return None
    return formats if check_style(args, formats, warnings=style_warnings) else None


def run(args: list[str]) -> int:
    """Export every brief named to every format asked for; the worst status wins."""
    options = parser().parse_args(args)
    configure_logging(options.quiet, options.verbose)
    formats = checked_formats(options)
    if formats is None:
        return EXIT_INPUT
    status = EXIT_OK
    claimed = FigureClaims()
    for brief_path in options.briefs:
        status = max(status, export_one(brief_path, formats, options, claimed))
    return status


def _options_for(brief: Brief, args: argparse.Namespace) -> WriteOptions:
    return default_options(
        brief,
        style_dir=args.style.resolve() if args.style else None,
        pdf_standard=args.pdf_standard,
        paper=args.paper,
        reference_docx=args.reference_docx,
        smart=args.smart,
        pdf_url=args.pdf_url,
        pdf_engine=args.pdf_engine,
    )


def export_one(
    path: Path, formats: list[str], args: argparse.Namespace, claimed: FigureClaims
) -> int:
    """Export one brief to every requested format; returns its exit status."""
    from ..output import output_path

    brief = load_or_report(path, args.quiet)
    if brief is None:
        return EXIT_INPUT
    options = _options_for(brief, args)
    import_writers(formats, options.pdf_engine)
    status = EXIT_OK
    for fmt in formats:
        target = output_file(args, formats) or output_path(path, fmt, args.output_dir)
        done = _write(path, (brief, fmt, target, options), claimed)
        status = max(status, done)
        if args.verbose and done == EXIT_OK:
            print(f"wrote {target}", file=sys.stderr)
    return status


def _write(path: Path, job: tuple[Brief, str, Path, WriteOptions], claimed: FigureClaims) -> int:
    """Write one output of the brief read from ``path``; its exit status, the problem printed."""
    from ..batch.leftovers import mark_enclosing_run
    from ..output import export_brief

    brief, fmt, target, options = job
    named = shown_name(str(path))
    mark_enclosing_run(target.parent)  # should this process be killed while it writes there
    try:
        export_brief(brief, fmt, target, options, claimed)
    except OverwritesInputError as refused:  # a usage error: another -o is the fix
        print(f"{shown_name(refused.path)}:1:1: error: {refused.reason}", file=sys.stderr)
        return EXIT_INPUT
    except FigureClashError as clash:  # so is one for figures, and a rename of a figure file
        where = clash.diagnostic
        print(Diagnostic(str(path), where.line, where.column, where.message), file=sys.stderr)
        return EXIT_INPUT
    except InvalidTemplateError as error:  # bad input, though found while writing
        print(f"{named}:1:1: error: cannot write {fmt}: {error}", file=sys.stderr)
        return EXIT_INPUT
    except (OutputError, BriefexportError) as error:
        print(f"{named}:1:1: error: cannot write {fmt}: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    return EXIT_OK


def import_writers(formats: list[str], pdf_engine: PdfEngine) -> None:
    """Import the writers of ``formats`` (for PDF, the chosen engine's) now, which ends the
    command's start-up (:mod:`.collector`). A writer that cannot be imported (a missing library,
    a native one that fails to load) is imported again when its format is written, and fails
    there as before."""
    for fmt in formats:
        with contextlib.suppress(Exception):
            get_writer(fmt)
            if fmt == "pdf":
                import_engine(pdf_engine)
    collector.imports_done()
