"""Small lxml helpers for building XHTML 1 / HTML5 polyglot trees and serialising them.

The output follows the HTML Living Standard in its XML syntax (the XHTML Content Documents of
EPUB 3.3 require it), written so that an HTML parser reads the same tree: no XML declaration and
an explicit end tag on every non-void element (``<div></div>``, never ``<div/>``).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from copy import deepcopy
from urllib.parse import urlsplit

from lxml import etree

from ...model import Image

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
EPUB_TYPE = f"{{{EPUB_NS}}}type"
NSMAP = {None: XHTML_NS, "epub": EPUB_NS}
AFTER_CALL = "after-call"  # the class of a note call right after another (CSS prints "4,5")
SEPARATOR = "data-separator"  # on such a call, a separator other than the Latin comma

VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
DOCTYPE = b"<!DOCTYPE html>\n"
# ASCII that the URL Standard (4.3, "URL code points") lets stand as is; "%" only before two
# hex digits. Any other ASCII character is percent-encoded; non-ASCII is valid as it is.
URL_ASCII = re.compile(r"[A-Za-z0-9!$&'()*+,\-./:;=?@_~]|%[0-9A-Fa-f]{2}")


def tag(name: str) -> str:
    """The qualified name of an XHTML element."""
    return f"{{{XHTML_NS}}}{name}"


def element(
    name: str, attrs: Mapping[str, str] | None = None, text: str | None = None
) -> etree._Element:
    """A detached XHTML element with attributes and optional text."""
    new = etree.Element(tag(name), attrib=dict(attrs or {}), nsmap=NSMAP)
    if text:
        new.text = text
    return new


def child(
    parent: etree._Element,
    name: str,
    attrs: Mapping[str, str] | None = None,
    text: str | None = None,
) -> etree._Element:
    """Append a new XHTML element to ``parent`` and return it."""
    new = etree.SubElement(parent, tag(name), attrib=dict(attrs or {}))
    if text:
        new.text = text
    return new


def append_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of ``parent`` (mixed content)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def valid_href(href: str) -> str:
    """``href`` as a valid URL string: the ASCII characters a URL may not hold after its host
    (``[`` or ``|`` in a query, a stray ``%`` ...) percent-encoded; a server reads the same."""
    start = _after_host(href)
    fragment = href.find("#", start)
    tail = (href[i] if i == fragment else _url_char(href, i) for i in range(start, len(href)))
    return href[:start] + "".join(tail)


def _after_host(href: str) -> int:
    """Where the path starts: after ``scheme:`` and ``//host`` (kept as written: IPv6 ``[::1]``)."""
    scheme = urlsplit(href).scheme
    start = len(scheme) + 1 if scheme else 0
    if href.startswith("//", start):
        authority_end = re.compile(r"[/?#]|$").search(href, start + 2)
        return authority_end.start() if authority_end else len(href)
    return start


def _url_char(href: str, index: int) -> str:
    char = href[index]
    if not char.isascii() or URL_ASCII.match(href, index):
        return char
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def data_uri(image: Image) -> str:
    """The image as a ``data:`` URI (base64)."""
    encoded = base64.b64encode(image.data).decode("ascii")
    return f"data:{image.media_type};base64,{encoded}"


def serialize(root: etree._Element, *, doctype: bool = True, in_place: bool = False) -> bytes:
    """UTF-8 XHTML that an HTML parser reads the same way; deterministic. ``in_place``: the
    empty elements of ``root`` itself get their empty text, instead of those of a copy (for a
    tree that is written once and only read after)."""
    copy = root if in_place else deepcopy(root)
    for style in copy.iter(tag("style")):
        if any(char in (style.text or "") for char in "<>&"):  # XML escapes them, HTML would not
            raise ValueError("inline CSS with <, > or & cannot be written for both parsers")
    for node in copy.iter(tag("*")):
        local = etree.QName(node).localname
        if local not in VOID_ELEMENTS and node.text is None and not len(node):
            node.text = ""
    body = etree.tostring(copy, encoding="utf-8", xml_declaration=False)
    return (DOCTYPE if doctype else b"") + body + b"\n"
