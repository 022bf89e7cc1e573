"""The brief's XHTML given to WeasyPrint as the tree its HTML parser would build, not reparsed.

WeasyPrint 70 reads a document from its HTML text only (``HTML.__init__`` in
``weasyprint/__init__.py``): the PDF writer serialised its lxml tree
(:func:`..xhtml.serialize`) and tinyhtml5, a pure-Python HTML5 parser, read it back into an
``xml.etree.ElementTree`` tree, a few per cent of a brief's run. :func:`weasyprint_html` builds
that ``ElementTree`` tree from the lxml tree directly and gives WeasyPrint an ``HTML`` object
holding it, set up as ``HTML.__init__`` sets one up.

The serialised XHTML is written for an HTML parser to read the same tree
(:mod:`..xhtml.markup`), and for the elements the XHTML writer makes the parser's tree is the
XML tree: the same elements, without namespace, the same attributes in the same order (with
``xmlns`` declarations as attributes and prefixed names such as ``xml:lang``), text and tails,
plus the line end after ``</html>``, which the parser puts at the end of the body. That holds
for the elements and the nesting HTML parses as written (HTML5, 13.2.6): the tree is taken as it
is only when every element is one of :data:`PLAIN` in the XHTML namespace, with lowercase
attribute names, no carriage return anywhere, no block inside a paragraph, no link inside a
link, no list item outside a list and no text directly inside a table's rows and groups
(nothing that the parser would close, move or add); anything else is serialised and parsed as
before. The tests compare both trees for the examples and for seeded random briefs.

Pinned: WeasyPrint 70.0 and the SHA-256 of ``HTML.__init__`` as reviewed, tinyhtml5 2.1.0
(whose trees were compared); otherwise the text is parsed.
"""

from __future__ import annotations

import functools
import importlib.metadata
import logging
import xml.etree.ElementTree as ElementTree
from typing import Any

from lxml import etree

from ...shared.xmlnames import XML_NS
from ..xhtml import serialize
from ..xhtml.markup import XHTML_NS
from .pinned import is_reviewed

