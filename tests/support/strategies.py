"""Hypothesis strategies that generate valid briefs in the model's normal form.

A brief is written in one script (see ``inline_strategies``): any Unicode under a left-to-right
or right-to-left language, or Arabic script under ``ar`` or ``ur`` so right-to-left text meets a
matching ``xml:lang``. Figures hold small sound PNG files named ``figures/fig-N.png``; tests that
read a generated brief back from a file write them beside it with :func:`write_figures`.

Footnote calls are drawn as placeholders and numbered afterwards by order of first call, the way
the reader numbers them; every drawn note is called at least once. Citation calls are drawn the
same way and pointed at the references once those are drawn.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from briefexport.inlines import canonical
from briefexport.model import (
    Affiliation,
    Brief,
    Cell,
    Citation,
    CitationRef,
    Contributor,
    Figure,
    Footnote,
    FootnoteRef,
    Image,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Permissions,
    PersonName,
    Quote,
    Reference,
    Row,
    Section,
    Table,
)

from .images import png
from .inline_strategies import (
    HTTPS,
    SCRIPTS,
    Strategy,
    body_inline,
    citation,
    inlines,
    link,
    linked,
    maybe,
    phrase,
    required,
    styled_phrase,
    text,
    title,
)
from .model import find

MAX_REFERENCES = 2
PNGS = tuple(png(w, h, grey=g) for w, h, g in ((1, 1, 0x00), (3, 2, 0x80), (8, 5, 0xFF)))


# ------------------------------------------------------------------ blocks


@functools.cache
def paragraphs(inline: Strategy, lead: bool = False) -> Strategy:
    one = st.builds(Paragraph, inlines(inline), st.booleans() if lead else st.just(False))
    return st.lists(one, min_size=1, max_size=2).map(tuple)


@functools.cache
def rows(script: str, header: bool, width: int) -> Strategy:
    """Rectangular rows: ``width`` plain cells, or one cell spanning them all."""
    kind = st.just(header) if header else st.booleans()
    cell = st.builds(Cell, inlines(linked(script)), kind)
    plain = st.lists(cell, min_size=width, max_size=width)
    spanning = st.builds(lambda c: [Cell(c.children, c.header, width, 1)], cell)
    row = st.builds(lambda cs: Row(tuple(cs)), plain | spanning)
    return st.lists(row, min_size=1, max_size=2).map(tuple)


@functools.cache
def heads(script: str, width: int) -> Strategy:
    """No header row, or up to two."""
    return st.just(()) | rows(script, True, width)


TABLE_WIDTHS = st.integers(1, 3)


@functools.cache
def tables(script: str) -> Strategy:
    @st.composite
    def table(draw: st.DrawFn) -> Table:
        width = draw(TABLE_WIDTHS)
        head = draw(heads(script, width))
        label = draw(maybe(required(script)))
        caption = draw(inlines(linked(script)))
        body = draw(rows(script, False, width))
        if width > 1 and all(len(row.cells) == 1 for row in (*head, *body)):
            # a cell must start in every column (HTML's table model): one full row
            plain = Row(tuple(Cell(body[0].cells[0].children) for _ in range(width)))
            body = (plain, *body[1:])
        return Table(None, label, caption, head, body)

    return table()


def _image(index: int, alt_text: str) -> Image:
    return Image(f"figures/fig-{index}.png", alt_text, "image/png", PNGS[index])


@functools.cache
def figures(script: str) -> Strategy:
    """A figure with one of the PNG files: the same file name always holds the same bytes."""
    image = st.builds(_image, st.integers(0, len(PNGS) - 1), required(script))
    label = st.none() | required(script)
    return st.builds(Figure, st.none(), label, inlines(linked(script)), image)


@functools.cache
def leaf_blocks(script: str, references: int) -> Strategy:
    inline = body_inline(script, references)
    items = st.lists(st.builds(ListItem, paragraphs(inline)), min_size=1, max_size=3).map(tuple)
    return st.one_of(
        st.builds(Paragraph, inlines(inline)),
        st.builds(ListBlock, st.booleans(), items),
        st.builds(Quote, paragraphs(inline), inlines(linked(script))),
        tables(script),
        figures(script),
    )


@functools.cache
def sections(script: str, references: int, depth: int) -> Strategy:
    content = st.lists(leaf_blocks(script, references), max_size=3)
    subsections = (
        st.lists(sections(script, references, depth - 1), max_size=2) if depth > 1 else st.just([])
    )
    return st.builds(
        lambda heading, a, b: Section(None, heading, tuple(a + b)),
        title(script),
        content,
        subsections,
    )


# ------------------------------------------------------------------ front matter


@functools.cache
def people(script: str, affiliations: int) -> Strategy:
    """Contributors as (name, role, ORCID, e-mail, indices of their affiliations)."""
    words = required(script)
    name = st.builds(
        PersonName, words, st.none() | words, st.none() | st.just("Dr"), st.none() | st.just("Jr")
    )
    orcid = st.none() | st.just("https://orcid.org/0000-0002-1825-0097")
    email = st.none() | st.just("someone@example.org")
    chosen = st.lists(st.integers(0, affiliations - 1), unique=True, max_size=2)
    person = st.tuples(
        name, st.none() | words, orcid, email, chosen if affiliations else st.just([])
    )
    return st.lists(person, min_size=1, max_size=2)


def _contributors(drawn: list[Any], affs: list[Affiliation]) -> tuple[Contributor, ...]:
    return tuple(
        Contributor(name, role, orcid, email, tuple(affs[i] for i in chosen))
        for name, role, orcid, email, chosen in drawn
    )


@functools.cache
def rights(script: str) -> Strategy:
    words = required(script)
    return st.builds(
        Permissions,
        st.none() | words,
        st.none() | st.integers(1000, 9999),
        st.none() | words,
        st.none() | HTTPS,
        st.none() | words,
    )


DATES = st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31))
DOI = maybe(st.just("10.5555/brief.1"))
AFFILIATION_COUNT = st.integers(0, 2)


@functools.cache
def front_parts(script: str) -> dict[str, Strategy]:
    """The strategies ``metadata`` draws from, built once per script (and per number of
    affiliations for the editors): building them in every draw made generation slow."""
    words = required(script)
    return {
        "words": words,
        "optional": maybe(words),
        "language": st.sampled_from(SCRIPTS[script][0]),
        "subtitle": inlines(phrase(script)),
        "disclaimer": inlines(text(script) | link(script) | styled_phrase(script)),
        "permissions": maybe(rights(script)),
        "abstract": st.just(()) | paragraphs(text(script) | link(script)),
        "keywords": st.lists(words, max_size=3),
        **{f"editors{n}": st.just([]) | people(script, n) for n in range(3)},
    }


@st.composite
def metadata(draw: st.DrawFn, script: str) -> Metadata:
    part = front_parts(script)
    words, optional = part["words"], part["optional"]
    affs = [
        Affiliation(f"aff{i}", draw(words), draw(optional), draw(optional))
        for i in range(draw(AFFILIATION_COUNT))
    ]
    return Metadata(
        language=draw(part["language"]),
        series=draw(words),
        journal_id=draw(words),
        publisher=draw(words),
        title=draw(title(script)),
        authors=_contributors(draw(people(script, len(affs))), affs),
        date=draw(DATES),
        publisher_location=draw(optional),
        doi=draw(DOI),
        publisher_id=draw(optional),
        heading=draw(optional),
        subtitle=draw(part["subtitle"]),
        running_head=draw(optional),
        editors=_contributors(draw(part[f"editors{len(affs)}"]), affs),
        affiliations=tuple(affs),
        disclaimer=draw(part["disclaimer"]),
        permissions=draw(part["permissions"]),
        abstract=draw(part["abstract"]),
        keywords=tuple(draw(part["keywords"])),
    )


# ------------------------------------------------------------------ whole briefs


SCRIPT_NAMES = st.sampled_from(sorted(SCRIPTS))
REFERENCE_COUNT = st.integers(0, MAX_REFERENCES)


@functools.cache
def body_parts(script: str, references: int) -> tuple[Strategy, Strategy, Strategy, Strategy]:
    """The lead paragraph, top-level blocks, sections and note text ``briefs`` draws, built once
    per script and number of references."""
    lead = st.builds(Paragraph, inlines(body_inline(script, references)), st.just(True))
    note_text = paragraphs(
        st.one_of(text(script), link(script), styled_phrase(script), citation(script))
    )
    return (
        st.lists(lead, max_size=1),
        st.lists(leaf_blocks(script, references), max_size=4),
        st.lists(sections(script, references, 3), max_size=2),
        note_text,
    )


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    """A valid brief with every kind of block and inline the profile allows."""
    script = draw(SCRIPT_NAMES)
    count = draw(REFERENCE_COUNT)
    references = tuple(
        Reference(f"ref{n}", n, _canonical_citation(draw(citation(script))))
        for n in range(1, count + 1)
    )
    lead, leaves, sections_, note_text = body_parts(script, count)
    blocks = draw(lead) + draw(leaves) + draw(sections_)
    template = Brief(draw(metadata(script)), tuple(blocks), (), references)
    # only the notes the body calls are drawn: the others would be dropped
    called = sorted({int(ref.note.id[2:]) for ref in find(template.body, FootnoteRef)})
    return resolve_calls(template, {k: draw(note_text) for k in called})


def write_figures(brief: Brief, folder: Path) -> None:
    """Write every figure's file where its ``href`` points, relative to ``folder``."""
    for figure in find(brief.body, Figure):
        path = folder / figure.image.href
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(figure.image.data)


