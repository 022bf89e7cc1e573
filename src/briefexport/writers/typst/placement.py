"""Every note on the page of its call: Typst's own query says where each landed.

Typst prints a note at the foot of the page that calls it, but known bugs can separate them
(typst/typst#5314: a note before its call; #5405: only a line's first note kept with it). After
each compile the writer asks Typst for the page of every note and of its first call. A stray
note is corrected in two steps, smallest first, on the first page that has strays (a correction
moves everything after it, so later pages are judged on the next compile):

1. the paragraph that calls it is kept on one page (an unbreakable block), so the calling line
   and the note move together;
2. the note is printed with the endnotes, with a warning, as the WeasyPrint engine does.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from .compile import NotePage
from .context import Layout, RenderContext

LOGGER = logging.getLogger("briefexport")
NOTE_LABEL_PREFIX = "fn-"


def strays(pages: list[NotePage]) -> list[int]:
    """Numbers of the notes printed away from their call, on the first page that has any."""
    misplaced = [page for page in pages if page.page != page.call_page]
    if not misplaced:
        return []
    first = min(page.call_page for page in misplaced)
    return [_number(page.label) for page in misplaced if page.call_page == first]


def _number(label: str) -> int:
    if not label.startswith(NOTE_LABEL_PREFIX):
        raise ValueError(f"a page note without the writer's label: {label!r}")
    return int(label.removeprefix(NOTE_LABEL_PREFIX))


def corrected(layout: Layout, numbers: list[int], ctx: RenderContext) -> Layout:
    """The next layout: each stray's calling paragraph kept whole, or else the note an endnote."""
    unbreakable, endnotes = set(layout.unbreakable), set(layout.endnotes)
    for number in numbers:
        paragraph = ctx.calling_paragraph.get(number, 0)
        if paragraph and paragraph not in unbreakable:
            unbreakable.add(paragraph)
            continue
        LOGGER.warning(
            "PDF (Typst): footnote %d printed as an endnote because its page could not be "
            "matched to its call",
            number,
        )
        endnotes.add(number)
    return replace(layout, unbreakable=frozenset(unbreakable), endnotes=frozenset(endnotes))
