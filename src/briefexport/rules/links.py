"""Which link targets a brief may carry: http, https and mailto URLs that parse (RFC 3986)."""

from __future__ import annotations

from urllib.parse import urlsplit

LINK_SCHEMES = ("http", "https", "mailto")


def link_problem(href: str) -> str | None:
    """Why ``href`` may not be a link target, or None for http(s) and mailto links."""
    try:
        parts = urlsplit(href.strip())
        host, _ = parts.hostname, parts.port
    except ValueError as error:
        return f"link {href[:80]!r} is not a valid URL ({error})"
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        shown = f"scheme {scheme!r}" if scheme else "no scheme"
        return f"link {href[:80]!r} has {shown}; only http, https and mailto links are allowed"
    if scheme != "mailto" and not host:
        return f"link {href[:80]!r} has no host"
    if any(char.isspace() for char in href.strip()):
        return f"link {href[:80]!r} contains whitespace"
    return None
