"""The state of one pass over a brief, and the layout decisions the placement check feeds back.

A pass numbers the paragraphs that call a note, so that the placement check can ask in the next
pass for one of them to break lines without regard to widows and orphans
(:attr:`Layout.loose`), or to stay on one page (:attr:`Layout.unbreakable`), or for a note to
be printed with the endnotes (:attr:`Layout.endnotes`), or for the page a paragraph starts on to
end some lines early so that no line of it stands alone on a page (:attr:`Layout.shortened`).
It also numbers the paragraph that ends the text just before the colophon, which the next pass
can keep with it (:attr:`Layout.with_colophon`).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ...model import Brief, Footnote, Image
from ...shared import i18n
from ...shared.bidi import Direction, paragraph_direction
from ...shared.brand import Brand
from ...shared.i18n import is_rtl
from ..print_resolution import PixelSizes
from .runs import Spans


class Layout(NamedTuple):
    """What earlier passes decided: paragraphs broken freely or kept whole, notes moved to the
    endnotes, the closing paragraph (or the reference list's last entry, numbered after the
    paragraphs) kept with the colophon (0: none), pages shortened."""

    loose: frozenset[int] = frozenset()
    unbreakable: frozenset[int] = frozenset()
    endnotes: frozenset[int] = frozenset()
    with_colophon: int = 0
    shortened: tuple[tuple[int, int], ...] = ()  # (paragraph, lines of its first page given up)


class RenderContext:
    """Everything the block and inline renderers share during one pass.

    A plain class rather than a dataclass: nothing compares or prints it, and the methods a
    dataclass writes are compiled at import, in every cold start.
    """

    def __init__(
        self,
        brief: Brief,
        style_dir: Path,
        layout: Layout | None = None,
        brand: Brand | None = None,
        pixel_sizes: PixelSizes | None = None,
    ) -> None:
        self.brief, self.style_dir = brief, style_dir
        self.pixel_sizes: PixelSizes = {} if pixel_sizes is None else pixel_sizes
        self.layout = Layout() if layout is None else layout
        self.brand = Brand() if brand is None else brand
        self.calls: dict[int, int] = {}  # note number -> calls written so far
        self.in_note = False
        self.paragraph = 0
        self.calling_paragraph: dict[int, int] = {}
        self.images: dict[str, Image] = {}
        self.closing_paragraph = 0
        # while a text is written: each text node's parts of overlong runs, by its id
        self.run_spans: dict[int, Spans] | None = None
        # the direction of the text being written: the brief's, or an isolated stretch's
        self.direction: Direction = self.brief_direction

    @property
    def rtl(self) -> bool:
        return is_rtl(self.brief.meta.language)

    @property
    def language(self) -> str:
        return self.brief.meta.language

    @property
    def brief_direction(self) -> Direction:
        return "rtl" if self.rtl else "ltr"

    def note_direction(self, note: Footnote) -> Direction:
        """A note's direction: the brief's, unless its text has letters of the other only (an
        English note in an Urdu brief)."""
        inlines = tuple(inline for paragraph in note.paragraphs for inline in paragraph.children)
        return paragraph_direction(inlines, self.brief_direction)

    def turned_notes(self) -> list[Footnote]:
        """The notes set in the other direction from the brief's."""
        return [n for n in self.brief.footnotes if self.note_direction(n) != self.brief_direction]

    def label(self, key: str) -> str:
        """A word printed around the brief's text ("By", "Notes"), in the brief's language."""
        return i18n.label(self.brief.meta.language, key, self.style_dir)

    def next_paragraph(self) -> int:
        """Number the paragraph about to be written (1, 2, ...)."""
        self.paragraph += 1
        return self.paragraph

    def count_call(self, note: Footnote) -> int:
        """Record one more call of ``note``; returns its ordinal (1 for the first call)."""
        self.calls[note.number] = self.calls.get(note.number, 0) + 1
        if self.calls[note.number] == 1:
            self.calling_paragraph[note.number] = self.paragraph
        return self.calls[note.number]

    def calls_notes(self, paragraph: int) -> bool:
        """Whether ``paragraph`` holds the first call of a note."""
        return paragraph in self.calling_paragraph.values()

    def is_endnote(self, note: Footnote) -> bool:
        return note.number in self.layout.endnotes

    def image_path(self, image: Image) -> str:
        """The private file name a figure gets in the compile folder (never the brief's own)."""
        suffix = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif"}
        name = f"figures/{len(self.images) + 1}.{suffix.get(image.media_type, 'webp')}"
        self.images[name] = image
        return name

    def uncalled_notes(self) -> list[Footnote]:
        """Notes no call has placed (the reader warns about them)."""
        return [note for note in self.brief.footnotes if note.number not in self.calls]


def note_label(note: Footnote) -> str:
    """The label of a note printed at the foot of a page."""
    return f"fn-{note.number}"


def endnote_label(note: Footnote) -> str:
    """The label of a note printed with the endnotes."""
    return f"en-{note.number}"
