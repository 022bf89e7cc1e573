"""No paragraph of a Typst PDF leaves one line alone at the foot or the head of a page (CSS
``orphans: 2; widows: 2``, which the WeasyPrint engine keeps), also when the line that would
go on alone calls a note, whose room Typst's own widow and orphan control leaves out."""

from __future__ import annotations

import random
import re
from collections import Counter

from briefexport.model import Brief, Footnote, FootnoteRef, Inline, Paragraph, Section, Text
from briefexport.writers.typst import typeset
from briefexport.writers.typst.context import Layout
from briefexport.writers.typst.placement import MOST_LINES_GIVEN_UP, lone_lines, shortened
from support.pdf import word_boxes
from support.typst import metadata, plain_note, typst_options

WORDS = (
    *("harbour", "coast", "policy", "budget", "council", "storm", "sensor", "record", "quay"),
    *("crane", "tide", "river", "resilience", "infrastructure", "administration", "port"),
)
BODY_HEIGHT = 10.5 * 1.362  # a word's box in 10.5 pt Noto Serif (ascender and descender)
TOKEN = re.compile(r"K(\d+)a")
# briefs whose Typst layout, without the check, left a calling line alone on a page
SEEDS = (1, 3, 6)


def sentences(rng: random.Random, count: int, words: tuple[int, int] = (8, 16)) -> str:
    chosen = (" ".join(rng.choices(WORDS, k=rng.randint(*words))) for _ in range(count))
    return " ".join(text.capitalize() + "." for text in chosen)


def calling_brief(seed: int, paragraphs: int = 14) -> Brief:
    """Paragraphs opening with a token (``K3a``), of three to eight sentences; most call a
    note of three sentences after their last sentence or their first."""
    rng = random.Random(seed)
    notes: list[Footnote] = []
    body: list[Paragraph] = []
    for index in range(1, paragraphs + 1):
        head, tail = sentences(rng, 1), sentences(rng, rng.randint(2, 7))
        if rng.random() < 0.2:
            body.append(Paragraph((Text(f"K{index}a {head} {tail}"),)))
            continue
        note = plain_note(len(notes) + 1, sentences(rng, 3, (14, 14)))
        notes.append(note)
        children: tuple[Inline, ...]
        if rng.random() < 0.6:
            children = (Text(f"K{index}a {head} {tail}"), FootnoteRef(note))
        else:
            children = (Text(f"K{index}a {head}"), FootnoteRef(note), Text(f" {tail}"))
        body.append(Paragraph(children))
    return Brief(metadata(), (Section("s1", (Text("Findings"),), tuple(body)),), tuple(notes))


def lines_per_page(pdf: bytes) -> Counter[tuple[int, int]]:
    """How many lines of each paragraph (by its token) each page holds, read by poppler: the
    lines are the rows of words in the body size, a token starts a paragraph."""
    rows: dict[tuple[int, float], list[str]] = {}
    for word in word_boxes(pdf):
        if abs(word.bottom - word.top - BODY_HEIGHT) < 0.3:
            rows.setdefault((word.page, round(word.top, 1)), []).append(word.text)
    counts: Counter[tuple[int, int]] = Counter()
    paragraph = 0
    for (page, _), words in sorted(rows.items()):
        found = TOKEN.fullmatch(words[0])
        paragraph = int(found.group(1)) if found else paragraph
        counts[paragraph, page] += 1
    return counts


def alone(counts: Counter[tuple[int, int]]) -> list[int]:
    """Paragraphs with one line on the first or the last page they run over (paragraph 0: the
    lines before the first token)."""
    pages: dict[int, list[int]] = {}
    for paragraph, page in counts:
        pages.setdefault(paragraph, []).append(page)
    return [
        paragraph
        for paragraph, spread in pages.items()
        if paragraph
        and len(spread) > 1
        and 1 in (counts[paragraph, min(spread)], counts[paragraph, max(spread)])
    ]


def test_no_paragraph_leaves_one_line_alone_on_a_page() -> None:
    shortened_pages = 0
    for seed in SEEDS:
        brief = calling_brief(seed)
        result = typeset(brief, typst_options(brief, pdf_standard="none"))
        assert alone(lines_per_page(result.pdf)) == [], seed
        shortened_pages += len(result.layout.shortened)
    assert shortened_pages, "no page had to end early: the briefs no longer test the check"


def test_a_line_alone_is_found_at_either_end_of_a_paragraph() -> None:
    lines = [(1, 1), (1, 1), (2, 1), (2, 2), (2, 2), (3, 2), (3, 2), (3, 3)]
    assert lone_lines(lines) == [2, 3]
    assert lone_lines([(4, 1), (4, 1), (4, 2), (4, 2)]) == []
    # one line on the last of three pages: a float on the first page would not help
    assert lone_lines([(5, 1), (5, 1), (5, 2), (5, 3)]) == []


def test_each_pass_ends_the_page_one_line_earlier_up_to_a_limit() -> None:
    layout = Layout()
    for lines in range(1, MOST_LINES_GIVEN_UP + 1):
        next_layout = shortened(layout, [4])
        assert next_layout is not None
        layout = next_layout
        assert layout.shortened == ((4, lines),)
    assert shortened(layout, [4]) is None
    assert shortened(layout, [4, 9]) == layout._replace(shortened=((4, 3), (9, 1)))
