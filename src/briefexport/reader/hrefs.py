"""Link targets and figure paths as the reader takes them, and the checks of their edges.

An ``xlink:href`` (and the text of ``ali:license_ref``) is trimmed of XML white space only:
space, tab, CR and LF (XML 1.0 section 2.3; the XML Schema ``anyURI`` type collapses the same
four). A no-break space or another Unicode space, or a zero-width character or direction mark
(U+200B, U+200E, U+FEFF ...: ``rules.links.stray_at_edge``) left at either edge once trimmed is
an error, not trimmed: it is not part of an address and no URL may carry it unescaped (RFC 3986
section 2; a WHATWG URL parser would percent-encode it into the link, which then leads nowhere),
and no file name should end in it.
The author removes it, or, when it truly belongs to the address, writes it percent-encoded.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from lxml import etree

from ..errors import Diagnostic
from ..rules.links import link_problem, stray_at_edge
from ..rules.links import trimmed_href as trimmed
from ..shared.xmlnames import ALI_LICENSE_REF, XLINK_HREF
from .locate import Locator

__all__ = ["check_links", "edge_problem", "figure_path_problems", "trimmed"]


def edge_problem(value: str, what: str) -> str | None:
    """Why trimmed ``value`` may not be taken as it is: a space or invisible character other
    than XML white space at its start or end; None when there is none."""
    for char, edge in ((value[:1], "starts"), (value[-1:], "ends")):
        if char and stray_at_edge(char):
            code = f"U+{ord(char):04X} {unicodedata.name(char, 'FORMAT CHARACTER')}"
            return (
                f"{what} {value[:80]!r} {edge} with {code}, which is not part of it;"
                " remove it (or, if it belongs there, write it percent-encoded)"
            )
    return None


def check_links(
    root: etree._Element, at: Locator, refused: Callable[[etree._Element], bool]
) -> list[Diagnostic]:
    """Link targets and licence URLs: allowed schemes and hosts (:mod:`briefexport.rules.links`),
    no stray space at their edges. A blank one is a schema error, reported there, as is a
    licence URL the schema ``refused`` (no URI)."""
    found = []
    places = [(link, link.get(XLINK_HREF, "")) for link in root.iter("ext-link")]
    licences = (e for e in root.iter(ALI_LICENSE_REF) if not refused(e))
    places += [(licence, licence.text or "") for licence in licences]
    for element, value in places:
        href = trimmed(value)
        if not href:
            continue
        problem = edge_problem(href, "link") or link_problem(href)
        if problem:
            found.append(at.error(element, problem))
    return found


def figure_path_problems(root: etree._Element, at: Locator) -> list[Diagnostic]:
    """Figure paths with a stray space at an edge."""
    found = []
    for graphic in root.iter("graphic"):
        problem = edge_problem(trimmed(graphic.get(XLINK_HREF, "")), "figure path")
        if problem:
            found.append(at.error(graphic, problem))
    return found
