"""Adapt the shared XHTML tree to print before layout.

The tree comes from ``briefexport.writers.xhtml`` with ``NotePlacement.PAGE_FLOAT``: each note
is a ``span.footnote`` at its call. This module numbers the notes from the model (so a note
turned into an endnote does not shift the numbers after it), turns a second call of a note
into a plain superscript link to the note, sets the running header's text, and moves notes
to an endnote section when the page cannot hold them.
"""

from __future__ import annotations

from lxml import etree

from ...inlines import plain_text
from ...model import Brief, Footnote
from ...shared.i18n import label, long_date

XHTML_NS = "http://www.w3.org/1999/xhtml"
XH = {"h": XHTML_NS}
REPEAT_CLASS = "footnote-again"


def _tag(name: str) -> str:
    return f"{{{XHTML_NS}}}{name}"


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def note_index(brief: Brief) -> dict[str, Footnote]:
    """Footnotes by every id the XHTML renderer may give them."""
    index: dict[str, Footnote] = {}
    for note in brief.footnotes:
        for key in (note.id, f"fn-{note.number}", f"fn-{note.id}"):
            index.setdefault(key, note)
    return index


def footnote_spans(root: etree._Element) -> list[etree._Element]:
    """Every page-float note element, in document order."""
    return [span for span in root.iter(_tag("span")) if "footnote" in _classes(span)]


def number_notes(root: etree._Element, brief: Brief) -> None:
    """Give each note its model number; keep one note element per note."""
    index = note_index(brief)
    seen: set[str] = set()
    for span in footnote_spans(root):
        key = span.get("id", "")
        note = index.get(key)
        if note is None:
            continue
        if key in seen:
            _replace_with_repeat_call(span, key, note.number)
            continue
        seen.add(key)
        span.set("data-number", str(note.number))


def _replace_with_repeat_call(span: etree._Element, key: str, number: int) -> None:
    call = etree.Element(_tag("a"), {"class": REPEAT_CLASS, "href": f"#{key}"})
    call.text = str(number)
    call.tail = span.tail
    parent = span.getparent()
    if parent is not None:
        parent.replace(span, call)


def set_running_head(root: etree._Element, brief: Brief) -> None:
    """Text of the running header: running head, else series; the date on the other side."""
    meta = brief.meta
    root.set("data-running-head", meta.running_head or meta.series or plain_text(meta.title))
    root.set("data-header-date", long_date(meta.date, meta.language))


def move_to_endnotes(root: etree._Element, span: etree._Element, brief: Brief) -> None:
    """Replace a page note by a call and print its text in the endnote section."""
    number = span.get("data-number", "")
    key = span.get("id", "")
    section = _endnote_section(root, brief)
    entry = etree.SubElement(section, _tag("p"), {"id": key, "data-number": number})
    entry.text = f"{number}. " + (span.text or "")
    for child in list(span):
        entry.append(child)
    call = etree.Element(_tag("a"), {"class": REPEAT_CLASS, "href": f"#{key}"})
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
    host = root.find(f".//{_tag('main')}")
    if host is None:
        host = root.find(f".//{_tag('body')}")
    section = etree.SubElement(host if host is not None else root, _tag("section"))
    section.set("class", "endnotes")
    heading = etree.SubElement(section, _tag("h2"))
    heading.text = label(brief.meta.language, "notes")
    return section


def _sort_entries(section: etree._Element) -> None:
    entries = [child for child in section if child.get("data-number")]
    for entry in entries:
        section.remove(entry)
    for entry in sorted(entries, key=lambda element: int(element.get("data-number") or 0)):
        section.append(entry)
