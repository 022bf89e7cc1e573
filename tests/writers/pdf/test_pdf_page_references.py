"""Page references built once per page count give the same references and the same PDF."""

from __future__ import annotations

from collections.abc import Iterator

import pydyf  # type: ignore[import-untyped]
import pytest
from weasyprint import HTML

from briefexport.writers.pdf import page_references

ORIGINAL = pydyf.PDF.page_references


@pytest.fixture
def original_property() -> Iterator[None]:
    """pydyf's own property during the test, whatever was installed before."""
    installed = pydyf.PDF.page_references
    pydyf.PDF.page_references = ORIGINAL
    try:
        yield
    finally:
        pydyf.PDF.page_references = installed


def pdf_with_pages(count: int) -> pydyf.PDF:
    pdf = pydyf.PDF()
    for _ in range(count):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    return pdf


def test_the_reviewed_pydyf_is_recognised(original_property: None) -> None:
    assert pydyf.__version__ == "0.13.0"
    assert page_references.is_reviewed(ORIGINAL.fget)
    assert page_references.install()
    assert pydyf.PDF.page_references is not ORIGINAL
    assert page_references.install()  # once only: the replacement is not wrapped again


def test_another_getter_is_left_alone(original_property: None) -> None:
    assert not page_references.is_reviewed(lambda pdf: ())
    assert not page_references.is_reviewed(None)


def test_references_follow_added_pages(original_property: None) -> None:
    pdf = pdf_with_pages(3)
    expected = ORIGINAL.fget(pdf)
    assert page_references.install()
    assert pdf.page_references == expected
    assert pdf.page_references is pdf.page_references  # built once
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert pdf.page_references == ORIGINAL.fget(pdf)
    assert len(pdf.page_references) == 4


def test_a_tagged_pdf_is_byte_identical(original_property: None) -> None:
    pages = "".join(f"<h2>Part {n}</h2><p>Text <a href='#p{n}'>link</a></p>" for n in range(6))
    html = f"<html lang='en'><body>{pages}<style>h2 {{ break-before: page }}</style></body></html>"
    document = HTML(string=html).render()
    options = {"pdf_tags": True, "pdf_identifier": b"fixed"}
    before = document.write_pdf(**options)
    assert page_references.install()
    after = document.write_pdf(**options)
    assert before == after
    assert len(document.pages) == 6
