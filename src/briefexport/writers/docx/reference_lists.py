"""The list indents of the reference document, as the print stylesheet indents lists
(ECMA-376 Part 1, 17.9 numbering; 17.3.1.12 ``w:ind``).

The print indents a list's items by the list's ``padding-inline-start`` (``ul`` and ``ol``),
the bullet or number standing in that space. The List Bullet and List Number styles take their
marks from a numbering definition, whose first level holds the indent and the tab after the mark:
both are set to the print's padding, the mark hanging in it, and List Continue (a later
paragraph of an item) starts its text there too.
"""

from __future__ import annotations

from typing import cast

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import BaseStyle, ParagraphStyle
from lxml import etree

from ...shared.brand import Brand
from ...shared.print_sheet import Css, PrintSheet
from . import stylemap as sm
from .reference_index import StyleIndex
from .xml import Element, w

# CT_PPr children after w:ind (17.3.1.26).
AFTER_INDENT = ("w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")  # fmt: skip
LISTS = ((sm.LIST_BULLET, "ul"), (sm.LIST_NUMBER, "ol"))  # style, print rule


def indent_lists(document: Document, styles: StyleIndex, brand: Brand, sheet: PrintSheet) -> None:
    """The list styles' numbering levels and List Continue indented as the print's lists."""
    paddings = {rule: sheet.points(Css(rule, "padding-inline-start"), brand.sizes.body)
                for _, rule in LISTS}  # fmt: skip
    for name, rule in LISTS:
        for level in list_levels(document, styles[name]):
            hang_mark(level, str(round(paddings[rule] * 20)))
    follow_on = styles[sm.LIST_CONTINUE]
    assert isinstance(follow_on, ParagraphStyle)
    follow_on.paragraph_format.left_indent = Pt(paddings["ul"])


def hang_mark(level: etree._Element, twips: str) -> None:
    """A numbering level's text indented by ``twips``, its mark hanging there, a tab after it
    to the text (17.9.6 ``w:lvl``: ``w:pPr`` before ``w:rPr``)."""
    found = level.find(qn("w:pPr"))
    if found is None:  # python-docx has no class for w:lvl: placed by hand
        found = w("pPr")
        marks = level.find(qn("w:rPr"))
        if marks is None:
            level.append(found)
        else:
            marks.addprevious(found)
    properties = cast(Element, found)  # python-docx's class for w:pPr, wherever it stands
    for old in properties.findall(qn("w:tabs")) + properties.findall(qn("w:ind")):
        properties.remove(old)
    tabs = w("tabs")
    tabs.append(w("tab", val="num", pos=twips))
    properties.insert(0, tabs)  # the first child of w:pPr a level may hold
    properties.insert_element_before(w("ind", left=twips, hanging=twips), *AFTER_INDENT)


def list_levels(document: Document, style: BaseStyle) -> list[etree._Element]:
    """The first level of the numbering definition a list style names (none if it names none)."""
    ids = style.element.xpath("w:pPr/w:numPr/w:numId/@w:val")
    if not ids:
        return []
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(int(ids[0])).abstractNumId.get(qn("w:val"))
    path = f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']"
    return cast(list[etree._Element], numbering.xpath(path))
