"""Seeded random briefs for the robustness run: ``generated_brief(seed, index)``.

Brief ``index`` of run ``seed`` is drawn from its own ``random.Random``, so any one brief can be
made again without the ones before it (the robustness command's ``--only INDEX``). A plain
generator rather than Hypothesis: the command runs outside pytest and must name each brief by a
number. The Hypothesis strategies (``strategies``) stay for the property tests, which shrink.

A brief is in the model's normal form (what the reader gives for its own JATS output): nested
sections, lists, quotes, tables with header rows and cells spanning rows and columns, figures with
file names that need escaping, notes called once or several times with one or more paragraphs,
references and citations, and full front matter, in one of twelve scripts (``random_text``).
Footnote and citation calls are placeholders numbered afterwards by ``strategies.resolve_calls``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from briefexport.inlines import canonical
from briefexport.model import (
    Block,
    Brief,
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    CitedDate,
    Figure,
    Footnote,
    FootnoteRef,
    Image,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    PublicationType,
    Quote,
    Reference,
    Section,
    Styled,
    Text,
    TextStyle,
)

from .random_front import metadata
from .random_tables import table
from .random_text import SCRIPTS, Script, title_words, url, word, words
from .strategies import PNGS, resolve_calls

# Text that Markdown, HTML or XML would read as markup if a writer forgot to escape it.
MARKUP = ("a_b_c", "*not bold*", "[x]", "`tick`", "<b>", "&amp;", "\\", "#", "|", "{.lead}", "1.")
FIGURE_NAMES = ("fig-{}.png", "carte été {}.png", "p%20{}.png", "chart_[{}].png", "图{}.png")
PENDING = Citation(PublicationType.WEBPAGE, ())


@dataclasses.dataclass
class Draw:
    """What one brief is drawn from: its random source, script and how many notes and references
    a call may point at."""

    rng: random.Random
    script: Script
    notes: int
    references: int

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability


# ------------------------------------------------------------------ inlines


def plain(draw: Draw) -> Text:
    text = words(draw.rng, draw.script)
    if draw.chance(0.15):
        text += f" {draw.rng.choice(MARKUP)} {word(draw.rng, draw.script)}"
    return Text(f"{text}{draw.rng.choice(('', ' ', ' ', ', ', '. ', ' — '))}")


def styled(draw: Draw, depth: int, calls: bool) -> Styled:
    style = draw.rng.choice(list(TextStyle))
    return Styled(style, run(draw, depth - 1, calls=calls, links=False, most=2))


def link(draw: Draw, depth: int) -> Link:
    target = url(draw.rng)
    if draw.chance(0.4):
        return Link(target, (Text(target),))  # a bare URL: long, breaks lines, repeats itself
    return Link(target, run(draw, depth - 1, calls=False, links=False, most=2))


def call(draw: Draw) -> Inline:
    if draw.references and draw.chance(0.3):
        k = draw.rng.randint(1, draw.references)
        return CitationRef(Reference(f"ref{k}", k, PENDING))
    return FootnoteRef(Footnote(f"fn{draw.rng.randint(1, draw.notes)}", 0, ()))


def run(
    draw: Draw, depth: int, *, calls: bool, links: bool = True, most: int = 4
) -> tuple[Inline, ...]:
    """Up to ``most`` inlines in normal form: text, formatting, links and (if ``calls``) note
    and citation calls, nested up to ``depth`` levels."""
    items: list[Inline] = [plain(draw)]
    for _ in range(draw.rng.randint(0, most - 1)):
        roll = draw.rng.random()
        if roll < 0.25 and depth > 0:
            items.append(styled(draw, depth, calls))
        elif roll < 0.45 and links and depth > 0:
            items.append(link(draw, depth))
        elif roll < 0.65 and calls and draw.notes:
            items.append(call(draw))
        else:
            items.append(plain(draw))
    return canonical(items)


def paragraph(draw: Draw, calls: bool = True) -> Paragraph:
    return Paragraph(run(draw, 3, calls=calls, most=6))


def paragraphs(draw: Draw, most: int, calls: bool = True) -> tuple[Paragraph, ...]:
    return tuple(paragraph(draw, calls) for _ in range(draw.rng.randint(1, most)))


# ------------------------------------------------------------------ blocks


def figure(draw: Draw) -> Figure:
    k = draw.rng.randrange(len(PNGS))
    name = draw.rng.choice(FIGURE_NAMES).format(k)
    alt = words(draw.rng, draw.script) + (f" {draw.rng.choice(MARKUP)}" if draw.chance(0.3) else "")
    image = Image(f"figures/{name}", alt, "image/png", PNGS[k])
    label = f"Figure {k + 1}" if draw.chance(0.7) else None
    return Figure(None, label, run(draw, 2, calls=False), image)


def leaf(draw: Draw) -> Block:
    kind = draw.rng.choice(("paragraph", "paragraph", "list", "quote", "table", "figure"))
    if kind == "list":
        items = tuple(ListItem(paragraphs(draw, 2)) for _ in range(draw.rng.randint(1, 4)))
        return ListBlock(draw.chance(0.5), items)
    if kind == "quote":
        attribution = run(draw, 1, calls=False) if draw.chance(0.5) else ()
        return Quote(paragraphs(draw, 2), attribution)
    if kind == "table":
        return table(draw.rng, lambda: run(draw, 2, calls=False))
    if kind == "figure":
        return figure(draw)
    return paragraph(draw)


def section(draw: Draw, depth: int) -> Section:
    """A section with a few blocks, then (above the third level) up to two subsections."""
    blocks = [leaf(draw) for _ in range(draw.rng.randint(0 if depth > 1 else 1, 3))]
    if depth > 1:
        blocks += [section(draw, depth - 1) for _ in range(draw.rng.randint(0, 2))]
    if not blocks:
        blocks.append(paragraph(draw))
    title = canonical(
        (
            Text(title_words(draw.rng, draw.script) + " "),
            *run(draw, 1, calls=False, links=False, most=2),
        )
    )
    return Section(None, title, tuple(blocks))


# ------------------------------------------------------------------ references and the brief


def citation(draw: Draw) -> Citation:
    rng = draw.rng
    name = CitationPart(CitationField.STRING_NAME, (Text(words(rng, draw.script, 1, 2)),))
    group = CitationPart(
        CitationField.PERSON_GROUP,
        (
            name,
            Text(", "),
            CitationPart(CitationField.COLLAB, (Text(words(rng, draw.script, 1, 3)),)),
        ),
    )
    title = CitationPart(
        rng.choice((CitationField.ARTICLE_TITLE, CitationField.SOURCE)),
        (Text(words(rng, draw.script)),),
    )
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
    when = CitedDate(day.isoformat()[: rng.choice((4, 7, 10))], f"on {day.isoformat()}")
    parts: list[Inline] = [group, Text(". "), title, Text(", "), when, Text(". ")]
    if draw.chance(0.6):
        parts.append(link(draw, 1))
    (normal,) = canonical((Citation(rng.choice(list(PublicationType)), tuple(parts)),))
    assert isinstance(normal, Citation)
    return normal


def note_bodies(draw: Draw) -> dict[int, tuple[Paragraph, ...]]:
    """Every placeholder note's paragraphs: text, links, formatting, sometimes a citation."""
    bodies = {}
    for k in range(1, draw.notes + 1):
        body = list(paragraphs(draw, 3, calls=False))
        if draw.chance(0.3):
            body[0] = Paragraph(canonical((*body[0].children, Text(" "), citation(draw))))
        bodies[k] = tuple(body)
    return bodies


