"""``--to html``: one standalone HTML5 page (HTML Living Standard, HTML syntax).

The shared XHTML renderer builds the page with notes as linked endnotes (DPUB-ARIA roles,
back-links to every call); this module inlines the style folder's ``common.css`` and ``html.css``
with the brand's values, keeps figures as ``data:`` URIs, and writes the tree in HTML syntax so
the Nu Html Checker reads it without errors.
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree

from ..model import Brief
from ..options import WriteOptions
from .xhtml import NotePlacement, brief_to_xhtml
from .xhtml.stylesheet import format_css

STYLESHEETS = ("common.css", "html.css")


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as a standalone HTML page, UTF-8."""
    css = format_css(options.style_dir, STYLESHEETS)
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
    body = etree.tostring(page, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")
    return body + b"\n"