LOGGER = logging.getLogger(__name__)
INIT_SHA256 = "5f19f40b81837f87ae7af8e5c53d5f11e7c98ba245094a86d45f5f14d001b943"
TINYHTML5_VERSION = "2.1.0"
PHRASING = frozenset(
    {"a", "b", "cite", "code", "em", "i", "img", "span", "strong", "sub", "sup", "time", "u"}
    | {"wbr", "br"}
)
BLOCKS = frozenset(
    {"blockquote", "div", "figcaption", "figure", "footer", "header", "main", "section", "p"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li", "body", "head", "html"}
    | {"meta", "title"}
)
TABLE_PARTS = {
    "table": frozenset({"caption", "colgroup", "thead", "tbody"}),
    "colgroup": frozenset({"col"}),
    "thead": frozenset({"tr"}),
    "tbody": frozenset({"tr"}),
    "tr": frozenset({"td", "th"}),
}
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
HEAD = frozenset({"meta", "title"})
VOID = frozenset({"br", "col", "img", "meta", "wbr"})
IN_TABLES = frozenset({"caption", "col", "colgroup", "tbody", "td", "th", "thead", "tr"})
PLAIN = PHRASING | BLOCKS | frozenset(TABLE_PARTS) | frozenset({"caption", "col", "td", "th"})
TEXTLESS = frozenset(TABLE_PARTS) | VOID | {"head", "html"}
_PREFIX = f"{{{XHTML_NS}}}"


class NotPlainError(Exception):
    """The tree holds something an HTML parser would read otherwise."""


def _text(text: str | None) -> str | None:
    if text is not None and "\r" in text:
        raise NotPlainError
    return text


def _attributes(node: etree._Element, declared: dict[str | None, str]) -> dict[str, str]:
    """The attributes as the parser names them: new namespace declarations first."""
    found = {
        ("xmlns" if prefix is None else f"xmlns:{prefix}"): uri
        for prefix, uri in node.nsmap.items()
        if declared.get(prefix) != uri
    }
    prefixes = {uri: prefix for prefix, uri in node.nsmap.items() if prefix}
    prefixes[XML_NS] = "xml"
    for name, value in node.attrib.items():
        qualified = etree.QName(name)
        if qualified.namespace is not None:
            if qualified.namespace not in prefixes:
                raise NotPlainError
            name = f"{prefixes[qualified.namespace]}:{qualified.localname}"
        if name.lower() != name:
            raise NotPlainError  # the parser lowercases attribute names
        _text(value)
        found[name] = value
    return found


def _local_name(node: etree._Element) -> str:
    if not isinstance(node.tag, str) or not node.tag.startswith(_PREFIX):
        raise NotPlainError  # a comment, a processing instruction, another namespace
    name = node.tag[len(_PREFIX) :]
    if name not in PLAIN:
        raise NotPlainError
    return name


def _check_nesting(name: str, parent: str, within: frozenset[str]) -> None:
    """Refuse what the parser would close, move, drop or add (HTML5, 13.2.6.4.7)."""
    if "p" in within and name not in PHRASING:
        raise NotPlainError  # a block closes the paragraph
    if (name == "a" and "a" in within) or (name in HEADINGS and parent in HEADINGS):
        raise NotPlainError  # a link closes the link around it, a heading the heading
    if parent in VOID or parent == "title" or (parent == "head") != (name in HEAD):
        raise NotPlainError
    if name == "li" and parent not in ("ol", "ul"):
        raise NotPlainError
    if parent in TABLE_PARTS and name not in TABLE_PARTS[parent]:
        raise NotPlainError
    if name in IN_TABLES and parent not in TABLE_PARTS:
        raise NotPlainError


def _element(
    node: etree._Element, declared: dict[str | None, str], within: frozenset[str]
) -> ElementTree.Element:
    name = _local_name(node)
    element = ElementTree.Element(name, _attributes(node, declared))
    element.text = _text(node.text) or None  # the parser makes no empty text
    if name in TEXTLESS and (node.text or any(child.tail for child in node)):
        raise NotPlainError  # text in a table's structure is moved, in the head it ends the head
    inside = within | {name}
    for child in node:
        _check_nesting(_local_name(child), name, inside)
        converted = _element(child, node.nsmap, inside)
        converted.tail = _text(child.tail) or None
        element.append(converted)
    return element


def html_tree(root: etree._Element) -> ElementTree.Element | None:
    """The tree tinyhtml5 gives for ``serialize(root)``, or None when it might not be
    ``root``'s own."""
    try:
        if _local_name(root) != "html" or [_local_name(child) for child in root] != [
            "head",
            "body",
        ]:
            return None
        tree = _element(root, {}, frozenset())
    except NotPlainError:
        return None
    body = tree[1]
    if len(body):
        body[-1].tail = (body[-1].tail or "") + "\n"  # the line end after </html>
    else:
        body.text = (body.text or "") + "\n"
    return tree


@functools.cache
def _reviewed() -> bool:
    import weasyprint

    return (
        is_reviewed(weasyprint.HTML.__init__, INIT_SHA256, weasyprint.__version__)
        and importlib.metadata.version("tinyhtml5") == TINYHTML5_VERSION
    )


def weasyprint_html(root: etree._Element, base_url: str, url_fetcher: Any) -> Any:
    """WeasyPrint's ``HTML`` for the document ``root``, its tree built from ``root`` when it
    can be, else parsed from its serialisation."""
    import cssselect2
    from weasyprint import HTML, PROGRESS_LOGGER, _find_base_url

    tree = html_tree(root) if _reviewed() else None
    if tree is None:
        return HTML(string=serialize(root).decode("utf-8"), base_url=base_url,
                    url_fetcher=url_fetcher)  # fmt: skip
    PROGRESS_LOGGER.info("Step 1 - Fetching and parsing HTML - %s", "HTML string")
    html = HTML.__new__(HTML)
    html.base_url = _find_base_url(tree, base_url)
    html.url_fetcher = url_fetcher
    html.media_type = "print"
    html.wrapper_element = cssselect2.ElementWrapper.from_html_root(tree, content_language=None)
    html.etree_element = html.wrapper_element.etree_element
    return html