def generated_brief(seed: int, index: int) -> Brief:
    """Brief ``index`` of the run ``seed``: the same numbers always give the same brief."""
    rng = random.Random(f"briefexport-robustness:{seed}:{index}")
    script = SCRIPTS[index % len(SCRIPTS)] if rng.random() < 0.5 else rng.choice(SCRIPTS)
    draw = Draw(rng, script, rng.randint(0, 6), rng.randint(0, 3))
    references = tuple(
        Reference(f"ref{n}", n, citation(draw)) for n in range(1, draw.references + 1)
    )
    body: list[Block] = (
        [Paragraph(run(draw, 3, calls=True, most=6), lead=True)] if rng.random() < 0.7 else []
    )
    body += [leaf(draw) for _ in range(rng.randint(0, 4))]
    body += [section(draw, 3) for _ in range(rng.randint(0 if body else 1, 3))]
    template = Brief(
        metadata(rng, script, lambda links: run(draw, 2, calls=False, links=links)),
        tuple(body),
        (),
        references,
    )
    return resolve_calls(template, note_bodies(draw))


def script_of(seed: int, index: int) -> str:
    """The name of the script brief ``index`` of run ``seed`` is written in (for reports)."""
    rng = random.Random(f"briefexport-robustness:{seed}:{index}")
    return (SCRIPTS[index % len(SCRIPTS)] if rng.random() < 0.5 else rng.choice(SCRIPTS)).name
