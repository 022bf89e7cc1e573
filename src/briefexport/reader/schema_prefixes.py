"""Prefixes the brief binds to another namespace than the profile's (Namespaces in XML 1.0):
``xmlns:xlink`` with a mistyped URI puts every ``xlink:href`` in a namespace the profile does not
know. The schema pass says so once, at the declaration, instead of at every attribute or element
so named.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.etree import QName


@dataclass(frozen=True)
class Misbound:
    """A prefix bound to ``uri`` where the profile binds it to ``wanted``, declared on
    ``element``."""

    element: etree._Element
    prefix: str
    uri: str
    wanted: str

    def message(self) -> str:
        return (
            f'xmlns:{self.prefix}="{self.uri}" is not the namespace the profile takes for'
            f' {self.prefix}: write xmlns:{self.prefix}="{self.wanted}"'
        )


def misbound_prefixes(root: etree._Element, prefixes: dict[str, str]) -> dict[str, Misbound]:
    """By namespace URI, the prefixes of ``prefixes`` (URI: prefix, the profile's) that the
    brief binds to another URI it uses for an element or attribute."""
    wanted = {prefix: uri for uri, prefix in prefixes.items()}
    used = {
        etree.QName(name).namespace for e in root.iter(etree.Element) for name in (e.tag, *e.attrib)
    }
    found: dict[str, Misbound] = {}
    for element in root.iter(etree.Element):
        parent = element.getparent()
        inherited = parent.nsmap if parent is not None else {}
        for prefix, uri in element.nsmap.items():
            fresh = inherited.get(prefix) != uri and uri in used
            if prefix in wanted and uri != wanted[prefix] and fresh:
                found.setdefault(uri, Misbound(element, prefix, uri, wanted[prefix]))
    return found


def said_at_declaration(
    misbound: dict[str, Misbound], element: etree._Element, clark: str | None = None
) -> bool:
    """Whether a problem of ``element``, or of its attribute ``clark``, follows from a prefix
    bound amiss: the element or the attribute is in that namespace, or the attribute is one
    the element needs that it has in that namespace."""
    if clark is None:
        return QName(element).namespace in misbound
    misnamed = {QName(a).localname for a in element.attrib if QName(a).namespace in misbound}
    return QName(clark).namespace in misbound or QName(clark).localname in misnamed
