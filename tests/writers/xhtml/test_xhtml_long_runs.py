"""A run of text too long to be a word gets ``<wbr>`` break opportunities in the shared XHTML,
wherever it is printed; the text itself (what is copied, searched and extracted) is unchanged."""

from __future__ import annotations

import pytest
from lxml import etree, html

from briefexport.model import Paragraph, Styled, Text, TextStyle
from briefexport.reader import parse_brief
from briefexport.shared.runs import CUT_EVERY
from briefexport.writers.xhtml import NotePlacement, brief_to_xhtml, serialize
from briefexport.writers.xhtml.longruns import mark_overlong_runs
from support.briefs import small_brief
from support.long_runs import long_run, long_run_brief

RUN = long_run(1000)
NS = {"h": "http://www.w3.org/1999/xhtml"}
X = "{http://www.w3.org/1999/xhtml}"
HOLDERS = {
    "heading": "//h:h2",
    "paragraph": "//h:main//h:p[starts-with(., 'Start')]",
    "list item": "//h:li[starts-with(., 'Item')]",
    "table cell": "//h:td",
    "web address": "//h:a[@class='url']",
    "footnote": "//*[@id='fn-1']",
}


@pytest.fixture(scope="module", params=list(NotePlacement))
def root(request: pytest.FixtureRequest) -> etree._Element:
    brief, _ = parse_brief(long_run_brief(RUN).encode())
    return brief_to_xhtml(brief, request.param)


@pytest.mark.parametrize("place", HOLDERS)
def test_the_run_breaks_every_few_characters_and_reads_as_written(
    root: etree._Element, place: str
) -> None:
    holders = root.xpath(HOLDERS[place], namespaces=NS)
    (holder,) = [element for element in holders if RUN in "".join(element.itertext())]
    breaks = holder.findall(".//h:wbr", NS)
    assert len(breaks) >= len(RUN) // CUT_EVERY - 1
    assert all(len((wbr.tail or "").split(" ")[0]) <= CUT_EVERY for wbr in breaks)


def test_no_character_is_added_to_the_page_text(root: etree._Element) -> None:
    body = root.find("h:body", NS)
    assert body is not None
    text = "".join(body.itertext())
    parsed = html.document_fromstring(serialize(root)).text_content()
    assert "\u200b" not in text
    for found in (text, parsed):
        assert found.count(RUN) == 6


def test_a_run_split_by_inline_elements_is_cut_across_them() -> None:
    pieces = [RUN[start : start + 40] for start in range(0, 400, 40)]
    glued = tuple(
        Styled(TextStyle.BOLD, (Text(piece),)) if index % 2 else Text(piece)
        for index, piece in enumerate(pieces)
    )
    root = brief_to_xhtml(small_brief((Paragraph(glued),)), NotePlacement.END)
    (paragraph,) = [p for p in root.iter(f"{X}p") if RUN[:400] in "".join(p.itertext())]
    assert len(paragraph.findall(f".//{X}wbr")) == 400 // CUT_EVERY
    assert "".join(paragraph.itertext()) == RUN[:400]


@pytest.mark.parametrize("between", ["<title> </title>", "<!-- -->", "<?pi ?>"])
def test_a_run_around_text_that_is_not_laid_out_is_cut(between: str) -> None:
    # the space between the halves is not on the page: the run is one
    half = RUN[:40]
    root = etree.fromstring(f'<body xmlns="{NS["h"]}"><p>{half}{between}{half}</p></body>')
    mark_overlong_runs(root)
    assert len(root.findall(f".//{X}wbr")) == 80 // CUT_EVERY
