"""No more than two hyphenated lines in a row in the PDF: the guard, the line counting, a
paragraph built to ladder (checked in the laid-out boxes and with pdftotext), and briefs that
need no correction printed byte for byte as without it."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
import weasyprint
from weasyprint.layout import block, inline

import briefexport
from briefexport.formats import get_writer
from briefexport.model import Brief, Paragraph, Text
from briefexport.options import WriteOptions, default_options
from briefexport.shared.typeset import typeset
from briefexport.writers.pdf import hyphen_lines, pinned
from support.briefs import small_brief
from support.paths import HARBOUR, SEED, TOUR, require_shared
from support.pdf import pdf_text
from support.pinned import SUPPORTED
from support.typography import page_boxes
from support.written_pdfs import written_pdf

LONG_WORDS = (
    "Internationalisation of telecommunications infrastructure necessitates interdisciplinary "
    "characterisation of electromagnetic compatibility, notwithstanding institutionalised "
    "counterproductive bureaucratisation and the incomprehensibility of administrative "
    "responsibilities; decentralisation, intergovernmental accountability and "
    "representativeness underpin constitutionalism everywhere."
)
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
HYPHEN_AT_END = re.compile(r"\w[-\u2010]$")


def unwrapped(function: Any) -> Any:
    return getattr(function, "__wrapped__", function)


@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: the limit is not kept there")
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    version = weasyprint.__version__
    lines, split = unwrapped(block.iter_line_boxes), unwrapped(inline.split_first_line)
    assert pinned.is_reviewed(lines, hyphen_lines.LINES_SOURCE_SHA256, version)
    assert pinned.is_reviewed(split, hyphen_lines.SPLIT_SOURCE_SHA256, version)
    assert hyphen_lines.install()
    assert block.iter_line_boxes.__wrapped__ is lines


def test_another_version_or_a_changed_function_is_refused() -> None:
    lines = unwrapped(block.iter_line_boxes)
    assert not pinned.is_reviewed(lines, hyphen_lines.LINES_SOURCE_SHA256, "71.0")
    assert not pinned.is_reviewed(
        unwrapped(inline.split_first_line), hyphen_lines.LINES_SOURCE_SHA256, "70.0"
    )
    wrapped = hyphen_lines._limit_lines(lines)
    assert not pinned.is_reviewed(wrapped, hyphen_lines.LINES_SOURCE_SHA256, "70.0")


# Made-up lines: what the wrappers read of WeasyPrint's boxes, nothing more.
@dataclasses.dataclass
class TextBox:
    text: str
    style: dict[str, str] = dataclasses.field(
        default_factory=lambda: {"hyphenate_character": "\u2010"}
    )


@dataclasses.dataclass
class LineBox:
    children: list[Any]


def greedy_lines(context: Any, box: Any, y: Any, bottom: Any, skip: Any) -> Iterator[Any]:
    """Eight lines from ``skip`` on, each hyphenated unless the limit forbids it now."""
    for index in range(skip or 0, 8):
        hyphenated = not hyphen_lines._LIMITED.get()
        yield LineBox([TextBox("word" + ("\u2010" if hyphenated else ""))]), index + 1


def hyphen_pattern(lines: Iterator[Any]) -> str:
    return "".join("H" if hyphen_lines.ends_hyphenated(line) else "." for line, _ in lines)


def test_third_line_of_a_run_is_not_hyphenated_even_after_a_page_break(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(hyphen_lines, "install", lambda: True)
    lines = hyphen_lines._limit_lines(greedy_lines)
    box = object()
    assert hyphen_pattern(lines(None, box, 0, 0, None)) == "HHHHHHHH"  # outside: unlimited
    with hyphen_lines.limiting_hyphenated_lines():
        assert hyphen_pattern(lines(None, box, 0, 0, None)) == "HH.HH.HH"
        # A new page resumes after the second line: that run goes on.
        assert hyphen_pattern(lines(None, box, 0, 0, 2)) == ".HH.HH"
        assert hyphen_pattern(lines(None, object(), 0, 0, 2)) == "HH.HH."


def test_a_line_ending_in_a_hyphen_of_the_source_is_not_hyphenated() -> None:
    assert not hyphen_lines.ends_hyphenated(LineBox([TextBox("well-")]))
    assert hyphen_lines.ends_hyphenated(LineBox([TextBox("a"), TextBox("respon\u2010")]))
    assert not hyphen_lines.ends_hyphenated(LineBox([]))


def ladder_brief() -> Brief:
    return small_brief(tuple(Paragraph((Text(LONG_WORDS),)) for _ in range(6)))


def narrow(brief: Brief) -> WriteOptions:
    """A 70 mm measure on A4, where these words hyphenate on most lines."""
    options = default_options(brief, timestamp=WHEN)
    page = dataclasses.replace(options.brand.page, margin_inner=70, margin_outer=70)
    return dataclasses.replace(options, brand=dataclasses.replace(options.brand, page=page))


def laid_out(brief: Brief, options: WriteOptions, limited: bool) -> Any:
    """The PDF writer's document and stylesheets laid out, with or without the limit."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from briefexport.writers.pdf import prepare_tree
    from briefexport.writers.pdf.fetcher import SandboxedFetcher
    from briefexport.writers.pdf.stylesheet import style_root, stylesheets
    from briefexport.writers.xhtml import NotePlacement, brief_to_xhtml, serialize

    tree = brief_to_xhtml(
        typeset(brief), NotePlacement.PAGE_FLOAT, style_dir=options.style_dir, brand=options.brand
    )
    prepare_tree(tree, brief, options.pdf_standard)
    fetcher, fonts = SandboxedFetcher([style_root(options)]), FontConfiguration()
    css = stylesheets(options, fetcher, fonts)
    page = HTML(string=serialize(tree).decode(), url_fetcher=fetcher)
    limit = hyphen_lines.limiting_hyphenated_lines() if limited else contextlib.nullcontext()
    with limit:
        return page.render(stylesheets=css, font_config=fonts)


