"""Write a brief as archival JATS 1.3 XML (Journal Archiving and Interchange DTD v1.3).

Reference: https://jats.nlm.nih.gov/archiving/tag-library/1.3/ and the JATS4R recommendations.
This is also the canonical serializer: reading its output gives back an equal model. Output is
UTF-8 with the Archiving DOCTYPE, labels on footnotes and references, ``xlink:title`` on links,
and the same indentation every time (element-only content indented, mixed content untouched).
"""

from __future__ import annotations

from typing import assert_never

from lxml import etree

from ..inlines import plain_text
from ..model import (
    Block,
    Brief,
    Cell,
    Citation,
    CitationPart,
    CitationRef,
    CitedDate,
    Figure,
    Footnote,
    FootnoteRef,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Reference,
    Row,
    Section,
    Styled,
    Table,
    Text,
)
from ..options import WriteOptions
from ..shared.xmlnames import XLINK, XLINK_HREF, XML_LANG
from .jats_front import E, front_to_jats, paragraph_element

DOCTYPE = (
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD'
    ' v1.3 20210610//EN" "https://jats.nlm.nih.gov/archiving/1.3/JATS-archivearticle1-3.dtd">'
)
INDENT = "  "
ELEMENT_ONLY = frozenset(
    [
        "article",
        "front",
        "journal-meta",
        "journal-title-group",
        "publisher",
        "article-meta",
        "article-categories",
        "subj-group",
        "title-group",
        "contrib-group",
        "contrib",
        "name",
        "author-notes",
        "fn",
        "pub-date",
        "permissions",
        "license",
        "abstract",
        "kwd-group",
        "body",
        "sec",
        "list",
        "list-item",
        "disp-quote",
        "table-wrap",
        "caption",
        "table",
        "thead",
        "tbody",
        "tr",
        "fig",
        "graphic",
        "back",
        "fn-group",
        "ref-list",
        "ref",
    ]
)


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as a DTD-valid JATS 1.3 Archiving document."""
    del options  # JATS carries no timestamps: the output depends on the brief alone
    return serialize(brief_to_jats(brief))


def serialize(root: etree._Element) -> bytes:
    """Indent and serialise a JATS tree with its XML declaration and DOCTYPE."""
    _indent(root, 0)
    header = f'<?xml version="1.0" encoding="UTF-8"?>\n{DOCTYPE}\n'.encode()
    return header + etree.tostring(root, encoding="UTF-8") + b"\n"


def brief_to_jats(brief: Brief) -> etree._Element:
    """The ``article`` element of a brief."""
    article = E.article(
        {"article-type": "other", "dtd-version": "1.3"},
        front_to_jats(brief.meta, inlines_to_jats),
        E.body(*(block_to_jats(block) for block in brief.body)),
    )
    article.set(XML_LANG, brief.meta.language)
    back = _back(brief)
    if len(back):
        article.append(back)
    return article


def _back(brief: Brief) -> etree._Element:
    back = E.back()
    if brief.footnotes:
        back.append(E("fn-group", *(_footnote(note) for note in brief.footnotes)))
    if brief.references:
        back.append(E("ref-list", *(_reference(ref) for ref in brief.references)))
    return back


def _footnote(note: Footnote) -> etree._Element:
    return E.fn({"id": note.id}, E.label(str(note.number)), *map(_paragraph, note.paragraphs))


def _reference(ref: Reference) -> etree._Element:
    return E.ref({"id": ref.id}, E.label(str(ref.number)), inline_to_jats(ref.citation))


def _paragraph(paragraph: Paragraph) -> etree._Element:
    return paragraph_element(paragraph, inlines_to_jats)


def block_to_jats(block: Block) -> etree._Element:
    """One body block."""
    match block:
        case Paragraph():
            return _paragraph(block)
        case Section(ident, title, blocks):
            section = E.sec(E.title(*inlines_to_jats(title)), *map(block_to_jats, blocks))
            return _with_id(section, ident)
        case ListBlock(ordered, items):
            kind = "order" if ordered else "bullet"
            entries = (E("list-item", *map(_paragraph, item.paragraphs)) for item in items)
            return E.list({"list-type": kind}, *entries)
        case Quote(paragraphs, attribution):
            quote = E("disp-quote", *map(_paragraph, paragraphs))
            if attribution:
                quote.append(E.attrib(*inlines_to_jats(attribution)))
            return quote
        case Table():
            return _table(block)
        case Figure():
            return _figure(block)
        case _:
            assert_never(block)


def _with_id(element: etree._Element, ident: str | None) -> etree._Element:
    if ident:
        element.set("id", ident)
    return element


def _labelled(
    tag: str, ident: str | None, label: str | None, caption: tuple[Inline, ...]
) -> etree._Element:
    element = _with_id(E(tag), ident)
    if label:
        element.append(E.label(label))
    if caption:
        element.append(E.caption(E.p(*inlines_to_jats(caption))))
    return element


def _table(table: Table) -> etree._Element:
    wrap = _labelled("table-wrap", table.id, table.label, table.caption)
    grid = E.table()
    if table.head:
        grid.append(E.thead(*(_row(row, "col") for row in table.head)))
    grid.append(E.tbody(*(_row(row, "row") for row in table.body)))
    wrap.append(grid)
    return wrap


def _row(row: Row, header_scope: str) -> etree._Element:
    return E.tr(*(_cell(cell, header_scope) for cell in row.cells))


def _cell(cell: Cell, header_scope: str) -> etree._Element:
    element = E("th" if cell.header else "td", *inlines_to_jats(cell.children))
    if cell.header:
        element.set("scope", header_scope)
    for name, value in (("colspan", cell.colspan), ("rowspan", cell.rowspan)):
        if value != 1:
            element.set(name, str(value))
    return element


def _figure(figure: Figure) -> etree._Element:
    element = _labelled("fig", figure.id, figure.label, figure.caption)
    graphic = E.graphic(E("alt-text", figure.image.alt_text))
    graphic.set(XLINK_HREF, figure.image.href)
    element.append(graphic)
    return element


def inlines_to_jats(inlines: tuple[Inline, ...]) -> list[str | etree._Element]:
    """Mixed content: strings for text, elements for the rest."""
    return [inline_to_jats(inline) for inline in inlines]


def inline_to_jats(inline: Inline) -> str | etree._Element:
    """One inline."""
    match inline:
        case Text(value):
            return value
        case Styled(style, children):
            return E(style.value, *inlines_to_jats(children))
        case Link(href, children):
            return _link(href, children)
        case FootnoteRef(note):
            return E.xref({"ref-type": "fn", "rid": note.id}, str(note.number))
        case CitationRef(reference):
            return E.xref({"ref-type": "bibr", "rid": reference.id}, str(reference.number))
        case Citation(kind, children):
            return E("mixed-citation", {"publication-type": kind.value}, *inlines_to_jats(children))
        case CitationPart(field, children):
            return _citation_part(field.value, children)
        case CitedDate(iso, text):
            return E("string-date", {"iso-8601-date": iso}, text)
        case _:
            assert_never(inline)


def _link(href: str, children: tuple[Inline, ...]) -> etree._Element:
    link = E("ext-link", {"ext-link-type": "uri"}, *inlines_to_jats(children))
    link.set(XLINK_HREF, href)
    link.set(f"{{{XLINK}}}title", plain_text(children) or href)
    return link


def _citation_part(tag: str, children: tuple[Inline, ...]) -> etree._Element:
    element = E(tag, *inlines_to_jats(children))
    if tag == "person-group":
        element.set("person-group-type", "author")
    return element


def _indent(element: etree._Element, level: int) -> None:
    if element.tag not in ELEMENT_ONLY or not len(element):
        return
    inner = "\n" + INDENT * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        _indent(child, level + 1)
    element[-1].tail = "\n" + INDENT * level
