"""The Word styles look like the PDF's house style: line height, justification, the shaded
abstract, the quote's rule and indent, bold coloured caption labels, the front matter, and a
font table that lets Word substitute sensibly. Every number is read from the brand file or from
the print stylesheet (``test_docx_print_sheet`` compares every value the two share)."""

from __future__ import annotations

import io
import zipfile
from typing import cast

import docx
import pytest
from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.styles.style import ParagraphStyle
from lxml import etree

from briefexport.model import Brief
from briefexport.shared.brand import Brand
from briefexport.shared.print_sheet import Css
from briefexport.writers.docx import stylemap as sm
from briefexport.writers.docx.reference_styles import ABSTRACT_BOX, QUOTE_BOX, SPECS, StyleSpec
from support.docx import HOUSE, house_reference, house_sheet

SHEET = house_sheet()


def paragraph_style(document: docx.document.Document, name: str) -> ParagraphStyle:
    style = document.styles[name]
    assert isinstance(style, ParagraphStyle)
    return style


def spec(name: str) -> StyleSpec:
    (found,) = [item for item in SPECS if item.name == name]
    return found


def rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def alignment(style: ParagraphStyle) -> WD_PARAGRAPH_ALIGNMENT | None:
    """The style's alignment, its own or its parent's."""
    current: ParagraphStyle | None = style
    while current is not None:
        if current.paragraph_format.alignment is not None:
            return cast(WD_PARAGRAPH_ALIGNMENT, current.paragraph_format.alignment)
        current = current.base_style
    return None


def at_least(style: ParagraphStyle) -> float:
    fmt = style.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.AT_LEAST, style.name
    assert fmt.line_spacing is not None
    assert not isinstance(fmt.line_spacing, float)
    return float(fmt.line_spacing.pt)


# ------------------------------------------------------------------ line height


def test_normal_is_at_least_the_brands_leading(
    reference: docx.document.Document, brand: Brand
) -> None:
    normal = paragraph_style(reference, "Normal")
    expected = brand.sizes.body * brand.sizes.line_height
    assert at_least(normal) == pytest.approx(expected, abs=0.05)


def test_every_sized_style_has_its_own_leading(
    reference: docx.document.Document, brand: Brand
) -> None:
    # A footnote inheriting the body's leading would be as loose as the body's lines.
    checked = 0
    for item in SPECS:
        if item.kind != "paragraph" or item.size is None:
            continue
        size = getattr(brand.sizes, item.size)
        factor = brand.sizes.line_height if item.leading is None else SHEET.number(item.leading)
        expected = size * factor
        style = paragraph_style(reference, item.word_name or item.name)
        assert at_least(style) == pytest.approx(expected, abs=0.05), item.name
        checked += 1
    assert checked > 10
    footnote = at_least(paragraph_style(reference, "footnote text"))
    assert footnote < at_least(paragraph_style(reference, "Normal"))


# ------------------------------------------------------------------ alignment, boxes, captions


def test_body_lists_and_quotes_are_justified_headings_are_not(
    reference: docx.document.Document,
) -> None:
    for name in (sm.BODY_TEXT, sm.LEAD, sm.LIST_BULLET, sm.LIST_NUMBER, sm.QUOTE, sm.ABSTRACT):
        assert alignment(paragraph_style(reference, name)) == WD_PARAGRAPH_ALIGNMENT.JUSTIFY, name
    for name in (
        *sm.HEADINGS,
        sm.TITLE,
        sm.CAPTION,
        sm.FIGURE_CAPTION,
        sm.TABLE_CAPTION,
        "footnote text",
    ):
        assert alignment(paragraph_style(reference, name)) is None, name
    attribution = paragraph_style(reference, sm.ATTRIBUTION).element
    assert attribution.xpath("string(w:pPr/w:jc/@w:val)") == "end"
    assert paragraph_style(reference, sm.ATTRIBUTION).font.italic is not True


def hyphenated(style: ParagraphStyle) -> bool:
    """Whether Word hyphenates the style's paragraphs (its own ``w:suppressAutoHyphens`` or its
    parent's; Word's default is to hyphenate when the document asks)."""
    current: ParagraphStyle | None = style
    while current is not None:
        (flag,) = current.element.xpath("w:pPr/w:suppressAutoHyphens") or (None,)
        if flag is not None:
            return flag.get(qn("w:val")) in ("0", "false", "off")
        current = current.base_style
    return True


