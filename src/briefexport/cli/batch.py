"""``briefexport batch SRC_DIR --to FORMATS -o OUT_DIR [-j N]``: convert a whole collection.

Shows a progress bar on a terminal (none when standard error is not one), then a summary:
every failure as ``FILE:LINE:COL: message`` lines and one line of counts. Ctrl-C or SIGTERM
stops after the briefs in hand; a rerun resumes from the manifest in OUT_DIR.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from ..errors import BriefexportError, OutputError
from .common import (
    EXIT_INPUT,
    EXIT_OUTPUT,
    Parser,
    add_pdf_options,
    add_verbosity,
    configure_logging,
)
from .export import checked_formats

if TYPE_CHECKING:
    from ..batch import ExportSettings, RunOptions, Summary
    from ..batch.summary import ProgressSink

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

EPILOG = """\
Briefs are the .xml files below SRC_DIR (with --import also .md and .txt files, imported on the
way); outputs mirror the folder tree in OUT_DIR. Two briefs whose outputs would share a path,
even one spelled in another case or Unicode normalization (Brief.xml, brief.xml), are an error
for the second: a .xml brief wins over an imported one, then the first in code-point order.
A manifest in OUT_DIR records what each output was made from: unchanged briefs are skipped, and
a run that was stopped resumes where it stopped.

