"""The ``briefexport`` command: export briefs, validate them, list formats, import sources.

Exit status: 0 success; 1 an output could not be produced or written; 2 invalid input or
usage. Problems with an input are printed one per line as ``FILE:LINE:COL: severity: message``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from contextvars import ContextVar
from pathlib import Path

from . import __version__
from .errors import BriefexportError, Diagnostic, Severity
from .formats import FORMATS

EXIT_OK, EXIT_OUTPUT, EXIT_INPUT = 0, 1, 2
COMMANDS = ("validate", "formats", "import")
EPILOG = """\
commands:
  briefexport BRIEF.xml... --to FORMATS [-o DIR]   export (FORMATS: comma-separated list or "all")
  briefexport validate BRIEF.xml...                check briefs without writing anything
  briefexport formats                              list output formats and what each needs
  briefexport import SOURCE -o BRIEF.xml           turn Markdown or extracted text into a brief
                                                   (--from markdown|text, --series NAME)

exit status: 0 success, 1 an output could not be produced or written, 2 invalid input or usage
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            return _run_command(args[0], args[1:])
        return _run_export(args)
    except KeyboardInterrupt:
        print("briefexport: interrupted", file=sys.stderr)
        return EXIT_OUTPUT
    except Exception as error:  # a bug: say so in one line, never with a traceback
        print(f"briefexport: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_OUTPUT


def _run_command(command: str, args: list[str]) -> int:
    if command == "validate":
        from .commands import validate_command

        return validate_command(args)
    if command == "formats":
        from .commands import formats_command

        return formats_command(args)
    from .commands import import_command

    return import_command(args)


def export_parser() -> argparse.ArgumentParser:
    """The parser of the default (export) command."""
    parser = _Parser(
        prog="briefexport",
        description="Publish a policy brief (JATS 1.3 profile) to PDF, EPUB, DOCX, HTML and JATS.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("briefs", nargs="+", type=Path, metavar="BRIEF.xml")
    parser.add_argument(
        "--to", required=True, metavar="FORMATS", help="comma-separated formats, or 'all'"
    )
    parser.add_argument(
        "-o", "--output-dir", type=Path, metavar="DIR", help="default: beside each brief"
    )
    parser.add_argument(
        "--style", type=Path, metavar="DIR", help="style folder (default: the house style)"
    )
    parser.add_argument("--pdf-standard", choices=["pdf/a-3b", "pdf/a-3a", "pdf/ua-1", "none"])
    parser.add_argument("--paper", choices=["A4", "Letter"], help="page size of the PDF")
    parser.add_argument(
        "--reference-docx", type=Path, metavar="FILE", help="Word template for DOCX styles"
    )
    add_verbosity(parser)
    parser.add_argument("--version", action="version", version=f"briefexport {__version__}")
    return parser


def add_verbosity(parser: argparse.ArgumentParser) -> None:
    """The shared ``-q``/``-v`` options."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    group.add_argument("-v", "--verbose", action="store_true", help="say what is written")


CURRENT_INPUT: ContextVar[str] = ContextVar("current_input", default="briefexport")


class _LowerLevelFormatter(logging.Formatter):
    """``BRIEF: warning: message``: a writer's warning names the brief being written."""

    def format(self, record: logging.LogRecord) -> str:
        record.levelname = record.levelname.lower()
        record.source = CURRENT_INPUT.get()
        return super().format(record)


def configure_logging(quiet: bool, verbose: bool) -> None:
    """Warnings of the library go to stderr as ``BRIEF: warning: ...``."""
    logger = logging.getLogger("briefexport")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LowerLevelFormatter("%(source)s: %(levelname)s: %(message)s"))
    logger.handlers[:] = [handler]
    logger.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
    for noisy in ("weasyprint", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


def parse_formats(value: str) -> list[str]:
    """The format names of ``--to``, in registry order for ``all``."""
    if value.strip() == "all":
        return list(FORMATS)
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        known = ", ".join([*FORMATS, "all"])
        raise BriefexportError(f"unknown format {', '.join(unknown) or value!r} (known: {known})")
    return list(dict.fromkeys(names))


def print_diagnostics(diagnostics: list[Diagnostic], quiet: bool) -> None:
    """One line per problem on stderr; warnings are hidden by ``-q``."""
    for diagnostic in diagnostics:
        if not (quiet and diagnostic.severity is Severity.WARNING):
            print(diagnostic, file=sys.stderr)


def _run_export(args: list[str]) -> int:
    options = export_parser().parse_args(args)
    configure_logging(options.quiet, options.verbose)
    try:
        formats = parse_formats(options.to)
    except BriefexportError as error:
        print(f"briefexport: error: {error}", file=sys.stderr)
        return EXIT_INPUT
    from .commands import check_paths, export_one

    problem = check_paths(options)
    if problem:
        print(f"briefexport: error: {problem}", file=sys.stderr)
        return EXIT_INPUT

    status = EXIT_OK
    claimed: dict[Path, bytes] = {}
    for brief_path in options.briefs:
        status = max(status, export_one(brief_path, formats, options, claimed))
    return status