def test_running_text_is_hyphenated_like_the_pdf(reference: docx.document.Document) -> None:
    settings = reference.settings.element
    assert settings.find(qn("w:autoHyphenation")) is not None
    assert settings.find(qn("w:consecutiveHyphenLimit")).get(qn("w:val")) == "2"
    for name in (sm.BODY_TEXT, sm.LEAD, sm.ABSTRACT, sm.LIST_BULLET, sm.QUOTE):
        assert hyphenated(paragraph_style(reference, name)), name
    for name in (sm.TITLE, *sm.HEADINGS, sm.CAPTION, "footnote text", sm.AUTHOR, sm.TABLE_TEXT):
        assert not hyphenated(paragraph_style(reference, name)), name


def box_length(prop: str, brand: Brand, selector: str = ABSTRACT_BOX.selector) -> float:
    """A length of a box's print rule, in points (ems of the body size)."""
    return SHEET.points(Css(selector, prop), brand.sizes.body)


def borders(style: ParagraphStyle) -> dict[str, etree._Element]:
    return {edge.tag.split("}")[1]: edge for edge in style.element.xpath("w:pPr/w:pBdr/*")}


def test_abstract_is_an_upright_shaded_box_with_an_accent_rule(
    reference: docx.document.Document, brand: Brand
) -> None:
    fill = brand.colors.table_header_fill.lstrip("#").upper()
    accent = brand.colors.accent.lstrip("#").upper()
    title, abstract = (paragraph_style(reference, n) for n in (sm.ABSTRACT_TITLE, sm.ABSTRACT))
    assert abstract.font.italic is not True
    for style in (title, abstract):
        assert style.element.xpath("string(w:pPr/w:shd/@w:fill)") == fill
        edges = borders(style)
        assert edges["left"].get(qn("w:color")) == accent
        width = box_length("border-inline-start", brand)
        assert int(edges["left"].attrib[qn("w:sz")]) == round(width * 8)
        assert {edges[side].get(qn("w:color")) for side in ("top", "bottom", "right")} == {fill}
        gap = round(box_length("padding-inline-start", brand))
        assert style.paragraph_format.left_indent.pt == pytest.approx(width + gap)
    # Word joins paragraphs into one box only when their borders and indents are the same.
    assert etree.tostring(borders(title)["left"]) == etree.tostring(borders(abstract)["left"])
    assert title.paragraph_format.right_indent == abstract.paragraph_format.right_indent


def test_quote_is_indented_with_a_rule_in_the_rule_colour(
    reference: docx.document.Document, brand: Brand
) -> None:
    quote = paragraph_style(reference, sm.QUOTE)
    margin = box_length("margin-inline-end", brand, QUOTE_BOX.selector)
    assert quote.paragraph_format.right_indent.pt == pytest.approx(margin, abs=0.05)
    gap = round(box_length("padding-inline-start", brand, QUOTE_BOX.selector))
    width = box_length("border-inline-start", brand, QUOTE_BOX.selector)
    left = box_length("margin-inline-start", brand, QUOTE_BOX.selector) + width + gap
    assert quote.paragraph_format.left_indent.pt == pytest.approx(left, abs=0.05)
    assert borders(quote)["left"].get(qn("w:color")) == brand.colors.rule.lstrip("#").upper()
    assert quote.font.italic is True


def test_caption_is_upright_and_its_label_bold_in_the_accent(
    reference: docx.document.Document, brand: Brand
) -> None:
    caption = paragraph_style(reference, sm.CAPTION)
    assert caption.font.italic is not True
    assert caption.font.size.pt == brand.sizes.caption
    assert caption.font.name == brand.fonts.heading[0]
    label = reference.styles[sm.CAPTION_LABEL]
    assert label.font.bold is True
    assert label.font.color.rgb == rgb(brand.colors.accent)
    assert caption.paragraph_format.space_after.pt == brand.word.caption_after


def test_figure_and_table_captions_are_spaced_as_the_pdf_spaces_them(
    reference: docx.document.Document, brand: Brand
) -> None:
    em = brand.sizes.caption
    figure, table = (
        paragraph_style(reference, name) for name in (sm.FIGURE_CAPTION, sm.TABLE_CAPTION)
    )
    for style in (figure, table):
        assert style.base_style is not None
        assert style.base_style.name == sm.CAPTION
    # Below the picture: the figcaption's margin before it, the figure's after it.
    assert figure.paragraph_format.space_before.pt == SHEET.points(
        Css("figcaption", "margin-top"), em
    )
    assert figure.paragraph_format.space_after.pt == SHEET.points(
        Css("figure", "margin-bottom"), em
    )
    assert figure.paragraph_format.keep_with_next is not True
    # Above the table: the table's margin before it, the caption's after it, kept with the table.
    assert table.paragraph_format.space_before.pt == SHEET.points(Css("table", "margin-top"), em)
    after = SHEET.points(Css("table caption", "margin-bottom"), em)
    assert table.paragraph_format.space_after.pt == after
    assert table.paragraph_format.keep_with_next is True


