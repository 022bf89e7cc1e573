"""The running header of the Word copy (ECMA-376 Part 1, 17.10: headers and footers).

The shipped reference document's header holds one paragraph in the Running Head style with an
end-aligned tab stop; it is filled with the brief's running head, a tab and the long date, as in
the PDF. The title page has a header of its own (``w:titlePg``) and stays without. A template
whose headers have no Running Head paragraph keeps them as they are.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.section import _BaseHeaderFooter

from ...model import Text
from ...shared.front import running_head
from ...shared.i18n import long_date
from . import stylemap as sm
from .context import Context
from .inlines import inlines_to_docx
from .xml import Element, RunFormat, w


def fill_running_heads(ctx: Context) -> None:
    """Put the running head and the date into every Running Head paragraph of the headers."""
    style_id = ctx.styles.find(sm.RUNNING_HEAD)
    if style_id is None:
        return
    for section in ctx.document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if not header.is_linked_to_previous:
                fill_header(ctx, header, style_id)


def fill_header(ctx: Context, header: _BaseHeaderFooter, style_id: str) -> None:
    """Replace the content of the header's Running Head paragraphs."""
    for paragraph in header.paragraphs:
        element: Element = paragraph._p
        if element.xpath("string(w:pPr/w:pStyle/@w:val)") != style_id:
            continue
        for node in list(element):
            if node.tag != qn("w:pPr"):
                element.remove(node)
        properties = element.find(qn("w:pPr"))
        if ctx.rtl and properties is not None and properties.find(qn("w:bidi")) is None:
            properties.insert_element_before(w("bidi"), "w:spacing", "w:ind", "w:jc", "w:rPr")
        fmt = RunFormat(rtl=ctx.rtl)
        meta = ctx.brief.meta
        element.extend(inlines_to_docx(ctx, (Text(running_head(meta)),), fmt))
        tab = w("r")
        tab.append(w("tab"))
        element.append(tab)
        element.extend(inlines_to_docx(ctx, (Text(long_date(meta.date, meta.language)),), fmt))
