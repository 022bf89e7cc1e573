"""A page note moved to the endnotes leaves a call that keeps the mark of a call after another."""

from __future__ import annotations

from briefexport.writers.pdf.prepare import move_to_endnotes, number_notes
from briefexport.writers.xhtml import NotePlacement, brief_to_xhtml
from support import formatted_calls
from support.formatted_calls import ARABIC_COMMA, formatted_calls_brief
from support.note_calls import MARKED, NS, calls_by_paragraph, note_calls_brief


def test_a_page_note_made_an_endnote_keeps_its_mark_on_the_call_left_behind() -> None:
    brief = note_calls_brief()
    root = brief_to_xhtml(brief, NotePlacement.PAGE_FLOAT)
    number_notes(root, brief)
    for span in root.xpath("//h:span[@id='fn-2' or @id='fn-3']", namespaces=NS):
        move_to_endnotes(root, span, brief)
    assert root.xpath("//h:span[@id='fn-2' or @id='fn-3']", namespaces=NS) == []
    assert calls_by_paragraph(root) == MARKED


def test_a_call_left_behind_keeps_the_separator_of_its_language() -> None:
    brief = formatted_calls_brief("ur")
    root = brief_to_xhtml(brief, NotePlacement.PAGE_FLOAT)
    number_notes(root, brief)
    for span in root.xpath("//h:span[@id='fn-2' or @id='fn-4']", namespaces=NS):
        move_to_endnotes(root, span, brief)
    assert calls_by_paragraph(root) == formatted_calls.MARKED
    left = root.xpath("//h:a[@href='#fn-2' or @href='#fn-4'][@data-separator]", namespaces=NS)
    assert [call.get("data-separator") for call in left] == [ARABIC_COMMA] * 2


def test_an_endnotes_number_is_marked_as_a_notes_number() -> None:
    # pdf.css sets it as at the page foot (bold, the accent colour), as the Typst engine does.
    brief = note_calls_brief()
    root = brief_to_xhtml(brief, NotePlacement.PAGE_FLOAT)
    number_notes(root, brief)
    [span] = root.xpath("//h:span[@id='fn-2']", namespaces=NS)
    text = "".join(span.itertext())
    move_to_endnotes(root, span, brief)
    [entry] = root.xpath("//h:section[@class='endnotes']/h:p[@id='fn-2']", namespaces=NS)
    [number] = entry.xpath("h:span[@class='footnote-number']", namespaces=NS)
    assert number.text == "2."
    assert "".join(entry.itertext()) == f"2. {text}"
