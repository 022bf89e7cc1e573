"""The work one worker does for one brief: read or import it, then export each format asked for.

This module runs inside worker processes (local or Dask). A job never raises: every problem
becomes lines of its :class:`JobResult`, so one broken brief never stops the others. Writers are
the library's own (``briefexport.output.export_brief``), so outputs are written atomically,
exactly as ``briefexport BRIEF.xml`` writes them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import multiprocessing
import os
import signal
import threading
import time
import warnings
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path
from urllib.parse import quote

from ..errors import (
    BriefexportError,
    InvalidBriefError,
    OverwritesInputError,
    Severity,
    shown_name,
)
from ..formats import FORMATS, get_writer
from ..model import Brief
from ..model.record import Record, record
from ..options import PdfEngine, PdfStandard, WriteOptions
from ..shared.brand import Paper
from ..shared.fieldtypes import check_field_types
from ..shared.figure_claims import FigureClaims
from ..shared.paths import StrPath
from ..shared.warning_lines import log_python_warning, thread_warnings
from .digests import brief_digest, bytes_digest, read_brief_digest

OK, OUTPUT_FAILED, INVALID = 0, 1, 2
"""A job's status, the command line's exit statuses."""


@record
class ExportSettings(Record):
    """The options of a run, as plain values that travel to any worker.

    ``convert_collection`` checks them before any work: the paths may be given as strings or
    any path-like objects (the run goes on with them as :class:`Path`), the PDF options
    (``"pdf/ua-1"``, ``"typst"``, ``"letter"``) in any case; an unknown value or a missing Word
    template raises :class:`BriefexportError`.
    """

    style_dir: StrPath | None = None
    pdf_standard: PdfStandard | str | None = None
    paper: Paper | str | None = None
    reference_docx: StrPath | None = None
    pdf_engine: PdfEngine | str | None = None
    series: str | None = None
    """Series label for imported extracted text that names none."""
    timestamp: dt.datetime | None = None
    """``SOURCE_DATE_EPOCH`` as read by the parent; None: each brief's publication date."""
    smart: bool = True
    """Typographic quotes, dashes and ellipses (False: the source's characters as written)."""
    pdf_url: str | None = None
    """Where each brief's PDF is published, as a template: ``{path}`` stands for the PDF's path
    below the output folder (see :func:`pdf_url_for`); None: no ``citation_pdf_url``."""

    def __post_init__(self) -> None:
        check_field_types(self)


@record
class Job(Record):
    """Convert the brief at ``source`` (of ``kind``) to each ``(format, output path)``."""

    source: Path
    relative: str
    kind: str
    targets: tuple[tuple[str, Path], ...]
    settings: ExportSettings
    pdf_url: str | None = None
    """This brief's PDF URL, from the template of ``settings.pdf_url``."""


@record
class Written(Record):
    """An output put in place, with the figure files copied beside it."""

    format: str
    path: Path
    figure_copies: tuple[Path, ...] = ()


@record
class JobResult(Record):
    """What came of a job. ``errors`` and ``warnings`` are ``FILE:LINE:COL: ...`` lines."""

    relative: str
    status: int
    brief_digest: str = ""
    figures: dict[str, str] = field(default_factory=dict)
    written: tuple[Written, ...] = ()
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    """Processor time of the converting thread: the work itself, however busy the machine."""


PATH_FIELD = "{path}"


def error_line(path: Path, message: str, line: int = 1, column: int = 1) -> str:
    """``FILE:1:1: error: message``: a problem with a file as a whole is placed at its start, so
    that every problem line has the ``FILE:LINE:COL`` an editor or a CI log can jump to."""
    return f"{shown_name(str(path))}:{line}:{column}: error: {message}"


def pdf_url_for(template: str, pdf_path: str) -> str:
    """The URL of the PDF at ``pdf_path`` (a ``/``-separated path below the output folder):
    ``{path}`` in ``template`` replaced by the path, percent-encoded; a template that ends in
    ``/`` and names no ``{path}`` gets the path appended."""
    if PATH_FIELD not in template and template.endswith("/"):
        template += PATH_FIELD
    return template.replace(PATH_FIELD, quote(pdf_path))


def check_pdf_url_template(template: str) -> None:
    """Raise :class:`BriefexportError` unless ``template`` gives every brief its own http(s)
    URL."""
    if not template.startswith(("https://", "http://")):
        raise BriefexportError(f"the PDF URL must be an http or https URL, not {template!r}")
    if PATH_FIELD not in template and not template.endswith("/"):
        raise BriefexportError(
            f"the PDF URL {template!r} would be the same for every brief: put {PATH_FIELD} where"
            " the PDF's path below the output folder goes, or end it with /"
        )


