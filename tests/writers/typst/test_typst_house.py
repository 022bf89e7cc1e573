"""The Typst engine prints the house style's information as the WeasyPrint engine does.

Identity block (publisher, series and report number, DOI, ORCID iDs, e-mail addresses), the
suggested citation, the colophon, the attribution dash and smart typography are read back with
pdftotext from both engines' PDFs and compared letter for letter, whitespace aside (the two
engines break lines differently). The expected lines are built here from the brief's metadata,
not taken from either writer.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

import briefexport
from briefexport.importers import import_file
from briefexport.model import Brief, Link, Paragraph, Text
from briefexport.options import PdfEngine, default_options
from briefexport.shared.typeset import typeset as smart_typeset
from briefexport.writers.typst import write
from briefexport.writers.typst.colophon import colophon_to_typst
from briefexport.writers.typst.context import RenderContext
from support.paths import EXAMPLES, URDU, example_paths, seed_param
from support.pdf import pdf_text
from support.typst import flat, metadata, typst_options
from support.written_pdfs import written_pdf

TOUR_DOI = "https://doi.org/10.5555/imca.pb.2026.07"
TOUR_ORCIDS = ("https://orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0003-4417-2835")
TOUR_EMAILS = ("m.okafor-blanc@imca.example.org", "j.haverkamp@uni-port-ellery.example.edu")
LICENCE_NAME = "Creative Commons Attribution 4.0 International"


@pytest.fixture(scope="module")
def tour() -> Brief:
    return briefexport.load(EXAMPLES / "feature-tour.xml")


@pytest.fixture(scope="module")
def texts(tour: Brief) -> dict[PdfEngine, str]:
    """The feature tour's text from each engine, whitespace and soft hyphens removed."""
    return {
        engine: flat(pdf_text(written_pdf(tour, default_options(tour, pdf_engine=engine))))
        for engine in PdfEngine
    }


def between(text: str, start: str, end: str) -> str:
    found = re.search(re.escape(flat(start)) + ".*?" + re.escape(flat(end)), text, re.DOTALL)
    assert found, f"no text from {start!r} to {end!r}"
    return found.group(0)


def test_identity_lines_are_printed_by_both_engines(texts: dict[PdfEngine, str]) -> None:
    publisher = "Institute of Maritime and Coastal Affairs · Policy Brief IMCA-PB-2026-07"
    for engine, text in texts.items():
        for line in (publisher, TOUR_DOI, *TOUR_ORCIDS, *TOUR_EMAILS):
            assert flat(line) in text, (engine, line)


def test_the_title_page_blocks_read_the_same_in_both_engines(
    texts: dict[PdfEngine, str],
) -> None:
    # from the "By" label to the DOI: authors, ORCID iDs, e-mails, editor, date, identity
    front = {engine: between(text, "By", TOUR_DOI) for engine, text in texts.items()}
    assert front[PdfEngine.TYPST] == front[PdfEngine.WEASYPRINT]
    # the editor block names no role "Edited by" already says
    assert flat("Edited by Dr Owen Castellane Centre for Climate") in front[PdfEngine.TYPST]


def test_citation_and_colophon_read_the_same_in_both_engines(
    texts: dict[PdfEngine, str],
) -> None:
    expected = flat(
        "Suggested citation Okafor-Blanc, Mireille and Jonas T. Haverkamp Jr. Cool streets for "
        "warm coasts: Planning for extreme heat in mid-sized harbour cities. Policy Brief "
        "IMCA-PB-2026-07. Port Ellery: Institute of Maritime and Coastal Affairs, November 2, "
        f"2026. {TOUR_DOI} © 2026 The authors. This brief is published under the {LICENCE_NAME} "
        "licence (CC BY 4.0)."
    )
    for engine, text in texts.items():
        assert between(text, "Suggested citation", "(CC BY 4.0).") == expected, engine


def test_the_attribution_follows_a_dash_in_both_engines(texts: dict[PdfEngine, str]) -> None:
    for engine, text in texts.items():
        assert flat("\u2014 Amina Roussel, head of emergency planning") in text, engine


def test_only_the_licence_name_is_a_link(tour: Brief) -> None:
    ctx = RenderContext(smart_typeset(tour), EXAMPLES, brand=default_options(tour).brand)
    markup = colophon_to_typst(ctx)
    links = re.findall(r'#link\("([^"]*)"\)\[([^\]]*)\]', markup)
    licence = [text for url, text in links if "creativecommons.org" in url]
    assert [re.sub(r"\\(.)", r"\1", text) for text in licence] == [LICENCE_NAME]  # unescaped


