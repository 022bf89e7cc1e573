"""``--to epub``: EPUBCheck-clean books with complete metadata, popup notes and a stable zip."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest
import tinycss2
from lxml import etree

from briefexport.errors import UnsafeResourceError
from briefexport.inlines import plain_text
from briefexport.model import Brief, FootnoteRef, Section, Text
from briefexport.options import default_options
from briefexport.shared.styles import default_style_dir
from briefexport.shared.typeset import typeset
from briefexport.writers.epub import write
from support.briefs import sample_brief
from support.paths import TOUR
from support.validators import epubcheck_messages as check_book

OPF = "EPUB/content.opf"
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "h": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
CONTENT_DOCS = ("EPUB/titlepage.xhtml", "EPUB/brief.xhtml")


@pytest.fixture(scope="module")
def books(corpus: dict[str, Brief], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("epub")
    paths = {}
    for stem, brief in corpus.items():
        paths[stem] = out / f"{stem}.epub"
        paths[stem].write_bytes(write(brief, default_options(brief)))
    return paths


@pytest.fixture(scope="module")
def epubcheck_messages(books: dict[str, Path]) -> dict[str, list[str]]:
    """EPUBCheck once per book (about 5 s each), two at a time."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(books, pool.map(check_book, books.values()), strict=True))


def open_book(path: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(path.read_bytes()))


