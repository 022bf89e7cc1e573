"""The shared XHTML renderer behind ``--to pdf``, ``--to epub`` and ``--to html``.

It turns a :class:`~briefexport.model.Brief` into one semantic XHTML document (HTML Living
Standard, XML syntax; EPUB 3.3 XHTML Content Document rules; DPUB-ARIA 1.1 roles). Each format
adds only its own CSS from ``styles/`` and picks where footnote texts go (:class:`NotePlacement`).
A run of text too long to be a word gets break opportunities (:mod:`.longruns`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from lxml import etree

from ...model import Brief, Image
from ...shared.brand import Brand
from ...shared.xmlnames import XML_LANG
from .blocks import blocks_to_xhtml
from .colophon import colophon
from .context import NotePlacement, RenderContext
from .front import front_to_xhtml, head_to_xhtml
from .inline import inline_to_xhtml
from .longruns import mark_overlong_runs
from .markup import NSMAP, child, data_uri, element, serialize, tag
from .notes import endnotes_section, flush_notes, leftover_notes

__all__ = [
    "NotePlacement",
    "brief_to_xhtml",
    "data_uri",
    "serialize",
    "tag",
]


def brief_to_xhtml(
    brief: Brief,
    placement: NotePlacement,
    *,
    css: Sequence[str] = (),
    inline_css: str | None = None,
    image_src: Callable[[Image], str] = data_uri,
    style_dir: Path | None = None,
    modified: dt.datetime | None = None,
    brand: Brand | None = None,
) -> etree._Element:
    """The brief as an XHTML ``<html>`` element.

    ``css`` are stylesheet URLs to link, ``inline_css`` goes into a ``<style>`` element,
    ``image_src`` gives each figure's ``src`` (a data URI by default), ``modified`` the
    ``dcterms.modified`` date (the publication date when not given), ``brand`` what the title
    page and the colophon show (the house brand when not given).
    """
    ctx = RenderContext(brief, placement, image_src, style_dir, brand or Brand())
    ctx.direction = ctx.document_direction
    html = element("html", {"lang": brief.meta.language, XML_LANG: brief.meta.language})
    html.set("dir", ctx.direction)
    head_to_xhtml(ctx, html, css, inline_css, modified)
    body_to_xhtml(ctx, html)
    return html


def body_to_xhtml(ctx: RenderContext, html: etree._Element) -> None:
    """The ``body``: the front matter, the main text with its references and notes, the
    endnotes and the colophon."""
    body = etree.SubElement(html, tag("body"), nsmap=NSMAP)
    header = front_to_xhtml(ctx, body)
    flush_notes(ctx, header)
    main = etree.SubElement(body, tag("main"))
    blocks_to_xhtml(ctx, main, ctx.brief.body, 0)
    references_section(ctx, main)
    leftover_notes(ctx, main)
    endnotes_section(ctx, body)
    colophon(ctx, body)
    mark_overlong_runs(body)


def references_section(ctx: RenderContext, main: etree._Element) -> None:
    """The reference list, when the brief has one."""
    if not ctx.brief.references:
        return
    attrs = {"id": "references", "class": "references", "role": "doc-bibliography"}
    section = child(main, "section", {**attrs, "aria-labelledby": "references-title"})
    child(section, "h2", {"id": "references-title"}, ctx.label("references"))
    items = child(section, "ol")
    for reference in ctx.brief.references:
        item = child(items, "li", {"id": f"ref-{reference.number}", "value": str(reference.number)})
        inline_to_xhtml(ctx, item, reference.citation)
    flush_notes(ctx, section)
