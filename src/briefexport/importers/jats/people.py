"""Contributors and affiliations of a JATS article as the brief's authors, editors and ``aff``s.

``contrib-type="author"`` (or none) gives authors; any type naming an editor gives editors;
other contributors are dropped, reported. Names come from ``name``, ``string-name`` (split when
it has no parts), the first of ``name-alternatives``; a ``collab`` (group author) is kept as a
name. ORCIDs become ``https://orcid.org/...``. A contributor's affiliations are the ``aff``s its
``xref ref-type="aff"`` point at, or an ``aff`` inside it, or else those of its ``contrib-group``.
An ``aff`` keeps its department, institution and country; address lines and cities are dropped.
"""

from __future__ import annotations

import re

from lxml import etree

from ...model import Affiliation, Contributor, PersonName
from ..names import orcid_url, split_affiliation, split_name
from .context import JatsContext, local_name, text_of

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
KEPT = frozenset(
    {"name", "string-name", "name-alternatives", "collab", "contrib-id", "role", "email",
     "xref", "aff", "address", "label"}
)  # fmt: skip


class People:
    """The article's affiliations by id, and its contributors."""

    def __init__(self, ctx: JatsContext, meta: etree._Element) -> None:
        self.ctx = ctx
        self.by_element: dict[etree._Element, Affiliation] = {}
        self.by_id: dict[str, Affiliation] = {}
        for aff in meta.iter("aff"):
            parent = aff.getparent()
            alternative = parent is not None and local_name(parent) == "aff-alternatives"
            if alternative and aff is not parent[0]:  # type: ignore[index]
                continue  # the first of aff-alternatives stands for all
            affiliation = self._affiliation(aff)
            if affiliation is not None:
                self.by_element[aff] = affiliation
                self.by_id.setdefault(aff.get("id", ""), affiliation)
        self.authors, self.editors = self._contributors(meta)

    @property
    def affiliations(self) -> tuple[Affiliation, ...]:
        """Every affiliation, in document order, once."""
        return tuple(dict.fromkeys(self.by_element.values()))

    def _contributors(self, meta: etree._Element) -> tuple[list[Contributor], list[Contributor]]:
        """Authors and editors, in document order."""
        authors: list[Contributor] = []
        editors: list[Contributor] = []
        for contrib in meta.iter("contrib"):
            if any(local_name(a) == "collab" for a in contrib.iterancestors()):
                self.ctx.notices.repeated(
                    contrib, "members of a group author dropped (the group is kept)"
                )
                continue
            kind = contrib.get("contrib-type", "author").lower()
            if kind != "author" and "editor" not in kind:
                self.ctx.notices.repeated(contrib, f"contributors of type {kind!r} dropped")
                continue
            person = self._contributor(contrib)
            if person is not None:
                (authors if kind == "author" else editors).append(person)
        return authors, editors

    def _contributor(self, contrib: etree._Element) -> Contributor | None:
        name = self._name(contrib)
        if name is None:
            self.ctx.notices.warning(contrib, "contributor without a name dropped")
            return None
        for child in contrib:
            if local_name(child) and local_name(child) not in KEPT:
                self.ctx.notices.repeated(child, f"<{local_name(child)}> of a contributor dropped")
            elif local_name(child) == "xref" and child.get("ref-type") != "aff":
                self.ctx.notices.repeated(child, "contributor notes and marks (xref) dropped")
        roles = [text_of(role) for role in contrib.iterfind("role") if text_of(role)]
        return Contributor(
            name=name,
            role=", ".join(roles) or None,
            orcid=self._orcid(contrib),
            email=self._email(contrib),
            affiliations=self._affiliations_of(contrib),
        )

    def _name(self, contrib: etree._Element) -> PersonName | None:
        holder = contrib.find("name-alternatives")
        holder = contrib if holder is None else holder
        for child in holder:
            if local_name(child) in ("name", "string-name"):
                return person_name(child)
        collab = contrib.find("collab")
        if collab is not None and _own_text(collab):
            self.ctx.notices.repeated(collab, "group author (collab) kept as one name")
            return PersonName(surname=_own_text(collab))
        return None

    def _orcid(self, contrib: etree._Element) -> str | None:
        for found in contrib.iterfind("contrib-id"):
            kind = found.get("contrib-id-type", "")
            url = orcid_url(text_of(found))
            if url and (kind == "orcid" or "orcid.org" in text_of(found)):
                return url
            self.ctx.notices.repeated(found, "contributor ids other than ORCIDs dropped")
        return None

    def _email(self, contrib: etree._Element) -> str | None:
        found = contrib.find("email")
        if found is None:
            found = contrib.find("address/email")
        address = text_of(found)
        return address if _EMAIL.fullmatch(address) else None

    def _affiliations_of(self, contrib: etree._Element) -> tuple[Affiliation, ...]:
        found: list[Affiliation] = []
        for xref in contrib.iterfind("xref[@ref-type='aff']"):
            found += [self.by_id[rid] for rid in xref.get("rid", "").split() if rid in self.by_id]
        found += [self.by_element[aff] for aff in contrib.iterfind("aff") if aff in self.by_element]
        group = contrib.getparent()
        if not found and group is not None:
            found = [
                self.by_element[aff] for aff in group.iterfind("aff") if aff in self.by_element
            ]
        return tuple(dict.fromkeys(found))

    def _affiliation(self, aff: etree._Element) -> Affiliation | None:
        ident = self.ctx.ids.keep(aff.get("id"), "aff")
        departments = [
            text_of(i) for i in aff.iter("institution") if i.get("content-type") == "dept"
        ]
        names = [text_of(i) for i in aff.iter("institution") if i.get("content-type") != "dept"]
        names = [name for name in names if name]
        country = text_of(aff.find("country")) or None
        for child in aff:
            if local_name(child) in ("addr-line", "city", "state", "postal-code", "email", "uri"):
                self.ctx.notices.repeated(child, "address lines of affiliations dropped")
        if names:
            return Affiliation(
                ident, names[-1], ", ".join([*departments, *names[:-1]]) or None, country
            )
        text = _text_without_label(aff)
        if not text:
            return None
        split = split_affiliation(text, ident)
        return Affiliation(ident, split.institution, split.department, country)


def person_name(element: etree._Element) -> PersonName:
    """A ``name`` or ``string-name`` as surname, given names, prefix and suffix."""
    surname = text_of(element.find("surname"))
    given = text_of(element.find("given-names"))
    if not surname and not given:
        return split_name(text_of(element))
    return PersonName(
        surname=surname or given,
        given_names=given or None if surname else None,
        prefix=text_of(element.find("prefix")) or None,
        suffix=text_of(element.find("suffix")) or None,
    )


def _text_without_label(aff: etree._Element) -> str:
    parts = [aff.text or ""]
    for child in aff:
        if local_name(child) not in ("label", "country", "sup"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split()).strip(" ,;")


def _own_text(collab: etree._Element) -> str:
    """A group author's name, without its members (a nested ``contrib-group``) or marks."""
    parts = [collab.text or ""]
    for child in collab:
        if local_name(child) not in ("contrib-group", "xref", "contrib", "address"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())
