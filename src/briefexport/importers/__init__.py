"""Importers that turn other sources (Markdown, extracted text) into a canonical brief.

``import_file(path)`` reads a Markdown brief (YAML front matter and CommonMark, the authoring
format) or a brief extracted from a PDF as text, and returns the model; the JATS writer then
serialises it as canonical XML. Problems are reported as :class:`~briefexport.errors.Diagnostic`
(``FILE:LINE:COL: message``): errors raise :class:`~briefexport.errors.InvalidBriefError`, warnings
(defaults the importer had to choose) are logged on the ``briefexport`` logger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, InvalidBriefError
from ..model import Brief
from .problems import LOGGER, Problems

KINDS = ("markdown", "text")
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


@dataclass(frozen=True, slots=True)
class ImportResult:
    """An imported brief and the warnings raised on the way."""

    brief: Brief
    warnings: tuple[Diagnostic, ...]


def detect_kind(path: Path, source: str) -> str:
    """ "markdown" for a Markdown file (by suffix or front matter), "text" otherwise."""
    if path.suffix.lower() in MARKDOWN_SUFFIXES or source.lstrip("\ufeff").startswith("---\n"):
        return "markdown"
    return "text"


def import_source(path: Path, kind: str | None = None, series: str | None = None) -> ImportResult:
    """Import ``path`` and return the brief with its warnings; raises InvalidBriefError."""
    problems = Problems(str(path))
    source = _read(path, problems)
    _refuse_control_characters(source, problems)
    kind = kind or detect_kind(path, source)
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r} (known: {', '.join(KINDS)})")
    try:
        brief = _import(kind, source, problems, path.parent, series)
    except RecursionError:
        problems.error(1, "formatting is nested too deeply to import")
        raise InvalidBriefError(problems.diagnostics) from None
    return ImportResult(brief, tuple(problems.warnings))


def _import(kind: str, source: str, problems: Problems, folder: Path, series: str | None) -> Brief:
    if kind == "markdown":
        from .markdown import import_markdown

        return import_markdown(source, problems, folder, series)
    from .text import import_text

    return import_text(source, problems, folder, series)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _refuse_control_characters(source: str, problems: Problems) -> None:
    """XML cannot hold C0 control characters: say where they are instead of failing later."""
    for number, line in enumerate(source.split("\n"), start=1):
        found = _CONTROL.search(line)
        if found:
            code = f"U+{ord(found.group()):04X}"
            problems.error(number, f"control character {code} cannot appear in a brief")
    if problems.diagnostics:
        raise InvalidBriefError(problems.diagnostics)


def import_file(path: Path, kind: str | None = None, series: str | None = None) -> Brief:
    """Import ``path`` (kind "markdown" or "text", detected when None), logging warnings."""
    result = import_source(Path(path), kind, series)
    for warning in result.warnings:
        LOGGER.warning("%s", warning)
    return result.brief


def _read(path: Path, problems: Problems) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.error(1, f"cannot read the file: {error.strerror or error}")
        raise InvalidBriefError(problems.diagnostics) from None
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.error(line, "the file is not UTF-8 text")
        raise InvalidBriefError(problems.diagnostics) from None