def prepare_worker(formats: tuple[str, ...], own_signals: bool, umask: int | None = None) -> None:
    """Import the writers once per worker process, before the first brief arrives.

    A local worker ignores SIGINT and SIGTERM: the parent decides when to stop, and the brief in
    hand is finished (its outputs are written atomically) rather than cut in the middle. Should
    the parent die without a word (SIGKILL), the worker ends too instead of waiting forever.
    It logs Python warnings (:func:`.warning_lines.log_python_warning`): a library's warnings
    join the brief's others, as in a single export. It takes the parent's ``umask``: the fork
    server it starts from keeps the umask it was started with, perhaps by an earlier run of the
    same program.
    """
    if umask is not None:
        os.umask(umask)  # before the first file of the run is made
    if own_signals:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        # blocked in the fork server (.server.start_worker_server): a program the worker
        # starts gets them as usual
        if hasattr(signal, "pthread_sigmask"):  # not on Windows, where workers are spawned
            signal.pthread_sigmask(signal.SIG_UNBLOCK, (signal.SIGINT, signal.SIGTERM))
        threading.Thread(target=_end_with_parent, name="parent-watch", daemon=True).start()
        warnings.showwarning = log_python_warning
    logger = logging.getLogger("briefexport")
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    for noisy in ("weasyprint", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    for fmt in formats:
        get_writer(fmt)
    from .. import reader  # noqa: F401  (imported here so the first brief does not pay it)


def _end_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
        os._exit(OUTPUT_FAILED)


def run_job(job: Job) -> JobResult:
    """Convert one brief; every failure is reported in the result, never raised."""
    start, cpu_start = time.perf_counter(), time.thread_time()
    # a Word file's text is inside a zip: no character a warning is about is found in it
    with thread_warnings(job.source, searchable=job.kind != "docx") as logged:
        try:
            result = _convert(job)
        except Exception as error:  # a bug in a writer must not stop the collection
            line = error_line(job.source, f"internal error: {type(error).__name__}: {error}")
            result = JobResult(job.relative, OUTPUT_FAILED, errors=(line,))
    return dataclasses.replace(
        result,
        warnings=result.warnings + tuple(logged),
        seconds=time.perf_counter() - start,
        cpu_seconds=time.thread_time() - cpu_start,
    )


def _convert(job: Job) -> JobResult:
    try:
        digest, brief, warnings = _load(job)
    except InvalidBriefError as invalid:
        lines = tuple(str(d) for d in invalid.diagnostics if d.severity is Severity.ERROR)
        kept = tuple(str(d) for d in invalid.diagnostics if d.severity is Severity.WARNING)
        return JobResult(job.relative, INVALID, errors=lines, warnings=kept)
    except OSError as error:
        line = error_line(job.source, f"cannot read: {error.strerror or error}")
        return JobResult(job.relative, INVALID, errors=(line,))
    figures = {figure.image.href: bytes_digest(figure.image.data) for figure in brief.figures}
    written, errors = _export_all(job, brief)
    return JobResult(
        job.relative,
        OUTPUT_FAILED if errors else OK,
        brief_digest=digest,
        figures=figures,
        written=tuple(written),
        errors=tuple(errors),
        warnings=tuple(warnings),
    )


def _load(job: Job) -> tuple[str, Brief, list[str]]:
    """The digest of the brief's bytes, the brief and its warning lines. A canonical brief is
    hashed and parsed from the same bytes, read once; an imported one is hashed before its
    importer reads it (if it changes in between, the record is stale, never wrong)."""
    if job.kind == "xml":
        from ..reader import parse_brief

        data, digest = read_brief_digest(job.source, job.kind)
        origin = job.source.resolve()
        brief, found = parse_brief(data, name=str(job.source), base_dir=origin.parent)
        return digest, dataclasses.replace(brief, origin=origin), _lines(found)
    from ..importers import import_source

    digest = brief_digest(job.source, job.kind)
    imported = import_source(job.source, job.kind, job.settings.series)
    return digest, imported.brief, _lines(imported.warnings)


def _lines(found: Iterable[object]) -> list[str]:
    return [str(diagnostic) for diagnostic in found]


def _export_all(job: Job, brief: Brief) -> tuple[list[Written], list[str]]:
    from ..output import export_brief

    try:
        options = _options(job, brief)
    except BriefexportError as error:
        return [], [error_line(job.source, str(error))]
    written: list[Written] = []
    errors: list[str] = []
    claimed = FigureClaims()  # one brief's: clashes between briefs are found before the run
    for fmt, target in job.targets:
        try:
            export_brief(brief, fmt, target, options, claimed)
        except OverwritesInputError as refused:
            errors.append(error_line(Path(refused.path), refused.reason))
            continue
        except BriefexportError as error:
            errors.append(error_line(job.source, f"cannot write {fmt}: {error}"))
            continue
        written.append(Written(fmt, target, _figure_copies(brief, fmt, target)))
    return written, errors


def _options(job: Job, brief: Brief) -> WriteOptions:
    """The brief's export options from the run's settings; raises :class:`BriefexportError`."""
    from ..options import default_options, publication_moment

    settings = job.settings
    return default_options(
        brief,
        style_dir=settings.style_dir,
        pdf_standard=settings.pdf_standard,
        paper=settings.paper,
        reference_docx=settings.reference_docx,
        # never the worker's own SOURCE_DATE_EPOCH: the parent read it, and the manifest
        # records what the parent read
        timestamp=settings.timestamp or publication_moment(brief),
        pdf_engine=settings.pdf_engine,
        smart=settings.smart,
        pdf_url=job.pdf_url,
    )


def _figure_copies(brief: Brief, fmt: str, target: Path) -> tuple[Path, ...]:
    if not FORMATS[fmt].links_figures:
        return ()
    return tuple(dict.fromkeys(target.parent / figure.image.href for figure in brief.figures))