def smart_brief() -> Brief:
    url = 'https://example.org/it\'s--here/"x"...'
    body = (
        Paragraph((Text('The region\'s "plan" -- in two parts... see '), Link(url, (Text(url),)))),
    )
    return Brief(metadata(), body, ())


def test_smart_quotes_in_the_text_and_never_in_urls() -> None:
    brief = smart_brief()
    pdf = write(brief, typst_options(brief))
    text = flat(pdf_text(pdf))
    assert flat("The region\u2019s \u201cplan\u201d \u2013 in two parts\u2026") in text
    assert flat('https://example.org/it\'s--here/"x"...') in text
    document = pikepdf.open(io.BytesIO(pdf))
    uris = {  # one annotation for each piece of the address (each box)
        str(annotation.A.URI)
        for page in document.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation and "/URI" in annotation.A
    }
    assert uris == {'https://example.org/it\'s--here/"x"...'}


def test_no_smart_keeps_the_straight_quotes() -> None:
    brief = smart_brief()
    text = flat(pdf_text(write(brief, typst_options(brief, smart=False))))
    assert flat('The region\'s "plan" -- in two parts...') in text


@pytest.mark.parametrize("standard", ["pdf/a-3b", "none"])
def test_a_character_no_font_draws_is_warned_about(
    standard: str, caplog: pytest.LogCaptureFixture
) -> None:
    private = "\ue000"  # a private-use character: no installed font draws it
    brief = Brief(metadata(), (Paragraph((Text(f"A private sign {private} here."),)),), ())
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        pdf = write(brief, typst_options(brief, pdf_standard=standard))
    warnings = [record.getMessage() for record in caplog.records]
    assert [message for message in warnings if "U+E000" in message] == [
        "PDF (Typst): no font of the brand can draw U+E000 unnamed character ('\\ue000')"
        + ("; printed as U+FFFD" if standard != "none" else "")
    ]
    text = pdf_text(pdf)
    assert ("\ufffd" in text) == (standard != "none")
    assert "A private sign" in text


def test_the_brands_fallbacks_draw_what_its_roles_lack(caplog: pytest.LogCaptureFixture) -> None:
    # Devanagari and Chinese: the brand's [fonts] scripts and cjk lists draw them
    brief = Brief(metadata(), (Paragraph((Text("Signs \u0928\u0926\u0940 and \u4e2d."),)),), ())
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        pdf = write(brief, typst_options(brief))
    assert not [r for r in caplog.records if "can draw" in r.getMessage()]
    assert "\u4e2d" in pdf_text(pdf)


@pytest.mark.parametrize(
    "source", [*example_paths(), URDU, seed_param()], ids=lambda path: Path(path).name
)
def test_typst_compiles_the_briefs_without_a_warning(
    source: Path, caplog: pytest.LogCaptureFixture
) -> None:
    brief = import_file(source) if source.suffix == ".txt" else briefexport.load(source)
    with caplog.at_level(logging.WARNING, logger="briefexport.writers"):
        write(brief, typst_options(brief))
    written = [r for r in caplog.records if r.name.startswith("briefexport.writers")]
    assert [record.getMessage() for record in written] == []


def test_a_heading_equal_to_the_series_is_printed_once() -> None:
    meta = replace(metadata(), series="Policy Paper", heading="Policy paper")
    brief = Brief(meta, (Paragraph((Text("One short page."),)),), ())
    text = flat(pdf_text(write(brief, typst_options(brief))))
    assert text.count("POLICYPAPER") == 1


def test_numeric_columns_are_flush_right_and_short_lists_kept_whole(tour: Brief) -> None:
    from briefexport.model import ListBlock, Table
    from briefexport.writers.typst.blocks import block_to_typst
    from support.model import nodes

    ctx = RenderContext(tour, EXAMPLES, brand=default_options(tour).brand)
    table = next(node for node in nodes(tour.body) if isinstance(node, Table))
    markup = block_to_typst(ctx, table, 0)
    # the tour's table: a column of district names, then three columns of figures
    data_cells = markup.split("table.cell(")[1:]
    assert len(data_cells) == 4 * 3
    assert all("align: end + top" in cell for cell in data_cells)
    assert markup.count("row-header-cell(") == 4
    assert "row-header-cell([Old Quay], align" not in markup.replace("\\", "")
    short = next(n for n in nodes(tour.body) if isinstance(n, ListBlock) and len(n.items) <= 3)
    assert block_to_typst(ctx, short, 0).startswith("#block(width: 100%, breakable: false)[")
