"""``convert_collection``: find the briefs of a collection, plan what is out of date, run the
jobs and return the summary (the package's docstring says how it fits together)."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from ..errors import BriefexportError
from ..formats import FORMATS, format_names
from ..model.record import Record, record
from ..options import PdfEngine, PdfStandard, known_value
from ..output.style_check import style_warnings
from ..shared.brand import Paper
from ..shared.fieldtypes import check_field_types
from ..shared.paths import StrPath
from .clashes import without_figure_clashes
from .collection import EXECUTORS, CollectionRun, Workers
from .discovery import Discovery, discover
from .figure_copies import copies_of_suspects
from .folders import overlap, refuse_output_in_style
from .freshness import FreshnessCheck
from .jobs import INVALID, ExportSettings, check_pdf_url_template, error_line
from .leftovers import Sweep, swept
from .lock import output_lock
from .manifest import Manifest, Settings
from .plan import Plan, make_plan, run_settings
from .plan import timestamp_from_environment as _timestamp
from .prune import left_in_place, orphaned_outputs, prune
from .server import DEFAULT_TIMEOUT, recycle_after_for, start_worker_server
from .summary import Failure, ProgressSink, Summary
from .watch import SettingsWatch


@record
class RunOptions(Record):
    """How a collection is run: how many workers, where, and what to redo or remove."""

    jobs: int = 1
    import_sources: bool = False
    executor: str = "local"
    scheduler: str | None = None
    recycle_after: int | None = None
    """Briefs a local worker converts before it is replaced; None: 50 in a run that lays out
    PDF pages, 1000 in one that does not (:func:`.server.recycle_after_for`)."""
    timeout: float | int | None = None
    """Seconds a brief may take on a local worker before the worker is stopped and the brief
    reported as failed; None: :data:`.server.DEFAULT_TIMEOUT` (600); 0: no limit. A Dask run
    has none, and refuses any other value than None or 0."""
    force: bool = False
    prune: bool = False
    dry_run: bool = False
    """Only say what would be converted, and why: nothing is written or started."""

    def __post_init__(self) -> None:
        check_field_types(self)


def convert_collection(
    collection: str | Path,
    output_dir: str | Path,
    formats: str | Iterable[str],
    run: RunOptions | None = None,
    export: ExportSettings | None = None,
    *,
    stop: threading.Event | None = None,
    progress: ProgressSink | None = None,
) -> Summary:
    """Convert every brief below ``collection`` to ``formats`` in ``output_dir``.

    Setting ``stop`` (a signal handler may) ends the run after the briefs in hand; the
    summary then says ``interrupted``. Raises :class:`BriefexportError` for unusable folders,
    unknown formats or an unreachable scheduler, and :class:`TypeError` for ``formats`` that
    are neither a string nor names one by one; problems with briefs go into the summary.
    """
    run = run or RunOptions()
    names = format_names(formats)  # a string as --to takes it, or names one by one
    source, target = _checked_folders(Path(collection), Path(output_dir), run)
    export = _run_export(export, run, names)
    started = time.monotonic()
    made_with = run_settings(export)  # an unusable style stops the run here, before any work
    style_warnings = _style_warnings(export, names)
    refuse_output_in_style(target, made_with[1])
    with contextlib.ExitStack() as held:
        # no other run writes there while the lock is held: any temporary is a leftover
        locked = not run.dry_run and held.enter_context(output_lock(target))
        sweep = held.enter_context(swept(target)) if locked else Sweep()
        summary = _plan_and_run(source, target, names, run, (export, *made_with), stop, progress)
        # a cluster reruns the task of a worker it lost without telling: sweep after any
        sweep.workers_lost = summary.workers_lost or run.executor != "local"
    summary.warnings[:0] = style_warnings
    summary.seconds = time.monotonic() - started
    return summary


def _style_warnings(export: ExportSettings, formats: tuple[str, ...]) -> list[str]:
    """The style folder's own sheets' warnings, once per run (:mod:`..output.style_check`);
    raises :class:`~briefexport.errors.InvalidStyleError` for a sheet no engine can read."""
    if export.style_dir is None:
        return []
    engine = PdfEngine(export.pdf_engine or PdfEngine.WEASYPRINT)
    return style_warnings(Path(export.style_dir), formats, engine)


def _plan_and_run(
    source: Path,
    target: Path,
    formats: tuple[str, ...],
    run: RunOptions,
    made_with: tuple[ExportSettings, Settings, SettingsWatch],
    stop: threading.Event | None,
    progress: ProgressSink | None,
) -> Summary:
    """Find the briefs, plan, and (unless a dry run) convert and prune."""
    export, settings, watch = made_with
    manifest = Manifest.load(target)
    plan, summary = _planned(source, target, formats, run, export, manifest, settings)
    if run.dry_run:
        if run.prune:
            outputs = plan.outputs(manifest)
            summary.left_in_place = left_in_place(manifest, summary.orphaned, outputs)
        return summary
    _forget_planned(manifest, plan)
    recycle_after = run.recycle_after or recycle_after_for(formats)
    workers = Workers(run.jobs, run.executor, run.scheduler, recycle_after, time_limit(run))
    CollectionRun(manifest, settings, summary, watch, formats, progress).execute(
        plan.jobs, workers, stop or threading.Event()
    )
    if run.prune and not summary.interrupted:
        _prune_into(summary, manifest)
    return summary


def _planned(
    source: Path,
    target: Path,
    formats: tuple[str, ...],
    run: RunOptions,
    export: ExportSettings,
    manifest: Manifest,
    settings: Settings,
) -> tuple[Plan, Summary]:
    """What the run must do, and the summary before any brief is converted."""
    check = None if run.force else FreshnessCheck(manifest, settings)
    found = _without_figure_clashes(
        discover(source, target, import_sources=run.import_sources), formats, export.series, check
    )
    plan = make_plan(found.sources, target, formats, check, export)
    summary = _planned_summary(formats, found, plan, manifest, source)
    summary.reasons, summary.dry_run, summary.prunes = plan.reasons, run.dry_run, run.prune
    return plan, summary


def _without_figure_clashes(
    found: Discovery, formats: tuple[str, ...], series: str | None, check: FreshnessCheck | None
) -> Discovery:
    """``found`` without the briefs whose figure copies clash (:mod:`.clashes`), in a run with
    a format that copies figures beside its outputs; ``check`` keeps the digests of the briefs
    read for it."""
    if not any(FORMATS[fmt].links_figures for fmt in formats):
        return found
    read = None if check is None else check.brief_bytes
    sources, clashes = without_figure_clashes(
        found.sources, copies_of_suspects(found.sources, series, read)
    )
    return dataclasses.replace(found, sources=sources, clashes=found.clashes + clashes)


def _prune_into(summary: Summary, manifest: Manifest) -> None:
    """Remove the outputs of deleted briefs, and say in ``summary`` what became of each."""
    pruned = prune(manifest, summary.orphaned)
    summary.pruned.extend(pruned.removed)
    summary.not_pruned.extend(pruned.kept)
    summary.left_in_place.extend(pruned.left)
    summary.warnings.extend(pruned.problems)
    manifest.save(force=True)


def _forget_planned(manifest: Manifest, plan: Plan) -> None:
    """Drop, on disk too, the records of the outputs the plan rewrites: were the run killed
    (SIGKILL, a crash of the machine) before an output's new record is saved, the old one
    could match it again once the style or an option is put back."""
    manifest.forget(plan.outputs(manifest))
    manifest.save(force=True)


def _run_export(
    export: ExportSettings | None, run: RunOptions, formats: tuple[str, ...]
) -> ExportSettings:
    """The settings of every output, checked; starts the local workers' fork server early."""
    export = export or ExportSettings(timestamp=_timestamp(os.environ.get("SOURCE_DATE_EPOCH")))
    # workers elsewhere (Dask) need paths that mean the same there
    export = _checked_settings(export, absolute=run.executor == "dask")
    if export.pdf_url is not None:
        check_pdf_url_template(export.pdf_url)
    if run.executor == "local" and not run.dry_run:
        start_worker_server(formats)
    return export


