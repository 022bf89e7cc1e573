"""Code set smaller than the text around it, in every paragraph style (ECMA-376 Part 1, 17.3.2.38
``w:sz``; 17.7.2 style hierarchy).

The print sets code at a fraction of the size of the text it stands in (``code``'s font-size in
ems). A Word character style has one size in points: the reference document's code style is
that fraction of the body size (:mod:`.reference_styles`), which suits running text. Where the
paragraph's own size differs (a footnote, a table cell, a caption, a heading) each code run gets
the same fraction of that size as direct formatting, to the half point Word counts in. The
fraction is read from the output's styles (the code style's size over the default paragraph
style's), so a template whose code style sets no size keeps its code at the size of the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from ...shared.xmlnames import W_NS
from .font_use import stories
from .style_chain import StyleChain
from .xml import Element, w

WORD_DEFAULT_SIZE = 20  # half points: Word's size where no style or default sets one
# from the style mark up to its run: a fifth of the cost of testing every run of each paragraph
CODE_MARKS = etree.XPath("//w:r/w:rPr[not(w:sz)]/w:rStyle[@w:val = $style]", namespaces={"w": W_NS})
# CT_RPr children after w:szCs (17.3.2.28), for putting the size in its place.
AFTER_SIZE = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
              "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish",
              "w:oMath")  # fmt: skip


def size_code_runs(document: Document, chain: StyleChain, code_style: str) -> None:
    """Give each run in the code style that stands in a paragraph of another size than the
    default paragraph style's the code style's fraction of that paragraph's size."""
    code = own_size(chain, code_style)
    if code is None:
        return
    default = chain.default_id("paragraph")
    base = paragraph_size(chain, default)
    sizes: dict[str | None, int] = {}
    for run, style_id in code_runs(document, code_style, default):
        if style_id not in sizes:
            sizes[style_id] = paragraph_size(chain, style_id)
        if sizes[style_id] != base:
            set_size(run, round(sizes[style_id] * code / base))


def own_size(chain: StyleChain, style_id: str) -> int | None:
    """The size (half points) a style or its nearest base that sets one sets, not the document
    defaults'; None where that is no number."""
    size = chain.nearest_set(style_id, "rPr", "sz")
    value = (size.get(qn("w:val")) or "") if size is not None else ""
    return int(value) if value.isdigit() else None


def paragraph_size(chain: StyleChain, style_id: str | None) -> int:
    """The size (half points) of the text of a paragraph style: its own, its bases', the
    document defaults' or Word's."""
    found = chain.nearest(style_id, "rPr", "sz", "val")
    return int(found) if found.isdigit() and int(found) else WORD_DEFAULT_SIZE


def code_runs(
    document: Document, code_style: str, default: str | None
) -> Iterator[tuple[etree._Element, str | None]]:
    """Each run in the code style without a size of its own, with its paragraph's style id
    (``default`` for a paragraph that names none)."""
    for story in stories(document):
        runs = {mark.getparent().getparent(): None for mark in CODE_MARKS(story, style=code_style)}
        for run in runs:
            paragraph = next(run.iterancestors(qn("w:p")), None)
            if paragraph is not None:
                style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
                yield run, default if style is None else style.get(qn("w:val"))


def set_size(run: etree._Element, half_points: int) -> None:
    """The run's size, for Latin and complex-script text alike."""
    properties = cast(Element, run.find(qn("w:rPr")))  # it holds the code style
    for tag in ("sz", "szCs"):
        properties.insert_element_before(w(tag, val=str(half_points)), *AFTER_SIZE)
