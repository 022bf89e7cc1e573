"""How evenly a PDF's justified text is spaced, read back with ``pdftotext -bbox-layout``.

Engine-neutral (WeasyPrint and Typst PDFs are read alike): each line is the words poppler finds
on it with their boxes. Body lines are those as tall as the most common line height (within
half a point) with at least five words; notes, headings and captions are left out. A line's gap
is the median space between its words, so one wide gap after a list bullet or one closed up by
a note call does not count; a justified line's spaces are all stretched alike. Measures:

* loose lines: body lines whose gap is over ``LOOSE_GAP`` (5 pt; a normal space of the house
  body size is about 2.7 pt), and the worst gap;
* hyphenated lines: lines of the body size ending in a letter and a hyphen (U+002D or U+2010) whose next
  line starts with a lower-case letter; the longest run of them in a row, in reading order,
  also across a page; and those that end a page, the word carried over;
* overfull lines: body lines reaching more than ``OVERFULL`` (3 pt) past the body's right edge
  (the most common line end; Typst hangs a final hyphen or comma a little into the margin);
* stacked gaps: three or more body lines in a row with overlapping gaps of at least
  ``RIVER_GAP`` (4 pt), the start of a river;
* cut-short lines: lines of the body size ending more than a third of the measure before the
  right edge although the paragraph goes on right under them (the next line, at one line's
  distance, starts in lower case): a break a justified paragraph should never make.
"""

from __future__ import annotations

import itertools
import re
import statistics
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

LOOSE_GAP = 5.0
RIVER_GAP = 4.0
OVERFULL = 3.0
MIN_WORDS = 5
HYPHENATED = re.compile(r"\w[-\u2010]$")
LINE = re.compile(
    r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S
)
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)


@dataclass(frozen=True)
class Line:
    """One line of text on a page: its words (text, left, right) and its box."""

    page: int
    top: float
    height: float
    right: float
    words: tuple[tuple[str, float, float], ...]

    @property
    def text(self) -> str:
        return " ".join(word for word, _, _ in self.words)

    def gaps(self) -> list[tuple[float, float]]:
        """The spaces between the words, as (left, right)."""
        pairs = zip(self.words, self.words[1:], strict=False)
        return [(before[2], after[1]) for before, after in pairs]

    @property
    def gap(self) -> float:
        return statistics.median(right - left for left, right in self.gaps())


@dataclass
class Spacing:
    """What :func:`measure` finds in one PDF."""

    pages: int = 0
    body_lines: int = 0
    loose: list[Line] = field(default_factory=list)
    worst_gap: float = 0.0
    hyphenated: int = 0
    longest_hyphen_run: int = 0
    page_end_hyphens: list[Line] = field(default_factory=list)
    overfull: list[Line] = field(default_factory=list)
    stacked_gaps: int = 0
    cut_short: list[Line] = field(default_factory=list)


def read_lines(pdf: bytes | Path) -> tuple[int, list[Line]]:
    """The number of pages and every line, in poppler's reading order."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    command = ["pdftotext", "-bbox-layout", "-enc", "UTF-8", "-", "-"]
    out = subprocess.run(command, input=data, capture_output=True, check=True).stdout.decode()
    pages = out.split("<page ")[1:]
    lines = []
    for number, page in enumerate(pages, start=1):
        for x0, y0, x1, y1, body in LINE.findall(page):
            del x0
            words = tuple((t, float(a), float(b)) for a, b, t in WORD.findall(body))
            height = round(float(y1) - float(y0), 1)
            lines.append(Line(number, float(y0), height, float(x1), words))
    return len(pages), lines


def body_lines(lines: list[Line], min_words: int = MIN_WORDS) -> list[Line]:
    """Lines of the body text size with at least ``min_words`` words."""
    common = Counter(line.height for line in lines if len(line.words) >= MIN_WORDS)
    if not common:
        return []
    height = common.most_common(1)[0][0]
    return [
        line for line in lines if abs(line.height - height) <= 0.5 and len(line.words) >= min_words
    ]


def _continues(line: Line, following: Line | None) -> bool:
    if not HYPHENATED.search(line.words[-1][0]) or following is None:
        return False
    return following.words[0][0][:1].islower()


def _hyphens(spacing: Spacing, body: list[Line]) -> None:
    run = 0
    for index, line in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        if not _continues(line, following):
            run = 0
            continue
        run += 1
        spacing.hyphenated += 1
        spacing.longest_hyphen_run = max(spacing.longest_hyphen_run, run)
        if following is not None and following.page != line.page:
            spacing.page_end_hyphens.append(line)


def _stacked(body: list[Line]) -> int:
    """Chains of three or more lines in a row whose wide gaps overlap."""
    chains: list[tuple[float, float, int]] = []  # the previous line's wide gaps and chain lengths
    found = 0
    previous: Line | None = None
    for line in body:
        adjacent = previous is not None and previous.page == line.page
        adjacent = adjacent and line.top - previous.top < 2 * line.height  # type: ignore[union-attr]
        current = []
        for left, right in line.gaps():
            if right - left < RIVER_GAP:
                continue
            above = [n for a, b, n in chains if adjacent and a < right - 1 and left < b - 1]
            length = max(above, default=0) + 1
            found += length == 3
            current.append((left, right, length))
        chains, previous = current, line
    return found


def measure(pdf: bytes | Path) -> Spacing:
    """The spacing of the justified body text of ``pdf``."""
    pages, lines = read_lines(pdf)
    body = body_lines(lines)
    spacing = Spacing(pages=pages, body_lines=len(body))
    spacing.loose = [line for line in body if line.gap > LOOSE_GAP]
    spacing.worst_gap = max((line.gap for line in body), default=0.0)
    _hyphens(spacing, body_lines(lines, min_words=1))
    edge = Counter(round(line.right) for line in body).most_common(1)
    if edge:
        spacing.overfull = [line for line in body if line.right > edge[0][0] + OVERFULL]
    spacing.stacked_gaps = _stacked(body)
    if edge:
        spacing.cut_short = _cut_short(body_lines(lines, min_words=1), edge[0][0])
    return spacing


def _cut_short(lines: list[Line], edge: float) -> list[Line]:
    left = min((line.words[0][1] for line in lines), default=0.0)
    found = []
    for line, following in itertools.pairwise(lines):
        same_block = following.page == line.page and following.top - line.top < 1.2 * line.height
        short = edge - line.right > (edge - left) / 3
        if same_block and short and following.words[0][0][:1].islower():
            found.append(line)
    return found
