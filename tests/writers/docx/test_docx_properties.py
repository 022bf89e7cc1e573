"""Property tests: any valid brief (Hypothesis strategies of ``tests/strategies.py``) gives a DOCX
that python-docx reopens, with every note once in ``word/footnotes.xml`` and once called."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

import docx
from hypothesis import given
from lxml import etree

from briefexport.inlines import plain_text
from briefexport.model import Brief, FootnoteRef, Section
from briefexport.options import default_options
from briefexport.shared.typeset import typeset
from briefexport.writers.docx import write
from support.model import find
from support.strategies import briefs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


def xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


NO_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2069")


def printed(paragraph: etree._Element) -> str:
    """The text Word shows: text runs, and a non-breaking hyphen as a hyphen."""
    parts = paragraph.xpath(".//w:t/text() | .//w:noBreakHyphen", namespaces=NS)
    return "".join(part if isinstance(part, str) else "-" for part in parts)


@given(briefs())
def test_any_brief_gives_a_docx_with_its_notes_called_once(brief: Brief) -> None:
    data = write(brief, default_options(brief))
    docx.Document(io.BytesIO(data))  # reopens
    document, notes = xml(data, "word/document.xml"), xml(data, "word/footnotes.xml")
    regular = notes.xpath("w:footnote[not(@w:type)]", namespaces=NS)
    assert len(regular) == len(brief.footnotes)
    # the notes as printed: typographic quotes, runs in the other direction between isolates
    for element, note in zip(regular, typeset(brief).footnotes, strict=True):
        got = [printed(p).translate(NO_ISOLATES) for p in element.findall(f"{{{W}}}p")]
        assert got == [plain_text(p.children).translate(NO_ISOLATES) for p in note.paragraphs]
    calls = find((brief.meta, brief.body, brief.references), FootnoteRef)
    counted = Counter(call.note.number for call in calls)
    references: Counter[str] = Counter(document.xpath("//w:footnoteReference/@w:id", namespaces=NS))
    assert references == Counter({str(number): 1 for number in counted})
    fields = document.xpath("//w:fldSimple[contains(@w:instr, 'NOTEREF')]", namespaces=NS)
    assert len(fields) == sum(counted.values()) - len(counted)
    headings = document.xpath("//w:pStyle[starts-with(@w:val, 'Heading')]", namespaces=NS)
    assert len(headings) == len(find(brief.body, Section)) + (1 if brief.references else 0)


@given(briefs())
def test_any_brief_writes_the_same_bytes_twice(brief: Brief) -> None:
    options = default_options(brief)
    assert write(brief, options) == write(brief, options)
