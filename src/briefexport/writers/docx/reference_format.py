"""Paragraph formatting of the reference document's styles (ECMA-376 Part 1, 17.3.1): spacing,
line height, alignment, hyphenation, indents, rules and shading, as :mod:`.reference_styles`
asks.

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

from ...shared.brand import Brand
from .reference_styles import Box, Rule, StyleSpec
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
AFTER_HYPHENATION = AFTER_SHADING[2:]


def set_hyphenation(style: ParagraphStyle, on: bool) -> None:
    """Whether Word's automatic hyphenation (on for the document) breaks this style's words
    (``w:suppressAutoHyphens``, 17.3.1.34)."""
    properties = style.element.get_or_add_pPr()
    for old in properties.findall(qn("w:suppressAutoHyphens")):
        properties.remove(old)
    flag = w("suppressAutoHyphens", val="0") if on else w("suppressAutoHyphens")
    properties.insert_element_before(flag, *AFTER_HYPHENATION)


def line_height(brand: Brand, spec: StyleSpec) -> float | None:
    """The style's line height in points, or None when it takes its parent's."""
    if spec.size is None and spec.leading is None:
        return None
    size: float = getattr(brand.sizes, spec.size) if spec.size else brand.sizes.body
    return size * (spec.leading or brand.sizes.line_height)


def set_line_height(style: ParagraphStyle, points: float) -> None:
    """At least ``points`` between baselines."""
    fmt = style.paragraph_format
    fmt.line_spacing = Pt(points)
    fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST


def paragraph_format(style: ParagraphStyle, spec: StyleSpec, brand: Brand) -> None:
    """Spacing, line height, keep-with-next, hyphenation, alignment, indents and rules of a
    paragraph style."""
    fmt = style.paragraph_format
    if spec.space_before is not None:
        fmt.space_before = Pt(spec.space_before)
    if spec.space_after is not None:
        fmt.space_after = Pt(spec.space_after)
    height = line_height(brand, spec)
    if height is not None:
        set_line_height(style, height)
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.hyphenate:
        set_hyphenation(style, True)
    if spec.hanging:
        fmt.left_indent, fmt.first_line_indent = Pt(spec.hanging), Pt(-spec.hanging)
    properties = style.element.get_or_add_pPr()
    if spec.align:
        assert spec.align in ALIGNMENTS, spec.align
        properties.get_or_add_jc().set(qn("w:val"), spec.align)  # "end": not in python-docx's enum
    if spec.box is not None:
        set_box(style, spec.box, brand)
    elif spec.rule_below is not None:
        borders = w("pBdr")
        borders.append(border("bottom", spec.rule_below, brand))
        properties.insert_element_before(borders, "w:shd", *AFTER_SHADING)


def border(side: str, rule: Rule, brand: Brand, color: str | None = None) -> Element:
    """One ``w:pBdr`` edge: width in eighths of a point, gap in whole points (17.3.1.5)."""
    hex_color = (color or getattr(brand.colors, rule.color)).lstrip("#").upper()
    width, space = str(round(rule.width * 8)), str(round(rule.space * brand.sizes.body))
    return w(side, val="single", sz=width, space=space, color=hex_color)


def set_box(style: ParagraphStyle, box: Box, brand: Brand) -> None:
    """The rule on the left, the shading with its padding, and indents that keep the text
    inside the box. Word draws a paragraph's borders outside its indents and joins adjacent
    paragraphs with the same borders and indents into one box."""
    properties = style.element.get_or_add_pPr()
    gap = round(box.rule.space * brand.sizes.body)
    margin = box.margin * brand.sizes.body
    borders = w("pBdr")
    fill = getattr(brand.colors, box.fill) if box.fill else None
    padding = Rule(box.rule.color, 0.25, box.rule.space)  # invisible on the fill: only its gap
    for side in ("top", "left", "bottom", "right"):
        if side == "left":
            borders.append(border(side, box.rule, brand))
        elif fill:
            borders.append(border(side, padding, brand, fill))
    properties.insert_element_before(borders, "w:shd", *AFTER_SHADING)
    if fill:
        shading = w("shd", val="clear", color="auto", fill=fill.lstrip("#").upper())
        properties.insert_element_before(shading, *AFTER_SHADING)
    fmt = style.paragraph_format
    fmt.left_indent = Pt(margin + box.rule.width + gap)
    fmt.right_indent = Pt(margin + (gap + padding.width if fill else 0))
