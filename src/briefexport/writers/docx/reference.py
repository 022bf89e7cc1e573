"""Generate the reference document ``styles/reference.docx`` from the brand file ``brand.toml``
and the print stylesheet ``pdf.css`` of a style folder.

The DOCX writer starts every output from this document (pandoc's ``reference.docx`` idea), so
its Word styles are the house style. It is made from python-docx's default template with every
leftover of that template removed (thumbnail, bibliography sources, Word 2010 style copy,
revision ids). The brand gives fonts, sizes, colours and the page; the print stylesheet the
spacing, leading, indents, rules and cell padding (:mod:`.reference_styles`), and the footnote
separator (the footnote area's rule, as wide as the text). Run
``scripts/make_reference_docx.py [STYLE_DIR]`` after editing either; a test checks that the
committed file equals a fresh generation.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle

from ...shared.brand import Brand, Page
from ...shared.print_sheet import Css, PrintSheet
from .font_table import replace_font_table
from .footnotes import new_footnotes_part, separator_notes
from .package import save_reproducibly
from .properties import set_app_properties
from .reference_format import Edges, paragraph_format, set_hyphenation, set_line_height
from .reference_index import StyleIndex
from .reference_lists import indent_lists
from .reference_styles import SPECS, StyleSpec
from .reference_table import add_table_style
from .reference_trim import drop_unused_styles
from .spacing import IDENTITY_SPACE_VAR, set_doc_var
from .stylemap import RUNNING_HEAD
from .xml import Element, w

GENERATED_AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)  # fixed, so the file is reproducible
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "color", "spacing", "sz", "szCs",
             "u", "vertAlign")  # fmt: skip
LEFTOVER_SETTINGS = ("savePreviewPicture", "rsids", "attachedTemplate", "proofState")
FOOTNOTE_AREA = "@page @footnote"  # the print sheet's footnote area: its rule is the separator
RUNNING_HEAD_BOX = "@page @top-left"  # the print's running head, above the text


def build_reference(brand: Brand, sheet: PrintSheet) -> bytes:
    """The reference document for a brand and a print stylesheet, as bytes."""
    document = docx.Document()
    strip_default_template(document)
    set_page(document, brand.page)
    place_header_and_footer(document, brand, sheet)
    styles = StyleIndex(document)
    set_defaults(document, styles, brand, sheet)
    for spec in SPECS:
        apply_spec(styles, spec, brand, sheet)
    add_table_style(document, styles, brand, sheet)
    indent_lists(document, styles, brand, sheet)
    identity = sheet.points(Css("div.identity", "margin-top"), brand.sizes.caption)
    set_doc_var(document, IDENTITY_SPACE_VAR, str(round(identity * 20)))
    add_page_number_footer(document, brand, sheet)
    add_running_header(document, styles, brand)
    footnote_area = Edges(sheet, FOOTNOTE_AREA, brand.sizes.footnote)
    new_footnotes_part(document, separator_notes(footnote_area.border("top", brand)))
    drop_unused_styles(document)
    replace_font_table(document, brand)
    props = document.core_properties
    for child in list(props._element):
        props._element.remove(child)
    props.title = f"Reference document: {brand.identity.name}"
    props.created = props.modified = GENERATED_AT.replace(tzinfo=None)
    set_app_properties(document, "")
    return save_reproducibly(document, GENERATED_AT)


def strip_default_template(document: Document) -> None:
    """Drop the parts and settings python-docx's template brings along."""
    for rels, unwanted in (
        (document.part.package.rels, {RT.THUMBNAIL}),
        (document.part.rels, {RT.CUSTOM_XML, STYLES_WITH_EFFECTS}),
    ):
        for rel_id, rel in list(rels.items()):
            if rel.reltype in unwanted:
                del rels[rel_id]
    for name in LEFTOVER_SETTINGS:
        for node in document.settings.element.findall(qn(f"w:{name}")):
            document.settings.element.remove(node)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def set_page(document: Document, page: Page) -> None:
    """Paper size and margins (millimetres in the brand file)."""
    width, height = page.size.millimetres
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.top_margin = Mm(page.margin_top)
        section.bottom_margin = Mm(page.margin_bottom)
        section.left_margin = Mm(page.margin_inner)
        section.right_margin = Mm(page.margin_outer)


