"""``--to html``: one standalone HTML5 page (HTML Living Standard, HTML syntax).

The shared XHTML renderer builds the page with notes as linked endnotes (DPUB-ARIA roles,
back-links to every call); this module inlines the style folder's ``common.css`` and ``html.css``
with the brand's values, keeps figures as ``data:`` URIs, and writes the tree in HTML syntax so
the Nu Html Checker reads it without errors.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy

from lxml import etree

from ..model import Brief
from ..options import WriteOptions
from ..shared.located import at_text
from ..shared.typeset import typeset
from .xhtml import NotePlacement, brief_to_xhtml, tag
from .xhtml.darkmode import dark_properties
from .xhtml.markup import element
from .xhtml.scholarly import scholarly_head
from .xhtml.stylesheet import format_css, root_rule

STYLESHEETS = ("common.css", "html.css")
WEB_METAS = (
    ("viewport", "width=device-width, initial-scale=1"),
    ("color-scheme", "light dark"),
)
# XML allows these code points, HTML forbids them (controls and noncharacters, HTML 13.2.5).
_PLANE_ENDS = "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
FORBIDDEN = re.compile(f"[\x7f-\x9f\ufdd0-\ufdef{_PLANE_ENDS}]")
REPLACEMENT = "\ufffd"
log = logging.getLogger(__name__)


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as a standalone HTML page, UTF-8."""
    brief = typeset(brief, options.smart)
    css = format_css(options.style_dir, options.brand, STYLESHEETS)
    css += root_rule(dark_properties(options.brand.colors))
    root = brief_to_xhtml(
        brief,
        NotePlacement.END,
        inline_css=css,
        style_dir=options.style_dir,
        modified=options.timestamp,
        brand=options.brand,
    )
    web_head(root, brief, options)
    return to_html(root)


def web_head(root: etree._Element, brief: Brief, options: WriteOptions) -> None:
    """What only a web page needs in its head: the viewport, both colour schemes, and the
    metadata scholarly search engines read."""
    head = root.find(tag("head"))
    assert head is not None
    for name, content in reversed(WEB_METAS):  # right after <meta charset>
        head[0].addnext(element("meta", {"name": name, "content": content}))
    scholarly_head(head, brief.meta, options.pdf_url)


def to_html(root: etree._Element) -> bytes:
    """Serialise an XHTML tree in HTML syntax: no namespaces, void elements without end tags."""
    page = deepcopy(root)
    for node in page.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
            for name in [name for name in node.attrib if name.startswith("{")]:
                del node.attrib[name]  # xml:lang and epub:type mean nothing in text/html
    etree.cleanup_namespaces(page)
    replace_forbidden(page)
    body = etree.tostring(page, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")
    # libxml2's HTML serializer predates <wbr> and writes "<wbr></wbr>"; HTML makes that end tag
    # an error. Text has its "<" escaped, so the pair only comes from the element.
    return body.replace(b"<wbr></wbr>", b"<wbr>") + b"\n"


def replace_forbidden(page: etree._Element) -> None:
    """Replace code points HTML forbids by U+FFFD, with one warning per page."""
    found: set[str] = set()

    def clean(text: str | None) -> str | None:
        if text is None or not FORBIDDEN.search(text):
            return text
        found.update(FORBIDDEN.findall(text))
        return FORBIDDEN.sub(REPLACEMENT, text)

    for node in page.iter():
        node.text, node.tail = clean(node.text), clean(node.tail)
        for name, value in node.attrib.items():
            node.set(name, clean(value) or "")
    if found:
        points = ", ".join(f"U+{ord(c):04X}" for c in sorted(found))
        first = min(found, key=lambda char: ord(char))
        log.warning("HTML cannot carry %s; replaced by U+FFFD", points, extra=at_text(first))
