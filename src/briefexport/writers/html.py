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
from .xhtml import NotePlacement, brief_to_xhtml
from .xhtml.stylesheet import format_css

STYLESHEETS = ("common.css", "html.css")
# XML allows these code points, HTML forbids them (controls and noncharacters, HTML 13.2.5).
_PLANE_ENDS = "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
FORBIDDEN = re.compile(f"[\x7f-\x9f\ufdd0-\ufdef{_PLANE_ENDS}]")
REPLACEMENT = "\ufffd"
log = logging.getLogger(__name__)


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as a standalone HTML page, UTF-8."""
    css = format_css(options.style_dir, options.brand, STYLESHEETS)
    root = brief_to_xhtml(
        brief,
        NotePlacement.END,
        inline_css=css,
        style_dir=options.style_dir,
        modified=options.timestamp,
    )
    return to_html(root)


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
    return body + b"\n"


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
