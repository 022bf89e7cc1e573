"""Paragraph formatting of the reference document's styles (ECMA-376 Part 1, 17.3.1): spacing,
line height, alignment, hyphenation, indents, rules and shading, as :mod:`.reference_styles`
asks, with the print stylesheet's values (:mod:`...shared.print_sheet`) and the brand's
``[word]`` spaces.

Line height is "at least" the brand's leading (``w:lineRule="atLeast"``, 17.3.1.33): the body
size times ``line_height``, as the print stylesheet sets it. Word's "multiple" spacing scales the
font's own line gap (Noto Serif's is 1.36 em, so 1.4 lines came to 20 pt where the PDF has
14.7 pt), and exact spacing would clip a picture or a tall script's marks; "at least" gives the
PDF's line pitch and still lets such a line grow.
"""

from __future__ import annotations

from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import ParagraphStyle

from ...errors import BriefexportError
from ...shared.brand import Brand
from ...shared.print_sheet import LOGICAL, Css, PrintSheet
from ...shared.styles import PRINT_SHEET
from .reference_styles import Box, Length, Own, StyleSpec
from .xml import Element, w

# CT_PPr children after w:pBdr and w:shd (17.3.1.26), which python-docx has no API for.
AFTER_SHADING = (
    "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
ALIGNMENTS = frozenset({"center", "both", "end"})
# CSS Text 3 text-align keywords as w:jc values (17.18.44): justified is "both"; left and right
# are the physical sides of the transitional schema.
CSS_ALIGNMENTS = {"start": "start", "end": "end", "left": "left", "right": "right",
                  "center": "center", "justify": "both"}  # fmt: skip
PADDING_WIDTH = 0.25  # points: the hairline whose gap pads a shaded box (Word's thinnest)
AFTER_HYPHENATION = AFTER_SHADING[2:]
AFTER_CONTEXTUAL = AFTER_SHADING[AFTER_SHADING.index("w:contextualSpacing") + 1 :]


def set_hyphenation(style: ParagraphStyle, on: bool) -> None:
    """Whether Word's automatic hyphenation (on for the document) breaks this style's words
    (``w:suppressAutoHyphens``, 17.3.1.34)."""
    properties = style.element.get_or_add_pPr()
    for old in properties.findall(qn("w:suppressAutoHyphens")):
        properties.remove(old)
    flag = w("suppressAutoHyphens", val="0") if on else w("suppressAutoHyphens")
    properties.insert_element_before(flag, *AFTER_HYPHENATION)


def font_size(brand: Brand, spec: StyleSpec) -> float:
    """The style's font size in points: what its ems count in."""
    return float(getattr(brand.sizes, spec.size)) if spec.size else brand.sizes.body


def line_height(brand: Brand, spec: StyleSpec, sheet: PrintSheet) -> float | None:
    """The style's line height in points, or None when it takes its parent's."""
    if spec.size is None and spec.leading is None:
        return None
    factor = brand.sizes.line_height if spec.leading is None else sheet.number(spec.leading)
    return font_size(brand, spec) * factor


def length_points(value: Length, em: float, brand: Brand, sheet: PrintSheet) -> float:
    """A space in points: the brand's ``[word]`` key, or the print stylesheet's value."""
    if isinstance(value, Own):
        return float(getattr(brand.word, value.key))
    return sheet.points(value, em)


def set_line_height(style: ParagraphStyle, points: float) -> None:
    """At least ``points`` between baselines."""
    fmt = style.paragraph_format
    fmt.line_spacing = Pt(points)
    fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST


def paragraph_format(
    style: ParagraphStyle, spec: StyleSpec, brand: Brand, sheet: PrintSheet
) -> None:
    """Spacing, line height, keep-with-next, hyphenation, alignment, indents and rules of a
    paragraph style."""
    fmt, em = style.paragraph_format, font_size(brand, spec)
    if spec.space_before is not None:
        fmt.space_before = Pt(length_points(spec.space_before, em, brand, sheet))
    if spec.space_after is not None:
        fmt.space_after = Pt(length_points(spec.space_after, em, brand, sheet))
    height = line_height(brand, spec, sheet)
    if height is not None:
        set_line_height(style, height)
    if spec.keep_next:
        fmt.keep_with_next = True
    if hyphenates(spec, sheet):
        set_hyphenation(style, True)
    if spec.hanging:
        hanging = length_points(spec.hanging, em, brand, sheet)
        fmt.left_indent, fmt.first_line_indent = Pt(hanging), Pt(-hanging)
    properties = style.element.get_or_add_pPr()  # every paragraph style has one, maybe empty
    if spec.contextual:  # 17.3.1.9: no space between two paragraphs of the style
        properties.insert_element_before(w("contextualSpacing"), *AFTER_CONTEXTUAL)
    align = alignment(spec, sheet)
    if align:
        properties.get_or_add_jc().set(qn("w:val"), align)  # "end": not in python-docx's enum
    set_rules(style, spec, brand, sheet)


def alignment(spec: StyleSpec, sheet: PrintSheet) -> str | None:
    """The style's ``w:jc``: as its print rule's ``text-align``, or the Word copy's own."""
    if not isinstance(spec.align, Css):
        assert spec.align is None or spec.align in ALIGNMENTS, spec.align
        return spec.align
    keywords = sheet.keywords(spec.align) & CSS_ALIGNMENTS.keys()
    if len(keywords) != 1:
        where = f"text-align in the rule for {spec.align.selector!r}"
        raise BriefexportError(f"{PRINT_SHEET}: {where} is not one alignment Word has")
    return CSS_ALIGNMENTS[next(iter(keywords))]


def hyphenates(spec: StyleSpec, sheet: PrintSheet) -> bool:
    """Whether the style's words are hyphenated: as its print rule's ``hyphens`` says."""
    if isinstance(spec.hyphenate, Css):
        return "auto" in sheet.keywords(spec.hyphenate)
    return spec.hyphenate


def set_rules(style: ParagraphStyle, spec: StyleSpec, brand: Brand, sheet: PrintSheet) -> None:
    """The style's box (rule, shading, indents) or its rule above or below."""
    if spec.box is not None:
        set_box(style, Edges(sheet, spec.box.selector, brand.sizes.body), spec.box, brand)
    elif spec.rule is not None:
        edges = Edges(sheet, spec.rule.selector, font_size(brand, spec))
        borders = w("pBdr")
        borders.append(edges.border(spec.rule.side, brand))
        properties = style.element.get_or_add_pPr()
        properties.insert_element_before(borders, "w:shd", *AFTER_SHADING)


class Edges:
    """The border, padding and margin of one rule of the print stylesheet, in points."""

    def __init__(self, sheet: PrintSheet, selector: str, em: float) -> None:
        self.sheet, self.selector, self.em = sheet, selector, em

    def length(self, prop: str) -> float:
        """A length of the rule (``padding-top``, ``border-bottom``'s width)."""
        return self.sheet.points(Css(self.selector, prop), self.em)

    def gap(self, side: str) -> int:
        """The padding on a side, in whole points as Word counts a border's gap."""
        return round(self.length(f"padding-{side}"))

    def border(self, side: str, brand: Brand, fill: str | None = None) -> Element:
        """One ``w:pBdr`` edge as the rule's border on that side: width in eighths of a point,
        gap in whole points (17.3.1.5); with ``fill``, a hairline in that colour (only its gap
        shows on the shading)."""
        edge = Css(self.selector, f"border-{side}")
        if fill is None:
            width, color = self.length(edge.property), getattr(brand.colors, self.sheet.color(edge))
        else:
            width, color = PADDING_WIDTH, fill
        size, space, hex_color = str(round(width * 8)), str(self.gap(side)), color.lstrip("#")
        # Word's borders are physical: w:bidi mirrors indents, not borders (see .mirror)
        word_side = LOGICAL.get(side, side)
        return w(word_side, val="single", sz=size, space=space, color=hex_color.upper())


def set_box(style: ParagraphStyle, edges: Edges, box: Box, brand: Brand) -> None:
    """The rule where lines start, the shading with its padding, and indents that keep the text
    inside the box. Word draws a paragraph's borders outside its indents and joins adjacent
    paragraphs with the same borders and indents into one box."""
    properties = style.element.get_or_add_pPr()
    background = Css(box.selector, "background")
    fill = getattr(brand.colors, edges.sheet.color(background)) if box.filled else None
    borders = w("pBdr")
    for side in ("block-start", "inline-start", "block-end", "inline-end"):  # the schema's order
        if side == "inline-start":
            borders.append(edges.border(side, brand))
        elif fill:
            borders.append(edges.border(side, brand, fill))
    properties.insert_element_before(borders, "w:shd", *AFTER_SHADING)
    if fill:
        shading = w("shd", val="clear", color="auto", fill=fill.lstrip("#").upper())
        properties.insert_element_before(shading, *AFTER_SHADING)
    start = edges.length("border-inline-start") + edges.gap("inline-start")
    end = edges.gap("inline-end") + PADDING_WIDTH if fill else 0
    fmt = style.paragraph_format
    fmt.left_indent = Pt(edges.length("margin-inline-start") + start)
    fmt.right_indent = Pt(edges.length("margin-inline-end") + end)
