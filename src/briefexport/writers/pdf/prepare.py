"""Adapt the shared XHTML tree to print before layout.

The tree comes from ``briefexport.writers.xhtml`` with ``NotePlacement.PAGE_FLOAT``: each note's
text is a ``span.footnote`` at its first call, later calls are already plain links. This module
numbers the notes from the model (so a note turned into an endnote does not shift the numbers
after it), sets the running header's text, and moves notes to an endnote section when the page
cannot hold them.
"""

from __future__ import annotations

from lxml import etree

from ...model import Brief, Footnote
from ...shared.front import running_head
from ...shared.i18n import label, long_date
from ...shared.notes import note_id
from ..xhtml.markup import AFTER_CALL, SEPARATOR, XHTML_NS, tag

XH = {"h": XHTML_NS}
CALL_CLASS = "footnote-call footnote-repeat"


def footnote_spans(root: etree._Element) -> list[etree._Element]:
    """Every page-float note element, in document order."""
    spans = root.iter(tag("span"))
    return [span for span in spans if "footnote" in (span.get("class") or "").split()]


def number_notes(root: etree._Element, brief: Brief) -> None:
    """Give each note element its model number."""
    notes: dict[str, Footnote] = {note_id(note): note for note in brief.footnotes}
    for span in footnote_spans(root):
        note = notes.get(span.get("id", ""))
        if note is not None:
            span.set("data-number", str(note.number))


def set_running_head(root: etree._Element, brief: Brief) -> None:
    """Text of the running header: running head, else series; the date on the other side."""
    meta = brief.meta
    root.set("data-running-head", running_head(meta))
    root.set("data-header-date", long_date(meta.date, meta.language))


def move_to_endnotes(root: etree._Element, span: etree._Element, brief: Brief) -> None:
    """Replace a page note by a call and print its text in the endnote section."""
    number = span.get("data-number", "")
    key = span.get("id", "")
    section = _endnote_section(root, brief)
    entry = etree.SubElement(section, tag("p"), {"id": key, "data-number": number})
    mark = etree.SubElement(entry, tag("span"), {"class": "footnote-number"})
    mark.text = f"{number}."
    mark.tail = " " + (span.text or "")
    for child in list(span):
        entry.append(child)
    after_call = AFTER_CALL in (span.get("class") or "").split()
    classes = f"{CALL_CLASS} {AFTER_CALL}" if after_call else CALL_CLASS
    call = etree.Element(tag("a"), {"class": classes, "href": f"#{key}"})
    if span.get(SEPARATOR) is not None:
        call.set(SEPARATOR, span.get(SEPARATOR, ""))
    call.text = number
    call.tail = span.tail
    parent = span.getparent()
    if parent is not None:
        parent.replace(span, call)
    _sort_entries(section)


def _endnote_section(root: etree._Element, brief: Brief) -> etree._Element:
    found = root.xpath("//h:section[@class='endnotes']", namespaces=XH)
    if found:
        return found[0]  # type: ignore[no-any-return]
    host = root.find(f".//{tag('main')}")
    if host is None:
        host = root.find(f".//{tag('body')}")
    section = etree.SubElement(host if host is not None else root, tag("section"))
    section.set("class", "endnotes")
    heading = etree.SubElement(section, tag("h2"))
    heading.text = label(brief.meta.language, "notes")
    return section


def _sort_entries(section: etree._Element) -> None:
    entries = [child for child in section if child.get("data-number")]
    for entry in entries:
        section.remove(entry)
    for entry in sorted(entries, key=lambda element: int(element.get("data-number") or 0)):
        section.append(entry)
