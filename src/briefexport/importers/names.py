"""Split people's names and affiliations as printed into the parts JATS wants.

"Dr Jane Q. Doe" gives prefix "Dr", given names "Jane Q." and surname "Doe"; an affiliation
"Centre for Things (CFT), Institute" gives department "Centre for Things (CFT)" and institution
"Institute" (the text after the last comma).
"""

from __future__ import annotations

import re

from ..model import Affiliation, PersonName
from ..shared.urls import ORCID_RESOLVER

PREFIXES = frozenset(
    {"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "sir", "dame", "amb", "ambassador"}
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd"})


def split_name(text: str) -> PersonName:
    """A printed name split into prefix, given names, surname and suffix."""
    words = text.split()
    prefix = _take(words, 0, PREFIXES) if len(words) > 1 else None
    suffix = _take(words, -1, SUFFIXES) if len(words) > 1 else None
    if not words:
        return PersonName(surname=text.strip())
    surname = words.pop()
    return PersonName(
        surname=surname, given_names=" ".join(words) or None, prefix=prefix, suffix=suffix
    )


def _take(words: list[str], index: int, known: frozenset[str]) -> str | None:
    if words and words[index].rstrip(".,").lower() in known:
        return words.pop(index).rstrip(",")
    return None


def split_affiliation(text: str, affiliation_id: str) -> Affiliation:
    """An affiliation line split at its last comma into department and institution."""
    department, comma, institution = text.rpartition(",")
    if not comma or not institution.strip():
        return Affiliation(id=affiliation_id, institution=text.strip())
    return Affiliation(
        id=affiliation_id, institution=institution.strip(), department=department.strip() or None
    )


def journal_id_for(institution: str) -> str:
    """A publisher id from an institution: the acronym if it is one word, else the initials."""
    words: list[str] = re.findall(r"[A-Za-z0-9]+", institution)
    if len(words) == 1:
        return words[0]
    return "".join(word[0].upper() for word in words if word[0].isupper() or word[0].isdigit())


_ORCID = re.compile(r"(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])", re.IGNORECASE)


def orcid_url(text: str) -> str | None:
    """``https://orcid.org/0000-...`` for an ORCID iD written bare or as a URL, else None."""
    found = _ORCID.fullmatch(text.strip())
    return ORCID_RESOLVER + found.group(1).upper() if found else None
