"""The files a deposit package carries: every rendition of a brief, named after the package.

The archival JATS, a PDF/A-3 (the plain canonical JATS embedded as with ``--to pdf``), the
EPUB, the DOCX, the HTML and the figure files at the relative paths the JATS names them by.
The JATS names its sibling renditions with ``self-uri`` (JATS 1.3 Tag Library: ``content-type``
holding the media type, ``xlink:href`` a relative URI), added to the tree the JATS writer builds
where the Archiving DTD puts ``self-uri`` in ``article-meta``: after ``permissions``, before
``abstract`` and ``kwd-group``. Doing it on the tree keeps the JATS writer and its canonical
output untouched, and the result DTD-valid.

A bag and a SAF package of the same brief written in one run share one rendering (a small
cache keyed by the frozen brief and options and the state of the style's files), so
``--to bag,dspace-saf`` renders each format once.
"""

from __future__ import annotations

import functools
import posixpath
import unicodedata
from dataclasses import dataclass, replace
from urllib.parse import quote

from ..errors import OutputError
from ..formats import FORMATS, get_writer
from ..model import Brief
from ..options import PdfStandard, WriteOptions
from ..shared.caches import FileStamp, file_stamp
from ..shared.styles import FolderStamp, folder_stamp, outside_font_folders
from ..shared.xmlnames import XLINK_HREF
from ..writers.jats import brief_to_jats, serialize
from ..writers.jats_front import E

DEFAULT_NAME = "brief"
JATS_DESCRIPTION = "Archival JATS 1.3 XML (Archiving DTD), the source of every rendition"
FIGURE_DESCRIPTION = "Figure image, referenced by the JATS XML"
SIBLINGS = (
    ("pdf", "Print edition: PDF/A-3 with the JATS XML source embedded"),
    ("epub", "E-book: EPUB 3 with accessibility metadata"),
    ("docx", "Word document with footnotes"),
    ("html", "Web page: one HTML file with its figures inside"),
)
# Children of article-meta that the Archiving DTD places after self-uri.
AFTER_SELF_URI = frozenset(
    {
        "related-article",
        "related-object",
        "abstract",
        "trans-abstract",
        "kwd-group",
        "funding-group",
        "support-group",
        "conference",
        "counts",
        "custom-meta-group",
    }
)


@dataclass(frozen=True, slots=True)
class Rendition:
    """One file of a package: a relative POSIX path, its bytes, media type and description."""

    path: str
    data: bytes
    media_type: str
    description: str

    @property
    def primary(self) -> bool:
        """The file a repository shows first: the PDF."""
        return self.media_type == FORMATS["pdf"].media_type


def package_stem(options: WriteOptions) -> str:
    """The package's name, safe as a folder name: no separators, no control characters."""
    name = "".join(
        "_" if char in "/\\" or unicodedata.category(char).startswith("C") else char
        for char in (options.package_name or "").strip()
    )
    return name if name.strip(".") else DEFAULT_NAME


def renditions(brief: Brief, options: WriteOptions) -> tuple[Rendition, ...]:
    """The JATS naming its siblings, the PDF/A-3, EPUB, DOCX, HTML, then each figure once;
    rendered again once a file of the style changes (:func:`style_state`)."""
    return _renditions(brief, options, style_state(options))


StyleState = tuple[tuple[FolderStamp, ...], FileStamp | None]


def style_state(options: WriteOptions) -> StyleState:
    """The state of the files a rendering reads besides the brief: the style folder, the font
    folders its brand names outside it (one inside is seen with it) and the Word template. A
    process that writes a package, then the same one after an edit of the style (a notebook),
    gets a new one."""
    style = options.style_dir
    folders = [style, *outside_font_folders(style, options.brand.fonts.folders)]
    template = options.reference_docx
    return tuple(map(folder_stamp, folders)), None if template is None else file_stamp(template)


@functools.lru_cache(maxsize=2)
def _renditions(brief: Brief, options: WriteOptions, _style: StyleState) -> tuple[Rendition, ...]:
    stem = package_stem(options)
    archival = archival_options(options)
    siblings = [
        Rendition(
            f"{stem}{FORMATS[fmt].suffix}",
            get_writer(fmt)(brief, archival),
            FORMATS[fmt].media_type,
            description,
        )
        for fmt, description in SIBLINGS
    ]
    jats = Rendition(
        f"{stem}{FORMATS['jats'].suffix}",
        jats_naming_renditions(brief, siblings),
        FORMATS["jats"].media_type,
        JATS_DESCRIPTION,
    )
    return (jats, *siblings, *figure_files(brief))


def archival_options(options: WriteOptions) -> WriteOptions:
    """A deposit is for keeping: its PDF is PDF/A-3 even when another standard was asked for."""
    if options.pdf_standard.is_pdf_a_3:
        return options
    return replace(options, pdf_standard=PdfStandard.PDF_A_3B)


def jats_naming_renditions(brief: Brief, siblings: list[Rendition]) -> bytes:
    """The archival JATS with one ``self-uri`` per sibling rendition, relative to itself."""
    root = brief_to_jats(brief)
    meta = root.find("front/article-meta")
    assert meta is not None, "the JATS writer always writes article-meta"
    anchor = next((child for child in meta if child.tag in AFTER_SELF_URI), None)
    for sibling in siblings:
        uri = E("self-uri", {"content-type": sibling.media_type})
        uri.set(XLINK_HREF, quote(sibling.path))
        if anchor is None:
            meta.append(uri)
        else:
            anchor.addprevious(uri)
    return serialize(root)


def figure_files(brief: Brief) -> list[Rendition]:
    """Each figure file once, at its path relative to the JATS (normalised, never leaving it)."""
    found: dict[str, Rendition] = {}
    for figure in brief.figures:
        path = posixpath.normpath(figure.image.href)
        if path.startswith(("/", "../")) or path == ".." or _has_control(path):
            raise OutputError(f"figure path {figure.image.href!r} cannot go into a package")
        image = figure.image
        found.setdefault(path, Rendition(path, image.data, image.media_type, FIGURE_DESCRIPTION))
    return list(found.values())


def _has_control(text: str) -> bool:
    return any(unicodedata.category(char).startswith("C") for char in text)
