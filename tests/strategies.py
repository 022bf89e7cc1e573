"""Hypothesis strategies that generate valid briefs in the model's normal form.

Footnote calls are drawn as placeholders and numbered afterwards by order of first call, the way
the reader numbers them; every drawn note is called at least once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
import unicodedata
from typing import Any

from hypothesis import strategies as st

from briefexport.inlines import canonical, collapse_space, plain_text
from briefexport.model import (
    Affiliation,
    Brief,
    Cell,
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    CitedDate,
    Contributor,
    Footnote,
    FootnoteRef,
    Link,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Permissions,
    PersonName,
    PublicationType,
    Quote,
    Reference,
    Row,
    Section,
    Styled,
    Table,
    Text,
    TextStyle,
)

XML_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc", "Co"), exclude_characters="\ufffe\uffff"
    )
    | st.sampled_from(" \n\t"),
    max_size=12,
)
REQUIRED = st.builds(collapse_space, XML_TEXT).filter(
    # a required field must show something: not only U+2009, U+00A0, U+200B ... (the reader
    # refuses Unicode white space and invisible format characters alone)
    lambda value: any(not c.isspace() and unicodedata.category(c) != "Cf" for c in value)
)
URL = st.builds(
    "https://{}.example.org/{}".format,
    st.text(string.ascii_lowercase, min_size=1, max_size=8),
    st.text(string.ascii_letters + string.digits + "-_./?=&", max_size=15),
) | st.just("mailto:office@example.org")
PLACEHOLDER_NOTES = 5

text = st.builds(Text, XML_TEXT)


def _styled(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Styled]:
    return st.builds(Styled, st.sampled_from(TextStyle), st.lists(children, max_size=3).map(tuple))


phrase = st.recursive(text, _styled, max_leaves=6)
link = st.builds(Link, URL, st.lists(phrase, max_size=2).map(tuple))
linked = st.recursive(text | link, _styled, max_leaves=6)
note_call = st.builds(
    lambda k: FootnoteRef(Footnote(f"fn{k}", 0, ())), st.integers(1, PLACEHOLDER_NOTES)
)


def body_inline(references: tuple[Reference, ...]) -> st.SearchStrategy[Any]:
    leaves = text | link | note_call
    if references:
        leaves = leaves | st.builds(CitationRef, st.sampled_from(references))
    return st.recursive(leaves, _styled, max_leaves=8)


def _inlines(inline: st.SearchStrategy[Any], min_text: bool = False) -> st.SearchStrategy[Any]:
    built = st.lists(inline, max_size=5).map(canonical)
    return built.filter(lambda xs: any(c.isalnum() for c in plain_text(xs))) if min_text else built


name_part = st.builds(lambda v: CitationPart(CitationField.STRING_NAME, (Text(v),)), REQUIRED)
collab = st.builds(lambda v: CitationPart(CitationField.COLLAB, (Text(v),)), REQUIRED)
person_group = st.builds(
    lambda xs: CitationPart(CitationField.PERSON_GROUP, tuple(xs)),
    st.lists(name_part | collab | st.just(Text(", ")), max_size=4),
)
titled = st.builds(
    lambda field, xs: CitationPart(field, tuple(xs)),
    st.sampled_from([CitationField.ARTICLE_TITLE, CitationField.SOURCE]),
    st.lists(phrase, max_size=3),
)
cited_date = st.builds(
    lambda d, t: CitedDate(d.isoformat()[:t], "on " + d.isoformat()),
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
    st.sampled_from([4, 7, 10]),
)
citation = st.builds(
    lambda kind, xs: Citation(kind, tuple(xs)),
    st.sampled_from(PublicationType),
    st.lists(
        text | link | person_group | name_part | collab | titled | cited_date | _styled(phrase),
        max_size=6,
    ),
)


def paragraphs(inline: st.SearchStrategy[Any], lead: bool = False) -> st.SearchStrategy[Any]:
    one = st.builds(Paragraph, _inlines(inline), st.booleans() if lead else st.just(False))
    return st.lists(one, min_size=1, max_size=2).map(tuple)


def rows(header: bool, width: int) -> st.SearchStrategy[Any]:
    """Rectangular rows: ``width`` plain cells, or one cell spanning them all."""
    kind = st.just(header) if header else st.booleans()
    cell = st.builds(Cell, _inlines(linked), kind)
    plain = st.lists(cell, min_size=width, max_size=width)
    spanning = st.builds(lambda c: [Cell(c.children, c.header, width, 1)], cell)
    row = st.builds(lambda cs: Row(tuple(cs)), plain | spanning)
    return st.lists(row, min_size=1, max_size=2).map(tuple)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """Tables in which a cell starts in every column (HTML's table model requires it), so at
    least one row of a table wider than one column has all its cells."""
    width = draw(st.integers(1, 3))
    head = draw(st.just(()) | rows(True, width))
    body = draw(rows(False, width))
    if width > 1 and all(len(row.cells) == 1 for row in (*head, *body)):
        plain = Row(tuple(Cell(body[0].cells[0].children) for _ in range(width)))
        body = (plain, *body[1:])
    return Table(None, draw(st.none() | REQUIRED), draw(_inlines(linked)), head, body)


def leaf_blocks(inline: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    paragraph = st.builds(Paragraph, _inlines(inline))
    items = st.lists(st.builds(ListItem, paragraphs(inline)), min_size=1, max_size=3).map(tuple)
    return st.one_of(
        paragraph,
        st.builds(ListBlock, st.booleans(), items),
        st.builds(Quote, paragraphs(inline), _inlines(linked)),
        tables(),
    )


def sections(inline: st.SearchStrategy[Any], depth: int) -> st.SearchStrategy[Any]:
    content = st.lists(leaf_blocks(inline), max_size=3)
    subsections = st.lists(sections(inline, depth - 1), max_size=2) if depth > 1 else st.just([])
    return st.builds(
        lambda title, a, b: Section(None, title, tuple(a + b)),
        _inlines(phrase, min_text=True),
        content,
        subsections,
    )


def contributors(affs: list[Affiliation]) -> st.SearchStrategy[Any]:
    name = st.builds(
        PersonName,
        REQUIRED,
        st.none() | REQUIRED,
        st.none() | st.just("Dr"),
        st.none() | st.just("Jr"),
    )
    orcid = st.none() | st.just("https://orcid.org/0000-0002-1825-0097")
    chosen = (
        st.lists(st.sampled_from(affs), unique=True, max_size=2).map(tuple) if affs else st.just(())
    )
    person = st.builds(
        Contributor,
        name,
        st.none() | REQUIRED,
        orcid,
        st.none() | st.just("someone@example.org"),
        chosen,
    )
    return st.lists(person, min_size=1, max_size=2).map(tuple)


@st.composite
def metadata(draw: st.DrawFn) -> Metadata:
    affs = [
        Affiliation(
            f"aff{i}", draw(REQUIRED), draw(st.none() | REQUIRED), draw(st.none() | REQUIRED)
        )
        for i in range(draw(st.integers(0, 2)))
    ]
    plain = _inlines(text | link | _styled(phrase))
    rights = st.builds(
        Permissions,
        st.none() | REQUIRED,
        st.none() | st.integers(1000, 9999),
        st.none() | REQUIRED,
        st.none() | URL.filter(lambda u: u.startswith("https")),
        st.none() | REQUIRED,
    )
    return Metadata(
        language=draw(st.sampled_from(["en", "en-GB", "ur", "ar", "fr"])),
        series=draw(REQUIRED),
        journal_id=draw(REQUIRED),
        publisher=draw(REQUIRED),
        title=draw(_inlines(phrase, min_text=True)),
        authors=draw(contributors(affs)),
        date=draw(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31))),
        publisher_location=draw(st.none() | REQUIRED),
        doi=draw(st.none() | st.just("10.5555/brief.1")),
        publisher_id=draw(st.none() | REQUIRED),
        heading=draw(st.none() | REQUIRED),
        subtitle=draw(_inlines(phrase)),
        running_head=draw(st.none() | REQUIRED),
        editors=draw(st.just(()) | contributors(affs)),
        affiliations=tuple(affs),
        disclaimer=draw(plain),
        permissions=draw(st.none() | rights),
        abstract=draw(st.just(()) | paragraphs(text | link)),
        keywords=tuple(draw(st.lists(REQUIRED, max_size=3))),
    )


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    """A valid brief with every kind of block and inline the profile allows (figures aside)."""
    count = draw(st.integers(0, 2))
    references = tuple(
        Reference(f"ref{n}", n, _canonical_citation(draw(citation))) for n in range(1, count + 1)
    )
    inline = body_inline(references)
    lead = draw(st.lists(st.builds(Paragraph, _inlines(inline), st.just(True)), max_size=1))
    blocks = lead + draw(st.lists(leaf_blocks(inline), max_size=4))
    blocks += draw(st.lists(sections(inline, 3), max_size=2))
    note_text = st.one_of(text, link, _styled(phrase), citation)
    bodies = {k: draw(paragraphs(note_text)) for k in range(1, PLACEHOLDER_NOTES + 1)}
    template = Brief(draw(metadata()), tuple(blocks), (), references)
    return number_notes(template, bodies)


def _canonical_citation(value: Citation) -> Citation:
    (normal,) = canonical((value,))
    assert isinstance(normal, Citation)
    return normal


def number_notes(template: Brief, bodies: dict[int, tuple[Paragraph, ...]]) -> Brief:
    """Replace placeholder calls by real notes numbered in order of first call."""
    order: dict[str, int] = {}
    for ref in _walk(template.body):
        if isinstance(ref, FootnoteRef):
            order.setdefault(ref.note.id, len(order) + 1)
    notes = {ident: Footnote(ident, n, bodies[int(ident[2:])]) for ident, n in order.items()}
    body = _replace_calls(template.body, notes)
    return dataclasses.replace(template, body=body, footnotes=tuple(notes.values()))


def _walk(node: Any) -> Any:
    if isinstance(node, tuple):
        for item in node:
            yield from _walk(item)
    elif dataclasses.is_dataclass(node) and not isinstance(node, Footnote):
        yield node
        for field in dataclasses.fields(node):
            yield from _walk(getattr(node, field.name))


def _replace_calls(node: Any, notes: dict[str, Footnote]) -> Any:
    if isinstance(node, tuple):
        return tuple(_replace_calls(item, notes) for item in node)
    if isinstance(node, FootnoteRef):
        return FootnoteRef(notes[node.note.id])
    if dataclasses.is_dataclass(node) and not isinstance(node, Footnote | Reference):
        changes = {
            f.name: _replace_calls(getattr(node, f.name), notes) for f in dataclasses.fields(node)
        }
        return dataclasses.replace(node, **changes)
    return node
