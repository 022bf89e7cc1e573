"""The shared XHTML renderer: front matter, blocks, and the three footnote placements."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import briefexport
from briefexport.model import Brief, Footnote, Paragraph, Text
from briefexport.writers.xhtml import NotePlacement, brief_to_xhtml, serialize
from support.briefs import sample_brief
from support.golden import check_golden
from support.paths import example_paths

X = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
NS = {"h": "http://www.w3.org/1999/xhtml"}
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def brief() -> Brief:
    return sample_brief()


def render(brief: Brief, placement: NotePlacement) -> etree._Element:
    """Render, serialise, and parse back, so tests see what a consumer sees."""
    return etree.fromstring(serialize(brief_to_xhtml(brief, placement), doctype=False))


def by_class(root: etree._Element, name: str, css_class: str) -> list[etree._Element]:
    query = f".//h:{name}[contains(concat(' ', @class, ' '), ' {css_class} ')]"
    return list(root.xpath(query, namespaces=NS))


def test_root_carries_language_and_direction(brief: Brief) -> None:
    root = render(brief, NotePlacement.END)
    assert root.get("lang") == "en"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.get("dir") == "ltr"
    rtl = render(sample_brief("ur"), NotePlacement.END)
    assert (rtl.get("lang"), rtl.get("dir")) == ("ur", "rtl")


def test_head_metadata_for_pdf(brief: Brief) -> None:
    root = render(brief, NotePlacement.PAGE_FLOAT)
    metas = {m.get("name"): m.get("content") for m in root.iter(f"{X}meta") if m.get("name")}
    assert metas["author"] == "Sara Rahim"
    assert metas["keywords"] == "ports, levies"
    assert metas["dcterms.created"] == "2025-03-14"
    assert root.findtext(f"{X}head/{X}title") == "Harbours and tides: What the levy debate misses"


def test_front_matter_follows_house_style(brief: Brief) -> None:
    root = render(brief, NotePlacement.PAGE_FLOAT)
    assert by_class(root, "p", "series")[0].text == "Issue Brief"
    assert "".join(by_class(root, "h1", "title")[0].itertext()) == "Harbours and tides"
    byline = by_class(root, "div", "byline")[0]
    assert by_class(byline, "p", "byline-label")[0].text == "By"
    assert byline.xpath("string(.//h:p[@class='name']/h:strong)", namespaces=NS) == "Sara Rahim"
    assert byline.xpath("string(.//h:p[@class='role']/h:em)", namespaces=NS) == "Research Fellow"
    affiliation = byline.xpath("string(.//h:p[@class='affiliation']/h:em)", namespaces=NS)
    assert affiliation == "Centre for Coastal Policy, Institute of Tide Studies"
    editors = by_class(root, "div", "editors")[0]
    assert "Edited by" in editors.xpath("string(.)")
    assert "Dr Ada Okafor" in editors.xpath("string(.)")
    time = by_class(root, "p", "date")[0][0]
    assert (time.get("datetime"), time.text) == ("2025-03-14", "March 14, 2025")
    assert by_class(root, "p", "disclaimer")[0][0].tag == f"{X}em"


def test_blocks_have_semantic_markup(brief: Brief) -> None:
    root = render(brief, NotePlacement.END)
    main = root.find(f"{X}body/{X}main")
    assert main is not None
    assert main[0].get("class") == "lead"
    assert [h.tag for h in main.iter(f"{X}h2", f"{X}h3")] == [f"{X}h2", f"{X}h3"]
    table = main.find(f".//{X}table")
    assert table is not None
    assert "".join(table.find(f"{X}caption").itertext()) == "Table 1 Levies by port"  # type: ignore[union-attr]
    assert [th.get("scope") for th in table.iter(f"{X}th")] == ["col", "col", "row"]
    img = main.find(f".//{X}figure/{X}img")
    assert img is not None
    assert img.get("alt") == "One dot"
    assert img.get("src", "").startswith("data:image/png;base64,")
    assert main.find(f".//{X}blockquote") is not None
    assert by_class(root, "p", "attribution")[0].text == "A harbour master"
    assert root.find(f".//{X}cite[@class='source']") is not None


def test_page_float_notes_sit_at_their_first_call(brief: Brief) -> None:
    root = render(brief, NotePlacement.PAGE_FLOAT)
    notes = by_class(root, "span", "footnote")
    assert [n.get("id") for n in notes] == ["fn-1", "fn-2", "fn-3"]
    assert all(str(n.getparent().tag) in {f"{X}p", f"{X}td"} for n in notes)  # type: ignore[union-attr]
    assert not notes[1].xpath(".//h:p | .//h:div", namespaces=NS)
    assert len(by_class(notes[1], "span", "fn-p")) == 2
    repeat = by_class(root, "a", "footnote-repeat")
    assert [(a.get("href"), a.text) for a in repeat] == [("#fn-1", "1")]


def test_after_block_notes_follow_the_calling_block_once(brief: Brief) -> None:
    root = render(brief, NotePlacement.AFTER_BLOCK)
    asides = root.findall(f".//{X}aside")
    assert [a.get("id") for a in asides] == ["fn-1", "fn-2", "fn-3"]
    for aside in asides:
        assert aside.get(EPUB_TYPE) == "footnote"
        assert aside.get("role") == "doc-footnote"
        assert str(aside.getparent().tag) in {f"{X}main", f"{X}section"}  # type: ignore[union-attr]
        previous = aside.getprevious()
        assert previous is not None
        calls = previous.xpath(".//h:a[@role='doc-noteref']", namespaces=NS)
        assert (
            f"#{aside.get('id')}" in [a.get("href") for a in calls] or previous.tag == f"{X}aside"
        )
    backlink = asides[0].find(f".//{X}a[@role='doc-backlink']")
    assert backlink is not None
    assert backlink.get("href") == "#fnref-1-1"
    calls = root.xpath("//h:a[@role='doc-noteref']", namespaces=NS)
    assert [c.get("id") for c in calls] == ["fnref-1-1", "fnref-2-1", "fnref-1-2", "fnref-3-1"]
    assert all(c.get(EPUB_TYPE) == "noteref" for c in calls)


def test_end_notes_link_back_to_every_call(brief: Brief) -> None:
    root = render(brief, NotePlacement.END)
    section = root.find(f"{X}body/{X}section[@role='doc-endnotes']")
    assert section is not None
    assert section.findtext(f"{X}h2") == "Notes"
    items = section.findall(f"{X}ol/{X}li")
    assert [li.get("id") for li in items] == ["fn-1", "fn-2", "fn-3"]
    first_links = items[0].xpath(".//h:a[@role='doc-backlink']/@href", namespaces=NS)
    assert first_links == ["#fnref-1-1", "#fnref-1-2"]
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))
    for href in root.xpath("//h:a/@href[starts-with(., '#')]", namespaces=NS):
        assert href[1:] in ids


def test_serialisation_is_html_parser_safe_and_deterministic(brief: Brief) -> None:
    first = serialize(brief_to_xhtml(brief, NotePlacement.AFTER_BLOCK))
    assert first == serialize(brief_to_xhtml(brief, NotePlacement.AFTER_BLOCK))
    assert first.startswith(b"<!DOCTYPE html>\n<html")
    assert b"<?xml" not in first
    assert b"<p/>" not in first
    assert b"<td/>" not in first
    empty = sample_brief()
    root = brief_to_xhtml(empty, NotePlacement.END)
    body = root.find(f"{X}body")
    assert body is not None
    etree.SubElement(body, f"{X}div")
    assert b"<div></div>" in serialize(root)


def test_serialisation_in_place_writes_the_same_bytes(brief: Brief) -> None:
    root = brief_to_xhtml(brief, NotePlacement.AFTER_BLOCK)
    copied = serialize(root)
    assert serialize(root, in_place=True) == copied
    body = root.find(f"{X}body")
    assert body is not None
    etree.SubElement(body, f"{X}div")
    assert serialize(root, in_place=True).endswith(b"<div></div></body></html>\n")


def test_rtl_urls_keep_left_to_right_order() -> None:
    root = render(sample_brief("ur"), NotePlacement.END)
    urls = by_class(root, "a", "url")
    assert urls
    assert all(a.get("dir") == "ltr" for a in urls)
    assert by_class(root, "p", "byline-label")[0].text == "از"


def test_inline_css_that_html_parsers_would_misread_is_refused(brief: Brief) -> None:
    root = brief_to_xhtml(brief, NotePlacement.PAGE_FLOAT, inline_css="main > p { color: red }")
    with pytest.raises(ValueError, match="inline CSS"):
        serialize(root)
    fine = brief_to_xhtml(brief, NotePlacement.PAGE_FLOAT, inline_css="main p { color: red }")
    assert b"<style>main p { color: red }</style>" in serialize(fine)


def test_rtl_note_paragraphs_take_the_direction_of_their_text() -> None:
    rtl = render(sample_brief("ur"), NotePlacement.AFTER_BLOCK)
    paragraphs = rtl.xpath("//h:aside/h:p", namespaces=NS)
    assert paragraphs
    # every note of the sample is English: each runs left to right inside the Urdu brief
    assert {p.get("dir") for p in paragraphs} == {"ltr"}
    ltr = render(sample_brief(), NotePlacement.AFTER_BLOCK)
    assert ltr.xpath("//h:aside/h:p/@dir", namespaces=NS) == []


def test_a_note_nobody_calls_is_still_printed_once() -> None:
    base = sample_brief()
    lonely = Footnote("n9", 4, (Paragraph((Text("Never called."),)),))
    brief = Brief(base.meta, base.body, (*base.footnotes, lonely))
    epub_root = render(brief, NotePlacement.AFTER_BLOCK)
    (aside,) = epub_root.xpath("//h:aside[@id='fn-4']", namespaces=NS)
    assert aside.getparent().tag == f"{X}main"
    assert aside.xpath(".//h:a", namespaces=NS) == []
    page = render(brief, NotePlacement.PAGE_FLOAT)
    assert page.xpath("string(//h:div[@id='fn-4'])", namespaces=NS) == "4. Never called."
    end = render(brief, NotePlacement.END)
    (item,) = end.xpath("//h:li[@id='fn-4']", namespaces=NS)
    assert item.xpath(".//h:a[@role='doc-backlink']", namespaces=NS) == []


@pytest.mark.parametrize("placement", list(NotePlacement), ids=lambda p: p.value)
@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.name)
def test_output_matches_the_reviewed_golden_file(
    path: Path, placement: NotePlacement, accept: bool
) -> None:
    output = serialize(brief_to_xhtml(briefexport.load(path), placement))
    check_golden(GOLDEN / f"{path.stem}.{placement.value}.xhtml", output, accept)
