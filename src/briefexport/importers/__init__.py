"""Importers that turn other sources into a canonical brief: Markdown (ours, pandoc's and
Quarto's), text extracted from a PDF, any JATS article, and Word documents.

``import_file(path)`` reads the source (kind detected from the suffix and the first bytes, or
given: "markdown", "text", "jats", "docx") and returns the model; the JATS writer then
serialises it as canonical XML. docs/importing.md lists what each importer keeps, converts and
drops. Problems are reported as :class:`~briefexport.errors.Diagnostic`
(``FILE:LINE:COL: message``): errors raise :class:`~briefexport.errors.InvalidBriefError`, warnings
(defaults the importer had to choose) are logged on the ``briefexport`` logger.
"""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Diagnostic, InvalidBriefError
from ..model import Brief
from ..shared.characters import first_forbidden, forbidden_message
from ..shared.limits import source_size_refusal
from ..shared.source_kinds import MARKDOWN_SUFFIXES, XML_SUFFIXES
from .defaults import Fallbacks
from .problems import LOGGER, Problems

KINDS = ("markdown", "text", "jats", "docx")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """An imported brief and the warnings raised on the way."""

    brief: Brief
    warnings: tuple[Diagnostic, ...]


def detect_kind(path: Path, source: str | bytes = b"") -> str:
    """The kind of a source, from its suffix, else from its first bytes."""
    head = source.encode("utf-8", "replace") if isinstance(source, str) else source
    suffix = path.suffix.lower()
    if suffix == ".docx" or head.startswith(b"PK\x03\x04"):
        return "docx"
    if suffix in XML_SUFFIXES:
        return "jats"
    if suffix in MARKDOWN_SUFFIXES or head.lstrip(b"\xef\xbb\xbf").startswith(b"---\n"):
        return "markdown"
    if suffix != ".txt" and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "jats"
    return "text"


def import_source(
    path: Path,
    kind: str | None = None,
    series: str | None = None,
    publisher: str | None = None,
    date: dt.date | None = None,
) -> ImportResult:
    """Import ``path`` and return the brief with its warnings; raises InvalidBriefError.

    ``series``, ``publisher`` and ``date`` are used when the source names none (``defaults``).
    """
    problems = Problems(str(path))
    data = _read(path, problems)
    kind = kind or detect_kind(path, data[:4096])
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r} (known: {', '.join(KINDS)})")
    try:
        brief = _import(kind, data, problems, path, Fallbacks(series, publisher, date))
    except RecursionError:
        problems.error(1, "formatting is nested too deeply to import")
        raise InvalidBriefError(problems.diagnostics) from None
    return ImportResult(replace(brief, origin=path.resolve()), tuple(problems.warnings))


def _import(kind: str, data: bytes, problems: Problems, path: Path, fallbacks: Fallbacks) -> Brief:
    if kind == "jats":
        from .jats import import_jats

        return import_jats(data, problems, path.resolve().parent, fallbacks)
    if kind == "docx":
        from .docx import import_docx

        return import_docx(data, problems, fallbacks, path.stem)
    source = _decode(data, problems)
    _refuse_control_characters(source, problems)
    if kind == "markdown":
        from .markdown import import_markdown

        return import_markdown(source, problems, path.parent, fallbacks)
    from .text import import_text

    return import_text(source, problems, path.parent, fallbacks)


def _refuse_control_characters(source: str, problems: Problems) -> None:
    """XML cannot hold C0 control characters (and discourages some others): say where they are
    (:mod:`briefexport.shared.characters`) instead of failing later."""
    for number, line in enumerate(source.split("\n"), start=1):
        found = first_forbidden(line)
        if found:
            message = forbidden_message(found.group())
            problems.error(number, message, found.start() + 1)
    if problems.diagnostics:
        raise InvalidBriefError(problems.diagnostics)


def import_file(
    path: Path,
    kind: str | None = None,
    series: str | None = None,
    publisher: str | None = None,
    date: dt.date | None = None,
) -> Brief:
    """Import ``path`` (kind detected when None), logging warnings; see :func:`import_source`."""
    result = import_source(Path(path), kind, series, publisher, date)
    for warning in result.warnings:
        LOGGER.warning("%s", warning)
    return result.brief


def _read(path: Path, problems: Problems) -> bytes:
    """The source's bytes; a named pipe or a device is refused, as the reader refuses it (reading
    a pipe would wait for a writer for ever)."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            problems.error(1, "not a regular file")
            raise InvalidBriefError(problems.diagnostics)
        refusal = source_size_refusal(problems.file, status.st_size)
        if refusal is not None:
            problems.diagnostics.append(refusal)
            raise InvalidBriefError(problems.diagnostics)
        return path.read_bytes()
    except OSError as error:
        problems.error(1, f"cannot read the file: {error.strerror or error}")
        raise InvalidBriefError(problems.diagnostics) from None


def _decode(data: bytes, problems: Problems) -> str:
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.error(line, "the file is not UTF-8 text")
        raise InvalidBriefError(problems.diagnostics) from None
