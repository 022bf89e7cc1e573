"""The robustness run: seeded random briefs through every writer and the formats' validators.

Brief ``index`` of run ``seed`` (``random_briefs``) is written as JATS, read back from that file
by the strict reader, and written by every fast writer; a sample also as PDF. Checked:

- ``round-trip``: the brief read back equals the generated one and writes the same JATS again;
- ``dtd``: the JATS output against the JATS 1.3 Archiving DTD (in this process);
- ``markdown``: the Markdown output imported again equals the brief as Markdown carries it;
- ``epubcheck``, ``nu``, ``libreoffice``: EPUBCheck, the Nu Html Checker and LibreOffice over
  each batch of EPUBs, HTML pages and (a sample of) Word files (``batch_checks``);
- ``pdftotext``: the words of a sample of PDFs found in their text layer (``pdf_words``).

A writer that raises, or a reader that refuses the brief, is a crash. Briefs are checked in
chunks; each chunk runs its validators once, so one chunk is one unit of parallel work.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import shutil
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

import briefexport
from briefexport.errors import BriefexportError
from briefexport.formats import FORMATS, get_writer
from briefexport.importers import import_source
from briefexport.model import Brief
from briefexport.options import PdfEngine, WriteOptions, default_options

from .batch_checks import epubcheck_batch, libreoffice_batch, nu_batch
from .markdown_carry import carryable
from .pdf import pdf_text
from .pdf_words import missing_words
from .random_briefs import generated_brief, script_of
from .strategies import write_figures
from .validators import dtd_errors

FAST_FORMATS = ("jats", "html", "epub", "docx", "markdown")
VALIDATORS = ("round-trip", "dtd", "markdown", "epubcheck", "nu", "libreoffice", "pdftotext")
BATCHED = {"epub": "epubcheck", "html": "nu", "docx": "libreoffice"}


@dataclass(frozen=True)
class Plan:
    """What to run: the seed, the validators, how often a brief is also a PDF or goes to
    LibreOffice (every ``n``-th brief, 0 for never), and the folder for the outputs."""

    seed: int
    work: Path
    validators: frozenset[str] = frozenset(VALIDATORS)
    pdf_every: int = 10
    docx_every: int = 10
    dtd_file: Path | None = None
    keep: bool = False
    pdf_engine: str = "weasyprint"
    """Keep every brief's folder of outputs (else each is removed once its chunk is checked)."""


@dataclass(frozen=True)
class Failure:
    """One problem with brief ``index``: a crash, or a validator's complaint."""

    index: int
    script: str
    check: str
    detail: str
    crash: bool = False


@dataclass
class Outcome:
    """What a chunk (or a whole run) found."""

    briefs: int = 0
    pdfs: int = 0
    failures: list[Failure] = field(default_factory=list)
    checked: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)

    def add(self, other: Outcome) -> None:
        self.briefs += other.briefs
        self.pdfs += other.pdfs
        self.failures += other.failures
        self.checked.update(other.checked)
        self.warnings.update(other.warnings)

    @property
    def crashes(self) -> list[Failure]:
        return [f for f in self.failures if f.crash]


@dataclass
class Chunk:
    """The state of one chunk while its briefs are written: files waiting for a validator."""

    plan: Plan
    outcome: Outcome = field(default_factory=Outcome)
    batches: dict[str, dict[Path, int]] = field(default_factory=dict)
    dtd: etree.DTD | None = None

    def fail(self, index: int, check: str, detail: str, crash: bool = False) -> None:
        script = script_of(self.plan.seed, index)
        self.outcome.failures.append(Failure(index, script, check, detail, crash))

    def wants(self, validator: str) -> bool:
        return validator in self.plan.validators


def check_all(
    plan: Plan,
    indices: list[int],
    jobs: int = 1,
    chunk: int = 100,
    progress: Callable[[Outcome], None] | None = None,
) -> Outcome:
    """Check briefs ``indices`` in chunks of ``chunk``, ``jobs`` chunks at a time (forked worker
    processes); ``progress`` is told the running total after each chunk."""
    total = Outcome()
    parts = [indices[start : start + chunk] for start in range(0, len(indices), chunk)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context) as pool:
        for future in as_completed([pool.submit(check_chunk, plan, part) for part in parts]):
            total.add(future.result())
            if progress:
                progress(total)
    return total


def check_chunk(plan: Plan, indices: list[int]) -> Outcome:
    """Write and check briefs ``indices`` of ``plan.seed``, validators batched once."""
    chunk = Chunk(plan)
    if chunk.wants("dtd") and plan.dtd_file is not None:
        chunk.dtd = etree.DTD(str(plan.dtd_file))
    with _warnings_counted(chunk.outcome.warnings):
        for index in indices:
            _check_brief(chunk, index)
    for fmt, files in chunk.batches.items():
        _run_batch(chunk, BATCHED[fmt], files)
    if not plan.keep:
        for index in indices:
            shutil.rmtree(plan.work / f"{index:05d}", ignore_errors=True)
    return chunk.outcome


