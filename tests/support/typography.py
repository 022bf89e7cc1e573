"""Helpers of the typography tests: DOCX parts and laid-out PDF boxes (paths are in
:mod:`support.paths`)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.shared.typeset import typeset

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


Writer = Callable[..., bytes]


def docx_part(data: bytes, name: str) -> etree._Element:
    """One XML part of a DOCX package."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def text_boxes(document: Any) -> Iterator[Any]:
    def walk(box: Any) -> Iterator[Any]:
        if type(box).__name__ == "TextBox":
            yield box
        for child in getattr(box, "children", None) or ():
            yield from walk(child)

    for page in document.pages:
        yield from walk(page._page_box)


def pdf_layout(brief: Brief) -> Any:
    """The PDF writer's own document and stylesheets, laid out by WeasyPrint."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from briefexport.writers.pdf import prepare_tree
    from briefexport.writers.pdf.fetcher import SandboxedFetcher
    from briefexport.writers.pdf.stylesheet import style_root, stylesheets
    from briefexport.writers.xhtml import NotePlacement, brief_to_xhtml, serialize

    options = default_options(brief)
    tree = brief_to_xhtml(
        typeset(brief), NotePlacement.PAGE_FLOAT, style_dir=options.style_dir, brand=options.brand
    )
    prepare_tree(tree, brief, options.pdf_standard)
    fetcher, fonts = SandboxedFetcher([style_root(options)]), FontConfiguration()
    css = stylesheets(options, fetcher, fonts)
    page = HTML(string=serialize(tree).decode(), url_fetcher=fetcher)
    return page.render(stylesheets=css, font_config=fonts)


def page_boxes(document: Any) -> Iterator[tuple[int, Any]]:
    """Every box of a laid-out document with its page number (from 1)."""

    def walk(box: Any) -> Iterator[Any]:
        yield box
        for child in getattr(box, "children", None) or ():
            yield from walk(child)

    for number, page in enumerate(document.pages, start=1):
        for box in walk(page._page_box):
            yield number, box
