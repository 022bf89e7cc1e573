"""``options.pdf_standard``: PDF/A-3b (default), PDF/A-3a, PDF/UA-1 and plain tagged PDF."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pikepdf
import pytest

from briefexport.errors import BriefexportError
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.writers.pdf import write
from support.written_pdfs import written_pdf


def render(brief: Brief, standard: str | None) -> pikepdf.Pdf:
    return pikepdf.open(
        io.BytesIO(written_pdf(brief, default_options(brief, pdf_standard=standard)))
    )


def xmp_values(document: pikepdf.Pdf) -> dict[str, str]:
    with document.open_metadata() as xmp:
        return {key: str(value) for key, value in xmp.items()}


def struct_alts(node: pikepdf.Object) -> Iterator[str]:
    if isinstance(node, pikepdf.Dictionary):
        if "/Alt" in node:
            yield str(node.Alt)
        if "/K" in node:
            yield from struct_alts(node.K)
    elif isinstance(node, pikepdf.Array):
        for item in node:
            yield from struct_alts(item)


def test_default_is_tagged_pdf_a_3b(tour: Brief) -> None:
    document = render(tour, None)
    values = xmp_values(document)
    assert values["{http://www.aiim.org/pdfa/ns/id/}part"] == "3"
    assert values["{http://www.aiim.org/pdfa/ns/id/}conformance"] == "B"
    assert "/StructTreeRoot" in document.Root
    assert "brief.xml" in document.attachments


def test_pdf_a_3a_attaches_the_source(tour: Brief) -> None:
    document = render(tour, "pdf/a-3a")
    assert xmp_values(document)["{http://www.aiim.org/pdfa/ns/id/}conformance"] == "A"
    assert list(document.attachments) == ["brief.xml"]


def test_pdf_ua_1_is_tagged_with_figure_alt_text(tour: Brief) -> None:
    document = render(tour, "pdf/ua-1")
    assert xmp_values(document)["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"
    assert bool(document.Root.ViewerPreferences.DisplayDocTitle)
    alts = set(struct_alts(document.Root.StructTreeRoot))
    for figure in tour.figures:
        assert figure.image.alt_text in alts


def test_none_is_plain_tagged_pdf(tour: Brief) -> None:
    document = render(tour, "none")
    assert "/StructTreeRoot" in document.Root
    assert "/AF" not in document.Root
    assert not list(document.attachments)


def test_unknown_standard_is_refused(tour: Brief) -> None:
    with pytest.raises(BriefexportError, match="unknown PDF standard"):
        write(tour, default_options(tour, pdf_standard="pdf/x-4"))
