"""The brief's identity in the page: publisher, series and report number, DOI, the suggested
citation, and the closing colophon with copyright and licence, in Typst markup.

The lines are those of the XHTML renderer (``writers/xhtml/colophon.py``), from the same shared
helpers: the brand's ``[front]`` table says whether the identity lines and the citation go on
the title page, into the colophon or nowhere. The colophon (``colophon`` in
``house-body.typ``) is set in small type, kept in one piece and never alone on a last page; the
copyright is one sentence and the licence another, with only the licence's name linked.
"""

from __future__ import annotations

from ...shared.brand import Placement
from ...shared.citation import citation_inlines
from ...shared.front import copyright_line, identity_lines, sentence
from ...shared.licence import licence_inlines
from .context import RenderContext
from .inlines import inlines_to_typst
from .markup import array, call, content, escape, paragraphs


def identity_block(ctx: RenderContext, where: Placement) -> str:
    """Publisher, series and report number, and DOI, when the brand places them ``where``."""
    if ctx.brand.front.identifiers is not where:
        return ""
    lines = [inlines_to_typst(ctx, inlines) for _, inlines in identity_lines(ctx.brief.meta)]
    named = {"colophon": "true"} if where is Placement.COLOPHON else {}
    return "#" + call("identity", array(content(line) for line in lines), **named)


def citation_block(ctx: RenderContext, where: Placement) -> str:
    """The suggested citation under its label, when the brand places it ``where``."""
    if ctx.brand.front.citation is not where:
        return ""
    label = content(escape(ctx.label("suggested_citation")))
    citation = content(inlines_to_typst(ctx, citation_inlines(ctx.brief.meta)))
    named = {"colophon": "true"} if where is Placement.COLOPHON else {}
    return "#" + call("suggested-citation", label, citation, **named)


def rights_line(ctx: RenderContext) -> str:
    """The copyright sentence, then the licence sentence with the licence's name linked."""
    rights = ctx.brief.meta.permissions
    if rights is None:
        return ""
    statement = copyright_line(rights)
    parts = [escape(sentence(statement, ctx.language))] if statement else []
    licence = licence_inlines(rights)
    if licence:
        parts.append(inlines_to_typst(ctx, licence))
    return " ".join(parts)


def colophon_to_typst(ctx: RenderContext) -> str:
    """What the brand places in the colophon, then the rights, in one closing block."""
    parts = [
        identity_block(ctx, Placement.COLOPHON),
        citation_block(ctx, Placement.COLOPHON),
    ]
    rights = rights_line(ctx)
    if rights:
        parts.append("#" + call("rights", content(rights)))
    body = paragraphs(parts)
    return "#" + call("colophon", content(body)) if body else ""
