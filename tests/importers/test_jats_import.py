"""The JATS importer on an eLife-style article (JATS 1.2 Publishing): what is kept, converted and
dropped, where each loss is reported, and that the brief it makes is canonical and DTD-valid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from briefexport.errors import Severity
from briefexport.importers import ImportResult, import_source
from briefexport.inlines import plain_text
from briefexport.model import (
    Block,
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    FootnoteRef,
    Link,
    ListBlock,
    Paragraph,
    PublicationType,
    Quote,
    Section,
    Styled,
    Table,
    Text,
    TextStyle,
)
from support.importers import read_back
from support.validators import dtd_errors


@pytest.fixture
def imported(estuary: Path) -> ImportResult:
    return import_source(estuary)


def _section(blocks: tuple[Block, ...], title: str) -> Section:
    found = [b for b in blocks if isinstance(b, Section) and plain_text(b.title) == title]
    assert found, (
        f"no section {title!r} in {[plain_text(b.title) for b in blocks if isinstance(b, Section)]}"
    )
    return found[0]


def _line_of(article: Path, text: str) -> int:
    lines = article.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_the_kind_is_detected_and_the_doctype_never_loaded(estuary: Path) -> None:
    # The DOCTYPE names a DTD file that does not exist here: it must be recognised, not read.
    assert not (estuary.parent / "JATS-journalpublishing1.dtd").exists()
    result = import_source(estuary)
    assert not any("DOCTYPE" in w.message for w in result.warnings)


def test_front_matter(imported: ImportResult) -> None:
    meta = imported.brief.meta
    assert (meta.series, meta.journal_id, meta.publisher) == (
        "Estuary Letters",
        "EstLett",
        "Northwind Open Science",
    )
    assert (meta.publisher_location, meta.doi, meta.publisher_id) == (
        "Aldermouth",
        "10.5555/estlett.04417",
        "04417",
    )
    assert meta.heading == "Coastal Hazards"
    assert plain_text(meta.title) == "Tide gauges as an early warning for harbour flooding"
    italic = meta.title[1]
    assert isinstance(italic, Styled)
    assert Styled(TextStyle.ITALIC, (italic.children[0],)) == italic
    assert meta.running_head == "Tide gauges and harbour flooding"
    assert meta.date == dt.date(2026, 3, 17)
    assert meta.language == "en"  # the JATS DTD's default for xml:lang
    assert meta.keywords == ("storm surge", "tide gauges", "early warning", "None")
    assert meta.permissions is not None
    assert meta.permissions.license_url == "http://creativecommons.org/licenses/by/4.0/"
    assert (meta.permissions.year, meta.permissions.holder) == (2026, "Lindqvist et al")
    assert plain_text(meta.abstract[0].children).endswith("with a false-alarm rate of 3%.")


def test_contributors_and_affiliations(imported: ImportResult) -> None:
    meta = imported.brief.meta
    first, second, group = meta.authors
    assert (first.name.given_names, first.name.surname) == ("Maren", "Lindqvist")
    assert first.orcid == "https://orcid.org/0000-0002-1825-0097"  # http:// made https://
    assert first.email == "m.lindqvist@northwind.example.org"
    assert [(a.department, a.institution, a.country) for a in first.affiliations] == [
        ("Centre for Coastal Risk", "Northwind Institute", "Norland"),
        (None, "Port Ellery Tidal Observatory", "Norland"),
    ]
    assert second.affiliations == first.affiliations[1:]
    assert group.name.surname == "Harbour Sensors Consortium"
    (editor,) = meta.editors  # the reviewer is dropped
    assert (editor.name.surname, editor.role) == ("Adeyemi", "Reviewing Editor")
    assert editor.affiliations[0].institution == "University of Port Ellery"


def test_sections_boxes_and_back_sections(imported: ImportResult) -> None:
    body = imported.brief.body
    titles = [plain_text(b.title) for b in body if isinstance(b, Section)]
    assert titles == [
        "Introduction",
        "Methods",
        "Results",
        "Acknowledgements",
        "Data availability",
        "Appendix 1",
    ]
    introduction = _section(body, "Introduction")
    kinds = [type(b).__name__ for b in introduction.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Section"]  # the box moved last
    assert plain_text(introduction.blocks[-1].title) == "Box 1. What a tide gauge measures"  # type: ignore[union-attr]
    assert plain_text(introduction.blocks[2].children) == "s>0.4"  # type: ignore[union-attr]
    control = _section(_section(_section(body, "Methods").blocks, "Data").blocks, "Quality control")
    folded = control.blocks[-2]
    assert folded == Paragraph((Styled(TextStyle.BOLD, (folded.children[0].children[0],)),))  # type: ignore[union-attr]
    assert plain_text(folded.children) == "Drift checks"  # type: ignore[union-attr]


def test_lists_tables_and_text_blocks(imported: ImportResult) -> None:
    methods = _section(imported.brief.body, "Methods")
    data = _section(methods.blocks, "Data")
    table = next(b for b in data.blocks if isinstance(b, Table))
    assert table.label == "Table 1."
    assert (
        plain_text(table.caption)
        == "Gauges used in the study. Heights in metres above chart datum."
    )
    assert [len(row.cells) for row in table.head + table.body] == [3, 3, 3, 3]  # padded
    assert plain_text(table.body[2].cells[1].children) == "2.40 (estimated)"
    assert plain_text(data.blocks[data.blocks.index(table) + 1].children) == "* Moved in 2019."  # type: ignore[union-attr]
    steps = next(
        b for b in _section(data.blocks, "Quality control").blocks if isinstance(b, ListBlock)
    )
    assert steps.ordered
    assert len(steps.items) == 3
    assert [plain_text(p.children) for p in steps.items[1].paragraphs] == [
        "fill gaps shorter than ten minutes;",
        "by linear interpolation.",
    ]
    terms = _section(methods.blocks, "Terms").blocks
    assert isinstance(terms[0], ListBlock)
    assert (
        plain_text(terms[0].items[0].paragraphs[0].children)
        == "Surge: The water height above the predicted tide."
    )
    assert terms[1] == Paragraph((Styled(TextStyle.MONOSPACE, terms[1].children[0].children),))  # type: ignore[union-attr]


def test_figures_resolve_beside_the_article(imported: ImportResult, estuary: Path) -> None:
    (figure,) = imported.brief.figures
    assert figure.image.href == "estuary-fig1.png"  # found although the XML names no extension
    assert figure.image.data == (estuary.parent / "estuary-fig1.png").read_bytes()
    assert figure.image.alt_text.startswith("Dot plot of 46 events")  # alt-text directly in fig
    results = _section(imported.brief.body, "Results").blocks
    texts = [plain_text(b.children) for b in results if isinstance(b, Paragraph)]
    assert "Figure 2. Map of the four gauges." in texts  # TIFF: not a format the profile takes
    assert "Figure 2—figure supplement 1. Satellite view." in texts  # remote: never fetched
    quote = next(b for b in results if isinstance(b, Quote))
    assert plain_text(quote.attribution) == "Harbour master, interview"


def test_notes_references_and_calls(imported: ImportResult) -> None:
    brief = imported.brief
    (note,) = brief.footnotes
    assert note.paragraphs[0].children[-2] == Link(
        "https://doi.org/10.5555/archive.2016",
        note.paragraphs[0].children[-2].children,  # type: ignore[union-attr]
    )
    sandoval, authority, mbeki = brief.references
    assert plain_text(sandoval.citation.children) == (
        "Sandoval R, Ek L (2019). Surge timing in small harbours. Journal of Coastal Hazards"
        " 12: 141\u2013159. 10.5555/jch.2019.141"
    )
    doi = sandoval.citation.children[-1]
    assert doi == Link("https://doi.org/10.5555/jch.2019.141", (Text("10.5555/jch.2019.141"),))
    assert sandoval.citation.publication_type is PublicationType.JOURNAL
    parts = {p.field for p in sandoval.citation.children if isinstance(p, CitationPart)}
    assert {CitationField.PERSON_GROUP, CitationField.ARTICLE_TITLE, CitationField.SOURCE} <= parts
    assert authority.citation.publication_type is PublicationType.REPORT
    assert mbeki.citation == Citation(PublicationType.WEBPAGE, mbeki.citation.children)
    first = _section(brief.body, "Introduction").blocks[0]
    assert isinstance(first, Paragraph)
    calls = [i for i in first.children if isinstance(i, CitationRef | FootnoteRef)]
    assert [type(c).__name__ for c in calls] == [
        "CitationRef",
        "CitationRef",
        "CitationRef",
        "FootnoteRef",
    ]
    assert "(Sandoval and Ek, 2019)" in plain_text(first.children)  # author-date text kept


def test_every_loss_is_a_located_warning(imported: ImportResult, estuary: Path) -> None:
    warnings = imported.warnings
    assert all(w.severity is Severity.WARNING for w in warnings)
    assert all(w.file == str(estuary) and w.line >= 1 and w.column >= 1 for w in warnings)
    expected = {
        "<sub-article> dropped": _line_of(estuary, "<sub-article"),
        "<supplementary-material> dropped": _line_of(estuary, "<supplementary-material"),
        "contributors of type 'reviewer' dropped": _line_of(estuary, 'contrib-type="reviewer"'),
        "formula kept as plain text": _line_of(estuary, "<inline-formula>"),
        "remote image": _line_of(estuary, "https://images.example.org"),
        "is not a PNG, JPEG, GIF or WebP image": _line_of(estuary, "estuary-fig2.tif"),
        "section nested deeper than three levels": _line_of(estuary, 'id="s2-1-1-1"'),
        "<ack> moved to the end of the body": _line_of(estuary, '<ack id="ack">'),
        "abstracts other than the main one dropped": _line_of(estuary, "executive-summary"),
    }
    for fragment, line in expected.items():
        found = [w for w in warnings if fragment in w.message]
        assert found, f"no warning says {fragment!r}"
        assert found[0].line == line, f"{found[0]} is not at line {line}"
    column = next(w for w in warnings if "<sub-article>" in w.message).column
    assert column == 3  # the start tag's column, not just its line


def test_the_brief_is_canonical(imported: ImportResult) -> None:
    again, warnings, _ = read_back(imported.brief)
    assert again == imported.brief
    assert warnings == []


def test_the_brief_is_valid_against_the_archiving_dtd(
    imported: ImportResult, jats_dtd: etree.DTD
) -> None:
    _, _, data = read_back(imported.brief)
    assert dtd_errors(data, jats_dtd) == []


def test_the_test_article_itself_is_valid_jats(estuary: Path, jats_dtd: etree.DTD) -> None:
    """The test article is real JATS: valid against the 1.3 Archiving DTD (its own DOCTYPE,
    naming the 1.2 Publishing DTD, taken out, since only the Archiving DTD is at hand)."""
    text = estuary.read_text(encoding="utf-8")
    without_doctype = "\n".join(
        line for line in text.splitlines() if not line.startswith("<!DOCTYPE")
    )
    assert dtd_errors(without_doctype.encode("utf-8"), jats_dtd) == []
