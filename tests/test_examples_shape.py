"""The shipped example briefs and the right-to-left test briefs have the shape issue 2 §6 asks for.

They must be valid JATS 1.3, read without warnings, and be original: no run of eight words in a
row is taken from the real seed brief.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from briefexport.inlines import plain_text
from briefexport.model import (
    Block,
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
    Section,
    Styled,
    Table,
    TextStyle,
)
from briefexport.reader import read_brief
from briefexport.shared.i18n import is_rtl
from conftest import DATA, EXAMPLES, SEED, SHARED

SHORT = EXAMPLES / "harbour-resilience.xml"
TOUR = EXAMPLES / "feature-tour.xml"
RTL = sorted((DATA / "rtl").glob("*.xml"))
ALL = [SHORT, TOUR, *RTL]


@pytest.fixture(scope="module")
def briefs() -> dict[str, Brief]:
    found = {}
    for path in ALL:
        brief, warnings = read_brief(path)
        assert [str(w) for w in warnings] == [], path.name
        found[path.name] = brief
    return found


def blocks_of(blocks: tuple[Block, ...], depth: int = 1) -> Iterator[tuple[int, Block]]:
    for block in blocks:
        yield depth, block
        if isinstance(block, Section):
            yield from blocks_of(block.blocks, depth + 1)
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from blocks_of(item.paragraphs, depth)
        if isinstance(block, Quote):
            yield from blocks_of(block.paragraphs, depth)


def inlines_of(inlines: tuple[Inline, ...]) -> Iterator[Inline]:
    for inline in inlines:
        yield inline
        if isinstance(inline, Styled | Link | Citation | CitationPart):
            yield from inlines_of(inline.children)


def body_inlines(brief: Brief) -> list[Inline]:
    return [
        inline
        for _, block in blocks_of(brief.body)
        if isinstance(block, Paragraph)
        for inline in inlines_of(block.children)
    ]


def note_inlines(brief: Brief) -> list[Inline]:
    return [
        inline
        for note in brief.footnotes
        for paragraph in note.paragraphs
        for inline in inlines_of(paragraph.children)
    ]


def words(text: str) -> list[str]:
    return re.findall(r"[\w'\u2019-]+", text.lower())


def test_all_are_valid_jats_archiving() -> None:
    result = subprocess.run(
        [sys.executable, str(SHARED / "jats" / "validate-jats"), "--no-doctype-check"]
        + [str(path) for path in ALL],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_short_brief_front_matter(briefs: dict[str, Brief]) -> None:
    meta = briefs[SHORT.name].meta
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


def test_short_brief_body(briefs: dict[str, Brief]) -> None:
    brief = briefs[SHORT.name]
    paragraphs = [b for _, b in blocks_of(brief.body) if isinstance(b, Paragraph)]
    assert paragraphs[0].lead
    assert [p.lead for p in paragraphs[1:]] == [False] * (len(paragraphs) - 1)
    assert len(paragraphs) >= 11
    count = len(words(" ".join(plain_text(p.children) for p in paragraphs)))
    assert 1000 <= count <= 1400, count


def test_short_brief_has_two_notes_called_side_by_side(briefs: dict[str, Brief]) -> None:
    pairs = []
    for _, block in blocks_of(briefs[SHORT.name].body):
        if isinstance(block, Paragraph):
            kids = block.children
            pairs += [
                (a.note.number, b.note.number)
                for a, b in itertools.pairwise(kids)
                if isinstance(a, FootnoteRef) and isinstance(b, FootnoteRef)
            ]
    assert pairs == [(4, 5)]


def test_short_brief_notes_are_web_citations(briefs: dict[str, Brief]) -> None:
    notes = briefs[SHORT.name].footnotes
    assert len(notes) >= 8
    with_authors = 0
    for note in notes:
        parts = list(inlines_of(note.paragraphs[0].children))
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


def test_feature_tour_front_matter(briefs: dict[str, Brief]) -> None:
    meta = briefs[TOUR.name].meta
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


def test_feature_tour_blocks(briefs: dict[str, Brief]) -> None:
    found = list(blocks_of(briefs[TOUR.name].body))
    assert max(depth for depth, block in found if isinstance(block, Section)) == 3
    lists = {block.ordered for _, block in found if isinstance(block, ListBlock)}
    assert lists == {True, False}
    table = next(block for _, block in found if isinstance(block, Table))
    assert table.label
    assert table.caption
    assert table.head
    assert all(row.cells[0].header for row in table.body)
    quote = next(block for _, block in found if isinstance(block, Quote))
    assert quote.attribution
    figure = next(block for _, block in found if isinstance(block, Figure))
    assert figure.image.alt_text
    assert figure.image.media_type == "image/png"
    assert len(figure.image.data) < 60_000


def test_feature_tour_inlines(briefs: dict[str, Brief]) -> None:
    brief = briefs[TOUR.name]
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
def test_rtl_briefs(briefs: dict[str, Brief], path: Path) -> None:
    brief = briefs[path.name]
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
def test_examples_copy_no_run_of_words_from_the_seed(path: Path) -> None:
    seed = shingles(SEED.read_text(encoding="utf-8"))
    ours = shingles(" ".join(etree.parse(str(path)).getroot().itertext()))
    assert seed
    assert ours
    assert ours & seed == set()
