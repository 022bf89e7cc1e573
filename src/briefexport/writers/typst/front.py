"""The first page's front matter and the PDF's document metadata, in Typst markup.

The front matter follows the shared XHTML renderer's (``writers/xhtml/front.py``) and prints
the same lines from the same shared helpers (:mod:`briefexport.shared.front`): series label,
title, subtitle, "By" block, "Edited by" block (a role the block's label already says is left
out), long date, the identity lines when the brand puts them on the title page, disclaimer,
the suggested citation when the brand puts it there, abstract and keywords.

The metadata (``set document``) gives the PDF's Info dictionary and XMP: title (with the
subtitle), authors, the abstract as description, keywords; the language comes from ``set
text``. Typst 0.15's ``document`` has no field for an identifier or rights: :mod:`.xmp` adds
``dc:identifier``, ``dc:rights`` and ``xmpRights`` to the XMP after compiling.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...inlines import plain_text
from ...model import Brief, Contributor, Link, Text
from ...shared import i18n
from ...shared.brand import Placement
from ...shared.front import affiliation_text, document_title, orcid_url, shown_role
from .colophon import citation_block, identity_block
from .context import RenderContext
from .inlines import inlines_to_typst, slanted
from .markup import array, call, content, escape, hash_call, paragraphs, string


def document_metadata(brief: Brief) -> str:
    """``#set document(...)``: title, authors, description and keywords of the PDF."""
    meta = brief.meta
    authors = array(string(author.name.display) for author in meta.authors)
    named = {"title": string(document_title(meta)), "author": authors}
    abstract = " ".join(plain_text(paragraph.children) for paragraph in meta.abstract)
    if abstract:
        named["description"] = string(abstract)
    if meta.keywords:
        named["keywords"] = array(string(keyword) for keyword in meta.keywords)
    return "#set " + call("document", **named)


def front_to_typst(ctx: RenderContext) -> str:
    """Everything printed above the lead paragraph."""
    meta = ctx.brief.meta
    parts = [
        hash_call("series-label", trailing=escape(meta.series_label)),
        hash_call("brief-title", trailing=inlines_to_typst(ctx, meta.title)),
    ]
    if meta.subtitle:
        parts.append(hash_call("subtitle", trailing=inlines_to_typst(ctx, meta.subtitle)))
    parts.append(people(ctx, ctx.label("by"), meta.authors))
    parts.append(people(ctx, ctx.label("edited_by"), meta.editors))
    parts.append(hash_call("brief-date", trailing=escape(i18n.long_date(meta.date, meta.language))))
    parts.append(identity_block(ctx, Placement.TITLE_PAGE))
    if meta.disclaimer:
        disclaimer = inlines_to_typst(ctx, meta.disclaimer)
        text = plain_text(meta.disclaimer)
        parts.append(hash_call("disclaimer", trailing=slanted(disclaimer, text)))
    parts.append(citation_block(ctx, Placement.TITLE_PAGE))
    parts.append(abstract(ctx))
    if meta.keywords:
        words = content(escape(ctx.label("comma").join(meta.keywords)))
        parts.append("#" + call("keywords", content(escape(ctx.label("keywords"))), words))
    parts.append(hash_call("front-end"))
    return paragraphs(parts)


def people(ctx: RenderContext, label: str, persons: Sequence[Contributor]) -> str:
    """The "By" or "Edited by" block."""
    if not persons:
        return ""
    entries = array(person(ctx, p, label) for p in persons)
    return "#" + call("people", content(escape(label)), entries)


def person(ctx: RenderContext, contributor: Contributor, block_label: str) -> str:
    """One person: name, role (unless ``block_label`` says it), affiliations, ORCID, e-mail."""
    named: dict[str, str] = {}
    role = shown_role(contributor, block_label)
    if role:
        named["role"] = content(slanted(escape(role), role))
    places = [affiliation_text(place, ctx.language) for place in contributor.affiliations]
    places = [slanted(escape(place), place) for place in places]
    if places:
        named["places"] = array(content(place) for place in places)
    contacts = contact_links(ctx, contributor)
    if contacts:
        named["contacts"] = array(content(link) for link in contacts)
    return call("person", content(escape(contributor.name.display)), **named)


def contact_links(ctx: RenderContext, contributor: Contributor) -> list[str]:
    """The person's ORCID iD and e-mail address as links, when the brand shows them."""
    front = ctx.brand.front
    links = []
    if front.orcid and contributor.orcid:
        url = orcid_url(contributor.orcid)
        links.append(Link(url, (Text(url),)))
    if front.email and contributor.email:
        links.append(Link(f"mailto:{contributor.email}", (Text(contributor.email),)))
    return [inlines_to_typst(ctx, (link,)) for link in links]


def abstract(ctx: RenderContext) -> str:
    meta = ctx.brief.meta
    if not meta.abstract:
        return ""
    body = paragraphs(inlines_to_typst(ctx, paragraph.children) for paragraph in meta.abstract)
    return "#" + call("abstract", content(escape(ctx.label("abstract"))), content(body))
