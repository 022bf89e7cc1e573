"""Build the model's blocks and inlines from schema-valid, checked JATS elements.

Dispatch is by tag name; the schema guarantees no other tag reaches these tables. Calls are
resolved here: a footnote call becomes a :class:`FootnoteRef` holding its note.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, UnsafeResourceError
from ..inlines import canonical, collapse_space, mixed_content
from ..model import (
    Block,
    Cell,
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    CitedDate,
    Figure,
    Footnote,
    FootnoteRef,
    Image,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    PublicationType,
    Quote,
    Reference,
    Row,
    Section,
    SourcePosition,
    Styled,
    Table,
    Text,
    TextStyle,
)
from ..resources import read_image
from ..shared.xmlnames import XLINK_HREF
from .hrefs import trimmed
from .locate import Locator
from .table_checks import span_value

STYLE_TAGS = {style.value: style for style in TextStyle}
CITATION_TAGS = {field.value: field for field in CitationField}


class Context:
    """What block building needs: resolved targets, the brief's folder, and where to report."""

    __slots__ = ("at", "base_dir", "notes", "problems", "references")

    def __init__(
        self,
        notes: Mapping[str, Footnote],
        references: Mapping[str, Reference],
        base_dir: Path | None,
        at: Locator,
        problems: list[Diagnostic],
    ) -> None:
        self.notes = notes
        self.references = references
        self.base_dir = base_dir
        self.at = at
        self.problems = problems


def inlines(element: etree._Element, ctx: Context) -> tuple[Inline, ...]:
    """The element's mixed content in normal form."""
    return canonical(_raw_inlines(element, ctx))


def source_of(element: etree._Element, ctx: Context) -> SourcePosition:
    """Where ``element`` starts in the source, for writers' warnings."""
    return SourcePosition(*ctx.at.position(element))


def text_of(element: etree._Element | None) -> str | None:
    """Whitespace-collapsed text of an element, or None when absent."""
    return None if element is None else collapse_space("".join(element.itertext()))


def _raw_inlines(element: etree._Element, ctx: Context) -> list[Inline]:
    return mixed_content(element, lambda child: [_inline(child, ctx)])


def _inline(element: etree._Element, ctx: Context) -> Inline:
    tag = str(element.tag)
    if tag in STYLE_TAGS:
        return Styled(STYLE_TAGS[tag], tuple(_raw_inlines(element, ctx)))
    if tag in CITATION_TAGS:
        return CitationPart(CITATION_TAGS[tag], tuple(_raw_inlines(element, ctx)))
    if tag == "ext-link":
        href = trimmed(element.get(XLINK_HREF, ""))
        return Link(href, tuple(_raw_inlines(element, ctx)), source_of(element, ctx))
    if tag == "xref":
        return _call(element, ctx)
    if tag == "string-date":
        return CitedDate(element.get("iso-8601-date", ""), "".join(element.itertext()))
    if tag == "mixed-citation":
        return citation(element, ctx, raw=True)
    raise AssertionError(f"schema let <{tag}> through")


def _call(element: etree._Element, ctx: Context) -> Inline:
    """A footnote or reference call; one the checks let through unresolved is refused here,
    never a crash."""
    kind, rid = element.get("ref-type", ""), element.get("rid", "")
    if kind == "fn" and rid in ctx.notes:
        return FootnoteRef(ctx.notes[rid])
    if kind == "bibr" and rid in ctx.references:
        return CitationRef(ctx.references[rid])
    message = f"call ref-type={kind!r} rid={rid!r} resolves to no footnote or reference"
    ctx.problems.append(ctx.at.error(element, message))
    return Text(collapse_space("".join(element.itertext())))


def citation(element: etree._Element, ctx: Context, raw: bool = False) -> Citation:
    """A ``mixed-citation``."""
    kind = PublicationType(element.get("publication-type", "other"))
    children = tuple(_raw_inlines(element, ctx))
    return Citation(kind, children if raw else canonical(children))


def paragraph(element: etree._Element, ctx: Context) -> Paragraph:
    """A ``p``; ``content-type="lead"`` marks the lead paragraph."""
    return Paragraph(inlines(element, ctx), lead=element.get("content-type") == "lead")


def paragraphs(element: etree._Element, ctx: Context) -> tuple[Paragraph, ...]:
    """The ``p`` children of an element."""
    return tuple(paragraph(p, ctx) for p in element.iterfind("p"))


def blocks(element: etree._Element, ctx: Context) -> tuple[Block, ...]:
    """The block children of ``body`` or ``sec`` (subsections last, as JATS orders them)."""
    return tuple(BLOCKS[str(child.tag)](child, ctx) for child in element if child.tag in BLOCKS)


def _section(element: etree._Element, ctx: Context) -> Section:
    title = element.find("title")
    assert title is not None
    where = source_of(element, ctx)
    return Section(element.get("id"), inlines(title, ctx), blocks(element, ctx), where)


def _list(element: etree._Element, ctx: Context) -> ListBlock:
    items = tuple(ListItem(paragraphs(item, ctx)) for item in element.iterfind("list-item"))
    return ListBlock(element.get("list-type") == "order", items)


def _quote(element: etree._Element, ctx: Context) -> Quote:
    attrib = element.find("attrib")
    return Quote(paragraphs(element, ctx), () if attrib is None else inlines(attrib, ctx))


def _caption(element: etree._Element, ctx: Context) -> tuple[Inline, ...]:
    caption = element.find("caption/p")
    return () if caption is None else inlines(caption, ctx)


def _rows(element: etree._Element | None, ctx: Context) -> tuple[Row, ...]:
    if element is None:
        return ()
    return tuple(Row(tuple(_cell(cell, ctx) for cell in tr)) for tr in element.iterfind("tr"))


def _cell(element: etree._Element, ctx: Context) -> Cell:
    colspan, rowspan = (span_value(element.get(key)) for key in ("colspan", "rowspan"))
    return Cell(inlines(element, ctx), element.tag == "th", colspan, rowspan)


def _table(element: etree._Element, ctx: Context) -> Table:
    table = element.find("table")
    assert table is not None
    return Table(
        element.get("id"),
        text_of(element.find("label")),
        _caption(element, ctx),
        _rows(table.find("thead"), ctx),
        _rows(table.find("tbody"), ctx),
        source_of(element, ctx),
    )


def _figure(element: etree._Element, ctx: Context) -> Figure:
    graphic = element.find("graphic")
    assert graphic is not None
    href = trimmed(graphic.get(XLINK_HREF, ""))
    alt_text = text_of(graphic.find("alt-text")) or text_of(element.find("alt-text")) or ""
    image = Image(href, alt_text, "application/octet-stream", b"")
    try:
        if ctx.base_dir is None:
            raise UnsafeResourceError(
                "the brief was read without a folder, so figures cannot be read"
            )
        data, media_type = read_image(ctx.base_dir, href)
        image = Image(href, image.alt_text, media_type, data, source_of(graphic, ctx))
    except UnsafeResourceError as error:
        ctx.problems.append(ctx.at.error(graphic, str(error)))
    label, caption = text_of(element.find("label")), _caption(element, ctx)
    return Figure(element.get("id"), label, caption, image, source_of(element, ctx))


BLOCKS: dict[str, Callable[[etree._Element, Context], Block]] = {
    "p": paragraph,
    "sec": _section,
    "list": _list,
    "disp-quote": _quote,
    "table-wrap": _table,
    "fig": _figure,
}
