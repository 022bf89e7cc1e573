"""The shipped example briefs and the right-to-left test briefs have the shape issue 2 §6 asks for.

They must be valid JATS 1.3, read without warnings, and be original: no run of eight words in a
row is taken from the real seed brief.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from lxml import etree

from briefexport.inlines import plain_text
from briefexport.model import (
    Brief,
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    CitedDate,
    Figure,
    FootnoteRef,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    PublicationType,
    Quote,
    Styled,
    Table,
    Text,
    TextStyle,
)
from briefexport.reader import read_brief
from briefexport.shared.i18n import is_rtl
from support.model import find, section_depth
from support.paths import HARBOUR as SHORT
from support.paths import TOUR, rtl_paths
from support.validators import validate_jats

RTL = rtl_paths()
ALL = [SHORT, TOUR, *RTL]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_each_reads_without_warnings(path: Path) -> None:
    _, warnings = read_brief(path)
    assert [str(w) for w in warnings] == [], path.name


def body_inlines(brief: Brief) -> list[Inline]:
    """Every inline of the body's paragraphs (list items and quotes included), nested ones too."""
    return [
        inline
        for paragraph in find(brief.body, Paragraph)
        for inline in find(paragraph.children, Inline)
    ]


def note_inlines(brief: Brief) -> list[Inline]:
    return [
        inline
        for note in brief.footnotes
        for paragraph in note.paragraphs
        for inline in find(paragraph.children, Inline)
    ]


def words(text: str) -> list[str]:
    return re.findall(r"[\w'\u2019-]+", text.lower())


def test_all_are_valid_jats_archiving() -> None:
    result = validate_jats(*ALL, doctype_check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_short_brief_front_matter(corpus: dict[str, Brief]) -> None:
    meta = corpus[SHORT.stem].meta
    assert meta.series == "Issue Brief"
    assert meta.subtitle
    assert len(meta.authors) == 1
    author = meta.authors[0]
    assert author.role
    assert [(a.department is not None, bool(a.institution)) for a in author.affiliations] == [
        (True, True)
    ]
    assert [editor.name.prefix for editor in meta.editors] == ["Dr"]
    assert meta.disclaimer


def test_short_brief_body(corpus: dict[str, Brief]) -> None:
    brief = corpus[SHORT.stem]
    paragraphs = find(brief.body, Paragraph)
    assert paragraphs[0].lead
    assert [p.lead for p in paragraphs[1:]] == [False] * (len(paragraphs) - 1)
    assert len(paragraphs) >= 11
    count = len(words(" ".join(plain_text(p.children) for p in paragraphs)))
    assert 1000 <= count <= 1400, count


def test_short_brief_has_two_notes_called_side_by_side(corpus: dict[str, Brief]) -> None:
    pairs = []
    for paragraph in find(corpus[SHORT.stem].body, Paragraph):
        pairs += [
            (a.note.number, b.note.number)
            for a, b in itertools.pairwise(paragraph.children)
            if isinstance(a, FootnoteRef) and isinstance(b, FootnoteRef)
        ]
    assert pairs == [(4, 5)]


def test_short_brief_notes_are_web_citations(corpus: dict[str, Brief]) -> None:
    notes = corpus[SHORT.stem].footnotes
    assert len(notes) >= 8
    with_authors = 0
    for note in notes:
        parts = find(note.paragraphs[0].children, Inline)
        citation = parts[0]
        assert isinstance(citation, Citation), note.id
        assert citation.publication_type is PublicationType.WEBPAGE
        fields = {p.field for p in parts if isinstance(p, CitationPart)}
        assert {CitationField.ARTICLE_TITLE, CitationField.SOURCE} <= fields, note.id
        assert any(isinstance(p, CitedDate) for p in parts), note.id
        links = [p.href for p in parts if isinstance(p, Link)]
        assert len(links) == 1, note.id
        assert re.match(r"https://[^/]*\b(example|test)\b", links[0]), links[0]
        with_authors += CitationField.PERSON_GROUP in fields
    assert with_authors >= 2


@pytest.mark.parametrize("name", [SHORT.stem, TOUR.stem])
def test_cited_dates_read_on_a_day_and_in_a_month_or_year(
    corpus: dict[str, Brief], name: str
) -> None:
    """ "published on May 20, 2026" but "published in October 2025" (not "on October 2025")."""
    leads = []
    for before, date in itertools.pairwise(note_inlines(corpus[name])):
        if isinstance(date, CitedDate):
            assert isinstance(before, Text), date
            preposition = "on" if len(date.iso) == len("2026-05-20") else "in"
            leads.append((before.value.split()[-1], preposition, date.text))
    assert leads
    assert [lead for lead in leads if lead[0] != lead[1]] == []


def test_feature_tour_front_matter(corpus: dict[str, Brief]) -> None:
    meta = corpus[TOUR.stem].meta
    assert len(meta.authors) == 2
    institutions = {aff.institution for a in meta.authors for aff in a.affiliations}
    assert len(institutions) == 2
    assert all(a.orcid and a.email for a in meta.authors)
    assert meta.editors
    assert meta.doi
    assert meta.keywords
    assert meta.abstract
    assert meta.permissions is not None
    assert meta.permissions.license_url == "https://creativecommons.org/licenses/by/4.0/"


def test_feature_tour_blocks(corpus: dict[str, Brief]) -> None:
    body = corpus[TOUR.stem].body
    assert section_depth(body) == 3
    lists = {block.ordered for block in find(body, ListBlock)}
    assert lists == {True, False}
    table = find(body, Table)[0]
    assert table.label
    assert table.caption
    assert table.head
    assert all(row.cells[0].header for row in table.body)
    quote = find(body, Quote)[0]
    assert quote.attribution
    figure = find(body, Figure)[0]
    assert figure.image.alt_text
    assert figure.image.media_type == "image/png"
    assert len(figure.image.data) < 60_000


def test_feature_tour_inlines(corpus: dict[str, Brief]) -> None:
    brief = corpus[TOUR.stem]
    inlines = body_inlines(brief)
    styles = {inline.style for inline in inlines if isinstance(inline, Styled)}
    assert styles == set(TextStyle)
    assert any(isinstance(inline, Link) for inline in inlines)
    calls = [inline.note.id for inline in inlines if isinstance(inline, FootnoteRef)]
    assert any(calls.count(note) == 2 for note in calls), calls
    cited = {inline.reference.id for inline in inlines if isinstance(inline, CitationRef)}
    assert cited == {ref.id for ref in brief.references}
    assert len(cited) >= 3


@pytest.mark.parametrize("path", RTL, ids=[path.name for path in RTL])
def test_rtl_briefs(corpus: dict[str, Brief], path: Path) -> None:
    brief = corpus[path.stem]
    assert is_rtl(brief.meta.language)
    first = brief.body[0]
    assert isinstance(first, Paragraph)
    assert first.lead
    links = [inline.href for inline in note_inlines(brief) if isinstance(inline, Link)]
    assert len(links) == len(brief.footnotes) >= 2
    assert all(link.startswith("https://") for link in links)


def shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


@pytest.mark.parametrize("path", [SHORT, TOUR], ids=[SHORT.name, TOUR.name])
def test_examples_copy_no_run_of_words_from_the_seed(path: Path, seed_path: Path) -> None:
    seed = shingles(seed_path.read_text(encoding="utf-8"))
    ours = shingles(" ".join(etree.parse(str(path)).getroot().itertext()))
    assert seed
    assert ours
    assert ours & seed == set()