def _check_brief(chunk: Chunk, index: int) -> None:
    folder = chunk.plan.work / f"{index:05d}"
    folder.mkdir(parents=True, exist_ok=True)
    generated = generated_brief(chunk.plan.seed, index)
    chunk.outcome.briefs += 1
    try:
        source = source_file(generated, folder, index)
        brief = briefexport.load(source)
    except Exception as error:  # any exception is what the run reports
        chunk.fail(index, "reader", _summary(error), crash=True)
        return
    options = default_options(brief)
    if chunk.wants("round-trip"):
        _check_round_trip(chunk, index, generated, brief, source.read_bytes(), options)
    for fmt in FAST_FORMATS:
        data = _write(chunk, index, brief, fmt, options)
        if data is not None:
            _check_output(
                chunk, index, brief, fmt, folder / f"brief-{index}{FORMATS[fmt].suffix}", data
            )
    every = chunk.plan.pdf_every
    if every and index % every == 0:
        _check_pdf(chunk, index, brief, folder, options)


def source_file(brief: Brief, folder: Path, index: int) -> Path:
    """The generated brief as a JATS file beside its figures."""
    write_figures(brief, folder)
    source = folder / f"source-{index}.xml"
    source.write_bytes(get_writer("jats")(brief, default_options(brief)))
    return source


def _write(chunk: Chunk, index: int, brief: Brief, fmt: str, options: WriteOptions) -> bytes | None:
    try:
        return get_writer(fmt)(brief, options)
    except Exception as error:  # any exception is what the run reports
        chunk.fail(index, f"{fmt} writer", _summary(error), crash=True)
        return None


def _check_round_trip(
    chunk: Chunk, index: int, generated: Brief, brief: Brief, source: bytes, options: WriteOptions
) -> None:
    chunk.outcome.checked["round-trip"] += 1
    if brief != generated:
        chunk.fail(
            index, "round-trip", "the brief read from its JATS differs from the generated one"
        )
    elif get_writer("jats")(brief, options) != source:
        chunk.fail(index, "round-trip", "the brief read back writes different JATS")


def _check_output(
    chunk: Chunk, index: int, brief: Brief, fmt: str, path: Path, data: bytes
) -> None:
    path.write_bytes(data)
    if fmt == "jats" and chunk.dtd is not None:
        chunk.outcome.checked["dtd"] += 1
        for error in dtd_errors(data, chunk.dtd)[:5]:
            chunk.fail(index, "dtd", error)
    elif fmt == "markdown" and chunk.wants("markdown"):
        _check_markdown(chunk, index, brief, path)
    elif fmt in BATCHED and chunk.wants(BATCHED[fmt]):
        every = chunk.plan.docx_every if fmt == "docx" else 1
        if every and index % every == 0:
            chunk.batches.setdefault(fmt, {})[path] = index


def _check_markdown(chunk: Chunk, index: int, brief: Brief, path: Path) -> None:
    chunk.outcome.checked["markdown"] += 1
    try:
        result = import_source(path)
    except BriefexportError as error:
        chunk.fail(index, "markdown", f"its Markdown does not import: {_summary(error)}")
        return
    problems = [str(w) for w in result.warnings]
    if problems:
        chunk.fail(index, "markdown", f"importing its Markdown warns: {problems[:3]}")
    if result.brief != carryable(brief):
        chunk.fail(index, "markdown", "the brief imported from its Markdown differs")


def _check_pdf(chunk: Chunk, index: int, brief: Brief, folder: Path, options: WriteOptions) -> None:
    options = dataclasses.replace(options, pdf_engine=PdfEngine(chunk.plan.pdf_engine))
    data = _write(chunk, index, brief, "pdf", options)
    if data is None:
        return
    chunk.outcome.pdfs += 1
    path = folder / f"brief-{index}.pdf"
    path.write_bytes(data)
    if chunk.wants("pdftotext"):
        chunk.outcome.checked["pdftotext"] += 1
        lost = missing_words(brief, pdf_text(path))
        if lost:
            chunk.fail(index, "pdftotext", f"words not in the text layer: {lost[:6]}")


def _run_batch(chunk: Chunk, validator: str, files: dict[Path, int]) -> None:
    run = {"epubcheck": epubcheck_batch, "nu": nu_batch, "libreoffice": libreoffice_batch}
    try:
        found = run[validator](list(files))
    except Exception as error:  # a validator that fails is reported
        for index in files.values():
            chunk.fail(index, validator, f"the validator did not run: {_summary(error)}")
        return
    chunk.outcome.checked[validator] += len(files)
    for path, problems in found.items():
        for problem in problems[:5]:
            chunk.fail(files.get(path, -1), validator, problem)


def _summary(error: BaseException) -> str:
    """The exception and where it was raised, on one line."""
    last = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    where = f" at {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
    return f"{type(error).__name__}: {str(error)[:300]}{where}"


class _Counting(logging.Handler):
    def __init__(self, counts: Counter[str]) -> None:
        super().__init__(logging.WARNING)
        self.counts = counts

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[record.getMessage().split(": ", 1)[-1][:120]] += 1


@contextlib.contextmanager
def _warnings_counted(counts: Counter[str]) -> Iterator[None]:
    """Writers' warnings counted by message (not printed) while the chunk runs."""
    logger = logging.getLogger("briefexport")
    handler = _Counting(counts)
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved
