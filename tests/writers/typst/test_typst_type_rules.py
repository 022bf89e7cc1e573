"""The Typst PDF keeps the house rules of docs/typography.md as the WeasyPrint PDF does: code is
never broken, a title line never ends at a compound's own hyphen, no punctuation hangs into the
margin, and the page number and a note's call sit where WeasyPrint puts them."""

from __future__ import annotations

import dataclasses

import pytest

from briefexport.model import Brief, FootnoteRef, Paragraph, Styled, Text, TextStyle
from briefexport.options import default_options
from briefexport.writers import pdf as weasyprint_writer
from briefexport.writers.typst import write
from support.pdf import WordBox, pdf_text, word_boxes
from support.typst import metadata, plain_note, typst_options

POINTS_PER_MM = 72 / 25.4
CODE = "pe-heat-v2"
TITLE = "Harbour Councils and the Overdue Re-evaluation of Flood Insurance"
CALLING = "Closures were counted from the records of a regional shipping paper."


def typst_pdf(brief: Brief) -> bytes:
    return write(brief, typst_options(brief, pdf_standard="none"))


def test_code_is_never_split_across_lines() -> None:
    body = tuple(
        Paragraph(
            (
                Text(f"The sensors{' so' * words} are published as "),
                Styled(TextStyle.MONOSPACE, (Text(CODE),)),
                Text(" and read every hour."),
            )
        )
        for words in range(24)
    )
    text = pdf_text(typst_pdf(Brief(metadata(), body, ())))
    assert text.count(CODE) == len(body)


def title_rows(pdf: bytes) -> list[list[WordBox]]:
    """The lines of the title (the words set at its 20 pt), top to bottom."""
    rows: dict[float, list[WordBox]] = {}
    for word in word_boxes(pdf):
        if word.page == 1 and word.bottom - word.top > 20:
            rows.setdefault(round(word.top), []).append(word)
    return [rows[top] for top in sorted(rows)]


def test_a_title_line_never_ends_at_the_hyphen_of_a_compound() -> None:
    meta = dataclasses.replace(metadata(), title=(Text(TITLE),))
    rows = title_rows(typst_pdf(Brief(meta, (Paragraph((Text("Body."),)),), ())))
    assert len(rows) == 2
    assert " ".join(word.text for row in rows for word in row) == TITLE
    assert not any(row[-1].text.endswith("-") for row in rows)


def test_no_punctuation_hangs_into_the_margin() -> None:
    clauses = ("the quay, the crane; the tide", "storms, surges and heat waves.", "a record,")
    body = tuple(
        Paragraph((Text(" ".join(clauses[(start + n) % 3] for n in range(40))),))
        for start in range(3)
    )
    brief = Brief(metadata(), body, ())
    options = typst_options(brief, pdf_standard="none")
    edge = options.brand.page.size.millimetres[0] - options.brand.page.margin_outer
    rights = [word.right for word in word_boxes(write(brief, options)) if word.page == 1]
    assert max(rights) <= edge * POINTS_PER_MM + 0.01


@pytest.fixture(scope="module")
def both_engines() -> tuple[list[WordBox], list[WordBox]]:
    """The words of one small brief with a note, set by Typst and by WeasyPrint."""
    note = plain_note(1, "A note.")
    body = (Paragraph((Text(CALLING), FootnoteRef(note), Text(" Later text follows."))),)
    brief = Brief(metadata(), body, (note,))
    typst = word_boxes(typst_pdf(brief))
    weasy = word_boxes(weasyprint_writer.write(brief, default_options(brief, pdf_standard="none")))
    return typst, weasy


def page_number(words: list[WordBox]) -> WordBox:
    return max((word for word in words if word.text == "1"), key=lambda word: word.top)


def call(words: list[WordBox]) -> tuple[WordBox, float]:
    """The note's call, the word "1" after the calling sentence's last word, and how far its
    foot stands above that word's."""
    last = next(index for index, word in enumerate(words) if word.text == "paper.")
    assert words[last + 1].text == "1", "the call is a word of its own, in its own size"
    return words[last + 1], words[last].bottom - words[last + 1].bottom


def test_the_page_number_sits_where_weasyprint_puts_it(
    both_engines: tuple[list[WordBox], list[WordBox]],
) -> None:
    typst, weasy = (page_number(words) for words in both_engines)
    assert typst.bottom == pytest.approx(weasy.bottom, abs=1)
    assert typst.left == pytest.approx(weasy.left, abs=0.5)


def test_a_notes_call_has_weasyprints_size_and_height(
    both_engines: tuple[list[WordBox], list[WordBox]],
) -> None:
    """The body font's figures at 0.65 of the body size, raised by half their size; not the
    font's heavier superscript glyphs."""
    (typst, typst_raise), (weasy, weasy_raise) = (call(words) for words in both_engines)
    assert typst.right - typst.left == pytest.approx(weasy.right - weasy.left, abs=0.1)
    assert typst.bottom - typst.top == pytest.approx(weasy.bottom - weasy.top, abs=0.1)
    assert typst_raise == pytest.approx(weasy_raise, abs=0.2)
