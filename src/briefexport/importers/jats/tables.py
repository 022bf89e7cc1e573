"""JATS tables (``table-wrap`` with an XHTML ``table``) to the brief's tables.

Header rows are ``thead`` (or a first body row made only of ``th``); ``tfoot`` rows join the body.
Cells keep text, formatting and links; paragraphs inside a cell are joined. Rows are made
rectangular (:mod:`briefexport.importers.tablegrid`), as the reader requires. Table footnotes
(``table-wrap-foot``) become paragraphs after the table. A table given only as an image is read
as a figure; an OASIS (CALS) table is dropped, reported.
"""

from __future__ import annotations

from lxml import etree

from ...inlines import canonical
from ...model import Block, Cell, Inline, Paragraph, Row, Table, Text
from ..tablegrid import rectangular
from .context import Builder, Level, Scope, local_name, text_of
from .figures import caption_inlines, figure_blocks
from .inline import inlines

HEADS = frozenset({"title", "label", "caption"})
MAX_COLSPAN = 100
MAX_ROWSPAN = 1000


def table_blocks(builder: Builder, element: etree._Element, depth: int) -> list[Block]:
    """A ``table-wrap``: the table, then its footnotes as paragraphs."""
    notices = builder.ctx.notices
    table = next(element.iter("table"), None)
    if table is None:
        if next(element.iter("graphic"), None) is not None:
            notices.warning(element, "table given as an image is kept as a figure")
            return figure_blocks(builder, element, depth)
        notices.dropped(element, "no XHTML table (OASIS tables are not read)")
        return []
    head_rows, body_rows = _row_groups(table, builder.scope)
    if not head_rows and not body_rows:
        notices.dropped(element, "empty table")
        return []
    if not body_rows:  # a brief's table has a body: header rows alone become its body
        notices.warning(table, "a table with header rows only: they become its body rows")
        head_rows, body_rows = [], head_rows
    head, body, padded = rectangular(head_rows, body_rows)
    if padded:
        notices.warning(table, "rows of unequal width padded with empty cells")
    label = text_of(element.find("label")) or None
    caption = caption_inlines(element.find("caption"), builder.scope)
    ident = builder.ctx.ids.keep(element.get("id"), "tab")
    table_block = Table(ident, label, caption, head, body, notices.position(element))
    return [table_block, *_foot(builder, element)]


def _foot(builder: Builder, element: etree._Element) -> list[Block]:
    out: list[Block] = []
    for foot in element.iterfind("table-wrap-foot"):
        builder.ctx.notices.repeated(foot, "table footnotes become paragraphs after the table")
        out += builder.flat_paragraphs(foot, "table footnotes", HEADS | {"fn", "fn-group"})
        for note in foot.iter("fn"):
            paragraphs = list(builder.flat_paragraphs(note, "a table footnote"))
            label = text_of(note.find("label"))
            if label and paragraphs:
                first = paragraphs[0].children
                paragraphs[0] = Paragraph(canonical((Text(f"{label} "), *first)))
            out += paragraphs
    return out


def _row_groups(table: etree._Element, scope: Scope) -> tuple[list[Row], list[Row]]:
    head = [_row(tr, scope) for tr in table.iterfind("thead/tr")]
    body = [_row(tr, scope) for tr in (*table.iterfind("tbody/tr"), *table.iterfind("tr"))]
    foot = [_row(tr, scope) for tr in table.iterfind("tfoot/tr")]
    if foot:
        scope.ctx.notices.repeated(table, "table footer rows join the body")
    body += foot
    if not head and body and all(cell.header for cell in body[0].cells):
        head, body = body[:1], body[1:]
    return head, body


def _row(tr: etree._Element, scope: Scope) -> Row:
    return Row(tuple(_cell(cell, scope) for cell in tr if local_name(cell) in ("th", "td")))


def _cell(element: etree._Element, scope: Scope) -> Cell:
    linked = scope.inner(Level.LINKED)
    blocks = [child for child in element if local_name(child) in ("p", "list", "disp-quote")]
    if blocks:
        parts = [inlines(child, linked) for child in element.iter("p")]
        content: tuple[Inline, ...] = canonical(_joined([p for p in parts if p]))
    else:
        content = inlines(element, linked)
    return Cell(
        content,
        header=local_name(element) == "th",
        colspan=_span(element, "colspan", MAX_COLSPAN),
        rowspan=_span(element, "rowspan", MAX_ROWSPAN),
    )


def _joined(parts: list[tuple[Inline, ...]]) -> list[Inline]:
    joined: list[Inline] = []
    for part in parts:
        joined += [Text(" "), *part] if joined else list(part)
    return joined


def _span(element: etree._Element, name: str, limit: int) -> int:
    value = element.get(name, "1").strip()
    return min(max(int(value), 1), limit) if value.isdigit() else 1
