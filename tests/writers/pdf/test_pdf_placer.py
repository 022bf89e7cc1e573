"""The check after layout: what it decides from each layout, on layouts made up for the test."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from lxml import etree

from briefexport.model import Footnote, SourcePosition
from briefexport.shared.located import POSITION_KEY
from briefexport.writers.pdf import footnotes
from briefexport.writers.pdf.layout import CallLine, Layout

XHTML = "http://www.w3.org/1999/xhtml"


def tree_with_notes(count: int) -> etree._Element:
    root = etree.Element(f"{{{XHTML}}}html")
    body = etree.SubElement(root, f"{{{XHTML}}}body")
    for number in range(1, count + 1):
        paragraph = etree.SubElement(body, f"{{{XHTML}}}p")
        note = etree.SubElement(paragraph, f"{{{XHTML}}}span", {"id": f"fn-{number}"})
        note.set("class", "footnote")
    return root


def layout(notes: dict[str, tuple[int, int]], heights: dict[str, float] | None = None) -> Layout:
    """Notes by id, each as (page of the call, page of the note)."""
    made = Layout(body_height=700.0)
    for key, (call_page, note_page) in notes.items():
        made.calls[key] = CallLine(call_page, object(), 0)
        made.notes[key] = note_page
        made.note_heights[key] = (heights or {}).get(key, 20.0)
    return made


class Run:
    """Feeds the placer one made-up layout per rendering and records what it does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, layouts: list[Layout]) -> None:
        self.layouts = layouts
        self.renders = 0
        self.endnotes: list[str] = []
        monkeypatch.setattr(footnotes, "read_layout", lambda document: document)

    def render(self, tree: Any) -> Any:
        self.renders += 1
        return self.layouts[min(self.renders, len(self.layouts)) - 1]

    def make_endnote(self, note: etree._Element) -> None:
        self.endnotes.append(note.get("id", ""))
        note.getparent().remove(note)  # type: ignore[union-attr]


def test_one_layout_when_every_note_is_on_its_page(monkeypatch: pytest.MonkeyPatch) -> None:
    run = Run(monkeypatch, [layout({"fn-1": (1, 1), "fn-2": (2, 2)})])
    placer = footnotes.FootnotePlacer(tree_with_notes(2), run.render, run.make_endnote)
    placer.kept_in_layout = True
    placer.place()
    assert run.renders == 1
    assert run.endnotes == []


def test_notes_that_cannot_fit_become_endnotes_together(monkeypatch: pytest.MonkeyPatch) -> None:
    first = layout({"fn-1": (1, 2), "fn-2": (2, 2), "fn-3": (3, 4)})
    second = layout({"fn-2": (2, 2)})
    run = Run(monkeypatch, [first, second])
    placer = footnotes.FootnotePlacer(
        tree_with_notes(3), run.render, run.make_endnote, kept_in_layout=True
    )
    placer.place()
    assert run.endnotes == ["fn-1", "fn-3"], "both decided from the first layout"
    assert run.renders == 2


def test_tall_notes_leave_before_strays_are_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    first = layout({"fn-1": (1, 1), "fn-2": (1, 2)}, heights={"fn-1": 400.0})
    second = layout({"fn-2": (1, 1)})
    run = Run(monkeypatch, [first, second])
    placer = footnotes.FootnotePlacer(
        tree_with_notes(2), run.render, run.make_endnote, kept_in_layout=True
    )
    placer.place()
    assert run.endnotes == ["fn-1"]
    assert run.renders == 2


def test_notes_still_away_from_their_call_are_each_named_at_their_place(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # a layout that never settles: each one strands a different note
    monkeypatch.setattr(footnotes, "MAX_PASSES", 2)
    stranded = [layout({f"fn-{n}": (n, n + 1)}) for n in range(1, 5)]
    run = Run(monkeypatch, stranded)
    notes = {  # the ids the brief gave its notes, and where they are in it
        f"fn-{n}": Footnote(f"note{n}", n, (), source=SourcePosition(10 * n, 3))
        for n in range(1, 5)
    }
    placer = footnotes.FootnotePlacer(
        tree_with_notes(4), run.render, run.make_endnote, kept_in_layout=True, notes=notes
    )
    with caplog.at_level(logging.WARNING):
        placer.place()
    assert run.endnotes == ["fn-1", "fn-2", "fn-3"]
    moved = [r.getMessage() for r in caplog.records if "as an endnote" in r.getMessage()]
    assert moved[0].startswith("PDF: footnote 'note1' printed as an endnote because ")
    (record,) = [r for r in caplog.records if "not on the page of its call" in r.getMessage()]
    assert record.getMessage() == "PDF: footnote 'note4' is not on the page of its call"
    assert getattr(record, POSITION_KEY) == SourcePosition(40, 3)
