"""Breaking and page make-up in the PDF (and the HTML page's print rules): hyphenation limits,
no break inside code, URLs broken only after a slash or before a dot, short lists, headings and the
colophon kept together, superscripts that keep the leading, numeric columns, the quote's dash."""

from __future__ import annotations

import itertools
import re
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from briefexport.inlines import plain_text
from briefexport.model import Brief, Link
from briefexport.model.walk import walk_inlines
from support.typography import Writer, page_boxes, pdf_layout, text_boxes

HYPHEN_END = re.compile(r"(\w+)-$")


def pdf_lines(data: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()


@pytest.fixture(scope="module")
def tour_layout(tour: Brief) -> Any:
    return pdf_layout(tour)


def pages_of(document: Any, predicate: Any) -> dict[Any, set[int]]:
    """For each element the predicate picks, the pages its boxes are on."""
    found: dict[Any, set[int]] = defaultdict(set)
    for number, box in page_boxes(document):
        element = getattr(box, "element", None)
        if element is not None and predicate(element):
            found[element].add(number)
    return found


@pytest.mark.parametrize("fixture", ["tour", "harbour", "seed_brief"])
def test_hyphenation_leaves_three_letters_on_each_side(
    fixture: str, request: pytest.FixtureRequest, written: Writer, tmp_path: Path
) -> None:
    brief = request.getfixturevalue(fixture)
    lines = pdf_lines(written(brief, "pdf"), tmp_path, fixture)
    for line, following in itertools.pairwise(lines):
        found = HYPHEN_END.search(line.rstrip())
        if found and following.strip():
            rest = re.match(r"\w*", following.strip())
            assert rest is not None
            assert len(found[1]) >= 3, (line, following)
            assert len(rest[0]) >= 3, (line, following)


def test_code_names_are_never_split(tour: Brief, written: Writer, tmp_path: Path) -> None:
    lines = pdf_lines(written(tour, "pdf"), tmp_path, "tour")
    text = "\n".join(lines)
    assert text.count("pe-heat-v2") == 2  # body and table caption, each on one line


@pytest.mark.parametrize("fixture", ["tour", "seed_brief"])
def test_urls_break_only_after_a_slash_or_before_a_dot(
    fixture: str, request: pytest.FixtureRequest, written: Writer, tmp_path: Path
) -> None:
    brief = request.getfixturevalue(fixture)
    text = "\n".join(pdf_lines(written(brief, "pdf"), tmp_path, fixture))
    urls = [
        inline.href
        for inline in walk_inlines(brief.inlines())
        if isinstance(inline, Link) and plain_text(inline.children) == inline.href
    ]
    assert urls
    for url in urls:
        pattern = "\n?".join(re.escape(char) for char in url)
        found = re.search(pattern, text)
        assert found, url
        for index, char in enumerate(found[0]):
            if char == "\n":
                assert found[0][index - 1] == "/" or found[0][index + 1] == ".", (url, found[0])
        assert not found[0].startswith(("https:/\n", "https:\n", "https://\n")), url


def test_short_lists_headings_and_the_colophon_stay_together(tour_layout: Any) -> None:
    def is_short_list(element: Any) -> bool:
        return "short" in (element.get("class") or "").split()

    short_lists = pages_of(tour_layout, is_short_list)
    assert len(short_lists) == 2
    assert all(len(pages) == 1 for pages in short_lists.values())
    root = tour_layout.pages[0]._page_box.children[0].element
    (main,) = [e for e in root.iter() if e.tag.endswith("main")]
    inside_main = set(main.iter()) - {main}
    (footer_pages,) = pages_of(tour_layout, lambda e: e.tag.endswith("footer")).values()
    assert len(footer_pages) == 1
    text_pages = set().union(*pages_of(tour_layout, lambda e: e in inside_main).values())
    assert footer_pages <= text_pages, "the colophon is alone on its page"
    parents = {child: parent for parent in root.iter() for child in parent}
    headings = pages_of(tour_layout, lambda e: re.search(r"h[234]$", e.tag) is not None)
    for heading, on in headings.items():
        siblings = list(parents[heading])
        following = siblings[siblings.index(heading) + 1]
        (after,) = pages_of(tour_layout, lambda e, f=following: e is f).values()
        assert min(after) == max(on), "".join(heading.itertext())


def test_superscripts_and_subscripts_keep_the_leading(tour_layout: Any) -> None:
    heights: dict[Any, set[float]] = defaultdict(set)
    for _, box in page_boxes(tour_layout):
        if type(box).__name__ == "LineBox" and box.element is not None:
            heights[box.element].add(round(box.height, 2))
    (paragraph,) = [e for e in heights if "refrigerated" in "".join(e.itertext())]
    assert any(e.tag.endswith("sub") for e in paragraph.iter())
    assert len(heights[paragraph]) == 1, heights[paragraph]


def test_tables_align_numbers_right_in_one_family(
    tour_layout: Any, tour: Brief, written: Writer
) -> None:
    cells = [box for _, box in page_boxes(tour_layout) if type(box).__name__ == "TableCellBox"]
    numeric = [c for c in cells if "num" in (c.element.get("class") or "").split()]
    assert len(numeric) == 3 * 5  # three columns of figures, header row included
    assert {c.style["text_align_all"] for c in numeric} == {"end"}
    assert len({tuple(c.style["font_family"]) for c in cells}) == 1
    page = lxml_html.fromstring(written(tour, "html"))
    assert len(page.xpath("//td[@class='num']")) == 12


def test_the_pdf_prints_the_dash_before_the_attribution(
    tour: Brief, written: Writer, tmp_path: Path
) -> None:
    text = " ".join(pdf_lines(written(tour, "pdf"), tmp_path, "tour"))
    assert "\u2014 Amina Roussel" in text or "\u2014\u00a0Amina Roussel" in text


def test_printed_web_page_hides_back_links_and_shows_link_targets(
    tour: Brief, written: Writer
) -> None:
    from weasyprint import HTML

    page = written(tour, "html")
    document = HTML(string=page.decode()).render()  # WeasyPrint applies the print rules
    texts = [box.text for box in text_boxes(document)]
    assert not any("\u21a9" in text for text in texts)
    assert " (https://heat-planning.example.gov/guidance)" in "".join(texts)
    style = lxml_html.fromstring(page).xpath("string(//style)")
    assert "@media (prefers-color-scheme: dark)" in style
    assert "--dark-text" in style