def _checked_settings(export: ExportSettings, *, absolute: bool) -> ExportSettings:
    """``export`` with its paths as :class:`Path` (a string will do; ``absolute`` ones if
    asked) and its PDF options as their enums spell them; raises :class:`BriefexportError` for
    a value no brief could use."""
    template = _as_path(export.reference_docx, absolute)
    if template is not None and not template.is_file():
        raise BriefexportError(f"reference_docx {template}: no such file")
    return dataclasses.replace(
        export,
        style_dir=_as_path(export.style_dir, absolute),
        reference_docx=template,
        pdf_standard=known_value(PdfStandard, export.pdf_standard, "PDF standard"),
        pdf_engine=known_value(PdfEngine, export.pdf_engine, "PDF engine"),
        paper=known_value(Paper, export.paper, "paper size"),
    )


def _as_path(value: StrPath | None, absolute: bool) -> Path | None:
    if value is None:
        return None
    return Path(value).absolute() if absolute else Path(value)


def _planned_summary(
    formats: tuple[str, ...], found: Discovery, plan: Plan, manifest: Manifest, collection: Path
) -> Summary:
    """The summary before any brief is converted: clashes, what was skipped, the outputs that
    are up to date and those whose briefs no longer exist."""
    refused = [(source, why, (1, 1)) for source, why in found.refused]
    refused += [(clash.source, clash.reason, clash.position) for clash in found.clashes]
    summary = Summary(formats=list(formats), briefs=len(found.sources) + len(refused))
    summary.failed.extend(
        Failure(source.relative, INVALID, (error_line(source.path, why, *at),))
        for source, why, at in sorted(refused, key=lambda item: item[0].relative)
    )
    summary.skipped.update((item.relative, item.why) for item in found.skipped)
    summary.importable = found.importable
    summary.warnings.extend(manifest.problems)
    summary.up_to_date.extend(plan.up_to_date)
    summary.orphaned.extend(orphaned_outputs(manifest, plan, collection))
    return summary


