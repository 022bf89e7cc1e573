"""Correcting stray notes: the decisions, the endnote fallback, and a long brief end to end."""

from __future__ import annotations

import logging
import random
from pathlib import Path

import pytest

from briefexport.model import (
    Brief,
    Footnote,
    FootnoteRef,
    Inline,
    Paragraph,
    Section,
    SourcePosition,
    Text,
)
from briefexport.shared.located import POSITION_KEY
from briefexport.writers.typst import typeset
from briefexport.writers.typst.compile import NotePage
from briefexport.writers.typst.context import Layout, RenderContext
from briefexport.writers.typst.placement import corrected, strays
from support.pdf import page_texts, pdf_text
from support.typst import flat, metadata, plain_note, typst_options

WORDS = [
    "harbour",
    "coast",
    "policy",
    "budget",
    "council",
    "storm",
    "sensor",
    "record",
    "quay",
    "crane",
    "tide",
    "river",
]


def test_strays_are_the_notes_away_from_their_calls() -> None:
    pages = [
        NotePage("fn-1", 1, 1),
        NotePage("fn-2", 3, 2),  # Typst bug #5314: a note before its call
        NotePage("fn-3", 3, 4),
        NotePage("fn-4", 5, 5),
    ]
    assert strays(pages) == [2, 3]
    assert strays(pages[:1]) == []


def context_calling(brief: Brief, paragraphs: dict[int, int]) -> RenderContext:
    ctx = RenderContext(brief, Path("."))
    ctx.calling_paragraph.update(paragraphs)
    return ctx


def test_a_stray_is_corrected_in_steps_the_last_an_endnote(
    caplog: pytest.LogCaptureFixture,
) -> None:
    paragraphs = (Paragraph((Text("A note."),)),)
    notes = tuple(Footnote(f"n{n}", n, paragraphs, SourcePosition(20 + n, 5)) for n in (1, 2))
    brief = Brief(metadata(), (), footnotes=notes)
    ctx = context_calling(brief, {1: 4, 2: 0})
    first = corrected(Layout(), [1], ctx)
    assert first == Layout(loose=frozenset({4}))
    second = corrected(first, [1], ctx)
    assert second == Layout(loose=frozenset({4}), unbreakable=frozenset({4}))
    with caplog.at_level(logging.WARNING):
        third = corrected(second, [1, 2], ctx)
    assert third.endnotes == {1, 2}  # 2 is called from the front matter: no paragraph
    assert "footnote 'n1' printed as an endnote" in caplog.text  # the brief's id for the note
    places = [getattr(record, POSITION_KEY) for record in caplog.records]
    assert places == [SourcePosition(21, 5), SourcePosition(22, 5)]  # each at its note


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, k=words)).capitalize() + "."


def brief_with_notes(paragraphs: int, notes: int, seed: int = 7) -> Brief:
    """Paragraphs of four sentences; notes of one to four sentences called at random places."""
    rng = random.Random(seed)
    texts = [
        " ".join(sentence(rng, rng.randint(6, 14)) for _ in range(rng.choice((1, 1, 2, 4))))
        for _ in range(notes)
    ]
    footnotes = [plain_note(n, f"Note {n}: {text}") for n, text in enumerate(texts, start=1)]
    calls = sorted(rng.sample(range(paragraphs), notes))
    body = []
    for index in range(paragraphs):
        children: list[Inline] = [
            Text(" ".join(sentence(rng, rng.randint(8, 16)) for _ in range(4)))
        ]
        for number, at in enumerate(calls, start=1):
            if at == index:
                children += [Text(f" cue{number}"), FootnoteRef(footnotes[number - 1])]
                children.append(Text(" " + sentence(rng, 9)))
        body.append(Paragraph(tuple(children)))
    return Brief(metadata(), (Section("s1", (Text("Part one"),), tuple(body)),), tuple(footnotes))


def test_an_endnote_keeps_every_number_and_its_calls_link_to_it() -> None:
    brief = brief_with_notes(4, 4)
    result = typeset(brief, typst_options(brief), Layout(endnotes=frozenset({2})))
    assert [note.label for note in result.notes] == ["fn-1", "fn-3", "fn-4"]
    text = flat(pdf_text(result.pdf))
    assert "cue22" in text  # the call still prints its number
    assert "Notes2.Note2:" in text  # the closing "Notes" section holds it
    assert "3.Note3:" in text
    assert "4.Note4:" in text


def test_a_later_call_prints_its_notes_number_after_an_endnote() -> None:
    notes = [plain_note(number, f"Note {number} text.") for number in (1, 2, 3)]
    cues = [(Text(" and cue"), FootnoteRef(note)) for note in notes[1:]]
    first = Paragraph((Text("First cue"), FootnoteRef(notes[0]), *cues[0], *cues[1], Text(" end.")))
    again = Paragraph(
        (Text("Again cue"), FootnoteRef(notes[2]), Text(" and back"), FootnoteRef(notes[0]))
    )
    body = (Section("s1", (Text("Part"),), (first, again)),)
    brief = Brief(metadata(), body, tuple(notes))
    result = typeset(brief, typst_options(brief), Layout(endnotes=frozenset({2})))
    text = flat(pdf_text(result.pdf))
    # the model's numbers, not Typst's count of page notes (note 3 is the second of them)
    assert "Firstcue1andcue2andcue3end.Againcue3andback1" in text
    assert "1.Note1text.3.Note3text." in text


@pytest.mark.slow
def test_a_long_brief_has_every_note_on_its_calls_page(tmp_path: Path) -> None:
    brief = brief_with_notes(320, 80, seed=1)
    result = typeset(brief, typst_options(brief))
    # Typst 0.15 strands some notes of this brief (typst/typst#5314); the first step fixes them
    # (which briefs it strands moves with the house layout: seed 7 no longer does)
    assert result.layout.loose, "no stray to correct: has Typst fixed #5314?"
    assert not result.layout.endnotes
    pages = [flat(text) for text in page_texts(result.pdf)]
    for note in result.notes:
        number = int(note.label.removeprefix("fn-"))
        assert note.page == note.call_page
        holding = [page + 1 for page, text in enumerate(pages) if f"{number}.Note{number}:" in text]
        assert holding == [note.call_page], number
