"""A brief with a very long run of text with no space (a pasted key or hash) in every place
text is printed is laid out by WeasyPrint within a normal suite run: WeasyPrint 70 lays out such
a run once per line it makes of it, which took minutes for a few thousand characters in a table
cell before the shared XHTML gave the run break opportunities (``<wbr>``). The whole run is in
the PDF's text, once per place, with nothing added, and no word runs past the page."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefexport.formats import get_writer
from briefexport.options import default_options
from briefexport.reader import parse_brief
from support.long_runs import long_run, long_run_brief
from support.pdf import pdf_text, word_boxes

pytestmark = pytest.mark.slow

RUN = long_run(3000)
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
A4_WIDTH = 595.28  # points
LINE_END_HYPHEN = re.compile(r"[-\u2010]\n")
RUNNING_HEAD = ("Sea walls and their upkeep", "March 5, 2024")  # and on the title page


@pytest.fixture(scope="module")
def pdf() -> bytes:
    brief, _ = parse_brief(long_run_brief(RUN).encode())
    written: bytes = get_writer("pdf")(brief, default_options(brief, timestamp=WHEN))
    return written


def test_the_whole_run_is_in_the_text_of_each_place_and_nothing_is_added(pdf: bytes) -> None:
    text = pdf_text(pdf)
    assert "\u200b" not in text
    lines = text.replace("\f", "\n").splitlines(keepends=True)
    body = "".join(line for line in lines if not _is_page_furniture(line))
    joined = re.sub(r"\s+", "", LINE_END_HYPHEN.sub("", body))
    assert joined.count(RUN) == 6  # heading, paragraph, list item, cell, address, footnote


def _is_page_furniture(line: str) -> bool:
    """A line of the running head, or a page number."""
    return any(part in line for part in RUNNING_HEAD) or line.strip().isdigit()


def test_no_word_runs_past_the_page(pdf: bytes) -> None:
    words = word_boxes(pdf)
    assert sum(len(word.text) for word in words) > 6 * len(RUN)
    assert max(word.right for word in words) < A4_WIDTH