def _checked_folders(collection: Path, output_dir: Path, run: RunOptions) -> tuple[Path, Path]:
    if not collection.is_dir():
        raise BriefexportError(f"{collection}: not a folder")
    if output_dir.exists() and not output_dir.is_dir():
        raise BriefexportError(f"{output_dir}: not a folder")
    problem = overlap(collection, output_dir)
    if problem:
        raise BriefexportError(f"{output_dir}: {problem}")
    if run.jobs < 1 or (run.recycle_after is not None and run.recycle_after < 1):
        raise BriefexportError("the number of jobs and of briefs per worker must be at least 1")
    if run.executor not in EXECUTORS:
        raise BriefexportError(f"unknown executor {run.executor!r} (known: {', '.join(EXECUTORS)})")
    time_limit(run)
    if run.executor == "dask":
        return collection.absolute(), output_dir.absolute()
    return collection, output_dir


def time_limit(run: RunOptions) -> float | None:
    """The seconds a brief may take in this run (None: no limit); raises
    :class:`BriefexportError` for a limit that is not a number of seconds, or one asked of a
    Dask cluster, whose workers cannot be stopped cleanly in the middle of a task."""
    if run.timeout is not None and not (math.isfinite(run.timeout) and run.timeout >= 0):
        raise BriefexportError(f"the time limit must be a number of seconds, not {run.timeout}")
    if run.executor == "dask":
        if run.timeout:
            raise BriefexportError(
                "a time limit per brief (--timeout) works with local workers only: a Dask"
                " worker cannot be stopped in the middle of a brief without harm to its other"
                " tasks"
            )
        return None
    if run.timeout is None:
        return DEFAULT_TIMEOUT
    return float(run.timeout) or None
