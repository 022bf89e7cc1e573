"""Every note on the page of its call: Typst's own query says where each landed.

Typst prints a note at the foot of the page that calls it, but known bugs separate them
(typst/typst#5314: a note before its call; #5405: only a line's first note kept with it). Here
the cause measured is widow and orphan control: after placing a note, Typst moves the calling
line to the next page to avoid a widow or an orphan, and the note stays behind. After each
compile the writer asks Typst for the page of every note and of its first call, and corrects
every stray note in steps, smallest first:

1. the calling paragraph breaks its lines without regard to widows and orphans;
2. the calling paragraph is kept on one page (an unbreakable block), so the calling line and
   the note move together;
3. the note is printed with the endnotes, with a warning, as the WeasyPrint engine does.

Steps 1 and 2 change one paragraph each and are applied to every stray of a compile at once;
the next compile judges the whole document again.

The same passes keep a calling paragraph from leaving one line alone on a page (CSS
``orphans: 2; widows: 2``, as the WeasyPrint engine sets it). Typst's own widow and orphan
control asks room for two lines, but not for the note of the second one: when that note does
not fit, the calling line moves on alone. Each line of a calling paragraph marks its page
(``calling`` in ``house-body.typ``); where a paragraph has one line on its first page, or one on
its last page (of two), the next pass ends the page it starts on a line earlier (an empty float
at the foot of that page), and another line earlier while the line is still alone, up to
:data:`MOST_LINES_GIVEN_UP`; the lines then move on together.

The colophon is checked in the same passes: when it starts at the top of a page, nothing of the
text is with it, which the house style avoids (CSS ``break-before: avoid``); the next pass keeps
the paragraph that ends the text, or the last entry of a closing reference list, with it
(:func:`keeps_colophon`), once.
"""

from __future__ import annotations

import logging
from collections import Counter

from ...shared.brand import Brand
from ...shared.located import at
from .compile import NotePage
from .context import Layout, RenderContext

LOGGER = logging.getLogger(__name__)
NOTE_LABEL_PREFIX = "fn-"
POINTS_PER_MM = 72 / 25.4
# the colophon's text starts this far below its rule (house-body.typ: 6pt of inset), plus slack
TOP_OF_PAGE = 12.0
MOST_LINES_GIVEN_UP = 3  # a page shortened by more would look unfinished


def strays(pages: list[NotePage]) -> list[int]:
    """Numbers of the notes printed away from their call."""
    return [_number(page.label) for page in pages if page.page != page.call_page]


def _number(label: str) -> int:
    if not label.startswith(NOTE_LABEL_PREFIX):
        raise ValueError(f"a page note without the writer's label: {label!r}")
    return int(label.removeprefix(NOTE_LABEL_PREFIX))


def corrected(layout: Layout, numbers: list[int], ctx: RenderContext) -> Layout:
    """The next layout: the next step of correction for each stray note."""
    loose, unbreakable = set(layout.loose), set(layout.unbreakable)
    endnotes = set(layout.endnotes)
    for number in numbers:
        paragraph = ctx.calling_paragraph.get(number, 0)
        if paragraph and paragraph not in loose:
            loose.add(paragraph)
        elif paragraph and paragraph not in unbreakable:
            unbreakable.add(paragraph)
        else:
            note = next((n for n in ctx.brief.footnotes if n.number == number), None)
            LOGGER.warning(
                "PDF (Typst): footnote %r printed as an endnote because its page could not be "
                "matched to its call",
                note.id if note else str(number),
                extra=at(note.source if note else None),
            )
            endnotes.add(number)
    return layout._replace(
        loose=frozenset(loose),
        unbreakable=frozenset(unbreakable),
        endnotes=frozenset(endnotes),
    )


def keeps_colophon(ctx: RenderContext, place: tuple[int, float] | None, brand: Brand) -> bool:
    """Whether the next pass should keep the closing paragraph with the colophon: the colophon
    starts a page (``place``: its page and how far down), a paragraph ends the text before it,
    and no earlier pass tried."""
    if place is None or not ctx.closing_paragraph or ctx.layout.with_colophon:
        return False
    page, top = place
    return page > 1 and top < brand.page.margin_top * POINTS_PER_MM + TOP_OF_PAGE


def lone_lines(lines: list[tuple[int, int]]) -> list[int]:
    """Paragraphs that leave one line alone on a page: one line on the page they start on, or
    one line on the second of the two pages they run over (``lines``: paragraph and page of
    each line, in order)."""
    per_page = Counter(lines)
    pages: dict[int, list[int]] = {}
    for paragraph, page in per_page:
        pages.setdefault(paragraph, []).append(page)
    lone = []
    for paragraph, spread in pages.items():
        first, last = min(spread), max(spread)
        if last == first:
            continue
        if per_page[paragraph, first] == 1 or (
            last == first + 1 and per_page[paragraph, last] == 1
        ):
            lone.append(paragraph)
    return lone


def shortened(layout: Layout, paragraphs: list[int]) -> Layout | None:
    """The next layout: the page each of ``paragraphs`` starts on ends one line earlier than in
    ``layout``; None when every one of them has given up :data:`MOST_LINES_GIVEN_UP` lines
    already (nothing more to try)."""
    given = dict(layout.shortened)
    more = [p for p in paragraphs if given.get(p, 0) < MOST_LINES_GIVEN_UP]
    if not more:
        return None
    for paragraph in more:
        given[paragraph] = given.get(paragraph, 0) + 1
    return layout._replace(shortened=tuple(sorted(given.items())))
