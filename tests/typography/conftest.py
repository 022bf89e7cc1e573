"""Fixtures of the typography tests: the briefs of the acceptance review (both examples, the
Urdu test brief, the imported seed) written once per session in the formats under test."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import briefexport
from briefexport.model import Brief
from briefexport.options import WriteOptions, default_options
from briefexport.shared.typeset import typeset

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
TOUR_PATH = EXAMPLES / "feature-tour.xml"
HARBOUR_PATH = EXAMPLES / "harbour-resilience.xml"
URDU_PATH = REPO / "tests" / "data" / "rtl" / "urdu-brief.xml"
SEED_PATH = REPO.parent / "shared" / "seeds" / "000_6953af264a2119c8.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


@pytest.fixture(scope="session")
def tour() -> Brief:
    return briefexport.load(TOUR_PATH)


@pytest.fixture(scope="session")
def harbour() -> Brief:
    return briefexport.load(HARBOUR_PATH)


@pytest.fixture(scope="session")
def urdu() -> Brief:
    return briefexport.load(URDU_PATH)


@pytest.fixture(scope="session")
def seed() -> Brief:
    if not SEED_PATH.is_file():
        pytest.skip("the shared seed brief is not beside the repository")
    from briefexport.importers import import_file

    return import_file(SEED_PATH)


Writer = Callable[..., bytes]


@pytest.fixture(scope="session")
def written() -> Writer:
    """``written(brief, fmt)``: the bytes of a format, each written once per session."""
    from briefexport.formats import get_writer

    cache: dict[tuple[int, str], bytes] = {}

    def write(brief: Brief, fmt: str, options: WriteOptions | None = None) -> bytes:
        key = (id(brief), fmt)
        if options is not None:
            return get_writer(fmt)(brief, options)
        if key not in cache:
            cache[key] = get_writer(fmt)(brief, default_options(brief))
        return cache[key]

    return write


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
