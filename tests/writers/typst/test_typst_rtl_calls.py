"""Calls side by side in right-to-left text follow the text, first call first (nearest the word
they follow), in the Typst PDF as in the WeasyPrint PDF: the Arabic comma between two calls does
not join them into one number set left to right (UAX #9, W4)."""

from __future__ import annotations

from briefexport.model import Brief, Footnote, FootnoteRef, Paragraph, Text
from briefexport.writers.typst import write
from support.pdf import word_boxes
from support.typst import metadata, typst_options


def test_calls_side_by_side_in_arabic_come_first_call_first() -> None:
    notes = tuple(Footnote(f"n{i}", i, (Paragraph((Text(f"ملاحظة رقم {i}."),)),)) for i in (1, 2))
    words = (Text("هذه جملة أولى"), FootnoteRef(notes[0]), FootnoteRef(notes[1]), Text(" ثم."))
    brief = Brief(metadata(language="ar"), (Paragraph(words),), notes)
    boxes = word_boxes(write(brief, typst_options(brief, pdf_standard="none")))
    word = next(box for box in boxes if box.text == "ىلوأ")  # أولى as poppler stores it
    line = [box for box in boxes if box.page == word.page and abs(box.top - word.top) < 2]
    calls = "".join(
        c for box in sorted(line, key=lambda box: box.left) for c in box.text if c in "12"
    )
    assert calls == "21"  # from the left: 2, the comma, 1, then the word the calls follow
    assert max(box.right for box in line if "1" in box.text) <= word.left + 0.5
