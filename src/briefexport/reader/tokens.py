"""Attribute values as RELAX NG (ISO/IEC 19757-2) compares them: a ``value`` pattern is a
``token`` and the XML Schema types ``NCName``, ``language`` and ``positiveInteger`` collapse
white space (XML Schema Part 2, 4.3.6), so ``ref-type=" fn"`` is valid and means ``fn``. The
reader puts such values in that form before it reads them, so the model gets what the schema
judged; so too a value whose pattern takes XML white space only around it (a date's
``iso-8601-date``), which is trimmed. XML's blanks are space, tab, CR and LF only: a no-break
space is kept.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from ..inlines import XML_WHITE_SPACE
from ..shared.xmlnames import XML_NS
from .schema_file import schema_document

RNG = "{http://relaxng.org/ns/structure/1.0}"
COLLAPSED_TYPES = frozenset({"token", "NCName", "language", "positiveInteger"})
XML_BLANKS = re.compile(f"[{XML_WHITE_SPACE}]+")
EDGE = r"\s*"
BLANK_MATCHERS = (r"\s", r"\S", ".", "[^")  # in a pattern: what may match a blank


def collapse(value: str) -> str:
    """``value`` with runs of XML blanks made one space, none at either end."""
    return XML_BLANKS.sub(" ", value).strip(" ")


def split_blanks(value: str) -> list[str]:
    """The pieces of ``value`` between XML blanks (not other Unicode spaces)."""
    return collapse(value).split(" ") if collapse(value) else []


# the attributes whose value collapsing changes: XPath 1.0's normalize-space collapses the same
# four blanks as :func:`collapse` (one libxml2 pass instead of a Python step per attribute)
UNTIDY_ATTRIBUTES = etree.XPath("descendant-or-self::*/@*[normalize-space() != .]")


def normalise_tokens(root: etree._Element) -> None:
    """Collapse the values of the attributes the schema compares as tokens, in place."""
    names = token_attributes()
    for value in UNTIDY_ATTRIBUTES(root):
        assert isinstance(value, etree._ElementUnicodeResult)
        name, element = str(value.attrname), value.getparent()
        if name in names and element is not None:
            element.set(name, collapse(str(value)))


@functools.cache
def token_attributes() -> frozenset[str]:
    """Clark names of the attributes whose every pattern in the schema collapses blanks."""
    document = schema_document()
    defines = {d.get("name", ""): d for d in document.iter(f"{RNG}define")}
    collapsed: dict[str, bool] = {}
    for attribute in document.iter(f"{RNG}attribute"):
        content = attribute
        while (ref := content.find(f"{RNG}ref")) is not None:
            content = defines[ref.get("name", "")]
        values = content.find(f".//{RNG}value")
        data = content.find(f".//{RNG}data")
        token = data.get("type") in COLLAPSED_TYPES if data is not None else values is not None
        token = token or _blanks_at_edges(data)
        name = _clark(attribute.get("name", ""), attribute)
        collapsed[name] = collapsed.get(name, True) and token
    return frozenset(name for name, token in collapsed.items() if token)


def _blanks_at_edges(data: etree._Element | None) -> bool:
    """Whether a ``data`` pattern takes XML white space around its value and nowhere else
    (``\\s*\\d{4}-\\d{2}\\s*``), so that collapsing its value only trims it."""
    found = data.findtext(f"{RNG}param[@name='pattern']") if data is not None else None
    pattern = (found or "").strip()
    inner = pattern[3:-3]
    around = len(pattern) > 6 and pattern.startswith(EDGE) and pattern.endswith(EDGE)
    return around and not any(blank in inner for blank in BLANK_MATCHERS)


def _clark(name: str, node: etree._Element) -> str:
    prefix, _, local = name.rpartition(":")
    if prefix == "xml":
        return f"{{{XML_NS}}}{local}"
    return f"{{{node.nsmap[prefix]}}}{local}" if prefix else local