def xml(book: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(book.read(name))


@pytest.mark.slow
def test_epubcheck_reports_nothing(epubcheck_messages: dict[str, list[str]]) -> None:
    assert epubcheck_messages == {stem: [] for stem in epubcheck_messages}


def test_zip_layout_is_reproducible(corpus: dict[str, Brief], books: dict[str, Path]) -> None:
    for stem, path in books.items():
        data = path.read_bytes()
        assert write(corpus[stem], default_options(corpus[stem])) == data
        book = open_book(path)
        first = book.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert book.read("mimetype") == b"application/epub+zip"
        assert data[30:38] == b"mimetype"
        assert len({info.date_time for info in book.infolist()}) == 1


def test_timestamp_comes_from_options(corpus: dict[str, Brief]) -> None:
    brief = corpus["feature-tour"]
    when = dt.datetime(2031, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    book = zipfile.ZipFile(
        io.BytesIO(write(brief, replace(default_options(brief), timestamp=when)))
    )
    modified = xml(book, OPF).xpath(
        "//opf:meta[@property='dcterms:modified']/text()", namespaces=NS
    )
    assert modified == ["2031-05-06T07:08:09Z"]
    assert book.infolist()[0].date_time == (2031, 5, 6, 7, 8, 8)  # zip keeps even seconds


def opf_values(opf: etree._Element, query: str) -> list[str]:
    return [str(v) for v in opf.xpath(query, namespaces=NS)]


def refines(opf: etree._Element, target: str, prop: str) -> list[str]:
    query = f"//opf:meta[@refines='#{target}'][@property='{prop}']/text()"
    return opf_values(opf, query)


def test_opf_dublin_core_from_the_model(corpus: dict[str, Brief], books: dict[str, Path]) -> None:
    brief = typeset(corpus["feature-tour"])  # the EPUB prints typographic quotes, also here
    meta = brief.meta
    opf = xml(open_book(books["feature-tour"]), OPF)
    assert opf_values(opf, "//dc:title/text()") == [
        plain_text(meta.title),
        plain_text(meta.subtitle),
    ]
    assert refines(opf, "title", "title-type") == ["main"]
    assert refines(opf, "subtitle", "title-type") == ["subtitle"]
    creators = opf.xpath("//dc:creator", namespaces=NS)
    assert [c.text for c in creators] == [a.name.display for a in meta.authors]
    assert len({c.get("id") for c in creators}) == len(creators) == 2
    for creator, author in zip(creators, meta.authors, strict=True):
        assert refines(opf, creator.get("id"), "role") == ["aut"]
        assert refines(opf, creator.get("id"), "file-as") == [author.name.sortable]
    editors = opf.xpath("//dc:contributor", namespaces=NS)
    assert [refines(opf, e.get("id"), "role") for e in editors] == [["edt"]] * len(meta.editors)
    assert opf_values(opf, "//dc:publisher/text()") == [meta.publisher]
    assert opf_values(opf, "//dc:date/text()") == [meta.date.isoformat()]
    assert opf_values(opf, "//dc:language/text()") == [meta.language]
    assert opf_values(opf, "//dc:subject/text()") == list(meta.keywords)
    abstract = " ".join(plain_text(p.children) for p in meta.abstract)
    assert opf_values(opf, "//dc:description/text()") == [abstract]
    assert len(opf_values(opf, "//dc:rights/text()")) == 1


def test_identifier_is_the_doi_or_a_stable_uuid(
    corpus: dict[str, Brief], books: dict[str, Path]
) -> None:
    for stem, brief in corpus.items():
        opf = xml(open_book(books[stem]), OPF)
        unique = opf.get("unique-identifier")
        (value,) = opf_values(opf, f"//dc:identifier[@id='{unique}']/text()")
        if brief.meta.doi:
            assert value == f"urn:doi:{brief.meta.doi}"
        else:
            assert uuid.UUID(value.removeprefix("urn:uuid:")).version == 5
    harbour = corpus["harbour-resilience"]
    without_doi = replace(harbour, meta=replace(harbour.meta, doi=None))
    other = replace(without_doi, meta=replace(without_doi.meta, publisher_id="x"))
    ids = {
        xml(zipfile.ZipFile(io.BytesIO(write(b, default_options(b)))), OPF).xpath(
            "string(//dc:identifier)", namespaces=NS
        )
        for b in (without_doi, other)
    }
    assert len(ids) == 2


def test_accessibility_metadata(books: dict[str, Path]) -> None:
    opf = xml(open_book(books["feature-tour"]), OPF)
    props = {
        p: opf_values(opf, f"//opf:meta[@property='{p}']/text()")
        for p in (
            "schema:accessMode",
            "schema:accessModeSufficient",
            "schema:accessibilityFeature",
            "schema:accessibilityHazard",
            "schema:accessibilitySummary",
            "dcterms:conformsTo",
        )
    }
    assert set(props["schema:accessMode"]) == {"textual", "visual"}
    assert props["schema:accessModeSufficient"] == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "alternativeText"} <= set(
        props["schema:accessibilityFeature"]
    )
    assert props["schema:accessibilityHazard"] == ["none"]
    assert props["schema:accessibilitySummary"][0]
    assert props["dcterms:conformsTo"][0].startswith("EPUB Accessibility 1.1 - WCAG 2.")


def test_right_to_left_book(books: dict[str, Path]) -> None:
    book = open_book(books["urdu-brief"])
    opf = xml(book, OPF)
    assert opf.find("opf:spine", NS).get("page-progression-direction") == "rtl"  # type: ignore[union-attr]
    for name in (*CONTENT_DOCS, "EPUB/nav.xhtml"):
        root = xml(book, name)
        assert (root.get("dir"), root.get("lang")) == ("rtl", "ur")
    ltr = xml(open_book(books["feature-tour"]), OPF).find("opf:spine", NS)
    assert ltr is not None
    assert ltr.get("page-progression-direction") is None


def test_package_document_names_the_book_language(
    corpus: dict[str, Brief], books: dict[str, Path]
) -> None:
    """``xml:lang`` on the package root (Ace by DAISY's epub-lang rule)."""
    for stem, path in books.items():
        assert xml(open_book(path), OPF).get(XML_LANG) == corpus[stem].meta.language, stem


def ids_by_document(book: zipfile.ZipFile) -> dict[str, etree._Element]:
    return {name.removeprefix("EPUB/"): xml(book, name) for name in CONTENT_DOCS}


def resolve(docs: dict[str, etree._Element], here: str, href: str) -> etree._Element:
    name, _, fragment = href.partition("#")
    matches = docs[name or here].xpath(f"//*[@id='{fragment}']")
    assert len(matches) == 1, href
    return cast(etree._Element, matches[0])


def test_every_note_appears_once_and_links_both_ways(
    corpus: dict[str, Brief], books: dict[str, Path]
) -> None:
    for stem, brief in corpus.items():
        docs = ids_by_document(open_book(books[stem]))
        asides = [a for d in docs.values() for a in d.iter("{*}aside")]
        assert sorted(a.get("id", "") for a in asides) == sorted(
            f"fn-{n.number}" for n in brief.footnotes
        )
        for aside in asides:
            assert aside.get(EPUB_TYPE) == "footnote"
            assert aside.get("role") == "doc-footnote"
            assert etree.QName(aside.getparent()).localname != "p"  # type: ignore[arg-type]
        for here, doc in docs.items():
            for call in doc.xpath("//h:a[@role='doc-noteref']", namespaces=NS):
                assert call.get(EPUB_TYPE) == "noteref"
                note = resolve(docs, here, call.get("href"))
                assert str(note.tag).endswith("aside")
                (back,) = note.xpath(".//h:a[@role='doc-backlink']/@href", namespaces=NS)
                assert resolve(docs, here, back).get("href", "").endswith(f"#{note.get('id')}")


def test_navigation_lists_every_section(books: dict[str, Path]) -> None:
    book = open_book(books["feature-tour"])
    opf = xml(book, OPF)
    (nav_href,) = opf_values(opf, "//opf:item[@properties='nav']/@href")
    nav = xml(book, f"EPUB/{nav_href}")
    links = nav.xpath("//h:nav[@epub:type='toc']//h:a/@href", namespaces=NS)
    text = xml(book, "EPUB/brief.xhtml")
    section_ids = text.xpath("//h:main//h:section[h:h2 or h:h3 or h:h4]/@id", namespaces=NS)
    assert links[0] == "titlepage.xhtml"
    assert links[1:] == [f"brief.xhtml#{i}" for i in section_ids]
    assert len(section_ids) >= 3
    nested = nav.xpath("//h:nav[@epub:type='toc']/h:ol/h:li/h:ol/h:li", namespaces=NS)
    assert nested, "subsections nest under their section"
    assert "brief.xhtml#references" in links
    landmarks = nav.xpath("//h:nav[@epub:type='landmarks']//h:a", namespaces=NS)
    assert [(a.get(EPUB_TYPE), a.text) for a in landmarks] == [
        ("cover", "Cover"),
        ("titlepage", "Title page"),
        ("toc", "Contents"),
        ("bodymatter", "Text"),
    ]


def test_title_page_and_packaged_figure(corpus: dict[str, Brief], books: dict[str, Path]) -> None:
    book = open_book(books["feature-tour"])
    title = xml(book, "EPUB/titlepage.xhtml")
    text = " ".join(title.itertext())
    meta = corpus["feature-tour"].meta
    expected = [meta.heading or meta.series, "Edited by", meta.editors[0].name.display]
    expected += [plain_text(meta.disclaimer), meta.date.strftime("%B %-d, %Y")]
    for author in meta.authors:
        expected += [author.name.display, author.role or ""]
        expected += [a.institution for a in author.affiliations]
    for words in expected:
        assert words in text
    assert title.xpath("//h:link[@rel='stylesheet']/@href", namespaces=NS) == ["style/brief.css"]
    opf = xml(book, OPF)
    for img in xml(book, "EPUB/brief.xhtml").iter("{*}img"):
        assert img.get("alt")
        (media_type,) = opf_values(opf, f"//opf:item[@href='{img.get('src')}']/@media-type")
        assert media_type.startswith("image/")
        assert book.read(f"EPUB/{img.get('src')}")[:4] in {
            b"\x89PNG",
            b"<svg",
            b"<?xm",
            b"\xff\xd8\xff\xe0",
        }


def test_css_has_brand_values_resolved(books: dict[str, Path]) -> None:
    css = open_book(books["feature-tour"]).read("EPUB/style/brief.css").decode()
    assert "var(" not in css
    assert "#1F4E79" in css
    assert "aside[epub|type" in css
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    namespaces = [
        i for i, r in enumerate(rules) if getattr(r, "lower_at_keyword", "") == "namespace"
    ]
    assert namespaces == [0], "@namespace must come before every other rule, or CSS ignores it"


def test_same_bytes_in_another_process(books: dict[str, Path], tmp_path: Path) -> None:
    """No hash-seed or clock dependence: a fresh interpreter writes the identical book."""
    script = (
        "import sys, briefexport\n"
        "from briefexport.options import default_options\n"
        "from briefexport.writers.epub import write\n"
        "b = briefexport.load(sys.argv[1])\n"
        "open(sys.argv[2], 'wb').write(write(b, default_options(b)))\n"
    )
    out = tmp_path / "again.epub"
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run([sys.executable, "-c", script, str(TOUR), str(out)], env=env, check=True)
    assert out.read_bytes() == books["feature-tour"].read_bytes()


def test_nav_titles_leave_out_note_calls() -> None:
    base = sample_brief()
    note = base.footnotes[1]
    section = Section("s9", (Text("Back"), FootnoteRef(note), Text("ground")), ())
    brief = replace(base, body=(*base.body, section))
    book = zipfile.ZipFile(io.BytesIO(write(brief, default_options(brief))))
    nav = xml(book, "EPUB/nav.xhtml")
    assert nav.xpath("string(//h:a[@href='brief.xhtml#s9'])", namespaces=NS) == "Background"
    text = xml(book, "EPUB/brief.xhtml")
    assert text.xpath("string(//h:section[@id='s9']/h:h2)", namespaces=NS) == "Back2ground"


def test_a_missing_sheet_is_the_shipped_one_and_a_link_out_is_refused(tmp_path: Path) -> None:
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    brief = sample_brief()
    (style / "epub.css").unlink()
    assert write(brief, default_options(brief, style_dir=style)) == write(
        brief, default_options(brief)
    )
    outside = tmp_path / "elsewhere.css"
    outside.write_text("body { color: red }", encoding="utf-8")
    (style / "epub.css").symlink_to(outside)
    with pytest.raises(UnsafeResourceError, match="outside the style folder"):
        write(brief, default_options(brief, style_dir=style))
