"""Options every writer receives, their closed sets of values, and the reproducible timestamp."""

from __future__ import annotations

import datetime as dt
import enum
import os
from pathlib import Path
from typing import TypeVar

from .errors import BriefexportError
from .model import Brief
from .model.record import Record, record
from .shared.brand import Brand, Paper, load_brand
from .shared.paths import StrPath
from .shared.styles import default_style_dir

E = TypeVar("E", bound=enum.Enum)
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
LAST_EPOCH = 253_402_300_799
"""9999-12-31T23:59:59Z, the last second a date can hold."""


class PdfStandard(enum.Enum):
    """The standard a PDF claims to meet (``--pdf-standard``)."""

    PDF_A_3B = "pdf/a-3b"
    PDF_A_3A = "pdf/a-3a"
    PDF_UA_1 = "pdf/ua-1"
    PDF_A_3B_UA_1 = "pdf/a-3b+ua-1"
    NONE = "none"

    @property
    def is_pdf_a_3(self) -> bool:
        """PDF/A-3 lets the canonical source travel inside the PDF as an associated file."""
        return self in (PdfStandard.PDF_A_3A, PdfStandard.PDF_A_3B, PdfStandard.PDF_A_3B_UA_1)


class PdfEngine(enum.Enum):
    """The program that lays out the PDF (``--pdf-engine``).

    WeasyPrint (CSS Paged Media, the default) or Typst (the optional ``typst`` package: about
    ten times faster, and able to claim PDF/A-3b and PDF/UA-1 in one file).
    """

    WEASYPRINT = "weasyprint"
    TYPST = "typst"


@record
class WriteOptions(Record):
    """What a writer may need beyond the brief itself.

    ``timestamp`` is the one date written into files (zip entries, "modified" fields, PDF
    dates): ``SOURCE_DATE_EPOCH`` when set, otherwise the brief's publication date, never the
    clock, so the same input gives the same bytes. ``brand`` is the style folder's brand file,
    read once; ``paper`` None means the brand's page size. ``package_name`` is the output file's
    name without its suffix; packages (bags, SAF) name their top folder and the files inside
    after it, and use "brief" when it is None. ``smart`` turns straight quotes, double hyphens
    and three dots into typographic ones in the presentation formats (PDF, EPUB, DOCX, HTML;
    see :mod:`briefexport.shared.typography`); JATS and Markdown always keep the source's
    characters. ``pdf_url`` is where the PDF will be published, for the HTML page's
    ``citation_pdf_url``.
    """

    timestamp: dt.datetime
    style_dir: Path
    brand: Brand
    pdf_standard: PdfStandard = PdfStandard.PDF_A_3B
    paper: Paper | None = None
    reference_docx: Path | None = None
    package_name: str | None = None
    smart: bool = True
    pdf_url: str | None = None
    pdf_engine: PdfEngine = PdfEngine.WEASYPRINT


def reproducible_timestamp(brief: Brief) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` if set, else midnight UTC on the publication date."""
    return environment_timestamp() or publication_moment(brief)


def environment_timestamp() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` from the environment (see :func:`epoch_timestamp`)."""
    return epoch_timestamp(os.environ.get(EPOCH_VARIABLE))


def epoch_timestamp(value: str | None) -> dt.datetime | None:
    """``value``, a ``SOURCE_DATE_EPOCH``, as a UTC time; None when unset or blank.

    The reproducible-builds specification of the variable asks a build to fail on a malformed
    value rather than fall back to another date, so anything but a whole number of seconds since
    1970 that a date can hold raises :class:`BriefexportError`.
    """
    text = (value or "").strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise BriefexportError(
            f"{EPOCH_VARIABLE}: {value!r} is not a whole number of seconds since 1970-01-01 UTC"
        )
    try:
        return dt.datetime.fromtimestamp(int(text), tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise BriefexportError(
            f"{EPOCH_VARIABLE}: {text} is out of range (at most {LAST_EPOCH}, the end of 9999)"
        ) from None


def publication_moment(brief: Brief) -> dt.datetime:
    """Midnight UTC on the publication date."""
    return dt.datetime.combine(brief.meta.date, dt.time(0, 0), tzinfo=dt.UTC)


def default_options(
    brief: Brief,
    *,
    style_dir: StrPath | None = None,
    pdf_standard: PdfStandard | str | None = None,
    paper: Paper | str | None = None,
    reference_docx: StrPath | None = None,
    timestamp: dt.datetime | None = None,
    smart: bool = True,
    pdf_url: str | None = None,
    pdf_engine: PdfEngine | str | None = None,
) -> WriteOptions:
    """Options for ``brief``: the reproducible timestamp and the shipped house style unless given.

    The style folder's brand file is read and checked here, before anything is written (raises
    :class:`~briefexport.errors.InvalidStyleError` with every problem located). Strings are
    accepted where an enum is expected ("pdf/ua-1", "Letter", "typst"); an unknown value
    raises :class:`BriefexportError` naming the known ones.
    """
    folder = Path(style_dir) if style_dir is not None else default_style_dir()
    if pdf_url is not None and not pdf_url.startswith(("https://", "http://")):
        raise BriefexportError(f"the PDF's URL must be an http or https URL, not {pdf_url!r}")
    return WriteOptions(
        timestamp=timestamp or reproducible_timestamp(brief),
        style_dir=folder,
        brand=load_brand(folder),
        pdf_standard=_member(PdfStandard, pdf_standard, "PDF standard") or PdfStandard.PDF_A_3B,
        paper=_member(Paper, paper, "paper size"),
        reference_docx=Path(reference_docx) if reference_docx is not None else None,
        smart=smart,
        pdf_url=pdf_url,
        pdf_engine=_member(PdfEngine, pdf_engine, "PDF engine") or PdfEngine.WEASYPRINT,
    )


def known_value(kind: type[E], value: E | str | None, what: str) -> str | None:
    """The value of the member of ``kind`` that ``value`` names in any case (``"letter"`` gives
    ``"Letter"``), or None for None; raises :class:`BriefexportError` naming the known ones."""
    member = _member(kind, value, what)
    return None if member is None else str(member.value)


def _member(kind: type[E], value: E | str | None, what: str) -> E | None:
    if value is None or isinstance(value, kind):
        return value
    for member in kind:
        if str(value).lower() == str(member.value).lower():
            return member
    known = ", ".join(str(member.value) for member in kind)
    raise BriefexportError(f"unknown {what} {value!r} (known: {known})")
