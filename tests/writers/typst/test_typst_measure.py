"""Blocks of justified text in the Typst engine fill the measure: a Typst block of automatic
width is as wide as its widest line, so its lines were justified to that line, short of the
margin (the lead, a quotation, a paragraph or short list kept whole)."""

from __future__ import annotations

import random
from collections import defaultdict

from briefexport.model import Brief, Inline, Paragraph, Quote, Text
from briefexport.options import default_options
from briefexport.writers.typst import typeset
from briefexport.writers.typst.context import Layout
from support.briefs import small_brief
from support.pdf import WordBox, word_boxes
from support.typst import typst_options
from support.written_pdfs import written_pdf

LEAD_WORDS = ("harbour", "coast", "policy", "budget", "council", "storm", "sensor", "quay")
QUOTE_WORDS = ("crane", "tide", "river", "resilience", "infrastructure", "administration")
BODY_WORDS = ("communication", "responsibility", "environmental", "development", "record")
SLACK = 0.3  # points: rounding of the two engines' glyph advances


def words(vocabulary: tuple[str, ...], count: int, seed: int) -> tuple[Inline, ...]:
    rng = random.Random(seed)
    return (Text(" ".join(rng.choices(vocabulary, k=count)) + "."),)


def measured_brief() -> Brief:
    """A lead, a paragraph and a quotation, each some lines long, on one page."""
    return small_brief(
        (
            Paragraph(words(LEAD_WORDS, 40, 2), lead=True),
            Paragraph(words(BODY_WORDS, 50, 2)),
            Quote((Paragraph(words(QUOTE_WORDS, 50, 3)),)),
        )
    )


def right_edge(boxes: list[WordBox], vocabulary: tuple[str, ...]) -> float:
    """Where the longest line made of ``vocabulary``'s words ends (points)."""
    lines: dict[tuple[int, float], list[WordBox]] = defaultdict(list)
    for box in boxes:
        lines[box.page, round(box.top, 1)].append(box)
    edges = [
        max(box.right for box in line)
        for line in lines.values()
        if sum(box.text.rstrip(".") in vocabulary for box in line) > len(line) / 2
    ]  # most of the words: a hyphenated word's halves are not in the vocabulary
    assert len(edges) >= 2, "the text takes one line: the test proves nothing"
    return max(edges)


def test_the_lead_and_a_quotation_are_justified_to_the_measure_of_the_weasyprint_pdf() -> None:
    brief = measured_brief()
    typst = word_boxes(typeset(brief, typst_options(brief)).pdf)
    weasyprint = word_boxes(written_pdf(brief, default_options(brief)))
    for vocabulary in (LEAD_WORDS, QUOTE_WORDS, BODY_WORDS):
        assert abs(right_edge(typst, vocabulary) - right_edge(weasyprint, vocabulary)) < SLACK


def test_a_paragraph_kept_whole_keeps_its_lines() -> None:
    """Kept on one page where it fits anyway, the body paragraph (the second, now in a block
    of its own) is set as before, word for word."""
    brief = measured_brief()
    options = typst_options(brief)
    plain = typeset(brief, options, Layout())
    kept = typeset(brief, options, Layout(unbreakable=frozenset({2})))
    assert word_boxes(kept.pdf) == word_boxes(plain.pdf)
