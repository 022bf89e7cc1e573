"""Lines every format prints from a brief's metadata, built once so the formats agree.

The copyright line follows the order of JATS ``permissions``: the statement as written when the
brief has one, else "©", the year and the holder, each when present.
"""

from __future__ import annotations

from ..inlines import plain_text
from ..model import Affiliation, Contributor, Inline, Link, Metadata, Permissions, Text
from .i18n import label

COPYRIGHT_SIGN = "\u00a9"
SENTENCE_ENDS = (".", "!", "?", "\u06d4", "\u061f", "\u3002")
DOI_RESOLVER = "https://doi.org/"
ORCID_RESOLVER = "https://orcid.org/"
PLAIN_ROLES = frozenset({"author", "authors", "editor", "editors"})


def copyright_line(rights: Permissions) -> str | None:
    """ "© 2026 Holder", "© Holder", the brief's own statement, or None with neither."""
    if rights.statement:
        return rights.statement
    if rights.holder is None:
        return None
    return " ".join(str(part) for part in (COPYRIGHT_SIGN, rights.year, rights.holder) if part)


def sentence(text: str, language: str) -> str:
    """``text`` ending in a full stop of the language unless it already ends a sentence."""
    stripped = text.rstrip()
    return stripped if stripped.endswith(SENTENCE_ENDS) else stripped + label(language, "full_stop")


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


def affiliation_text(affiliation: Affiliation, language: str = "en") -> str:
    """The department first, then the institution, joined by the language's comma."""
    parts = (affiliation.department, affiliation.institution)
    return label(language, "comma").join(part for part in parts if part)


def shown_role(person: Contributor, block_label: str) -> str | None:
    """The role to print under a name, unless the block's label already says it ("Edited by"
    over an "Editor")."""
    role = (person.role or "").strip()
    if not role:
        return None
    folded = role.casefold()
    if folded in PLAIN_ROLES or folded in block_label.casefold():
        return None
    return role


def doi_url(doi: str) -> str:
    """The DOI as a link, displayed as Crossref asks: ``https://doi.org/10.xxxx/...``."""
    return doi if doi.startswith(("https://", "http://")) else DOI_RESOLVER + doi


def orcid_url(orcid: str) -> str:
    """The ORCID iD as the full ``https://orcid.org/`` link ORCID asks to be displayed."""
    value = orcid.strip()
    if value.startswith(("https://", "http://")):
        return "https://" + value.split("://", 1)[1]
    return ORCID_RESOLVER + value


def running_head(meta: Metadata) -> str:
    """The running header's text: the running head, else the series, else the title."""
    return meta.running_head or meta.series or plain_text(meta.title)


def report_line(meta: Metadata) -> str:
    """The series with the report number: "Policy Brief IMCA-PB-2026-07"."""
    return f"{meta.series} {meta.publisher_id}" if meta.publisher_id else meta.series


def document_title(meta: Metadata) -> str:
    """The title, with the subtitle after a colon when there is one."""
    title, subtitle = plain_text(meta.title), plain_text(meta.subtitle)
    return f"{title}: {subtitle}" if subtitle else title


def identity_lines(meta: Metadata) -> list[tuple[str, tuple[Inline, ...]]]:
    """The identity block as (kind, inlines) lines: "publisher" (publisher · series and report
    number), then "doi" (the DOI as a link) when the brief has one."""
    lines: list[tuple[str, tuple[Inline, ...]]] = [
        ("publisher", (Text(f"{meta.publisher} \u00b7 {report_line(meta)}"),))
    ]
    if meta.doi:
        url = doi_url(meta.doi)
        lines.append(("doi", (Link(url, (Text(url),)),)))
    return lines
