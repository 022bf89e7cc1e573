"""Briefs built in code: a small one with every block kind, a long one with many notes, and a bare
one for single blocks (the smallest valid brief as JATS text is in ``small_brief``).

The prose is original or generated from a small word list, so no test depends on a real brief.
"""

from __future__ import annotations

import datetime as dt
import random

from briefexport.model import (
    Affiliation,
    Block,
    Brief,
    Cell,
    Citation,
    CitationField,
    CitationPart,
    CitedDate,
    Contributor,
    Figure,
    Footnote,
    FootnoteRef,
    Image,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    PersonName,
    PublicationType,
    Quote,
    Row,
    Section,
    Styled,
    Table,
    Text,
    TextStyle,
)

from .images import png

DOT = png(1, 1)

WORDS = tuple(
    """harbour coast policy budget council storm sensor record insurer quay crane tide authority
    shipping district network closure cost risk rule shared data river flood estuary channel
    pilot tug operator lender evidence review standard""".split()  # noqa: SIM905
)
LONG_URL = (
    "https://archive.example.org/reports/2026/a-very-long-path/that/must/wrap/inside/the/note"
)


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def note(number: int, text: str, url: str | None = None) -> Footnote:
    children: list[Inline] = [Text(f"Note {number} source: {text} ")]
    if url:
        children.append(Link(url, (Text(url),)))
    return Footnote(f"n{number}", number, (Paragraph(tuple(children)),))


def metadata(title: str = "Ports and tides", language: str = "en") -> Metadata:
    place = Affiliation("aff1", "Institute of Coastal Affairs", "Centre for Ports")
    author = Contributor(
        PersonName("Lindqvist", "Farah"), "Research Associate", None, None, (place,)
    )
    editor = Contributor(PersonName("Castellane", "Owen", "Dr"))
    return Metadata(
        language=language,
        series="Issue Brief",
        journal_id="icas-briefs",
        publisher="Institute of Coastal Affairs",
        title=(Text(title),),
        authors=(author,),
        date=dt.date(2026, 6, 14),
        editors=(editor,),
        affiliations=(place,),
        disclaimer=(Text("Views are the author's own."),),
        keywords=("ports", "climate adaptation"),
    )


def long_brief(pages: int = 40, notes: int = 80, seed: int = 7) -> Brief:
    """About ``pages`` A4 pages of text with ``notes`` notes of mixed length."""
    rng = random.Random(seed)
    footnotes = [
        note(
            n,
            " ".join(sentence(rng, rng.randint(6, 14)) for _ in range(rng.choice((1, 1, 2, 4)))),
            LONG_URL + f"/{n}" if n % 3 == 0 else None,
        )
        for n in range(1, notes + 1)
    ]
    paragraphs_per_page = 8
    total = pages * paragraphs_per_page
    calls = sorted(rng.sample(range(total), notes))
    sections: list[Block] = []
    body: list[Block] = []
    for index in range(total):
        children: list[Inline] = [
            Text(" ".join(sentence(rng, rng.randint(8, 16)) for _ in range(4)))
        ]
        for number, at in enumerate(calls, start=1):
            if at == index:
                children.append(Text(f" cue{number}x"))
                children.append(FootnoteRef(footnotes[number - 1]))
                children.append(Text(" " + sentence(rng, 9)))
        body.append(Paragraph(tuple(children), lead=index == 0))
        if index % 25 == 24:
            title = (
                Text(f"Part {len(sections) + 1}: {rng.choice(WORDS)} and {rng.choice(WORDS)}"),
            )
            sections.append(Section(f"s{len(sections) + 1}", title, tuple(body)))
            body = []
    if body:
        sections.append(Section(f"s{len(sections) + 1}", (Text("Closing part"),), tuple(body)))
    return Brief(metadata(), tuple(sections), tuple(footnotes))


def brief_with_blocks(blocks: tuple[Block, ...], notes: tuple[Footnote, ...] = ()) -> Brief:
    return Brief(metadata(), blocks, notes)


def figure(png: bytes) -> Figure:
    return Figure(
        "f1", "Figure 1", (Text("A small square"),), Image("sq.png", "A square", "image/png", png)
    )


def small_brief(
    body: tuple[Block, ...], language: str = "en", notes: tuple[Footnote, ...] = ()
) -> Brief:
    """A brief with the least metadata and no author, around the given blocks."""
    meta = Metadata(
        language=language,
        series="Test Series",
        journal_id="T",
        publisher="Test Institute",
        title=(Text("A small brief"),),
        authors=(),
        date=dt.date(2025, 3, 4),
    )
    return Brief(meta=meta, body=body, footnotes=notes)


def web_note(number: int, title: str, url: str) -> Footnote:
    citation = Citation(
        PublicationType.WEBPAGE,
        (
            CitationPart(CitationField.ARTICLE_TITLE, (Text(title),)),
            Text(", "),
            CitationPart(CitationField.SOURCE, (Text("Example Wire"),)),
            Text(", published on "),
            CitedDate("2025-03-02", "March 2, 2025"),
            Text(". "),
            Link(url, (Text(url),)),
        ),
    )
    return Footnote(f"n{number}", number, (Paragraph((citation,)),))


def sample_brief(language: str = "en") -> Brief:
    """A small brief with every block kind and a note called twice (hand-built, original text)."""
    first = web_note(1, "Harbour levies rise again", "https://example.org/news/levies")
    second = Footnote(
        "n2", 2, (Paragraph((Text("Second note."),)), Paragraph((Text("Its second paragraph."),)))
    )
    third = web_note(3, "Grain corridor reopens", "https://example.org/a/very/long/path/segment")
    aff = Affiliation("a1", "Institute of Tide Studies", "Centre for Coastal Policy")
    meta = Metadata(
        language=language,
        series="Issue Brief",
        journal_id="itsb",
        publisher="Institute of Tide Studies",
        title=(Text("Harbours and "), Styled(TextStyle.ITALIC, (Text("tides"),))),
        subtitle=(Text("What the levy debate misses"),),
        authors=(Contributor(PersonName("Rahim", "Sara"), "Research Fellow", affiliations=(aff,)),),
        editors=(Contributor(PersonName("Okafor", "Ada", prefix="Dr")),),
        date=dt.date(2025, 3, 14),
        disclaimer=(Text("Views are the author's own."),),
        keywords=("ports", "levies"),
    )
    body = (
        Paragraph((Text("Harbour levies went up"), FootnoteRef(first), Text(".")), lead=True),
        Paragraph((Text("Plain paragraph with a second note"), FootnoteRef(second), Text("."))),
        Section(
            "s1",
            (Text("Background"),),
            (
                ListBlock(False, (ListItem((Paragraph((Text("one"),)),)),)),
                ListBlock(True, (ListItem((Paragraph((Text("first"), FootnoteRef(first))),)),)),
                Section(None, (Text("Detail"),), (Paragraph((Text("Deeper."),)),)),
            ),
        ),
        Quote((Paragraph((Text("A quoted line."),)),), (Text("A harbour master"),)),
        Table(
            "t1",
            "Table 1",
            (Text("Levies by port"),),
            (Row((Cell((Text("Port"),), header=True), Cell((Text("Levy"),), header=True))),),
            (Row((Cell((Text("North"),), header=True), Cell((Text("4%"), FootnoteRef(third))))),),
        ),
        Figure("f1", "Figure 1", (Text("A dot."),), Image("dot.png", "One dot", "image/png", DOT)),
    )
    return Brief(meta, body, (first, second, third))
