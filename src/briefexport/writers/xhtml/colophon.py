"""The brief's identity in the page: publisher, series and report number, DOI, the suggested
citation, and the closing colophon with copyright and licence.

The brand's ``[front]`` table says whether the identity lines and the citation go on the title
page (inside ``header.front``), into the colophon (``footer.back``, the last element of the body)
or nowhere. In the colophon the copyright is one sentence and the licence another, with only the
licence's name linked (``rel="license"``).
"""

from __future__ import annotations

from lxml import etree

from ...shared.brand import Placement
from ...shared.citation import citation_inlines
from ...shared.front import copyright_line, identity_lines, sentence
from ...shared.licence import licence_inlines
from .context import RenderContext
from .inline import inlines_to_xhtml, text_to_xhtml
from .markup import append_text, child, tag


def identity_block(ctx: RenderContext, parent: etree._Element, where: Placement) -> None:
    """Publisher, series and report number, and DOI, when the brand places them ``where``."""
    if ctx.brand.front.identifiers is not where:
        return
    block = child(parent, "div", {"class": "identity"})
    for kind, inlines in identity_lines(ctx.brief.meta):
        inlines_to_xhtml(ctx, child(block, "p", {"class": kind}), inlines)


def citation_block(ctx: RenderContext, parent: etree._Element, where: Placement) -> None:
    """The suggested citation under its label, when the brand places it ``where``."""
    if ctx.brand.front.citation is not where:
        return
    block = child(parent, "div", {"class": "suggested-citation"})
    child(block, "p", {"class": "citation-label"}, ctx.label("suggested_citation"))
    citation = child(block, "p", {"class": "citation"})
    inlines_to_xhtml(ctx, citation, citation_inlines(ctx.brief.meta))


def colophon(ctx: RenderContext, body: etree._Element) -> None:
    """``<footer class="back">``: what the brand places in the colophon, then the rights."""
    footer = child(body, "footer", {"class": "back"})
    identity_block(ctx, footer, Placement.COLOPHON)
    citation_block(ctx, footer, Placement.COLOPHON)
    rights_lines(ctx, footer)
    if not len(footer):
        body.remove(footer)


def rights_lines(ctx: RenderContext, footer: etree._Element) -> None:
    """The copyright sentence and the licence sentence, the licence's name linked."""
    rights = ctx.brief.meta.permissions
    if rights is None:
        return
    statement = copyright_line(rights)
    licence = licence_inlines(rights)
    if not (statement or licence):
        return
    line = child(footer, "p", {"class": "rights"})
    if statement:
        copyright_span = child(line, "span", {"class": "copyright"})
        text_to_xhtml(ctx, copyright_span, sentence(statement, ctx.language))
    if statement and licence:
        append_text(line, " ")
    if licence:
        inlines_to_xhtml(ctx, child(line, "span", {"class": "license"}), licence)
    for link in line.iter(tag("a")):
        if link.get("href") == rights.license_url:
            link.set("rel", "license")
