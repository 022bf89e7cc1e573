"""The XHTML given to WeasyPrint as the tree its parser would build (writers/pdf/html_tree.py):
the trees compared with tinyhtml5's for real and random briefs, what is left to the parser, and
the same PDF bytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import pytest
import tinyhtml5  # type: ignore[import-untyped]
import weasyprint
from lxml import etree

import briefexport
from briefexport.model import Brief
from briefexport.options import PdfStandard, default_options
from briefexport.shared.typeset import typeset
from briefexport.writers import pdf
from briefexport.writers.pdf import html_tree, pinned, prepare_tree
from briefexport.writers.xhtml import NotePlacement, brief_to_xhtml, serialize
from support.paths import EXAMPLES, RTL, URDU
from support.pinned import needs_reviewed
from support.random_briefs import generated_brief
from support.written_pdfs import written_pdf

Dump = list[tuple[int, str, list[tuple[str, str]], str | None, str | None]]


@needs_reviewed
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    init = weasyprint.HTML.__init__
    assert pinned.is_reviewed(init, html_tree.INIT_SHA256, weasyprint.__version__)
    assert html_tree._reviewed()


def pdf_markup(brief: Brief) -> etree._Element:
    """The XHTML tree the PDF writer lays out, as it makes it."""
    typeset_brief = typeset(brief, True)
    options = default_options(brief)
    tree = brief_to_xhtml(
        typeset_brief, NotePlacement.PAGE_FLOAT, style_dir=options.style_dir, brand=options.brand
    )
    prepare_tree(tree, typeset_brief, PdfStandard.PDF_A_3B)
    return tree


def dump(element: ElementTree.Element, depth: int = 0) -> Dump:
    """Every element in document order: depth, tag, attributes in order, text, tail."""
    found = [(depth, element.tag, list(element.attrib.items()), element.text, element.tail)]
    for child in element:
        found.extend(dump(child, depth + 1))
    return found


def parsed(root: etree._Element) -> Dump:
    return dump(tinyhtml5.parse(serialize(root), namespace_html_elements=False))


BRIEFS: list[Any] = [
    pytest.param(lambda path=path: briefexport.load(path), id=path.stem)
    for path in [*sorted(EXAMPLES.glob("*.xml")), URDU, RTL / "arabic-brief.xml"]
]
BRIEFS += [
    pytest.param(lambda seed=seed: generated_brief(seed, seed % 4), id=f"random-{seed}")
    for seed in range(8)
]


@pytest.mark.parametrize("make", BRIEFS)
def test_the_tree_is_the_one_the_parser_builds(make: Callable[[], Brief]) -> None:
    root = pdf_markup(make())
    tree = html_tree.html_tree(root)
    assert tree is not None
    assert dump(tree) == parsed(root)


def example_root() -> etree._Element:
    return pdf_markup(briefexport.load(EXAMPLES / "feature-tour.xml"))


def xhtml(name: str, text: str | None = None) -> etree._Element:
    element = etree.Element(f"{{http://www.w3.org/1999/xhtml}}{name}")
    element.text = text
    return element


def first(root: etree._Element, name: str) -> etree._Element:
    found = root.find(f".//{{http://www.w3.org/1999/xhtml}}{name}")
    assert found is not None
    return found


def block_in_paragraph(root: etree._Element) -> None:
    first(root, "p").append(xhtml("div", "block"))


def item_outside_a_list(root: etree._Element) -> None:
    first(root, "body").append(xhtml("li", "item"))


def text_in_a_row(root: etree._Element) -> None:
    first(root, "tr").text = "stray"


def link_in_a_link(root: etree._Element) -> None:
    first(root, "p").append(xhtml("a", "outer"))
    first(root, "p")[-1].append(xhtml("a", "inner"))


def carriage_return(root: etree._Element) -> None:
    first(root, "p").text = "line\rend"


def capital_attribute(root: etree._Element) -> None:
    first(root, "p").set("dataSet", "x")


def unknown_element(root: etree._Element) -> None:
    first(root, "body").append(xhtml("pre", "\ncode"))


def comment(root: etree._Element) -> None:
    first(root, "body").append(etree.Comment("note"))


@pytest.mark.parametrize(
    "change",
    [
        block_in_paragraph,
        item_outside_a_list,
        text_in_a_row,
        link_in_a_link,
        carriage_return,
        capital_attribute,
        unknown_element,
        comment,
    ],
)
def test_what_the_parser_might_read_otherwise_is_left_to_it(
    change: Callable[[etree._Element], None],
) -> None:
    root = example_root()
    assert html_tree.html_tree(root) is not None
    change(root)
    assert html_tree.html_tree(root) is None
    html = html_tree.weasyprint_html(root, "file:///", None)  # parsed: the parser's own tree
    assert dump(html.etree_element) == parsed(root)


def shape(dumped: Dump) -> list[tuple[int, str, str | None]]:
    return [(depth, name, text) for depth, name, _, text, _ in dumped]


def xml_shape(root: etree._Element, depth: int = 0) -> list[tuple[int, str, str | None]]:
    """The elements of the lxml tree as they are: depth, local name, text."""
    found = [(depth, etree.QName(root).localname, root.text)]
    for child in root:
        found.extend(xml_shape(child, depth + 1))
    return found


def test_some_of_those_trees_are_indeed_read_otherwise() -> None:
    for change in (block_in_paragraph, text_in_a_row, link_in_a_link, unknown_element):
        root = example_root()
        assert shape(parsed(root)) == xml_shape(root)
        change(root)
        assert shape(parsed(root)) != xml_shape(root)


@needs_reviewed
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: briefexport.load(EXAMPLES / "feature-tour.xml"), id="feature-tour"),
        pytest.param(lambda: briefexport.load(URDU), id="urdu"),
    ],
)
def test_the_pdf_is_the_same_as_from_the_parser(
    make: Callable[[], Brief], monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = make()
    options = default_options(brief)
    from_tree = written_pdf(brief, options)
    monkeypatch.setattr(html_tree, "_reviewed", lambda: False)
    assert from_tree == pdf.write(brief, options)
