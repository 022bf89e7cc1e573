"""The document head (metadata WeasyPrint turns into PDF metadata) and the front matter.

The front matter reproduces a think-tank brief's first page: series label, title, subtitle,
"By" block, "Edited by" block, long date, disclaimer, then abstract and keywords if any.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from lxml import etree

from ...inlines import plain_text
from ...model import Contributor, Link, Metadata, Text
from ...shared import i18n
from ...shared.brand import Placement
from ...shared.front import affiliation_text, document_title, orcid_url, shown_role
from .colophon import citation_block, identity_block
from .context import RenderContext
from .inline import inlines_to_xhtml, slanted, text_to_xhtml
from .markup import append_text, child

GENERATOR = "briefexport"


def head_to_xhtml(
    ctx: RenderContext,
    html: etree._Element,
    css: Sequence[str],
    inline_css: str | None,
    modified: dt.datetime | None,
) -> None:
    """``<head>`` with title, stylesheets and the brief's metadata as ``<meta>`` elements."""
    meta = ctx.brief.meta
    head = child(html, "head")
    child(head, "meta", {"charset": "utf-8"})
    child(head, "title", text=document_title(meta))
    for href in css:
        child(head, "link", {"rel": "stylesheet", "href": href})
    if inline_css:
        child(head, "style", text=inline_css)
    for name, content in head_metadata(meta, modified):
        child(head, "meta", {"name": name, "content": content})


def head_metadata(meta: Metadata, modified: dt.datetime | None) -> list[tuple[str, str]]:
    """(name, content) pairs for ``<meta>``: authors, description, keywords, dates."""
    pairs = [("author", author.name.display) for author in meta.authors]
    abstract = " ".join(plain_text(p.children) for p in meta.abstract)
    if abstract:
        pairs.append(("description", abstract))
    if meta.keywords:
        pairs.append(("keywords", ", ".join(meta.keywords)))
    pairs.append(("generator", GENERATOR))
    pairs.append(("dcterms.created", meta.date.isoformat()))
    changed = modified.strftime("%Y-%m-%dT%H:%M:%SZ") if modified else meta.date.isoformat()
    pairs.append(("dcterms.modified", changed))
    return pairs


def front_to_xhtml(ctx: RenderContext, body: etree._Element) -> etree._Element:
    """``<header class="front">`` with everything printed above the lead paragraph."""
    meta = ctx.brief.meta
    header = child(body, "header", {"class": "front"})
    text_to_xhtml(ctx, child(header, "p", {"class": "series"}), meta.series_label)
    inlines_to_xhtml(ctx, child(header, "h1", {"class": "title"}), meta.title)
    if meta.subtitle:
        inlines_to_xhtml(ctx, child(header, "p", {"class": "subtitle"}), meta.subtitle)
    people_block(ctx, header, "byline", ctx.label("by"), meta.authors)
    people_block(ctx, header, "editors", ctx.label("edited_by"), meta.editors)
    date = child(child(header, "p", {"class": "date"}), "time", {"datetime": meta.date.isoformat()})
    date.text = i18n.long_date(meta.date, meta.language)
    identity_block(ctx, header, Placement.TITLE_PAGE)
    if meta.disclaimer:
        text = plain_text(meta.disclaimer)
        disclaimer = slanted(ctx, child(header, "p", {"class": "disclaimer"}), "em", text, {})
        inlines_to_xhtml(ctx, disclaimer, meta.disclaimer)
    citation_block(ctx, header, Placement.TITLE_PAGE)
    abstract_and_keywords(ctx, header)
    return header


def people_block(
    ctx: RenderContext,
    header: etree._Element,
    css_class: str,
    label: str,
    people: Sequence[Contributor],
) -> None:
    """The "By" or "Edited by" block: one ``div.contributor`` per person."""
    if not people:
        return
    block = child(header, "div", {"class": css_class})
    child(block, "p", {"class": "byline-label"}, label)
    for person in people:
        contributor = child(block, "div", {"class": "contributor"})
        name = child(child(contributor, "p", {"class": "name"}), "strong")
        text_to_xhtml(ctx, name, person.name.display)
        role = shown_role(person, label)
        if role:
            muted_line(ctx, contributor, "role", role)
        for affiliation in person.affiliations:
            muted_line(ctx, contributor, "affiliation", affiliation_text(affiliation, ctx.language))
        contact_lines(ctx, contributor, person)


def muted_line(ctx: RenderContext, parent: etree._Element, kind: str, text: str) -> None:
    """A role or affiliation line, in italics where the script has them."""
    text_to_xhtml(ctx, slanted(ctx, child(parent, "p", {"class": kind}), "em", text, {}), text)


def contact_lines(ctx: RenderContext, parent: etree._Element, person: Contributor) -> None:
    """The person's ORCID iD and e-mail address as links, when the brand shows them."""
    front = ctx.brand.front
    if front.orcid and person.orcid:
        url = orcid_url(person.orcid)
        inlines_to_xhtml(ctx, child(parent, "p", {"class": "orcid"}), (Link(url, (Text(url),)),))
    if front.email and person.email:
        link = Link(f"mailto:{person.email}", (Text(person.email),))
        inlines_to_xhtml(ctx, child(parent, "p", {"class": "email"}), (link,))


def abstract_and_keywords(ctx: RenderContext, header: etree._Element) -> None:
    meta = ctx.brief.meta
    if meta.abstract:
        attrs = {"class": "abstract", "aria-labelledby": "abstract-title"}
        section = child(header, "section", attrs)
        child(section, "h2", {"id": "abstract-title"}, ctx.label("abstract"))
        for paragraph in meta.abstract:
            inlines_to_xhtml(ctx, child(section, "p"), paragraph.children)
    if meta.keywords:
        keywords = child(header, "p", {"class": "keywords"})
        child(keywords, "span", {"class": "keywords-label"}, ctx.label("keywords"))
        append_text(keywords, " ")
        words = ctx.label("comma").join(meta.keywords)
        text_to_xhtml(ctx, child(keywords, "span", {"class": "keyword-list"}), words)
