"""Decide what a run must do, and keep the manifest in step with what it did.

For every brief and format the manifest says whether the output is up to date; the stale ones
become one job per brief (:mod:`.prune` deals with the outputs of briefs that no longer
exist).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import field
from pathlib import Path

from ..model.record import Record, record
from ..options import PdfEngine, PdfStandard, known_value
from ..output import output_path
from ..shared.brand import Brand, Paper, load_brand
from ..shared.styles import default_style_dir, outside_font_folders
from .digests import file_digest, folder_digests
from .freshness import FreshnessCheck, style_links
from .jobs import ExportSettings, Job, JobResult, pdf_url_for
from .manifest import Manifest, OutputRecord, Settings
from .sources import Source
from .watch import SettingsWatch


def run_settings(export: ExportSettings) -> tuple[Settings, SettingsWatch]:
    """The version, style files and options every output of this run is made with, and a watch
    on those files for the rest of the run (:mod:`.watch`); an option left to its default is
    recorded as the value it stands for, so that naming the default rebuilds nothing.

    The style's brand file is read first, so an unusable style stops the run before any work
    (:class:`~briefexport.errors.InvalidStyleError`).
    """
    from .. import __version__

    style_dir = Path(export.style_dir) if export.style_dir else default_style_dir()
    brand = load_brand(style_dir)
    # the Typst engine reads them; their files are recorded by their absolute paths
    font_folders = outside_font_folders(style_dir, brand.fonts.folders)
    template = Path(export.reference_docx) if export.reference_docx else None
    watch = SettingsWatch.start(style_dir, tuple(font_folders), template)
    options = _recorded_options(export, brand, template)
    files = _style_files(style_dir, font_folders)
    return Settings(__version__, files, options, style_links(style_dir, files)), watch


def _recorded_options(
    export: ExportSettings, brand: Brand, template: Path | None
) -> dict[str, str | None]:
    """The run's options as the manifest records them: a default as the value it stands for."""
    return {
        "pdf_standard": known_value(PdfStandard, export.pdf_standard, "PDF standard")
        or PdfStandard.PDF_A_3B.value,
        "pdf_engine": known_value(PdfEngine, export.pdf_engine, "PDF engine")
        or PdfEngine.WEASYPRINT.value,
        "paper": known_value(Paper, export.paper, "paper size") or brand.page.size.value,
        "reference_docx": file_digest(template) if template else None,
        "series": export.series,
        "timestamp": export.timestamp.isoformat() if export.timestamp else None,
        "typography": "smart" if export.smart else "as written",
        "pdf_url": export.pdf_url,
    }


def _style_files(style_dir: Path, font_folders: list[Path]) -> dict[str, str]:
    """The digest of each file of the style folder (by its path there) and of the font folders
    outside it (by their absolute paths)."""
    files = folder_digests(style_dir)
    for folder in font_folders:
        digests = folder_digests(folder)
        files.update({f"{folder.as_posix()}/{path}": sha for path, sha in digests.items()})
    return files


@record
class Plan(Record):
    """The jobs to run, why each brief is among them, and the briefs whose outputs are all up
    to date."""

    jobs: list[Job]
    up_to_date: list[str]
    reasons: dict[str, str] = field(default_factory=dict)
    """Per brief with a job: ``to docx, epub (brief changed); to pdf (new)``."""

    def outputs(self, manifest: Manifest) -> list[str]:
        """The outputs the jobs make, as the manifest names them."""
        return [manifest.relative(target) for job in self.jobs for _, target in job.targets]


def make_plan(
    sources: list[Source],
    output_dir: Path,
    formats: tuple[str, ...],
    check: FreshnessCheck | None,
    export: ExportSettings,
) -> Plan:
    """One job per brief with stale outputs; ``check`` None rebuilds everything."""
    plan = Plan([], [])
    for source in sources:
        folder = source.output_folder(output_dir)
        stale = []
        for fmt in formats:
            target = output_path(source.canonical_name, fmt, folder)
            why = "forced" if check is None else check.why_stale(source, fmt, target)
            if why is not None:
                stale.append((fmt, target, why))
        if not stale:
            plan.up_to_date.append(source.relative)
            continue
        url = _pdf_url(export, source, folder, output_dir)
        targets = tuple((fmt, target) for fmt, target, _ in stale)
        plan.jobs.append(Job(source.path, source.relative, source.kind, targets, export, url))
        plan.reasons[source.relative] = _described(stale)
    return plan


def _described(stale: list[tuple[str, Path, str]]) -> str:
    """``to docx, epub (brief changed); to pdf (new)``: the formats grouped by reason."""
    by_reason: dict[str, list[str]] = {}
    for fmt, _, why in stale:
        by_reason.setdefault(why, []).append(fmt)
    return "; ".join(f"to {', '.join(formats)} ({why})" for why, formats in by_reason.items())


def _pdf_url(export: ExportSettings, source: Source, folder: Path, output_dir: Path) -> str | None:
    """The brief's PDF URL (its PDF's place in ``folder`` of the output folder, whether or not
    this run makes the PDF)."""
    if export.pdf_url is None:
        return None
    pdf = output_path(source.canonical_name, "pdf", folder)
    return pdf_url_for(export.pdf_url, pdf.relative_to(output_dir).as_posix())


def record_result(
    manifest: Manifest, settings: Settings, result: JobResult, style_of: Callable[[str], str]
) -> list[str]:
    """Add a record for every output the job put in place; returns their keys. ``style_of``
    gives a format's :func:`.freshness.style_digest` (the same for the whole run)."""
    keys = []
    for written in result.written:
        files = [manifest.relative(path) for path in (written.path, *written.figure_copies)]
        record = OutputRecord(
            source=result.relative,
            format=written.format,
            brief=result.brief_digest,
            figures=result.figures,
            version=settings.version,
            style=style_of(written.format),
            options=settings.options,
            files=files,
        )
        manifest.record_key(files[0], record)
        keys.append(files[0])
    return keys


def timestamp_from_environment(value: str | None) -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a time, read once by the parent so every worker agrees; a
    malformed value raises :class:`~briefexport.errors.BriefexportError`."""
    from ..options import epoch_timestamp

    return epoch_timestamp(value)