def place_header_and_footer(document: Document, brand: Brand, sheet: PrintSheet) -> None:
    """The running head and the page number where the print's page margin boxes set them.

    The running head's line ends the bottom padding of its ``@top-left`` box (set to the box's
    bottom) above the text; the page number's line is centred in the bottom margin, where
    ``@bottom-center`` sets it by default (CSS Paged Media 3, 5.3.2). Each line is the running
    head's size times the brand's line height, as the Running Head style and the footer set
    them. Word measures the header from the paper's top edge to its first line and the footer
    from the bottom edge to its last line (ECMA-376 Part 1, 17.6.11 ``w:pgMar``)."""
    line = brand.sizes.running_header * brand.sizes.line_height
    gap = sheet.points(Css(RUNNING_HEAD_BOX, "padding-bottom"), brand.sizes.running_header)
    bottom_margin = Mm(brand.page.margin_bottom).pt
    for section in document.sections:
        section.header_distance = Pt(Mm(brand.page.margin_top).pt - gap - line)
        section.footer_distance = Pt((bottom_margin - line) / 2)


def set_defaults(document: Document, styles: StyleIndex, brand: Brand, sheet: PrintSheet) -> None:
    """Body font (Latin and complex script), size and colour for every run; Normal's line
    height (the body size times the brand's ``line_height``), no space after and no
    hyphenation; the document's automatic hyphenation (ECMA-376 Part 1, 17.15.1.10)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    rpr_default = defaults.find(qn("w:rPrDefault"))
    assert rpr_default is not None
    defaults_spec = StyleSpec("defaults", font="body", size="body", color="text")
    run_props = run_properties(brand, defaults_spec, sheet)
    replace_child(rpr_default, "rPr", run_props)
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    set_line_height(normal, brand.sizes.body * brand.sizes.line_height)
    normal.paragraph_format.space_after = Pt(0)
    set_hyphenation(normal, False)  # running text turns it on, as the print stylesheet does
    settings = document.settings.element
    tab_stop = settings.find(qn("w:defaultTabStop"))
    assert tab_stop is not None
    # Automatic hyphenation, with at most two hyphenated lines in a row, as in the PDF.
    tab_stop.addnext(w("consecutiveHyphenLimit", val="2"))
    tab_stop.addnext(w("autoHyphenation"))


def word_color(color: str) -> str:
    """``#1f4e79`` as Word writes it: ``1F4E79``."""
    return color.lstrip("#").upper()


def replace_child(parent: Element, tag: str, child: Element | None) -> None:
    """Remove ``parent``'s ``w:tag`` children and put ``child`` first in their place."""
    old = parent.findall(qn(f"w:{tag}"))
    index = parent.index(old[0]) if old else len(parent)
    for node in old:
        parent.remove(node)
    if child is not None:
        parent.insert(index, child)