def test_caption_label_runs_use_the_caption_label_style(tour: Brief, tour_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(tour_docx))
    label_id = document.styles[sm.CAPTION_LABEL].style_id
    names = (sm.FIGURE_CAPTION, sm.TABLE_CAPTION)
    captions = [p for p in document.paragraphs if p.style is not None and p.style.name in names]
    assert [p.style.name for p in captions if p.style is not None] == [
        sm.TABLE_CAPTION,
        sm.FIGURE_CAPTION,
    ]
    for paragraph in captions:
        styled = paragraph._p.xpath(f".//w:r[w:rPr/w:rStyle/@w:val='{label_id}']")
        label = "".join(run.xpath("string(.)") for run in styled)
        assert label in ("Table 1", "Figure 1")
        assert paragraph._p.xpath("string(.)").startswith(f"{label} ")  # the number is a field


# ------------------------------------------------------------------ front matter


def test_front_matter_follows_the_print_style(
    reference: docx.document.Document, brand: Brand
) -> None:
    series = paragraph_style(reference, sm.SERIES)
    assert series.font.all_caps is True
    assert borders(series)["bottom"].get(qn("w:color")) == brand.colors.accent.lstrip("#").upper()
    assert paragraph_style(reference, sm.PUBLICATION_DATE).font.bold is True
    author = paragraph_style(reference, sm.AUTHOR).paragraph_format
    assert author.space_before is not None
    assert author.space_before.pt > 0
    assert paragraph_style(reference, sm.BYLINE).font.size.pt == brand.sizes.caption


# ------------------------------------------------------------------ fonts


def font_table(data: bytes) -> dict[str | None, dict[str, str | None]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/fontTable.xml"))
    return {
        font.get(qn("w:name")): {
            str(child.tag).split("}")[1]: child.get(qn("w:val")) for child in font
        }
        for font in root
    }


def test_font_table_names_the_brands_fonts_with_their_fallbacks(brand: Brand) -> None:
    fonts = font_table(house_reference(brand))
    mono, *others = brand.fonts.monospace
    assert fonts[mono] == {"altName": ",".join(others), "family": "modern", "pitch": "fixed"}
    assert fonts[brand.fonts.body[0]]["family"] == "roman"
    assert fonts[brand.fonts.heading[0]]["family"] == "swiss"
    assert "Calibri" not in fonts  # the template's leftovers are gone


def test_written_docx_keeps_the_font_table(tour_docx: bytes) -> None:
    fonts = font_table(tour_docx)
    verbatim = docx.Document(io.BytesIO(tour_docx)).styles[sm.VERBATIM].element
    mono = verbatim.xpath("string(w:rPr/w:rFonts/@w:ascii)")  # the first found of the brand's
    assert mono in HOUSE.fonts.monospace
    assert fonts[mono]["pitch"] == "fixed"


# ------------------------------------------------------------------ right to left


def side_rule(data: bytes, name: str) -> str:
    """The side ("left" or "right") of a style's rule in the accent or rule colour."""
    style = paragraph_style(docx.Document(io.BytesIO(data)), name)
    colours = {HOUSE.colors.accent.lstrip("#").upper(), HOUSE.colors.rule.lstrip("#").upper()}
    (side,) = [side for side, edge in borders(style).items() if edge.get(qn("w:color")) in colours]
    return side


def test_rules_are_on_the_side_where_lines_start(tour_docx: bytes, urdu_docx: bytes) -> None:
    # w:bidi mirrors indents, not borders: a right-to-left brief gets its rules on the right
    for name in (sm.ABSTRACT, sm.ABSTRACT_TITLE, sm.QUOTE):
        assert side_rule(tour_docx, name) == "left", name
        assert side_rule(urdu_docx, name) == "right", name
    urdu = paragraph_style(docx.Document(io.BytesIO(urdu_docx)), sm.ABSTRACT)
    sides = [edge.tag.split("}")[1] for edge in urdu.element.xpath("w:pPr/w:pBdr/*")]
    assert sides == ["top", "left", "bottom", "right"]  # the schema's order


def test_keywords_label_is_bold_in_the_accent(tour_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(tour_docx))
    label = document.styles[sm.KEYWORDS_LABEL]
    assert label.font.bold is True
    assert label.font.color.rgb == rgb(HOUSE.colors.accent)
    (keywords,) = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "Keywords"
    ]
    first = keywords.runs[0]
    assert first.style is not None
    assert first.style.name == sm.KEYWORDS_LABEL
    assert first.text == "Keywords:"
    assert keywords.text.startswith("Keywords: urban heat")
