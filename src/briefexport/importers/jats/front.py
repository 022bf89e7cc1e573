"""The ``front`` of a JATS article as the brief's metadata.

Kept: the journal title (as the series), journal id, publisher and its place; the DOI and the
publisher's article id; the first subject (the heading); title, subtitle and a running head;
authors and editors with ORCID, e-mail, role and affiliations; the disclaimer (``fn
custom-type="disclaimer"``); the publication date; copyright and licence; the main abstract;
keywords. The rest of ``front`` is dropped and reported (see :mod:`.frontparts`). A missing
series or publisher takes the fallbacks of :mod:`briefexport.importers.defaults`, with a
warning; an article without an author, a title or a publication date cannot become a brief.
``xml:lang`` defaults to English, as the JATS DTD itself declares.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lxml import etree

from ...model import Contributor, Inline, Metadata
from ...shared.xmlnames import XML_LANG
from ..defaults import DEFAULT_LANGUAGE, DEFAULT_PUBLISHER, DEFAULT_SERIES, Fallbacks
from ..language import language_problem
from ..names import journal_id_for
from .context import JatsContext, Level, Scope, text_of
from .frontparts import (
    abstract,
    disclaimer,
    heading,
    permissions,
    pub_date,
    report_dropped,
    running_head,
)
from .inline import inlines
from .people import People

SERIES_PATHS = (
    "journal-title-group/journal-title",
    "journal-title",
    "journal-title-group/abbrev-journal-title",
)


def metadata(root: etree._Element, ctx: JatsContext, fallbacks: Fallbacks) -> Metadata | None:
    """The brief's metadata, or None when something required is missing (reported)."""
    journal = root.find("front/journal-meta")
    meta = root.find("front/article-meta")
    if meta is None:
        ctx.notices.error(root, "the article has no <front>/<article-meta>")
        return None
    people = People(ctx, meta)
    required = _required(meta, people, ctx, fallbacks)
    report_dropped(meta, journal, ctx)
    if required is None:
        return None
    title, authors, date = required
    where = journal if journal is not None else root
    publisher = _publisher(journal, list(authors), fallbacks, ctx, where)
    return Metadata(
        language=_language(root, ctx),
        series=_series(journal, fallbacks, ctx, where),
        journal_id=_journal_id(journal) or journal_id_for(publisher) or publisher,
        publisher=publisher,
        title=title,
        authors=authors,
        date=date,
        publisher_location=_text(journal, "publisher/publisher-loc"),
        editors=tuple(people.editors),
        affiliations=people.affiliations,
        **_article_fields(meta, ctx),
    )


def _required(
    meta: etree._Element, people: People, ctx: JatsContext, fallbacks: Fallbacks
) -> tuple[tuple[Inline, ...], tuple[Contributor, ...], dt.date] | None:
    """Title, authors and date, each reported when missing; None when one is."""
    title = _inlines(meta.find("title-group/article-title"), Scope(ctx, Level.PHRASE))
    authors = people.authors
    date = pub_date(meta, ctx, fallbacks.date)
    if not title:
        ctx.notices.error(meta, "the article has no title (title-group/article-title)")
    if not authors:
        ctx.notices.error(meta, "the article names no author; a brief needs at least one")
    if not title or not authors or date is None:
        return None
    return title, tuple(authors), date


def _language(root: etree._Element, ctx: JatsContext) -> str:
    """The article's ``xml:lang`` (English when absent, as the JATS DTD declares)."""
    language = root.get(XML_LANG) or DEFAULT_LANGUAGE
    problem = language_problem(language)
    if problem:
        ctx.notices.error(root, problem)
    return language


def _article_fields(meta: etree._Element, ctx: JatsContext) -> dict[str, Any]:
    """The optional fields of ``article-meta``."""
    return {
        "doi": _text(meta, "article-id[@pub-id-type='doi']"),
        "publisher_id": _text(meta, "article-id[@pub-id-type='publisher-id']"),
        "heading": heading(meta, ctx),
        "subtitle": _inlines(meta.find("title-group/subtitle"), Scope(ctx, Level.PHRASE)),
        "running_head": running_head(meta),
        "disclaimer": disclaimer(meta, ctx),
        "permissions": permissions(meta.find("permissions"), ctx),
        "abstract": abstract(meta, ctx),
        "keywords": tuple(dict.fromkeys(text_of(k) for k in meta.iter("kwd") if text_of(k))),
    }


def _inlines(element: etree._Element | None, scope: Scope) -> tuple[Inline, ...]:
    return () if element is None else inlines(element, scope)


def _text(element: etree._Element | None, path: str) -> str | None:
    return (text_of(element.find(path)) or None) if element is not None else None


def _series(
    journal: etree._Element | None, fallbacks: Fallbacks, ctx: JatsContext, where: etree._Element
) -> str:
    for path in SERIES_PATHS:
        found = _text(journal, path)
        if found:
            return found
    if fallbacks.series:
        return fallbacks.series
    message = f"no journal title to use as the series; using {DEFAULT_SERIES!r} (see --series)"
    ctx.notices.warning(where, message)
    return DEFAULT_SERIES


def _journal_id(journal: etree._Element | None) -> str | None:
    if journal is None:
        return None
    ids = [found for found in journal.iterfind("journal-id") if text_of(found)]
    preferred = [found for found in ids if found.get("journal-id-type") == "publisher-id"]
    return text_of((preferred or ids)[0]) if ids else None


def _publisher(
    journal: etree._Element | None,
    authors: list[Contributor],
    fallbacks: Fallbacks,
    ctx: JatsContext,
    where: etree._Element,
) -> str:
    named = _text(journal, "publisher/publisher-name")
    if named:
        return named
    if fallbacks.publisher:
        return fallbacks.publisher
    institutions = [aff.institution for person in authors for aff in person.affiliations]
    chosen = institutions[0] if institutions else DEFAULT_PUBLISHER
    source = "the first author's institution " if institutions else ""
    ctx.notices.warning(where, f"no publisher named; using {source}{chosen!r} (see --publisher)")
    return chosen
