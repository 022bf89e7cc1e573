"""The book's table of contents lists the text even without section headings, and the series
is an EPUB 3 collection (``belongs-to-collection``) so that readers group a series' briefs."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest
from lxml import etree

from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.shared.i18n import label
from briefexport.writers.epub import write
from briefexport.writers.epub.metadata import series_position

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "h": "http://www.w3.org/1999/xhtml",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}


def book_xml(brief: Brief, name: str) -> etree._Element:
    book = zipfile.ZipFile(io.BytesIO(write(brief, default_options(brief))))
    return etree.fromstring(book.read(f"EPUB/{name}"))


def values(root: etree._Element, query: str) -> list[str]:
    return [str(value) for value in root.xpath(query, namespaces=NS)]


@pytest.mark.parametrize("name", ["harbour-resilience", "arabic-brief"])
def test_a_brief_without_headings_lists_its_text(corpus: dict[str, Brief], name: str) -> None:
    brief = corpus[name]
    text = label(brief.meta.language, "text")
    nav = book_xml(brief, "nav.xhtml")
    toc = "//h:nav[@id='toc']/h:ol/h:li/h:a"
    assert values(nav, f"{toc}/@href") == ["titlepage.xhtml", "brief.xhtml"]
    assert values(nav, f"{toc}/text()")[1] == text
    ncx = book_xml(brief, "toc.ncx")
    assert values(ncx, "//ncx:navPoint/ncx:content/@src") == ["titlepage.xhtml", "brief.xhtml"]
    assert values(ncx, "//ncx:navPoint/ncx:navLabel/ncx:text/text()")[1] == text


def test_a_brief_with_headings_lists_them_and_no_extra_entry(corpus: dict[str, Brief]) -> None:
    nav = book_xml(corpus["feature-tour"], "nav.xhtml")
    hrefs = values(nav, "//h:nav[@id='toc']//h:a/@href")
    assert "brief.xhtml" not in hrefs
    assert hrefs[1] == "brief.xhtml#sec-problem"


def test_the_series_is_a_collection_with_the_briefs_place(corpus: dict[str, Brief]) -> None:
    meta = corpus["feature-tour"].meta
    opf = book_xml(corpus["feature-tour"], "content.opf")
    [collection] = opf.xpath("//opf:meta[@property='belongs-to-collection']", namespaces=NS)
    assert collection.text == meta.series == "Policy Brief"
    refined = f"//opf:meta[@refines='#{collection.get('id')}']"
    found = {m.get("property"): m.text for m in opf.xpath(refined, namespaces=NS)}
    assert found == {
        "collection-type": "series",
        "dcterms:identifier": "IMCA-PB",
        "group-position": "7",
    }
    assert "IMCA-PB-2026-07" in values(opf, "//dc:identifier/text()")


def test_no_report_number_no_position(corpus: dict[str, Brief]) -> None:
    brief = corpus["feature-tour"]
    bare = dataclasses.replace(brief, meta=dataclasses.replace(brief.meta, publisher_id=None))
    opf = book_xml(bare, "content.opf")
    assert values(opf, "//opf:meta[@property='belongs-to-collection']/text()") == ["Policy Brief"]
    assert values(opf, "//opf:meta[@property='group-position']") == []
    assert len(values(opf, "//dc:identifier")) == 1


@pytest.mark.parametrize(
    ("journal", "report", "position"),
    [
        ("IMCA-PB", "IMCA-PB-2026-07", "7"),
        ("PB", "PB-12-2025", "12"),
        ("PB", "PB 2025", "2025"),
        ("PB3", "PB3-004", "4"),
        ("ISSI", "ISSI-IB", None),
    ],
)
def test_series_position_is_the_reports_number_without_its_year(
    corpus: dict[str, Brief], journal: str, report: str, position: str | None
) -> None:
    meta = dataclasses.replace(corpus["feature-tour"].meta, journal_id=journal, publisher_id=report)
    assert series_position(meta) == position
