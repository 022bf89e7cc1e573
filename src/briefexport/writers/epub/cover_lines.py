"""The words of the EPUB cover and how they are broken into lines.

The cover shows what the title page opens with: the series label, the title, the subtitle, the
authors (listed as the language lists names), the publisher and the long publication date.
Lines are broken between words, as evenly as the number of lines allows (no line of one word
under a long one); a word wider than the measure (a title in Chinese or Japanese, written
without spaces) between characters. What does not fit in the lines allowed ends with an
ellipsis.
"""

from __future__ import annotations

import weakref

from ...inlines import plain_text
from ...model import Brief
from ...model.record import Record, record
from ...shared.caches import STYLE_CACHES
from ...shared.i18n import is_rtl, join_list, long_date, primary_language
from .cover_fonts import Face, shapes_complex_text

ELLIPSIS = "\u2026"
WIDTHS_PER_FACE = 4096
"""The most text widths kept for one face; its widths are forgotten when there are more."""
Widths = dict[tuple[str, str | None, str | None], float]
# A face's widths live as long as the face: faces are kept per font file state and size
# (:mod:`.cover_fonts`), so the covers of a collection measure the words they share once.
FACE_WIDTHS: weakref.WeakKeyDictionary[Face, Widths] = weakref.WeakKeyDictionary()


@record
class CoverWords(Record):
    """The texts printed on the cover, and the direction they are set in."""

    series: str
    title: str
    subtitle: str
    authors: str
    publisher: str
    date: str
    language: str
    rtl: bool


def cover_words(brief: Brief) -> CoverWords:
    """The cover's texts, from the brief's front matter."""
    meta = brief.meta
    names = [person.name.display for person in meta.authors]
    return CoverWords(
        series=meta.series_label,
        title=" ".join(plain_text(meta.title).split()),
        subtitle=" ".join(plain_text(meta.subtitle).split()),
        authors=join_list(names, meta.language),
        publisher=meta.publisher,
        date=long_date(meta.date, meta.language),
        language=meta.language,
        rtl=is_rtl(meta.language),
    )


class Measure:
    """Text widths in one face, set in the brief's direction and language (raqm only)."""

    def __init__(self, face: Face, words: CoverWords) -> None:
        self.face = face
        raqm = shapes_complex_text()  # the basic layout takes neither
        self.direction = ("rtl" if words.rtl else "ltr") if raqm else None
        self.language = primary_language(words.language) if raqm else None
        self.widths = FACE_WIDTHS.setdefault(face, {})

    def extent(self, text: str) -> tuple[float, float]:
        """How far the ink of ``text`` reaches above and below its baseline."""
        box = self.face.getbbox(text, anchor="ls", direction=self.direction, language=self.language)
        return float(-box[1]), float(box[3])

    def width(self, text: str) -> float:
        """The advance of ``text``, laid out once per face, text, direction and language."""
        key = (text, self.direction, self.language)
        found = self.widths.get(key)
        if found is None:
            if len(self.widths) >= WIDTHS_PER_FACE:
                self.widths.clear()
            length = self.face.getlength(text, direction=self.direction, language=self.language)
            found = self.widths[key] = float(length)
        return found


def wrap(text: str, measure: Measure, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (a lone character may be wider). A
    line's width is taken as its words' and spaces' widths added up: each word is laid out
    once (what kerning or joining a space interrupts is not lost)."""
    lines: list[list[str]] = [[]]
    used, space = 0.0, measure.width(" ")
    for word in text.split():
        for piece in pieces(word, measure, width):
            advance = measure.width(piece)
            if lines[-1] and used + space + advance > width:
                lines.append([])
            used = used + space + advance if lines[-1] else advance
            lines[-1].append(piece)
    return [" ".join(line) for line in lines if line]


def balanced(text: str, measure: Measure, width: float) -> list[str]:
    """``text`` in as many lines as :func:`wrap` makes at ``width``, as even as they come: at
    the narrowest measure (to half a pixel) that still takes no more lines, and no narrower
    than its widest word, which stays whole. A title does not end with one word alone."""
    lines = wrap(text, measure, width)
    words = text.split()
    if len(lines) < 2 or len(words) < len(lines):
        return lines
    low = max(measure.width(word) for word in words)
    if low > width:  # a word cut between characters: the cuts stay where wrap puts them
        return lines
    high = width
    while high - low > 0.5:
        middle = (low + high) / 2
        if len(wrap(text, measure, middle)) > len(lines):
            low = middle
        else:
            high = middle
    return wrap(text, measure, high)


def pieces(word: str, measure: Measure, width: float) -> list[str]:
    """A word as it is, or cut between characters into parts no wider than ``width``."""
    if measure.width(word) <= width:
        return [word]
    parts, part = [], ""
    for char in word:
        if part and measure.width(part + char) > width:
            parts.append(part)
            part = char
        else:
            part += char
    return [*parts, part]


def cut(lines: list[str], most: int, measure: Measure, width: float) -> list[str]:
    """The first ``most`` lines, the last ending in an ellipsis when some were left out."""
    if len(lines) <= most:
        return lines
    kept = lines[: max(most, 1)]
    last = kept[-1]
    while last and measure.width(f"{last}{ELLIPSIS}") > width:
        last = last[:-1].rstrip()
    kept[-1] = f"{last}{ELLIPSIS}"
    return kept


STYLE_CACHES.append(FACE_WIDTHS.clear)
