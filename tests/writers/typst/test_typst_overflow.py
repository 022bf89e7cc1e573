"""A run of characters longer than the line stays inside the page with the Typst engine."""

from __future__ import annotations

import io

import pikepdf

from briefexport.model import Footnote, FootnoteRef, Paragraph, Styled, Text, TextStyle
from briefexport.writers.typst import write
from briefexport.writers.typst.inlines import text_markup
from briefexport.writers.typst.runs import run_spans
from support.briefs import brief_with_blocks
from support.pdf import pdf_text, word_right_edges
from support.typst import typst_options


def test_a_run_longer_than_the_line_breaks_inside_the_page() -> None:
    token = "1234567890" * 16  # no space, no hyphenation point
    brief = brief_with_blocks((Paragraph((Text(f"Before the token {token} and after it."),)),))
    data = write(brief, typst_options(brief, pdf_standard="none"))
    with pikepdf.open(io.BytesIO(data)) as document:
        width = float(document.pages[0].MediaBox[2])
    pieces = [right for word, right in word_right_edges(data) if word[:4] in token]
    assert len(pieces) >= 2
    assert max(pieces) < width - 36
    text = pdf_text(data)
    assert "\u200b" not in text  # the breaks add no character: the token copies as written
    assert token in "".join(text.split())


def test_only_overlong_runs_get_breaks_and_marks_stay_with_their_letter() -> None:
    assert text_markup("x" * 60) == "x" * 60
    run = "e\u0301" * 40
    assert text_markup(run) == "#box[e\u0301]" * 40
    assert text_markup(f"a {'x' * 61} b") == "a " + "#box[x]" * 61 + " b"


def test_a_run_split_by_bold_breaks_inside_the_page() -> None:
    halves = ("1234567890" * 5, "0987654321" * 5)  # each too short to be cut alone
    run = (Text(halves[0]), Styled(TextStyle.BOLD, (Text(halves[1]),)), Text("13579" * 8))
    brief = brief_with_blocks((Paragraph((Text("Before the token "), *run, Text(" after."))),))
    data = write(brief, typst_options(brief, pdf_standard="none"))
    with pikepdf.open(io.BytesIO(data)) as document:
        width = float(document.pages[0].MediaBox[2])
    assert max(right for _, right in word_right_edges(data)) < width - 36
    assert halves[0] + halves[1] + "13579" * 8 in "".join(pdf_text(data).split())


def test_runs_are_found_across_styles_and_parted_by_calls() -> None:
    first, bold, note = Text("x" * 40), Text("y" * 40), Text("z" * 40)
    styled = Styled(TextStyle.ITALIC, (bold,))
    call = FootnoteRef(Footnote("n1", 1, (Paragraph((Text("A note."),)),)))
    spans = run_spans((Text("a "), first, styled, call, note))
    assert spans[id(first)] == ((0, 40),)
    assert spans[id(bold)] == ((0, 40),)
    assert spans[id(note)] == ()  # 40 characters after the call: no overlong run