exit status: 0 every brief converted or up to date; 1 an output could not be produced or written,
or the run was interrupted; 2 a brief is invalid, or a usage error (the worst wins)
"""


def parser() -> argparse.ArgumentParser:
    """The parser of ``briefexport batch``."""
    result = Parser(
        prog="briefexport batch",
        description="Convert every brief below a folder, in parallel and incrementally.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    result.add_argument("collection", type=Path, metavar="SRC_DIR")
    result.add_argument("--to", required=True, metavar="FORMATS", help="comma-separated, or 'all'")
    result.add_argument("-o", "--output-dir", type=Path, required=True, metavar="OUT_DIR")
    result.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of CPUs, %(default)s here)",
    )
    result.add_argument(
        "--import", dest="import_sources", action="store_true", help="also .md and .txt briefs"
    )
    result.add_argument("--series", help="series label for imported text that names none")
    _add_run_options(result)
    _add_worker_options(result)
    _add_style_options(result)
    add_verbosity(result)
    return result


def _add_run_options(result: argparse.ArgumentParser) -> None:
    """What the run does besides converting: rebuild, only list, prune, report."""
    result.add_argument("--force", action="store_true", help="rebuild outputs that are up to date")
    result.add_argument(
        "-n",
        "--dry-run",
        action="store_true",
        help="only list the briefs that would be converted, and why; write nothing",
    )
    result.add_argument(
        "--prune", action="store_true", help="remove outputs of briefs that no longer exist"
    )
    result.add_argument(
        "--report", type=Path, metavar="FILE.json", help="write the summary as JSON"
    )


def _add_worker_options(result: argparse.ArgumentParser) -> None:
    """Where the briefs are converted, and how long a local worker and a brief may last."""
    from ..batch.server import DEFAULT_RECYCLE_AFTER, DEFAULT_TIMEOUT, RECYCLE_AFTER_WITHOUT_PAGES

    result.add_argument(
        "--executor",
        choices=["local", "dask"],
        default="local",
        help="local worker processes (default) or a Dask cluster",
    )
    result.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a local cluster of -j)"
    )
    result.add_argument(
        "--recycle-after",
        type=int,
        metavar="N",
        help="briefs a local worker converts before it is replaced (default:"
        f" {DEFAULT_RECYCLE_AFTER} when the run makes PDFs, else {RECYCLE_AFTER_WITHOUT_PAGES})",
    )
    result.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="a brief that takes longer on a local worker fails, and its worker is replaced"
        f" (default: {DEFAULT_TIMEOUT:g}; 0: no limit; not with --executor dask)",
    )


def _add_style_options(result: argparse.ArgumentParser) -> None:
    result.add_argument("--style", type=Path, metavar="DIR", help="style folder")
    add_pdf_options(result)
    result.add_argument("--reference-docx", type=Path, metavar="FILE", help="Word template")
    result.add_argument(
        "--no-smart",
        dest="smart",
        action="store_false",
        help="keep the sources' straight quotes, hyphens and dots in PDF, EPUB, DOCX and HTML",
    )
    result.add_argument(
        "--pdf-url",
        metavar="TEMPLATE",
        help="where the PDFs are published (HTML citation_pdf_url): {path} stands for each PDF's"
        " path below OUT_DIR; a URL ending in / gets the path appended",
    )


def run(args: list[str]) -> int:
    """Convert the collection; prints the summary and returns the exit status."""
    options = parser().parse_args(args)
    configure_logging(options.quiet, options.verbose)
    if options.scheduler and options.executor != "dask":
        options.executor = "dask"
    formats = checked_formats(options, style_warnings=False)  # in the summary, once
    if formats is None:
        return EXIT_INPUT
    return _convert(options, formats)


def _convert(options: argparse.Namespace, formats: list[str]) -> int:
    if options.executor == "local" and not options.dry_run and options.collection.is_dir():
        from ..batch.server import start_worker_server

        start_worker_server(tuple(formats))  # imports side by side (unless already started)
    problem = _report_problem(options.report, options.output_dir) if options.report else None
    if problem:
        print(f"briefexport: error: --report {options.report}: {problem}", file=sys.stderr)
        return EXIT_INPUT
    try:
        summary = _run_collection(options, formats)
    except BriefexportError as error:
        print(f"briefexport: error: {error}", file=sys.stderr)
        return EXIT_OUTPUT if isinstance(error, OutputError) else EXIT_INPUT
    lines = summary.error_lines() if options.quiet else summary.lines(verbose=options.verbose)
    for line in lines:
        print(line, file=sys.stderr)
    if options.report and not _write_report(options.report, summary.to_json()):
        return max(summary.exit_status, EXIT_OUTPUT)
    return summary.exit_status


def _run_collection(options: argparse.Namespace, formats: list[str]) -> Summary:
    """Convert the collection until done or stopped by SIGINT or SIGTERM; raises
    :class:`BriefexportError` for an unusable folder, style or option."""
    from ..batch import convert_collection

    stop = threading.Event()
    with _stop_on_signals(stop):
        return convert_collection(
            options.collection,
            options.output_dir,
            formats,
            *_run_and_export(options),
            stop=stop,
            progress=_progress(options.quiet),
        )


def _run_and_export(options: argparse.Namespace) -> tuple[RunOptions, ExportSettings]:
    """The run's options and the outputs' settings, as the command line gives them."""
    from ..batch import ExportSettings, RunOptions
    from ..batch.plan import timestamp_from_environment

    run_options = RunOptions(
        jobs=options.jobs,
        import_sources=options.import_sources,
        executor=options.executor,
        scheduler=options.scheduler,
        recycle_after=options.recycle_after,
        timeout=options.timeout,
        force=options.force,
        prune=options.prune,
        dry_run=options.dry_run,
    )
    export = ExportSettings(
        style_dir=options.style,  # named as given in the summary; made absolute for Dask
        pdf_standard=options.pdf_standard,
        pdf_engine=options.pdf_engine,
        paper=options.paper,
        reference_docx=options.reference_docx.resolve() if options.reference_docx else None,
        series=options.series,
        timestamp=timestamp_from_environment(os.environ.get("SOURCE_DATE_EPOCH")),
        smart=options.smart,
        pdf_url=options.pdf_url,
    )
    return run_options, export


def _report_problem(report: Path, output_dir: Path) -> str | None:
    """Why the report cannot go there (checked before any work, so that it replaces nothing
    of the run's)."""
    from ..batch.manifest import MANIFEST_NAME

    if report.suffix.lower() != ".json":
        return "the report is JSON: name a .json file"
    if report.is_dir():
        return "a folder"
    if report.resolve() == (output_dir / MANIFEST_NAME).resolve():
        return "the output folder's manifest"
    return None


def _progress(quiet: bool) -> ProgressSink | None:
    """A progress bar only for a person watching a terminal."""
    if quiet or not sys.stderr.isatty():
        return None
    from ..batch.progress import RichProgress

    return RichProgress()


def _write_report(path: Path, text: str) -> bool:
    from ..output import atomic_write

    try:
        atomic_write(path, text.encode("utf-8"))
    except OutputError as error:
        print(f"briefexport: error: report: {error}", file=sys.stderr)
        return False
    return True


@contextlib.contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM ask the run to stop after the briefs in hand."""

    def request_stop(number: int, frame: FrameType | None) -> None:
        if not stop.is_set():
            name = signal.Signals(number).name
            print(f"briefexport: {name}: stopping after the briefs in progress", file=sys.stderr)
        stop.set()

    previous = {number: signal.signal(number, request_stop) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
