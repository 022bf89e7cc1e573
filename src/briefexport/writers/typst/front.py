"""The first page's front matter and the PDF's document metadata, in Typst markup.

The front matter reproduces the shared XHTML renderer's (``writers/xhtml/front.py``): series
label, title, subtitle, "By" block, "Edited by" block, long date, disclaimer, abstract and
keywords. The metadata (``set document``) gives the PDF's Info dictionary and XMP: title (with
the subtitle), authors, the series as subject, keywords; the language comes from ``set text``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...inlines import plain_text
from ...model import Brief, Contributor
from ...shared import i18n
from .context import RenderContext
from .inlines import inlines_to_typst
from .markup import array, call, content, escape, hash_call, paragraphs, string


def document_title(brief: Brief) -> str:
    """The title, with the subtitle after a colon when there is one."""
    title = plain_text(brief.meta.title)
    subtitle = plain_text(brief.meta.subtitle)
    return f"{title}: {subtitle}" if subtitle else title


def document_metadata(brief: Brief) -> str:
    """``#set document(...)``: title, authors, subject and keywords of the PDF."""
    meta = brief.meta
    authors = array(string(author.name.display) for author in meta.authors)
    named = {"title": string(document_title(brief)), "author": authors}
    named["description"] = string(meta.series)
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
    parts.append(people(ctx.label("by"), meta.authors))
    parts.append(people(ctx.label("edited_by"), meta.editors))
    parts.append(hash_call("brief-date", trailing=escape(i18n.long_date(meta.date, meta.language))))
    if meta.disclaimer:
        parts.append(hash_call("disclaimer", trailing=inlines_to_typst(ctx, meta.disclaimer)))
    parts.append(abstract(ctx))
    if meta.keywords:
        words = content(escape(", ".join(meta.keywords)))
        parts.append("#" + call("keywords", content(escape(ctx.label("keywords"))), words))
    return paragraphs(parts)


def people(label: str, persons: Sequence[Contributor]) -> str:
    """The "By" or "Edited by" block."""
    if not persons:
        return ""
    return "#" + call("people", content(escape(label)), array(person(p) for p in persons))


def person(contributor: Contributor) -> str:
    named: dict[str, str] = {}
    if contributor.role:
        named["role"] = content(escape(contributor.role))
    places = []
    for affiliation in contributor.affiliations:
        parts = (affiliation.department, affiliation.institution)
        places.append(content(escape(", ".join(part for part in parts if part))))
    if places:
        named["places"] = array(places)
    return call("person", content(escape(contributor.name.display)), **named)


def abstract(ctx: RenderContext) -> str:
    meta = ctx.brief.meta
    if not meta.abstract:
        return ""
    body = paragraphs(inlines_to_typst(ctx, paragraph.children) for paragraph in meta.abstract)
    return "#" + call("abstract", content(escape(ctx.label("abstract"))), content(body))
