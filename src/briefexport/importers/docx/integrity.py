"""Check that the relationships of a Word package are complete and that the references inside
it lead somewhere (ECMA-376 Part 1 and Part 2, Open Packaging Conventions) before mammoth reads it.

mammoth looks every relationship id (``r:id`` of a hyperlink, ``r:embed`` of a picture) up in the
part's relationships and every note call (``w:footnoteReference w:id``) up in the notes part,
and fails without saying where when one is missing, or when a relationship lacks its ``Id``,
``Type`` or ``Target``. A package where one is missing is damaged:
it is refused with the part, the line in it and the id, so the first one can be found and fixed.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ...shared.xmlnames import W_NS

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
W = f"{{{W_NS}}}"
NOTE_PARTS = {"footnote": "word/footnotes.xml", "endnote": "word/endnotes.xml"}


def dangling_reference(roots: dict[str, etree._Element], parts: tuple[str, ...]) -> str | None:
    """What the first reference of ``parts`` that leads nowhere is, or None when all lead to a
    relationship or a note; ``roots`` are the package's parsed XML parts by name."""
    incomplete = _incomplete_relationship(roots)
    if incomplete is not None:
        return incomplete
    notes = {kind: _note_ids(roots.get(part)) for kind, part in NOTE_PARTS.items()}
    for part in parts:
        root = roots.get(part)
        if root is None:
            continue
        known = _relationship_ids(roots.get(_relationships_part(part)))
        for element, what, value in _references(root):
            missing = value not in notes[what] if what in notes else value not in known
            if missing:
                where = f"{part}:{element.sourceline or 1}"
                return f"{where}: {_described(what)} {value!r} leads nowhere; the file is damaged"
    return None


def _incomplete_relationship(roots: dict[str, etree._Element]) -> str | None:
    """Where the first relationship without an ``Id``, ``Type`` or ``Target`` is, or None."""
    for part, root in roots.items():
        if not part.endswith(".rels"):
            continue
        for element in root.iter(RELATIONSHIPS):
            missing = [name for name in ("Id", "Type", "Target") if element.get(name) is None]
            if missing:
                where = f"{part}:{element.sourceline or 1}"
                return f"{where}: a relationship without {missing[0]}; the file is damaged"
    return None


def _references(root: etree._Element) -> Iterator[tuple[etree._Element, str, str]]:
    """(element, kind, id) of each relationship id and note call in a part."""
    for element in root.iter():
        for name, value in element.attrib.items():
            if str(name).startswith(f"{{{R_NS}}}") and value:
                yield element, "relationship", value
        if element.tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            kind = "footnote" if element.tag == f"{W}footnoteReference" else "endnote"
            yield element, kind, element.get(f"{W}id", "")


def _described(what: str) -> str:
    return "relationship" if what == "relationship" else f"call to {what}"


def _relationships_part(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def _relationship_ids(root: etree._Element | None) -> set[str]:
    if root is None:
        return set()
    return {element.get("Id", "") for element in root.iter(RELATIONSHIPS)}


def _note_ids(root: etree._Element | None) -> set[str]:
    if root is None:
        return set()
    return {element.get(f"{W}id", "") for element in root if element.get(f"{W}id") is not None}
