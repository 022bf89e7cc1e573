"""A table header that cannot share a page with a whole first row: the guard, and such a table
laid out by WeasyPrint with and without the adaptation (no brief; a brief's table is in
tests/robustness/test_generated_findings.py)."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
import weasyprint
from weasyprint.layout import block

from briefexport.writers.pdf import table_header
from support.pinned import SUPPORTED
from support.typography import page_boxes

# The house style's rule that matters here: a row is not split where it can move whole.
PAGE_CSS = """
@page { size: 100mm 100mm; margin: 10mm }
body { font: 10pt serif }
thead { display: table-header-group }
tr { break-inside: avoid }
"""


def unwrapped(function: Any) -> Any:
    return getattr(function, "__wrapped__", function)


@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: the header may be dropped")
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    original = unwrapped(block.table_layout)
    assert table_header.is_reviewed(original, weasyprint.__version__)
    assert table_header.install()
    assert block.table_layout.__wrapped__ is original


def test_another_version_or_a_wrapped_function_is_refused() -> None:
    original = unwrapped(block.table_layout)
    assert not table_header.is_reviewed(original, "71.0")
    assert not table_header.is_reviewed(table_header._keep_header(original), "70.0")


def laid_out(header_mm: int, row_blocks: int, adapted: bool) -> Any:
    """A table whose header is ``header_mm`` tall over a first row of ``row_blocks`` blocks of
    20 mm and a last row, on pages with 80 mm of room."""
    blocks = "".join(f'<div style="height: 20mm">part{n}</div>' for n in range(row_blocks))
    html = (
        f'<table><thead><tr><th><div style="height: {header_mm}mm">HEAD</div></th></tr></thead>'
        f"<tbody><tr><td>{blocks}</td></tr><tr><td>lastrow</td></tr></tbody></table>"
    )
    scope = table_header.keeping_table_headers() if adapted else contextlib.nullcontext()
    with scope:
        return weasyprint.HTML(string=html).render(stylesheets=[weasyprint.CSS(string=PAGE_CSS)])


def texts_by_page(document: Any) -> list[list[str]]:
    pages: list[list[str]] = [[] for _ in document.pages]
    for number, box in page_boxes(document):
        if type(box).__name__ == "TextBox":
            pages[number - 1].append(box.text)
    return pages


def all_texts(document: Any) -> list[str]:
    return [text for page in texts_by_page(document) for text in page]


@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: the header may be dropped")
def test_a_header_that_cannot_share_a_page_with_the_first_row_is_printed_on_every_page() -> None:
    # 50 mm of header and 3 x 20 mm of row: each fits a page, both do not
    assert "HEAD" not in all_texts(laid_out(50, 3, adapted=False))
    pages = texts_by_page(laid_out(50, 3, adapted=True))
    assert [page[0] for page in pages] == ["HEAD"] * len(pages)
    assert all_texts(laid_out(50, 3, adapted=True)) == [
        *("HEAD", "part0"),
        *("HEAD", "part1"),
        *("HEAD", "part2", "lastrow"),
    ]


@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: the header may be dropped")
def test_a_table_whose_header_fits_with_its_first_row_is_laid_out_as_before() -> None:
    before = texts_by_page(laid_out(30, 2, adapted=False))
    assert before == texts_by_page(laid_out(30, 2, adapted=True))
    assert before[0][:2] == ["HEAD", "part0"]


def test_a_body_that_avoids_breaks_already_is_left_to_weasyprint() -> None:
    class Group:
        def __init__(self, header: bool, style: dict[str, str]) -> None:
            self.is_header, self.is_footer, self.style = header, False, style

    class Table:
        def __init__(self) -> None:
            self.children = [Group(True, {}), Group(False, {"break_inside": "avoid"})]

    assert table_header.splitting_first_rows(Table(), None) is None
