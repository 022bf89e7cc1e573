"""Lines every format prints from a brief's metadata, built once so the formats agree.

The copyright line follows the order of JATS ``permissions``: the statement as written when the
brief has one, else "©", the year and the holder, each when present.
"""

from __future__ import annotations

import re
import unicodedata

from ..inlines import plain_text
from ..model import Affiliation, Contributor, Inline, Link, Metadata, Permissions, Text
from .i18n import label
from .urls import DOI_RESOLVER, ORCID_RESOLVER

COPYRIGHT_SIGN = "\u00a9"
SENTENCE_ENDS = (".", "!", "?", "\u06d4", "\u061f", "\u3002")
PLAIN_ROLES = frozenset({"author", "authors", "editor", "editors"})
RUNNING_HEAD_ROOM = 80
"""Characters of a running head (a wide East Asian one counts as two) that fit beside the date
at the house size (8 pt Noto Sans, about 4 pt a character) across the text of A4 and Letter."""
TITLE_COLON = re.compile(r":\s|\uff1a")  # a colon before a space, or a full-width one
CUT_PUNCTUATION = " ,;:.\u060c\u061b\u2013\u2014-"
ELLIPSIS = "\u2026"


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
    """The running header's text: the running head (``alt-title``), else the title shortened
    to fit (:func:`short_title`), else the series. The series stays on the title page."""
    if meta.running_head:
        return meta.running_head
    title = " ".join(plain_text(meta.title).split())
    return short_title(title) if title else meta.series


def short_title(title: str, room: int = RUNNING_HEAD_ROOM) -> str:
    """``title`` if it fits in ``room`` (see :data:`RUNNING_HEAD_ROOM`), else its part before a
    colon if that fits, else its first words that fit, followed by an ellipsis."""
    if text_width(title) <= room:
        return title
    head = TITLE_COLON.split(title, maxsplit=1)[0].strip()
    if head != title and head and text_width(head) <= room:
        return head
    kept = ""
    for word in title.split(" "):
        longer = f"{kept} {word}" if kept else word
        if text_width(longer) >= room:
            break
        kept = longer
    if not kept:  # one long word, or a script written without spaces
        kept = _prefix(title, room - 1)
    return kept.rstrip(CUT_PUNCTUATION) + ELLIPSIS


def _prefix(text: str, room: int) -> str:
    """The longest start of ``text`` no wider than ``room``."""
    width = 0
    for index, char in enumerate(text):
        width += char_width(char)
        if width > room:
            return text[:index]
    return text


def char_width(char: str) -> int:
    """2 for a wide East Asian character, else 1."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """The width of ``text`` in :func:`char_width` units."""
    return sum(char_width(char) for char in text)


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