def run_properties(brand: Brand, spec: StyleSpec, sheet: PrintSheet) -> Element:
    """The ``w:rPr`` a style spec asks for, children in schema order."""
    children: dict[str, Element] = {}
    if spec.font:
        latin, script = brand.fonts.latin(spec.font)[0], brand.fonts.rtl(spec.font)[0]
        # Word sets Chinese, Japanese and Korean characters in the east-Asian font.
        east_asian = brand.fonts.cjk[0] if brand.fonts.cjk else latin
        children["rFonts"] = w("rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asian, cs=script)
    # No iCs for italic styles: Arabic-script runs (complex script) stay upright.
    for flag, tags in ((spec.bold, ("b", "bCs")), (spec.italic, ("i",))):
        children.update({tag: w(tag) for tag in tags if flag})
    if spec.caps:
        children["caps"] = w("caps")
    if spec.tracking and spec.size:  # letter spacing in twentieths of a point
        twips = round(sheet.number(spec.tracking) * getattr(brand.sizes, spec.size) * 20)
        children["spacing"] = w("spacing", val=str(twips))
    if spec.color:
        children["color"] = w("color", val=word_color(getattr(brand.colors, spec.color)))
    size = style_size(brand, spec, sheet)
    if size is not None:
        half_points = str(round(size * 2))
        children["sz"], children["szCs"] = w("sz", val=half_points), w("szCs", val=half_points)
    if underlined(spec, sheet):
        children["u"] = w("u", val="single")
    if spec.superscript:
        children["vertAlign"] = w("vertAlign", val="superscript")
    rpr = w("rPr")
    rpr.extend(children[tag] for tag in RPR_ORDER if tag in children)
    return rpr


def style_size(brand: Brand, spec: StyleSpec, sheet: PrintSheet) -> float | None:
    """The style's font size in points: the brand's, or the print's ems of the body size."""
    if spec.size:
        return float(getattr(brand.sizes, spec.size))
    if spec.scale is not None:
        return sheet.points(spec.scale, brand.sizes.body)
    return None


def underlined(spec: StyleSpec, sheet: PrintSheet) -> bool:
    """Whether the style underlines: as its print rule's ``text-decoration`` says, if named."""
    if isinstance(spec.underline, Css):
        return "underline" in sheet.keywords(spec.underline)
    return spec.underline


def get_or_add_style(styles: StyleIndex, spec: StyleSpec) -> BaseStyle:
    """The style named in ``spec`` (in any case), added when the template lacks it."""
    kind = WD_STYLE_TYPE.CHARACTER if spec.kind == "character" else WD_STYLE_TYPE.PARAGRAPH
    existing = styles.find(spec.name)
    if existing is not None:
        return existing
    style = styles.add(spec.name, kind)
    if spec.word_name:  # a Word built-in: its internal name, and not marked as custom
        styles.rename(style, spec.word_name)
        style.element.attrib.pop(qn("w:customStyle"), None)
    style.quick_style = True
    return style


def apply_spec(styles: StyleIndex, spec: StyleSpec, brand: Brand, sheet: PrintSheet) -> None:
    """Create or restyle one style, shown in Word's style gallery."""
    style = get_or_add_style(styles, spec)
    style.hidden = False
    style.unhide_when_used = False
    style.quick_style = True
    if spec.base and isinstance(style, CharacterStyle):  # ParagraphStyle is a CharacterStyle
        style.base_style = styles[spec.base]
    element = style.element
    for border in list(element.iter(qn("w:pBdr"))):
        cast(Element, border.getparent()).remove(border)
    rpr = element.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    rpr.extend(run_properties(brand, spec, sheet))
    if isinstance(style, ParagraphStyle):
        paragraph_format(style, spec, brand, sheet)


def add_page_number_footer(document: Document, brand: Brand, sheet: PrintSheet) -> None:
    """A centred page number (a ``PAGE`` field) in the footer, on the first page as on the
    others: small, muted and in the heading font, as the print stylesheet's ``@bottom-center``
    and the running head."""
    section = document.sections[0]
    section.different_first_page_header_footer = True  # the title page has no running head
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        spec = StyleSpec("footer", font="heading", size="running_header", color="muted")
        field = w("fldSimple", instr=" PAGE ")
        run = w("r")
        run.append(run_properties(brand, spec, sheet))
        number = w("t")
        number.text = "1"
        run.append(number)
        field.append(run)
        paragraph._p.append(field)


def add_running_header(document: Document, styles: StyleIndex, brand: Brand) -> None:
    """A header paragraph in the Running Head style, with a tab stop at the end of the line.

    The DOCX writer fills it with the brief's running head, a tab and the date (as the PDF's
    running header); a template without a Running Head paragraph keeps its own header.
    """
    section = document.sections[0]
    section.first_page_header.is_linked_to_previous = False  # an empty header on the title page
    paragraph = section.header.paragraphs[0]
    paragraph.style = styles[RUNNING_HEAD]
    paper_width = brand.page.size.millimetres[0]
    text_width = Mm(paper_width - brand.page.margin_inner - brand.page.margin_outer)
    tabs = w("tabs")
    tabs.append(w("tab", val="end", pos=str(text_width.twips)))
    properties = paragraph._p.get_or_add_pPr()
    properties.insert_element_before(tabs, "w:spacing", "w:ind", "w:jc", "w:rPr")
    paragraph.add_run("Running head\tDate")
