"""The state one rendering pass carries: note placement, call counts and pending notes."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ...model import Brief, Footnote, Image
from ...shared import i18n
from ...shared.bidi import Direction
from ...shared.brand import Brand

GENERATED_ID = re.compile(
    r"^(fn-|fnref-|ref-|section-|brief-|(toc|landmarks|references|endnotes)$|\w+-title$)"
)


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
    brand: Brand = field(default_factory=Brand)
    direction: Direction = "ltr"
    calls: dict[int, int] = field(default_factory=dict)
    pending: list[Footnote] = field(default_factory=list)
    in_note: bool = False
    sections_seen: int = 0

    @property
    def language(self) -> str:
        return self.brief.meta.language

    @property
    def document_direction(self) -> Direction:
        """The brief's own direction, from its language."""
        return "rtl" if i18n.is_rtl(self.language) else "ltr"

    def label(self, key: str) -> str:
        """A word printed around the brief's text ("By", "Notes"), in the brief's language."""
        return i18n.label(self.language, key, self.style_dir)

    @contextmanager
    def directed(self, direction: Direction) -> Iterator[None]:
        """Render in ``direction`` (inside an isolated run or a note in the other direction)."""
        outer, self.direction = self.direction, direction
        try:
            yield
        finally:
            self.direction = outer

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

    def section_id(self, brief_id: str | None) -> str:
        """The brief's own id for a section, or a generated one."""
        return source_id(brief_id) if brief_id else self.next_section_id()


def source_id(brief_id: str) -> str:
    """A brief's own id, moved out of the way of the ids the renderer makes up."""
    return f"brief-{brief_id}" if GENERATED_ID.match(brief_id) else brief_id
