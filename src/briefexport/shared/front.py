"""Lines every format prints from a brief's metadata, built once so the formats agree.

The copyright line follows the order of JATS ``permissions``: the statement as written when the
brief has one, else "©", the year and the holder, each when present.
"""

from __future__ import annotations

from ..inlines import plain_text
from ..model import Affiliation, Metadata, Permissions

COPYRIGHT_SIGN = "\u00a9"


def copyright_line(rights: Permissions) -> str | None:
    """ "© 2026 Holder", "© Holder", the brief's own statement, or None with neither."""
    if rights.statement:
        return rights.statement
    if rights.holder is None:
        return None
    return " ".join(str(part) for part in (COPYRIGHT_SIGN, rights.year, rights.holder) if part)


def licence_line(rights: Permissions) -> str | None:
    """The licence's text, else its URL, else None."""
    return rights.license_text or rights.license_url


def rights_sentences(rights: Permissions | None) -> str:
    """The copyright line and the licence as sentences, for metadata fields ("" without)."""
    if rights is None:
        return ""
    parts = [copyright_line(rights), licence_line(rights)]
    sentences = [part.rstrip(".") for part in parts if part]
    return ". ".join(sentences) + "." if sentences else ""


def affiliation_text(affiliation: Affiliation) -> str:
    """The department first, then the institution, as the brief prints them."""
    parts = (affiliation.department, affiliation.institution)
    return ", ".join(part for part in parts if part)


def document_title(meta: Metadata) -> str:
    """The title, with the subtitle after a colon when there is one."""
    title, subtitle = plain_text(meta.title), plain_text(meta.subtitle)
    return f"{title}: {subtitle}" if subtitle else title
