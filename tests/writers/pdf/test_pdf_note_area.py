"""Each page's notes laid out once (writers/pdf/note_area.py): its guard, its saving, same pages."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
import weasyprint
from weasyprint.layout import LayoutContext, block

from briefexport.options import default_options
from briefexport.writers import pdf
from briefexport.writers.pdf import note_area, pinned
from support.briefs import long_brief
from support.pinned import needs_reviewed


def reviewed_layout() -> Any:
    current = block.block_level_layout
    return getattr(current, "__wrapped__", current)


@needs_reviewed
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    assert pinned.is_reviewed(
        reviewed_layout(), note_area.BLOCK_LAYOUT_SHA256, weasyprint.__version__
    )
    assert pinned.is_reviewed(
        LayoutContext._update_footnote_area, note_area.UPDATE_AREA_SHA256, weasyprint.__version__
    )
    assert note_area.install()
    assert block.block_level_layout.__wrapped__ is reviewed_layout()


def test_another_version_or_a_changed_function_is_refused() -> None:
    assert not pinned.is_reviewed(reviewed_layout(), note_area.BLOCK_LAYOUT_SHA256, "71.0")

    def block_level_layout(context: Any, box: Any) -> None:
        return None

    assert not pinned.is_reviewed(
        block_level_layout, note_area.BLOCK_LAYOUT_SHA256, pinned.SUPPORTED_VERSION
    )
    wrapped = note_area._remembering(reviewed_layout())
    assert not pinned.is_reviewed(wrapped, note_area.BLOCK_LAYOUT_SHA256, pinned.SUPPORTED_VERSION)


def counted_note_layouts(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Install a wrapper whose WeasyPrint layouts of a note are counted by note id."""
    laid_out: Counter[str] = Counter()
    original = reviewed_layout()

    def counting(context: Any, box: Any, *arguments: Any) -> Any:
        if type(arguments[2]).__name__ == "FootnoteAreaBox" and box.element is not None:
            laid_out[box.element.get("id")] += 1
        return original(context, box, *arguments)

    monkeypatch.setattr(block, "block_level_layout", note_area._remembering(counting))
    return laid_out


def write_brief(
    monkeypatch: pytest.MonkeyPatch, pages: int, notes: int, *, remember: bool
) -> tuple[bytes, Counter[str]]:
    laid_out = counted_note_layouts(monkeypatch)
    if not remember:
        monkeypatch.setattr(note_area, "install", lambda: False)
    brief = long_brief(pages=pages, notes=notes)
    written = pdf.write(brief, default_options(brief))
    monkeypatch.undo()
    return written, laid_out


@needs_reviewed
@pytest.mark.parametrize(
    ("pages", "notes"),
    # three pages already have a note tried on two of them; six are two layouts more of the
    # same, in the slow suite
    [(3, 6), pytest.param(6, 12, marks=pytest.mark.slow)],
)
def test_notes_are_laid_out_once_and_the_pdf_is_the_same(
    monkeypatch: pytest.MonkeyPatch, pages: int, notes: int
) -> None:
    assert note_area.install()
    remembered, once = write_brief(monkeypatch, pages, notes, remember=True)
    plain, every_time = write_brief(monkeypatch, pages, notes, remember=False)
    assert remembered == plain
    assert set(once) == set(every_time)
    assert len(once) == notes
    # Without the memory a page's first note is laid out at least three times (alone, beside
    # the next note, in the final area); with it, once for each page it is tried on.
    assert sum(every_time.values()) >= 2 * sum(once.values())
    assert max(once.values()) <= 2


def test_inactive_outside_the_block_and_when_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    wrapper = note_area._remembering(lambda context, box, *arguments: calls.append(box))
    wrapper(object(), "outside", *[None] * note_area.ALL_ARGUMENTS)
    monkeypatch.setattr(note_area, "install", lambda: False)
    with note_area.remembering_note_layouts() as active:
        assert not active
        wrapper(object(), "refused", *[None] * note_area.ALL_ARGUMENTS)
    assert calls == ["outside", "refused"]
