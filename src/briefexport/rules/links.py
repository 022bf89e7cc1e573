"""Which link targets a brief may carry: http, https and mailto URLs that parse (RFC 3986), and
how a link target or figure path written in XML is trimmed (XML 1.0 section 2.3 white space)."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..inlines import XML_WHITE_SPACE

LINK_SCHEMES = ("http", "https", "mailto")
INVISIBLE_AT_EDGES = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
"""Zero-width spaces and joiners, direction marks, word joiner and byte order mark: what copying
a link from a web page or a word processor leaves at its ends. Other format characters (the
tag characters of a flag emoji, U+00AD ...) may belong to the address and are no stray."""


def stray_at_edge(char: str) -> bool:
    """Whether ``char`` at either end of a link is no part of it: any Unicode space (a no-break
    space, U+2003 ...) or one of :data:`INVISIBLE_AT_EDGES`."""
    return char.isspace() or char in INVISIBLE_AT_EDGES


def trimmed_href(href: str) -> str:
    """``href`` without XML white space (space, tab, CR, LF) at either end, as XML and the
    ``anyURI`` type drop it; a no-break space or another stray is kept, for
    :func:`stray_at_edge` to refuse."""
    return href.strip(XML_WHITE_SPACE)


def trimmed_link(href: str) -> str:
    """``href`` without the strays (:func:`stray_at_edge`) at its ends, as an importer takes a
    link from another tool's document."""
    start, end = 0, len(href)
    while start < end and stray_at_edge(href[start]):
        start += 1
    while end > start and stray_at_edge(href[end - 1]):
        end -= 1
    return href[start:end]


def link_problem(href: str) -> str | None:
    """Why ``href`` may not be a link target, or None for http(s) and mailto links."""
    try:
        parts = urlsplit(trimmed_href(href))
        host, _ = parts.hostname, parts.port
    except ValueError as error:
        return f"link {href[:80]!r} is not a valid URL ({error})"
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        shown = f"scheme {scheme!r}" if scheme else "no scheme"
        return f"link {href[:80]!r} has {shown}; only http, https and mailto links are allowed"
    if scheme != "mailto" and not host:
        return f"link {href[:80]!r} has no host"
    if any(char.isspace() for char in trimmed_href(href)):
        return f"link {href[:80]!r} contains whitespace"
    return None
