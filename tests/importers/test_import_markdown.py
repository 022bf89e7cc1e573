"""The Markdown importer: a brief with full front matter, and every problem it must report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import briefexport
from briefexport.errors import InvalidBriefError, Severity
from briefexport.importers import detect_kind, import_file, import_source
from briefexport.inlines import plain_text
from briefexport.model import (
    Brief,
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    Figure,
    FootnoteRef,
    Link,
    ListBlock,
    Paragraph,
    PublicationType,
    Quote,
    Section,
    Styled,
    Table,
    TextStyle,
)
from briefexport.options import default_options
from briefexport.writers import jats
from support.paths import IMPORT_DATA
from support.validators import validate_jats

MARKDOWN_BRIEF = IMPORT_DATA / "ferry-brief.md"

FRONT = """---
title: A short note
authors: [Jane Doe]
affiliations: [{id: aff1, institution: Some Institute}]
date: 2025-01-02
publisher: Some Institute
series: Note
---

"""


@pytest.fixture(scope="module")
def brief() -> Brief:
    return import_file(MARKDOWN_BRIEF)


def test_front_matter(brief: Brief) -> None:
    meta = brief.meta
    assert (meta.series, meta.heading, meta.language) == ("Policy Note", "Transport", "en-GB")
    assert plain_text(meta.title) == "Keeping the island ferries afloat"
    assert isinstance(meta.title[1], Styled)
    assert meta.title[1].style is TextStyle.ITALIC
    assert plain_text(meta.subtitle).startswith("Options for a network")
    assert meta.running_head == "Island ferries"
    assert meta.date.isoformat() == "2025-09-18"
    assert (meta.publisher, meta.publisher_location, meta.journal_id) == (
        "Northern Sounds Institute",
        "Skerrow",
        "NSI-PN",
    )
    assert (meta.doi, meta.publisher_id) == ("10.5555/nsi.pn.2025.04", "NSI-PN-2025-04")
    assert plain_text(meta.disclaimer).startswith("The views in this note")
    assert [plain_text(p.children) for p in meta.abstract] == [
        "Ferry subsidies have doubled in a decade.",
        "This note compares three ways to keep the crossings running.",
    ]
    assert meta.keywords == ("ferries", "islands", "subsidies")
    assert meta.permissions is not None
    assert meta.permissions.year == 2025
    assert meta.permissions.license_url == "https://creativecommons.org/licenses/by/4.0/"


def test_people_and_affiliations(brief: Brief) -> None:
    first, second = brief.meta.authors
    assert (first.name.prefix, first.name.given_names, first.name.surname) == (
        "Dr",
        "Aino",
        "Lindqvist",
    )
    assert first.orcid == "https://orcid.org/0000-0002-1825-0097"
    assert first.email == "a.lindqvist@nsi.example.org"
    assert [a.id for a in first.affiliations] == ["aff-nsi"]
    assert first.affiliations[0].country == "Norland"
    assert (second.name.given_names, second.name.surname, second.name.suffix) == (
        "Tomas",
        "Berglund",
        "Jr",
    )
    (university,) = second.affiliations
    assert (university.department, university.institution) == (
        "Department of Maritime Studies",
        "University of Skerrow",
    )
    (editor,) = brief.meta.editors
    assert (editor.name.prefix, editor.name.surname) == ("Prof", "Quist")
    assert editor.affiliations == first.affiliations
    assert [a.id for a in brief.meta.affiliations] == ["aff-nsi", university.id]


def test_lead_and_sections(brief: Brief) -> None:
    lead, deficit, options = brief.body
    assert isinstance(lead, Paragraph)
    assert lead.lead
    assert isinstance(deficit, Section)
    assert isinstance(options, Section)
    assert (deficit.id, plain_text(deficit.title)) == ("sec-deficit", "How the deficit grew")
    travellers = deficit.blocks[-1]
    assert isinstance(travellers, Section)
    assert travellers.id == "sec-travellers"
    assert options.id == "sec-options"


def test_table_and_figure(brief: Brief) -> None:
    deficit = brief.body[1]
    assert isinstance(deficit, Section)
    travellers = deficit.blocks[-1]
    assert isinstance(travellers, Section)
    table, figure = travellers.blocks
    assert isinstance(table, Table)
    assert (table.id, table.label) == ("tab-trips", "Table 1")
    assert plain_text(table.caption).startswith("Daily trips")
    assert [plain_text(c.children) for c in table.head[0].cells] == [
        "Route",
        "Trips per day",
        "Share of residents",
    ]
    assert all(c.header for c in table.head[0].cells)
    assert [[c.header for c in row.cells] for row in table.body] == [[True, False, False]] * 2
    assert isinstance(figure, Figure)
    assert (figure.id, figure.label) == ("fig-load", "Figure 1")
    assert figure.image.alt_text == "Bar chart of average load per crossing by month"
    assert figure.image.media_type == "image/png"
    assert figure.image.data == (MARKDOWN_BRIEF.parent / "figures" / "ferry-load.png").read_bytes()
    assert plain_text(figure.caption) == "Average load per crossing, 2024"


def test_lists_quote_and_inline_styles(brief: Brief) -> None:
    options = brief.body[2]
    assert isinstance(options, Section)
    ordered, bullets, quote, styled = options.blocks
    assert isinstance(ordered, ListBlock)
    assert isinstance(bullets, ListBlock)
    assert (ordered.ordered, len(ordered.items), bullets.ordered) == (True, 2, False)
    assert isinstance(quote, Quote)
    assert plain_text(quote.attribution) == "A councillor from Holm"
    assert isinstance(styled, Paragraph)
    styles = [c.style for c in styled.children if isinstance(c, Styled)]
    assert styles == [
        TextStyle.MONOSPACE,
        TextStyle.SUPERSCRIPT,
        TextStyle.SUBSCRIPT,
        TextStyle.UNDERLINE,
        TextStyle.SMALL_CAPS,
    ]
    links = [c for c in styled.children if isinstance(c, Link)]
    assert [link.href for link in links] == ["https://ferries.example.org/timetable"]


def test_footnotes_numbered_by_first_call_and_called_twice(brief: Brief) -> None:
    cost, web = brief.footnotes
    assert (cost.id, cost.number, len(cost.paragraphs)) == ("cost", 1, 2)
    assert (web.id, web.number) == ("web", 2)
    lead, deficit = brief.body[0], brief.body[1]
    assert isinstance(lead, Paragraph)
    assert isinstance(deficit, Section)
    calls = [c for c in lead.children if isinstance(c, FootnoteRef)]
    later = deficit.blocks[0]
    assert isinstance(later, Paragraph)
    assert [c.note for c in calls] == [c.note for c in later.children if isinstance(c, FootnoteRef)]
    (citation,) = web.paragraphs[0].children
    assert isinstance(citation, Citation)
    assert citation.publication_type is PublicationType.WEBPAGE
    names = citation.children[0]
    assert isinstance(names, CitationPart)
    assert names.field is CitationField.PERSON_GROUP
    assert plain_text(names.children) == "Ingrid Aalto"


def test_reference_list(brief: Brief) -> None:
    (reference,) = brief.references
    assert (reference.id, reference.number) == ("ref-audit", 1)
    assert reference.citation.publication_type is PublicationType.REPORT
    fields = [c.field for c in reference.citation.children if isinstance(c, CitationPart)]
    assert fields == [CitationField.COLLAB, CitationField.SOURCE]
    deficit = brief.body[1]
    assert isinstance(deficit, Section)
    paragraph = deficit.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert [c.reference for c in paragraph.children if isinstance(c, CitationRef)] == [reference]


def test_imported_markdown_is_canonical(brief: Brief, tmp_path: Path) -> None:
    shutil.copytree(MARKDOWN_BRIEF.parent / "figures", tmp_path / "figures")
    path = tmp_path / "ferry.xml"
    path.write_bytes(jats.write(brief, default_options(brief)))
    assert briefexport.load(path) == brief
    done = validate_jats(path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_kind_detection() -> None:
    assert detect_kind(Path("brief.md"), "") == "markdown"
    assert detect_kind(Path("brief.txt"), "---\ntitle: x\n---\n") == "markdown"
    assert detect_kind(Path("brief.txt"), "## TITLE\n\nBy\n") == "text"


def test_title_from_a_leading_heading(tmp_path: Path) -> None:
    source = FRONT.replace("title: A short note\n", "") + "# The heading title\n\nBody text.\n"
    path = tmp_path / "titled.md"
    path.write_text(source, encoding="utf-8")
    result = import_source(path)
    assert plain_text(result.brief.meta.title) == "The heading title"
    assert len(result.brief.body) == 1


def test_missing_series_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text(FRONT.replace("series: Note\n", "") + "Text.\n", encoding="utf-8")
    result = import_source(path)
    assert result.brief.meta.series == "Issue Brief"
    assert [w.severity for w in result.warnings] == [Severity.WARNING]
    assert "series" in result.warnings[0].message


def _errors(tmp_path: Path, body: str, front: str = FRONT) -> list[str]:
    path = tmp_path / "bad.md"
    path.write_text(front + body, encoding="utf-8")
    with pytest.raises(InvalidBriefError) as caught:
        import_file(path)
    errors = [d for d in caught.value.diagnostics if d.severity is Severity.ERROR]
    return [f"{d.line}: {d.message}" for d in errors]


BODY_LINE = FRONT.count("\n") + 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Text with a call[^missing].\n", "call to footnote [^missing] that is not defined"),
        ("A [link](ftp://example.org/file).\n", "only http, https and mailto links are allowed"),
        ("![alt](../outside.png)\n", "leaves the brief's folder"),
        ("![alt](missing.png)\n", "not found beside the brief"),
        ("```\ncode\n```\n", "fence cannot be placed in a brief"),
        ("<div>raw</div>\n", "html block cannot be placed in a brief"),
        ("Text ![inline](x.png) more.\n", "an image inside text cannot be placed"),
        ("- item\n  - nested\n", "cannot be placed here, only paragraphs"),
        ("## One\n\n#### Three\n", "skips a level"),
        ("Intro.\n\n# Second title\n", "heading level 1 cannot be placed"),
        ("Some <sup>unclosed text.\n", "<sup> is never closed"),
        ("A [span]{.glitter} here.\n", "span class 'glitter' cannot be placed"),
        ("A [@nowhere]{.cite} call.\n", "call to reference 'nowhere' that is not listed"),
    ],
)
def test_body_problems_are_reported_with_their_line(
    tmp_path: Path, body: str, expected: str
) -> None:
    (error,) = _errors(tmp_path, body)
    line = BODY_LINE + body.count("\n", 0, body.index(body.strip().splitlines()[-1][:3]))
    assert expected in error
    assert int(error.split(":")[0]) in (BODY_LINE, line)


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (FRONT.replace("series: Note", "colour: blue"), "7: unknown front matter key 'colour'"),
        (FRONT.replace("title: A short note\n", ""), "the brief needs a title"),
        (FRONT.replace("authors: [Jane Doe]\n", ""), "at least one author"),
        (FRONT.replace("date: 2025-01-02", "date: soon"), "5: the brief needs a date"),
        (FRONT.replace("date: 2025-01-02\n", ""), "needs a date such as 2024-06-14, none is given"),
        (
            FRONT.replace("date: 2025-01-02", "date: 2025-02-30"),
            "5: 2025-02-30 is an impossible date",
        ),
        (FRONT.replace("title: A short note", "title: [unclosed"), "not valid YAML"),
        (FRONT.replace("authors: [Jane Doe]", "authors: [{role: x}]"), "needs a name"),
    ],
)
def test_front_matter_problems(tmp_path: Path, front: str, expected: str) -> None:
    errors = _errors(tmp_path, "Text.\n", front)
    assert any(expected in error for error in errors), errors


def test_a_footnote_never_called_is_kept_with_a_warning(tmp_path: Path) -> None:
    # As the XML reader does: the note is numbered after the called ones, never dropped.
    path = tmp_path / "notes.md"
    body = "Text.[^a]\n\n[^b]: Never called.\n\n[^a]: Called.\n"
    path.write_text(FRONT + body, encoding="utf-8")
    result = import_source(path)
    notes = [
        (note.id, note.number, plain_text(note.paragraphs[0].children))
        for note in result.brief.footnotes
    ]
    assert notes == [("a", 1, "Called."), ("b", 2, "Never called.")]
    assert [(w.line, w.severity, w.message) for w in result.warnings] == [
        (BODY_LINE + 2, Severity.WARNING, "footnote [^b] is never called")
    ]


def test_unsupported_inline_html_is_reported_each_time(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "Some <blink>old</blink> HTML.\n")
    assert len(errors) == 2
    assert all("unsupported or unbalanced inline HTML" in e for e in errors)
    assert all(e.startswith(f"{BODY_LINE}:") for e in errors)


def _diagnostics(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "bad.md"
    path.write_text(FRONT + body, encoding="utf-8")
    with pytest.raises(InvalidBriefError) as caught:
        import_file(path)
    errors = [d for d in caught.value.diagnostics if d.severity is Severity.ERROR]
    return [f"{d.file}:{d.line}:{d.column}: {d.message}" for d in errors]


ONE_ERROR = {
    "a footnote defined twice, at the second": (
        "Text.[^n]\n\n[^n]: first text\n\n[^n]: second text\n",
        4,
        1,
        f"footnote [^n] is defined twice (first on line {BODY_LINE + 2}); keep one",
    ),
    "a row with more cells than the header, at the first extra": (
        "| A | B |\n|---|---|\n| 1 | 2 | `x` \\| y |\n| 3 | 4 | |\n",
        2,
        11,
        "this row has more cells than the table's 2 columns",
    ),
    "an id given twice": (
        "## One {#same}\n\nText.\n\n## Two {#same}\n\nMore.\n",
        4,
        1,
        f"id 'same' is already used on line {BODY_LINE}; ids must be unique",
    ),
    "a footnote called from a footnote": (
        "Text.[^a]\n\n[^a]: A note calling[^b] another.\n\n[^b]: The other.\n",
        2,
        1,
        "footnote [^b] cannot be called from a footnote; call it from a paragraph",
    ),
    "a discouraged control character (NEL stays)": (
        "Smart \x93quotes\x94 read wrongly.\n\nA next\x85line stays.\n",
        0,
        7,
        "control character U+0093 cannot appear in a brief",
    ),
}
"""Markdown bodies holding one mistake: the line after the front matter, the column, the error."""


@pytest.mark.parametrize(
    ("body", "line", "column", "message"), ONE_ERROR.values(), ids=list(ONE_ERROR)
)
def test_a_mistake_in_the_source_is_one_error_where_it_stands(
    tmp_path: Path, body: str, line: int, column: int, message: str
) -> None:
    assert _diagnostics(tmp_path, body) == [
        f"{tmp_path / 'bad.md'}:{BODY_LINE + line}:{column}: {message}"
    ]
