"""Properties of the XHTML renderer, the HTML page and the EPUB over Hypothesis-generated briefs."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import replace

from hypothesis import given
from lxml import etree
from lxml import html as lxml_html

from briefexport.model import Brief, Footnote, FootnoteRef, Paragraph, Section, Text
from briefexport.options import default_options
from briefexport.writers import epub, html
from briefexport.writers.xhtml import NotePlacement, brief_to_xhtml, serialize
from support.briefs import sample_brief
from support.strategies import briefs

NS = {"h": "http://www.w3.org/1999/xhtml"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def rendered(brief: Brief, placement: NotePlacement) -> etree._Element:
    return etree.fromstring(serialize(brief_to_xhtml(brief, placement), doctype=False))


def assert_ids_unique_and_links_resolve(root: etree._Element) -> None:
    ids: Counter[str] = Counter(root.xpath("//@id"))
    assert [i for i, n in ids.items() if n > 1] == []
    for href in root.xpath("//h:a/@href[starts-with(., '#')]", namespaces=NS):
        assert href[1:] in ids, href


@given(briefs())
def test_rendering_invariants_in_every_placement(brief: Brief) -> None:
    """Ids unique, internal links resolve, each note text once, numbers in order of first call."""
    roots = {placement: rendered(brief, placement) for placement in NotePlacement}
    for root in roots.values():
        assert_ids_unique_and_links_resolve(root)
    expected = sorted(f"fn-{note.number}" for note in brief.footnotes)
    after_block = roots[NotePlacement.AFTER_BLOCK]
    assert sorted(after_block.xpath("//h:aside/@id", namespaces=NS)) == expected
    assert after_block.xpath("//h:p//h:aside | //h:aside//h:aside", namespaces=NS) == []
    endnotes = "//h:section[@role='doc-endnotes']/h:ol/h:li/@id"
    assert sorted(roots[NotePlacement.END].xpath(endnotes, namespaces=NS)) == expected
    floats = "//h:span[contains(concat(' ', @class, ' '), ' footnote ')]/@id"
    assert sorted(roots[NotePlacement.PAGE_FLOAT].xpath(floats, namespaces=NS)) == expected
    calls = after_block.xpath("//h:a[@role='doc-noteref']", namespaces=NS)
    first_seen = list(dict.fromkeys(int(a.text) for a in calls))
    assert first_seen == sorted(first_seen)


@given(briefs())
def test_epub_documents_link_across_files(brief: Brief) -> None:
    book = zipfile.ZipFile(io.BytesIO(epub.write(brief, default_options(brief))))
    docs = {
        name: etree.fromstring(book.read(f"EPUB/{name}"))
        for name in ("titlepage.xhtml", "brief.xhtml")
    }
    owners = {i: name for name, doc in docs.items() for i in doc.xpath("//@id")}
    assert len(owners) == sum(len(doc.xpath("//@id")) for doc in docs.values())
    for name, doc in docs.items():
        for href in doc.xpath("//h:a/@href[contains(., '#')]", namespaces=NS):
            target, _, fragment = href.partition("#")
            assert owners[fragment] == (target or name)


@given(briefs())
def test_html_page_parses_as_html(brief: Brief) -> None:
    page = lxml_html.document_fromstring(html.write(brief, default_options(brief)))
    assert page.get("lang") == brief.meta.language
    assert len(page.xpath("//section[@role='doc-endnotes']/ol/li")) == len(brief.footnotes)


def test_a_note_called_from_the_title_page_still_links_both_ways() -> None:
    base = sample_brief()
    note = Footnote("d", len(base.footnotes) + 1, (Paragraph((Text("Disclaimer source."),)),))
    disclaimer = (*base.meta.disclaimer, FootnoteRef(note))
    again = Section("again", (Text("Again"),), (Paragraph((Text("x"), FootnoteRef(note))),))
    brief = replace(
        base,
        meta=replace(base.meta, disclaimer=disclaimer),
        body=(*base.body, again),
        footnotes=(*base.footnotes, note),
    )
    book = zipfile.ZipFile(io.BytesIO(epub.write(brief, default_options(brief))))
    title = etree.fromstring(book.read("EPUB/titlepage.xhtml"))
    text = etree.fromstring(book.read("EPUB/brief.xhtml"))
    note_id = f"fn-{note.number}"
    assert title.xpath("//h:aside/@id", namespaces=NS) == [note_id]
    later = text.xpath("//h:section[@id='again']//h:a[@role='doc-noteref']", namespaces=NS)
    assert [a.get("href") for a in later] == [f"titlepage.xhtml#{note_id}"]
    (back,) = title.xpath(f"//h:aside[@id='{note_id}']//h:a[@role='doc-backlink']", namespaces=NS)
    assert back.get("href") == f"#fnref-{note.number}-1"
