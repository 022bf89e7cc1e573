"""The state one rendering pass carries: note placement, call counts and pending notes."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ... import i18n
from ...model import Brief, Footnote, Image


class NotePlacement(enum.Enum):
    """Where a footnote's text goes; each output format picks one."""

    PAGE_FLOAT = "page-float"  # PDF: note body at the call, floated to the page foot by CSS GCPM
    AFTER_BLOCK = "after-block"  # EPUB: <aside epub:type="footnote"> after the calling block
    END = "end"  # HTML: one closing list of notes with back-links to every call


@dataclass
class RenderContext:
    """Everything the block and inline renderers share during one pass over a brief."""

    brief: Brief
    placement: NotePlacement
    image_src: Callable[[Image], str]
    style_dir: Path | None = None
    calls: dict[int, int] = field(default_factory=dict)
    pending: list[Footnote] = field(default_factory=list)
    in_note: bool = False
    sections_seen: int = 0

    @property
    def language(self) -> str:
        return self.brief.meta.language

    def label(self, key: str) -> str:
        """A word printed around the brief's text ("By", "Notes"), in the brief's language."""
        return i18n.label(self.language, key, self.style_dir)

    def count_call(self, note: Footnote) -> int:
        """Record one more call of ``note``; returns its ordinal (1 for the first call)."""
        self.calls[note.number] = self.calls.get(note.number, 0) + 1
        return self.calls[note.number]

    def uncalled_notes(self) -> list[Footnote]:
        """Notes no call has placed yet (the reader warns about them)."""
        return [note for note in self.brief.footnotes if note.number not in self.calls]

    def next_section_id(self) -> str:
        self.sections_seen += 1
        return f"section-{self.sections_seen}"


def note_id(note: Footnote) -> str:
    """The id of a note's text in every placement."""
    return f"fn-{note.number}"


def call_id(note: Footnote, ordinal: int) -> str:
    """The id of the ``ordinal``-th call (1-based) of ``note``."""
    return f"fnref-{note.number}-{ordinal}"
