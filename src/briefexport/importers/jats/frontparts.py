"""Parts of a JATS article's ``front`` the brief keeps one of: date, rights, abstract,
disclaimer, heading, running head; and the report of everything ``front`` holds that a brief
cannot.

The publication date is the first complete ``pub-date`` of type ``pub``, ``epub``, ``ppub`` or
``collection`` (JATS 1.0 ``pub-type`` too); a date without day or month takes the first day or
month, with a warning. The main abstract is the first without ``abstract-type``; the others
(digests, graphical abstracts, translations) are dropped.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from ...model import Inline, Paragraph, Permissions
from ...rules.dates import printed_date_iso
from ...shared.xmlnames import ALI_LICENSE_REF, XLINK_HREF
from ..links import usable_href
from .blocks import HEADS, BlockBuilder
from .context import JatsContext, Level, Scope, local_name, text_of
from .inline import inlines

META_KEPT = frozenset(
    {"article-id", "article-categories", "title-group", "contrib-group", "aff", "author-notes",
     "pub-date", "permissions", "abstract", "kwd-group", "aff-alternatives"}
)  # fmt: skip
RUNNING_HEADS = ("running-head", "running", "short", "right-running", "left-running", None)
DATE_TYPES = ("pub", "epub", "epublish", "ppub", "collection", "", "epreprint")


def pub_date(meta: etree._Element, ctx: JatsContext, fallback: dt.date | None) -> dt.date | None:
    """The publication date (see the module docstring); None (reported) when there is none."""
    dates = sorted(meta.iterfind("pub-date"), key=_date_rank)
    for element in dates:
        found = _date(element, ctx)
        if found is not None:
            return found
    if fallback is not None:
        return fallback
    message = "the article has no usable publication date; give one with --date"
    ctx.notices.error(dates[0] if dates else meta, message)
    return None


def _date_rank(element: etree._Element) -> int:
    kind = element.get("date-type") or element.get("pub-type") or ""
    return DATE_TYPES.index(kind) if kind in DATE_TYPES else len(DATE_TYPES)


def _date(element: etree._Element, ctx: JatsContext) -> dt.date | None:
    try:
        return dt.date.fromisoformat(element.get("iso-8601-date", ""))
    except ValueError:
        pass
    year, month, day = (text_of(element.find(tag)) for tag in ("year", "month", "day"))
    if not (year.isdigit() and len(year) == 4):
        return None
    if month and not month.isdigit():
        month = (printed_date_iso(f"{month} {year}") or "0000-01")[5:7]
    if not month or not day:
        ctx.notices.warning(element, "publication date without day or month; the first is used")
    try:
        return dt.date(int(year), int(month or 1), int(day) if day.isdigit() else 1)
    except ValueError:
        ctx.notices.warning(element, f"publication date {year}-{month}-{day} does not exist")
        return None


def permissions(element: etree._Element | None, ctx: JatsContext) -> Permissions | None:
    """Copyright statement, year and holder; licence URL and text."""
    if element is None:
        return None
    licence = element.find("license")
    url = None
    if licence is not None:
        written = text_of(licence.find(ALI_LICENSE_REF)) or licence.get(XLINK_HREF, "")
        url = usable_href(written)
        if written.strip() and url is None:
            message = f"licence link {written.strip()!r} is not a link a brief can hold; dropped"
            ctx.notices.warning(licence, message)
    year = text_of(element.find("copyright-year"))
    texts = [text_of(p) for p in element.iter("license-p") if text_of(p)]
    found = Permissions(
        statement=text_of(element.find("copyright-statement")) or None,
        year=int(year) if year.isdigit() and len(year) == 4 else None,
        holder=text_of(element.find("copyright-holder")) or None,
        license_url=url,
        license_text=" ".join(texts) or None,
    )
    return None if found == Permissions() else found


def abstract(meta: etree._Element, ctx: JatsContext) -> tuple[Paragraph, ...]:
    """The paragraphs of the main abstract."""
    abstracts = list(meta.iterfind("abstract"))
    main = next(
        (a for a in abstracts if not a.get("abstract-type")), abstracts[0] if abstracts else None
    )
    for other in [*abstracts, *meta.iterfind("trans-abstract")]:
        if other is not main:
            ctx.notices.repeated(other, "abstracts other than the main one dropped")
    if main is None:
        return ()
    title = text_of(main.find("title"))
    if title and title.lower() != "abstract":
        ctx.notices.warning(
            main, f"the abstract's title {title!r} is dropped (writers print 'Abstract')"
        )
    return BlockBuilder(ctx, Level.NOTE).flat_paragraphs(main, "the abstract", HEADS)


def disclaimer(meta: etree._Element, ctx: JatsContext) -> tuple[Inline, ...]:
    """The text of the disclaimer note (``fn fn-type="custom" custom-type="disclaimer"``)."""
    kept: tuple[Inline, ...] = ()
    for child in meta.iterfind("author-notes/*"):
        is_disclaimer = child.get("custom-type") == "disclaimer" and local_name(child) == "fn"
        if is_disclaimer and not kept and child.find("p") is not None:
            kept = inlines(child.find("p"), Scope(ctx, Level.NOTE))  # first p; one is allowed
        else:
            kind = child.get("fn-type") or local_name(child)
            ctx.notices.repeated(child, f"author notes of kind {kind!r} dropped")
    return kept


def heading(meta: etree._Element, ctx: JatsContext) -> str | None:
    """The first subject of a ``heading`` group, else the first subject."""
    subjects = list(meta.iterfind("article-categories//subject"))
    preferred = [s for s in subjects if _group_type(s) == "heading"]
    chosen = (preferred or subjects)[0] if subjects else None
    for other in subjects:
        if other is not chosen and text_of(other):
            ctx.notices.repeated(other, "subjects other than the first heading dropped")
    return text_of(chosen) or None


def _group_type(subject: etree._Element) -> str | None:
    group = subject.getparent()
    return None if group is None else group.get("subj-group-type")


def running_head(meta: etree._Element) -> str | None:
    """An ``alt-title`` of a running-head kind (or of no kind)."""
    for alt in meta.iterfind("title-group/alt-title"):
        if alt.get("alt-title-type") in RUNNING_HEADS and text_of(alt):
            return text_of(alt)
    return None


def report_dropped(meta: etree._Element, journal: etree._Element | None, ctx: JatsContext) -> None:
    """Report what ``article-meta`` and ``journal-meta`` hold that a brief has no place for."""
    for child in meta:
        if local_name(child) and local_name(child) not in META_KEPT and _has_content(child):
            ctx.notices.dropped(child)
    for found in meta.iterfind("article-id"):
        if found.get("pub-id-type") not in ("doi", "publisher-id"):
            ctx.notices.repeated(found, "article ids other than DOI and publisher id dropped")
    for found in meta.iterfind("title-group/*"):
        if local_name(found) not in ("article-title", "subtitle", "alt-title"):
            ctx.notices.dropped(found)
    kept = {"journal-id", "journal-title-group", "journal-title", "publisher"}
    for child in journal if journal is not None else ():
        if local_name(child) and local_name(child) not in kept and _has_content(child):
            ctx.notices.repeated(child, f"journal metadata <{local_name(child)}> dropped")


def _has_content(element: etree._Element) -> bool:
    """True when the element holds text, attributes (other than an id) or such children."""
    if text_of(element) or any(key != "id" for key in element.attrib):
        return True
    return any(_has_content(child) for child in element if isinstance(child.tag, str))
