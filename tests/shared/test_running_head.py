"""The running head of the PDF (both engines) and of the Word copy: the brief's alt-title, else
its title, shortened to fit beside the date; never just the series when there is a title."""

from __future__ import annotations

import dataclasses

import pytest

from briefexport.model import Brief, Text
from briefexport.options import default_options
from briefexport.shared.front import RUNNING_HEAD_ROOM, running_head, short_title, text_width
from support.pdf import page_texts
from support.written_pdfs import written_pdf

LONG = (
    "Harbour councils and the shipping lines they depend on should share tide records "
    "before the next storm season"
)


def titled(brief: Brief, title: str, running: str | None = None) -> Brief:
    meta = dataclasses.replace(brief.meta, title=(Text(title),), running_head=running)
    return dataclasses.replace(brief, meta=meta)


def test_alt_title_wins_then_the_title_not_the_series(harbour: Brief) -> None:
    assert harbour.meta.running_head is None
    assert running_head(harbour.meta) == "Harbours under pressure"
    assert running_head(titled(harbour, "A title", "Short").meta) == "Short"


def test_a_long_title_is_cut_at_a_word_with_an_ellipsis() -> None:
    head = short_title(LONG)
    assert head == "Harbour councils and the shipping lines they depend on should share tide\u2026"
    assert text_width(head) <= RUNNING_HEAD_ROOM < text_width(head) + len(" records")
    assert short_title("Short enough") == "Short enough"


def test_a_long_title_with_a_colon_keeps_its_part_before_the_colon() -> None:
    assert short_title(f"Tides and ports: {LONG}") == "Tides and ports"
    assert short_title("Ports: a short title") == "Ports: a short title"


def test_wide_characters_count_twice_and_unspaced_text_is_cut_anywhere() -> None:
    head = short_title("港" * 60)
    assert head == "港" * 39 + "\u2026"
    assert text_width(head) <= RUNNING_HEAD_ROOM


@pytest.mark.parametrize("engine", ["weasyprint", "typst"])
def test_both_engines_print_the_title_over_page_two(harbour: Brief, engine: str) -> None:
    options = default_options(harbour, pdf_engine=engine)
    pdf = written_pdf(harbour, options)
    header = page_texts(pdf, layout=True)[1].strip().splitlines()[0]
    assert header.startswith("Harbours under pressure"), header
    assert harbour.meta.series not in header
