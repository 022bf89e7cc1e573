"""Justified text in the WeasyPrint PDF: few loose lines, and words kept whole where the house
style says so (names, a paragraph's last word, links and underlined words, a title's compound),
measured in the PDF with ``support.word_gaps`` (pdftotext)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pyphen  # type: ignore[import-untyped]
import pytest
from lxml import etree

import briefexport
from briefexport.model import Brief, Paragraph, Text
from briefexport.options import default_options
from briefexport.writers.pdf import whole_words
from briefexport.writers.pdf.word_marks import WORD_JOINER, mark_words
from briefexport.writers.xhtml.markup import XHTML_NS
from support.briefs import small_brief
from support.paths import HARBOUR, SEED, TOUR, require_shared
from support.pdf import page_texts, pdf_text
from support.pinned import needs_reviewed
from support.word_gaps import measure
from support.written_pdfs import written_pdf

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
# Long words with few short ones between them: a greedy line breaker that seldom hyphenates
# leaves most of these lines loose.
LONG_WORDED = (
    "Regional harbour authorities increasingly coordinate maintenance dredging, emergency "
    "communication and environmental monitoring, although their respective responsibilities "
    "remain fragmented between municipal departments, independent operators and national "
    "agencies.",
    "Consequently, investment decisions concerning quay reinforcement, drainage improvement "
    "and electricity resilience are postponed repeatedly, because individual administrations "
    "cannot demonstrate sufficient benefits within conventional budgeting periods.",
    "Comprehensive assessments nevertheless indicate that preventive expenditure substantially "
    "reduces subsequent reconstruction requirements, particularly where neighbouring facilities "
    "exchange operational information continuously.",
    "Unfortunately, comparable measurements rarely exist: observation equipment differs between "
    "locations, definitions of disruption vary considerably, and historical documentation is "
    "frequently incomplete or inaccessible.",
    "Establishing standardised reporting procedures, consolidated financing arrangements and "
    "transparent accountability mechanisms would therefore strengthen negotiating positions "
    "considerably.",
)
HYPHEN_AT_END = re.compile(r"(\S+)[-\u2010]$")


def pdf_of(brief: Brief, paper: str = "A4") -> bytes:
    return written_pdf(brief, default_options(brief, timestamp=WHEN, paper=paper))


def xhtml(body: str) -> etree._Element:
    return etree.fromstring(f'<html xmlns="{XHTML_NS}" lang="en"><body>{body}</body></html>')


def spans(root: etree._Element) -> list[tuple[str, str]]:
    found = root.iter(f"{{{XHTML_NS}}}span")
    return [
        (span.text or "", span.tail or "") for span in found if span.get("class") == "last-word"
    ]


def test_the_last_word_is_marked_with_the_space_before_it() -> None:
    root = xhtml("<main><p>Tides rise every <i>late</i> summer.</p></main>")
    mark_words(root)
    assert spans(root) == [(" summer", ".")]  # a text ending in a space would break badly


@pytest.mark.parametrize(
    "paragraph",
    [
        '<p>Ends in <a href="#x">a harbourside link</a>.</p>',  # links are never hyphenated
        "<p>Ends in an <u>underlined</u>.</p>",
        "<p>No break in this one: ports.</p>",  # no hyphenation point: no span for nothing
        "<p>\u092a\u093e\u0928\u0940 \u092c\u091a\u093e\u0913\u0964</p>",  # no English breaks
    ],
)
def test_last_words_that_cannot_be_hyphenated_are_not_marked(paragraph: str) -> None:
    root = xhtml(f"<main>{paragraph}</main>")
    mark_words(root)
    assert spans(root) == []


def test_a_note_is_not_the_paragraph_s_last_word() -> None:
    note = '<span class="footnote">A note ending in somewhere</span>'
    root = xhtml(f"<main><p>Quays flood every summer{note}.</p></main>")
    mark_words(root)
    assert spans(root) == [(" summer", "")]


def test_title_compounds_get_a_word_joiner_after_their_hyphen() -> None:
    root = xhtml('<header><h1 class="title">A Re-examination of Co-operation - now</h1></header>')
    mark_words(root)
    title = "".join(root.itertext())
    assert title == f"A Re-{WORD_JOINER}examination of Co-{WORD_JOINER}operation - now"


def test_names_have_no_break_points_unless_a_loose_line_needs_them() -> None:
    names = whole_words.NamesWhole(pyphen.Pyphen(lang="en", left=3, right=3))
    assert list(names.iterate("Harbourside")) == []
    assert list(names.iterate("harbourside"))
    token = whole_words.NAMES_ALLOWED.set(True)
    try:
        assert list(names.iterate("Harbourside"))
    finally:
        whole_words.NAMES_ALLOWED.reset(token)


def test_languages_that_capitalise_nouns_keep_their_dictionary() -> None:
    style = {"lang": "de", "hyphenate_limit_chars": (6, 3, 3)}
    assert whole_words.dictionary_key(style) is None
    assert whole_words.dictionary_key({**style, "lang": "en"}) == ("en", 3, 3, 6)


@needs_reviewed
def test_long_worded_paragraphs_have_few_loose_lines() -> None:
    brief = small_brief(tuple(Paragraph((Text(text),)) for text in LONG_WORDED))
    spacing = measure(pdf_of(brief))
    # 7 of 13 lines had spaces over 5 pt with hyphenate-limit-zone: 12%
    assert spacing.body_lines >= 12
    assert len(spacing.loose) <= 3
    assert spacing.longest_hyphen_run <= 2
    assert not spacing.cut_short


@needs_reviewed
def test_a_title_does_not_break_at_its_own_hyphen() -> None:
    title = "Storm Surges and Small Ports: The Region's Re-assessment of Defences"
    brief = small_brief((Paragraph((Text("Body text."),)),))
    brief = dataclasses.replace(brief, meta=dataclasses.replace(brief.meta, title=(Text(title),)))
    pdf = pdf_of(brief)
    lines = [line.strip() for line in page_texts(pdf, layout=True)[0].splitlines()]
    assert "Re-assessment of Defences" in lines  # was "... Region's Re-" / "assessment ..."
    assert WORD_JOINER not in pdf_text(pdf)


@needs_reviewed
def test_names_links_and_last_words_stay_whole_on_letter_paper() -> None:
    tour = briefexport.load(TOUR)
    lines = pdf_text(pdf_of(tour, "Letter"), layout=True).splitlines()
    ends = {found[1] for line in lines if (found := HYPHEN_AT_END.search(line.rstrip()))}
    # a name ("Har-bourside"), an underlined word ("exist-ing"), a list item's last word
    # ("sum-mer.") were each broken here before
    assert not {"Har", "exist", "sum"} & ends


@needs_reviewed
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(
    ("name", "most_loose"),
    [
        ("harbour", 7),  # 11 (A4) and 9 (Letter) lines over 5 pt before
        pytest.param("tour", None, marks=pytest.mark.slow),
        pytest.param("seed", 14, marks=pytest.mark.slow),  # 24 and 23 before
    ],
)
def test_reference_briefs_are_evenly_spaced(name: str, most_loose: int | None, paper: str) -> None:
    if name == "seed":
        require_shared(SEED)
        from briefexport.importers import import_file

        brief: Brief = import_file(SEED)
    else:
        brief = briefexport.load(HARBOUR if name == "harbour" else TOUR)
    spacing = measure(pdf_of(brief, paper))
    if most_loose is not None:
        assert len(spacing.loose) <= most_loose
    assert spacing.longest_hyphen_run <= 2
    assert not spacing.overfull
    assert not spacing.cut_short
    assert not spacing.page_end_hyphens