def longest_runs(document: Any) -> list[int]:
    """Per block, the most lines in a row ending hyphenated (across pages)."""
    runs: dict[Any, list[int]] = {}
    for _, box in page_boxes(document):
        if type(box).__name__ == "LineBox" and box.element is not None:
            run = runs.setdefault(box.element, [0, 0])
            run[0] = run[0] + 1 if hyphen_lines.ends_hyphenated(box) else 0
            run[1] = max(run)
    return [longest for _, longest in runs.values()]


def text_runs(pdf: bytes) -> int:
    """The most lines in a row that pdftotext shows ending in a hyphen after a letter."""
    longest = run = 0
    for line in pdf_text(pdf, layout=True).splitlines():
        run = run + 1 if HYPHEN_AT_END.search(line.rstrip()) else 0
        longest = max(longest, run)
    return longest


def unlimited(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any number of hyphenated lines in a row; the wrappers' other rules (names and last words
    kept whole, :mod:`briefexport.writers.pdf.whole_words`) still apply."""
    monkeypatch.setattr(hyphen_lines, "MAX_HYPHENATED_LINES", 10**9)


@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: the limit is not kept there")
def test_a_laddering_paragraph_gets_at_most_two_hyphenated_lines_in_a_row() -> None:
    brief = ladder_brief()
    options = narrow(brief)
    before = longest_runs(laid_out(brief, options, limited=False))
    assert max(before) >= 3, "the made-up paragraph no longer ladders: the test proves nothing"
    after = longest_runs(laid_out(brief, options, limited=True))
    assert max(after) == 2
    assert sum(after) > 0


@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: the limit is not kept there")
def test_the_written_pdf_shows_no_three_hyphenated_lines_in_a_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    brief = ladder_brief()
    write = get_writer("pdf")
    assert text_runs(write(brief, narrow(brief))) == 2
    unlimited(monkeypatch)
    assert text_runs(write(brief, narrow(brief))) >= 3  # what the check finds without the limit


def reference_brief(name: str) -> Brief:
    if name == "seed":
        require_shared(SEED)
        from briefexport.importers import import_file

        imported: Brief = import_file(SEED)
        return imported
    loaded: Brief = briefexport.load(HARBOUR if name == "harbour" else TOUR)
    return loaded


@pytest.mark.parametrize(
    "name",
    [
        "harbour",
        pytest.param("tour", marks=pytest.mark.slow),
        pytest.param("seed", marks=pytest.mark.slow),
    ],
)
def test_briefs_without_a_run_of_three_are_printed_as_before(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = reference_brief(name)
    options = default_options(brief, timestamp=WHEN)
    assert max(longest_runs(laid_out(brief, options, limited=False))) < 3
    limited = written_pdf(brief, options)
    unlimited(monkeypatch)
    assert get_writer("pdf")(brief, options) == limited
