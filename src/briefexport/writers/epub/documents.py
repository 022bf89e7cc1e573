"""The XHTML Content Documents of the book: title page, brief text and navigation document.

One rendering of the brief (notes as EPUB 3 footnote asides) is split in two documents: the
title page (``header.front``) and the text (``main``). Links between them are rewritten to name
the other file, so every note call and back-link still resolves (EPUB 3.3, section 6.1).
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import deepcopy

from lxml import etree

from ...model import Brief
from ...model.record import Record, record
from ...shared.i18n import is_rtl
from ...shared.xmlnames import XML_LANG
from ..xhtml import serialize, tag
from ..xhtml.markup import EPUB_TYPE, child, element

TITLE_PAGE = "titlepage.xhtml"
TEXT = "brief.xhtml"
NAV = "nav.xhtml"
LANDMARKS = (
    ("titlepage", TITLE_PAGE, "title_page"),
    ("toc", f"{NAV}#toc", "contents"),
    ("bodymatter", TEXT, "text"),
)


@record
class Heading(Record):
    """A section heading for the navigation document."""

    href: str
    title: str
    level: int


def split_documents(root: etree._Element) -> dict[str, etree._Element]:
    """The rendered brief as two documents: title page and text, links fixed across them.
    The parts of ``root``'s body are moved into them, not copied: ``root`` is left without."""
    body = required(root, "body")
    header, main = required(body, "header"), required(body, "main")
    header.set(EPUB_TYPE, "titlepage")
    main.set(EPUB_TYPE, "bodymatter")
    back = [node for node in body if etree.QName(node).localname in {"section", "footer"}]
    documents = {TITLE_PAGE: page_with(root, header), TEXT: page_with(root, main, *back)}
    relink(documents)
    return documents


def page_with(root: etree._Element, *content: etree._Element) -> etree._Element:
    """A copy of ``root``'s ``<html>`` and ``<head>`` around some parts of its body, moved
    there."""
    page = etree.Element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap)
    page.append(deepcopy(required(root, "head")))
    body = child(page, "body")
    for part in content:
        body.append(part)  # with its tail, as a copy would have it
    return page


def required(parent: etree._Element, name: str) -> etree._Element:
    """The child element ``name`` the renderer always writes."""
    found = parent.find(tag(name))
    if found is None:
        raise ValueError(f"rendered brief has no <{name}>")
    return found


def relink(documents: dict[str, etree._Element]) -> None:
    """Point ``href="#id"`` at the document that holds ``id`` when it is another one."""
    owner = {node.get("id"): name for name, doc in documents.items() for node in doc.iter()}
    for name, doc in documents.items():
        for link in doc.iter(tag("a")):
            href = link.get("href", "")
            target = owner.get(href[1:]) if href.startswith("#") else None
            if target and target != name:
                link.set("href", f"{target}{href}")


def headings(text: etree._Element) -> list[Heading]:
    """Every section heading of the text document, in order, with its level (1 = ``h2``)."""
    found = []
    for section in text.iter(tag("section")):
        heading = next((c for c in section if etree.QName(c).localname[:1] == "h"), None)
        if section.get("id") and heading is not None:
            title = heading_text(heading)
            level = int(etree.QName(heading).localname[1]) - 1
            found.append(Heading(f"{TEXT}#{section.get('id')}", title, level))
    return found


def heading_text(heading: etree._Element) -> str:
    """A heading's words without its note and reference calls."""
    words = deepcopy(heading)
    for call in words.xpath(".//*[@role='doc-noteref' or @role='doc-biblioref']"):
        call.text = ""
        for descendant in call:
            call.remove(descendant)
    return " ".join("".join(words.itertext()).split())


def nav_document(
    brief: Brief,
    words: Mapping[str, str],
    sections: list[Heading],
    targets: tuple[tuple[str, str, str], ...] = LANDMARKS,
) -> bytes:
    """The EPUB navigation document: table of contents (nested by level) and landmarks.

    ``words`` holds the brief's plain ``title`` and the labels ``contents``, ``title_page``
    and ``text`` (``cover`` too with a cover) in the brief's language; ``marks`` are the
    landmarks as (``epub:type``, target, label key).
    """
    lang = brief.meta.language
    direction = "rtl" if is_rtl(brief.meta.language) else "ltr"
    html = element("html", {"lang": lang, XML_LANG: lang, "dir": direction})
    head = child(html, "head")
    child(head, "meta", {"charset": "utf-8"})
    child(head, "title", text=words["contents"])
    child(head, "link", {"rel": "stylesheet", "href": "style/brief.css"})
    body = child(html, "body")
    toc = child(body, "nav", {EPUB_TYPE: "toc", "id": "toc", "role": "doc-toc"})
    child(toc, "h1", text=words["contents"])
    top = child(toc, "ol")
    child(child(top, "li"), "a", {"href": TITLE_PAGE}, words["title"])
    nest_headings(top, sections)
    landmarks = child(body, "nav", {EPUB_TYPE: "landmarks", "id": "landmarks", "hidden": "hidden"})
    marks = child(landmarks, "ol")
    for kind, href, key in targets:
        child(child(marks, "li"), "a", {EPUB_TYPE: kind, "href": href}, words[key])
    return serialize(html, in_place=True)


def nest_headings(top: etree._Element, sections: list[Heading]) -> None:
    """Append one ``<li>`` per heading, nesting deeper levels in the entry above them."""
    stack: list[tuple[int, etree._Element | None]] = [(0, None)]
    for heading in sections:
        while len(stack) > 1 and stack[-1][0] >= heading.level:
            stack.pop()
        above = stack[-1][1]
        parent_list = top if above is None else ensure_sublist(above)
        item = child(parent_list, "li")
        child(item, "a", {"href": heading.href}, heading.title)
        stack.append((heading.level, item))


def ensure_sublist(item: etree._Element) -> etree._Element:
    """The ``<ol>`` inside a navigation entry, created on first use."""
    existing = item.find(tag("ol"))
    return existing if existing is not None else child(item, "ol")
