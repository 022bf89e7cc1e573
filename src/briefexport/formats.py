"""The output formats briefexport can write: one line per format, writers imported lazily.

A writer is a function ``write(brief, options) -> bytes`` in its own module under
``briefexport.writers`` (deposit packages under ``briefexport.deposit``); it writes no files and
is deterministic for fixed options. The module is imported only when that format is asked for,
so ``--to jats`` never loads WeasyPrint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from importlib import import_module
from typing import TypeAlias

from .errors import BriefexportError, UnknownFormatError
from .format_targets import ALL, WRITER_TARGETS, named_formats
from .model import Brief
from .model.record import Record, record
from .options import WriteOptions

Writer: TypeAlias = Callable[[Brief, WriteOptions], bytes]


@record
class Format(Record):
    """An output format: CLI name, file suffix, media type and where its writer lives."""

    name: str
    suffix: str
    media_type: str
    target: str
    description: str
    needs: str
    links_figures: bool = False
    """The output names figure files by relative path, so they are copied beside it."""
    lays_out_pages: bool = False
    """Its writer runs a PDF layout engine (a batch worker that does is replaced more often:
    WeasyPrint's memory grows over long loops)."""


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format(
            "jats",
            ".jats.xml",
            "application/jats+xml",
            WRITER_TARGETS["jats"],
            "Archival JATS 1.3 XML (Archiving DTD), also the canonical form",
            "lxml",
            links_figures=True,
        ),
        Format(
            "markdown",
            ".md",
            "text/markdown",
            WRITER_TARGETS["markdown"],
            "Markdown with YAML front matter, read back by briefexport import",
            "nothing beyond the core",
            links_figures=True,
        ),
        Format(
            "pdf",
            ".pdf",
            "application/pdf",
            WRITER_TARGETS["pdf"],
            "Print PDF: page-bottom footnotes, tagged, PDF/A-3b with the JATS source attached",
            "WeasyPrint and Pango, or typst with --pdf-engine typst",
            lays_out_pages=True,
        ),
        Format(
            "html",
            ".html",
            "text/html",
            WRITER_TARGETS["html"],
            "Standalone HTML5 page: CSS and images inlined, linked endnotes",
            "nothing beyond the core",
        ),
        Format(
            "epub",
            ".epub",
            "application/epub+zip",
            WRITER_TARGETS["epub"],
            "EPUB 3 book: popup footnotes, full and accessibility metadata, reproducible",
            "ebooklib",
        ),
        Format(
            "docx",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            WRITER_TARGETS["docx"],
            "Word document: real footnotes, Word styles, the institution's template",
            "python-docx",
        ),
        Format(
            "bag",
            ".bag.zip",
            "application/zip",
            WRITER_TARGETS["bag"],
            "BagIt 1.0 bag for preservation: JATS, PDF/A-3, EPUB, DOCX, HTML, SHA-256/512 fixity",
            "WeasyPrint, Pango, ebooklib, python-docx",
            lays_out_pages=True,
        ),
        Format(
            "dspace-saf",
            ".saf.zip",
            "application/zip",
            WRITER_TARGETS["dspace-saf"],
            "DSpace Simple Archive Format item: Dublin Core and every rendition, for batch import",
            "WeasyPrint, Pango, ebooklib, python-docx",
            lays_out_pages=True,
        ),
    )
}


def get_writer(name: str) -> Writer:
    """The writer for format ``name``, importing its module on first use."""
    try:
        module_name, function_name = FORMATS[name].target.split(":")
    except KeyError:
        raise UnknownFormatError(name, sorted(FORMATS)) from None
    writer: Writer = getattr(import_module(module_name), function_name)
    return writer


_WANTED = "formats must be a string such as 'jats,docx' or 'all', or an iterable of format names"


def format_names(formats: str | Iterable[str]) -> tuple[str, ...]:
    """The formats asked for, each once, in the order given: a comma-separated string (what
    ``--to`` takes) or names one by one, in any case; :data:`ALL` stands for every format.
    Raises :class:`BriefexportError` naming the unknown ones, or when none is named, and
    :class:`TypeError` when ``formats`` is neither (bytes, a mapping, None, a name that is not a
    string)."""
    given = formats.split(",") if isinstance(formats, str) else _one_by_one(formats)
    names = named_formats(given)
    unknown = [name for name in dict.fromkeys(names) if name not in FORMATS]
    if unknown or not names:
        known = ", ".join([*FORMATS, ALL])
        raise BriefexportError(f"unknown format {', '.join(unknown) or '(none)'} (known: {known})")
    return tuple(dict.fromkeys(names))


def _one_by_one(formats: object) -> list[str]:
    """The names of ``formats`` given one by one, each checked to be a string."""
    not_names = (bytes, bytearray, memoryview, Mapping)
    if isinstance(formats, not_names) or not isinstance(formats, Iterable):
        raise TypeError(f"{_WANTED}, not {type(formats).__name__}")
    names = list(formats)
    for index, name in enumerate(names):
        if not isinstance(name, str):
            raise TypeError(f"{_WANTED}; item {index} is {type(name).__name__}, not str")
    return names