@contextlib.contextmanager
def folder_with_figures(brief: Brief) -> Iterator[Path]:
    """A fresh folder holding the brief's figure files, removed afterwards (one per example:
    Hypothesis runs many examples in one test, so ``tmp_path`` cannot serve)."""
    with tempfile.TemporaryDirectory() as folder:
        write_figures(brief, Path(folder))
        yield Path(folder)


def _canonical_citation(value: Citation) -> Citation:
    (normal,) = canonical((value,))
    assert isinstance(normal, Citation)
    return normal


def resolve_calls(template: Brief, bodies: dict[int, tuple[Paragraph, ...]]) -> Brief:
    """Replace placeholder calls: notes numbered in order of first call, references by id."""
    order: dict[str, int] = {}
    for ref in find(template.body, FootnoteRef):
        order.setdefault(ref.note.id, len(order) + 1)
    notes = {ident: Footnote(ident, n, bodies[int(ident[2:])]) for ident, n in order.items()}
    cited = {reference.id: reference for reference in template.references}
    body = _replace_calls(template.body, notes, cited)
    return dataclasses.replace(template, body=body, footnotes=tuple(notes.values()))


def _replace_calls(node: Any, notes: dict[str, Footnote], cited: dict[str, Reference]) -> Any:
    """``node`` with its placeholder calls replaced; a part without calls is kept as it is."""
    if isinstance(node, tuple):
        items = tuple(_replace_calls(item, notes, cited) for item in node)
        return node if all(new is old for new, old in zip(items, node, strict=True)) else items
    if isinstance(node, FootnoteRef):
        return FootnoteRef(notes[node.note.id])
    if isinstance(node, CitationRef):
        return CitationRef(cited[node.reference.id])
    if dataclasses.is_dataclass(node) and not isinstance(node, (type, Image)):
        changes = {}
        for name in _field_names(type(node)):
            old = getattr(node, name)
            new = _replace_calls(old, notes, cited)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(node, **changes) if changes else node
    return node


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    if kind not in _FIELD_NAMES:
        _FIELD_NAMES[kind] = tuple(field.name for field in dataclasses.fields(kind))
    return _FIELD_NAMES[kind]
