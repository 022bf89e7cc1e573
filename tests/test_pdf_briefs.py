"""Briefs built in code for the PDF tests: a long brief with many notes, hostile ones, ...

The prose is generated from a small word list, so no test depends on any real brief's text.
"""

from __future__ import annotations

import datetime as dt
import random

from briefexport.model import (
    Affiliation,
    Block,
    Brief,
    Contributor,
    Figure,
    Footnote,
    FootnoteRef,
    Image,
    Inline,
    Link,
    Metadata,
    Paragraph,
    PersonName,
    Section,
    Text,
)

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


def test_long_brief_numbers_notes_in_call_order() -> None:
    brief = long_brief(pages=4, notes=8)
    numbers = [note.number for note in brief.footnotes]
    assert numbers == list(range(1, 9))
