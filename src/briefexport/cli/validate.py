"""``briefexport validate BRIEF.xml...``: check briefs, write nothing."""

from __future__ import annotations

from pathlib import Path

from .common import EXIT_INPUT, EXIT_OK, Parser, add_verbosity, configure_logging, load_or_report


def run(args: list[str]) -> int:
    """Print every problem of every brief; 0 only when all are valid."""
    parser = Parser(
        prog="briefexport validate", description="Check briefs without writing anything."
    )
    parser.add_argument("briefs", nargs="+", type=Path, metavar="BRIEF.xml")
    add_verbosity(parser)
    options = parser.parse_args(args)
    configure_logging(options.quiet, options.verbose)
    status = EXIT_OK
    for path in options.briefs:
        if load_or_report(path, options.quiet) is None:
            status = EXIT_INPUT
        elif not options.quiet:
            print(f"{path}: valid")
    return status
