"""What each ``briefexport`` command does once its arguments are parsed (see :mod:`cli`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import (
    CURRENT_INPUT,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_OUTPUT,
    _Parser,
    add_verbosity,
    configure_logging,
    print_diagnostics,
)
from .errors import BriefexportError, InvalidBriefError, OutputError
from .formats import FORMATS
from .model import Brief
from .options import WriteOptions, default_options


def _load(path: Path, quiet: bool) -> Brief | None:
    from .reader import read_brief

    try:
        brief, warnings = read_brief(path)
    except InvalidBriefError as invalid:
        print_diagnostics(invalid.diagnostics, quiet)
        return None
    print_diagnostics(warnings, quiet)
    return brief


def _options_for(brief: Brief, args: argparse.Namespace) -> WriteOptions:

    overrides: dict[str, object] = {}
    if args.style:
        overrides["style_dir"] = args.style.resolve()
    for name in ("pdf_standard", "paper", "reference_docx"):
        value = getattr(args, name)
        if value is not None:
            overrides[name] = value
    return default_options(brief, **overrides)


def check_paths(args: argparse.Namespace) -> str | None:
    """Why the style folder or Word template given on the command line cannot be used."""
    if args.style and not (args.style / "brand.toml").is_file():
        return f"--style {args.style}: not a style folder (it has no brand.toml)"
    if args.reference_docx and not args.reference_docx.is_file():
        return f"--reference-docx {args.reference_docx}: no such file"
    return None


def export_one(
    path: Path, formats: list[str], args: argparse.Namespace, claimed: dict[Path, bytes]
) -> int:
    """Export one brief to every requested format; returns its exit status."""
    from .output import export_brief, output_path

    brief = _load(path, args.quiet)
    if brief is None:
        return EXIT_INPUT
    CURRENT_INPUT.set(str(path))
    options = _options_for(brief, args)
    status = EXIT_OK
    for fmt in formats:
        target = output_path(path, fmt, args.output_dir)
        if target.resolve() == path.resolve():
            print(f"{target}: error: refusing to write over the input", file=sys.stderr)
            status = max(status, EXIT_INPUT)
            continue
        try:
            export_brief(brief, fmt, target, options, claimed)
        except (OutputError, BriefexportError) as error:
            print(f"{path}: error: cannot write {fmt}: {error}", file=sys.stderr)
            status = max(status, EXIT_OUTPUT)
            continue
        if args.verbose:
            print(f"wrote {target}", file=sys.stderr)
    return status


def validate_command(args: list[str]) -> int:
    """``briefexport validate BRIEF...``."""
    parser = _Parser(
        prog="briefexport validate", description="Check briefs without writing anything."
    )
    parser.add_argument("briefs", nargs="+", type=Path, metavar="BRIEF.xml")
    add_verbosity(parser)
    options = parser.parse_args(args)
    configure_logging(options.quiet, options.verbose)
    status = EXIT_OK
    for path in options.briefs:
        if _load(path, options.quiet) is None:
            status = EXIT_INPUT
        elif not options.quiet:
            print(f"{path}: valid")
    return status


def formats_command(args: list[str]) -> int:
    """``briefexport formats``."""
    _Parser(prog="briefexport formats", description="List output formats.").parse_args(args)
    width = max(len(name) for name in FORMATS)
    for fmt in FORMATS.values():
        print(f"{fmt.name:<{width}}  *{fmt.suffix:<10} {fmt.description} (needs {fmt.needs})")
    return EXIT_OK


def import_command(args: list[str]) -> int:
    """``briefexport import SOURCE -o BRIEF.xml [--from markdown|text] [--series NAME]``.

    Figures are copied beside the output, so it validates wherever it is written.
    """
    parser = _Parser(
        prog="briefexport import", description="Turn Markdown or extracted text into a brief."
    )
    parser.add_argument("source", type=Path, metavar="SOURCE")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="BRIEF.xml")
    parser.add_argument("--from", dest="kind", choices=["markdown", "text"], help="default: detect")
    parser.add_argument(
        "--series", help='series label when the source has none (default "Issue Brief")'
    )
    add_verbosity(parser)
    options = parser.parse_args(args)
    configure_logging(options.quiet, options.verbose)
    return _import(options)


def _import(options: argparse.Namespace) -> int:
    from .importers import import_source
    from .output import atomic_write, write_figures
    from .reader import parse_brief
    from .writers import jats

    if options.output.resolve() == options.source.resolve():
        print(f"{options.output}: error: refusing to write over the input", file=sys.stderr)
        return EXIT_INPUT
    try:
        result = import_source(options.source, options.kind, options.series)
        print_diagnostics(list(result.warnings), options.quiet)
        brief = result.brief
        data = jats.write(brief, default_options(brief))
        generated = f"{options.output} (as generated from {options.source})"
        parse_brief(data, name=generated, base_dir=options.source.resolve().parent)
        write_figures(brief, options.output.parent)
        atomic_write(options.output, data)
    except InvalidBriefError as invalid:
        print_diagnostics(invalid.diagnostics, options.quiet)
        return EXIT_INPUT
    except BriefexportError as error:
        print(f"{options.source}: error: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    return EXIT_OK
