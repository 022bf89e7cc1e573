"""Break opportunities in runs of text too long to be a word (:mod:`briefexport.shared.runs`).

Each cut is a ``<wbr>`` (HTML Living Standard, 4.5.29): a line may break there, and the text
is unchanged, so copying, searching and the PDF's text layer read the run as written.
WeasyPrint 70 then lays out and measures pieces of a bounded length instead of the whole run
once per line (its time grew with the square of the run's length in a table cell).

A run is found in the text of one block as it is laid out, across the inline elements that
split it (``abc<b>def</b>ghi`` is one run): cut only inside each element's own text, a run
glued from short pieces would still have no break opportunity and run off the page.
"""

from __future__ import annotations

import itertools

from lxml import etree

from ...shared.runs import OVERLONG_RUN, run_cuts
from ...shared.urls import LONGEST_UNBROKEN
from .markup import tag

NOT_LAID_OUT = frozenset({tag("style"), tag("script"), tag("title")})
# Not <wbr>: a break opportunity ends a run, as a block boundary does.
INLINE_ELEMENTS = "a abbr b bdi bdo cite code em i mark q s small span strong sub sup time u"
INLINE = frozenset(tag(name) for name in INLINE_ELEMENTS.split(" "))
# (element, "text" or "tail"): where a piece of text sits in the tree
Slot = tuple[etree._Element, str]


def mark_overlong_runs(root: etree._Element) -> None:
    """Put a ``<wbr>`` at each cut of every overlong run in the text under ``root``."""
    if not _may_hold_overlong_run(root):
        return
    for flow in _flows(root):
        texts = [getattr(element, kind) or "" for element, kind in flow]
        cuts = run_cuts("".join(texts))
        if not cuts:
            continue
        starts = list(itertools.accumulate((len(text) for text in texts), initial=0))
        for (element, kind), text, start in zip(flow, texts, starts[:-1], strict=True):
            inside = [cut - start for cut in cuts if start < cut <= start + len(text)]
            if inside:
                _cut(element, kind, text, inside)


def _may_hold_overlong_run(root: etree._Element) -> bool:
    """False when no flow under ``root`` holds an overlong run, found from all its text at once:
    without comments, processing instructions and text that is not laid out, each flow's text
    is a stretch of that text in document order, so each of its runs lies inside one of the
    text's words (split at white space, which always ends a run), and only the long words are
    searched."""
    if next(root.iter(etree.Comment, etree.PI, *NOT_LAID_OUT), None) is not None:
        return True
    words = "".join(root.itertext()).split()
    return any(OVERLONG_RUN.search(word) for word in words if len(word) > LONGEST_UNBROKEN)


def _flows(root: etree._Element) -> list[list[Slot]]:
    """The text slots under ``root`` in reading order, one list per run of inline content
    (a block's own text and its inline elements' text, up to the next block boundary)."""
    flows: list[list[Slot]] = [[]]

    def walk(element: etree._Element) -> None:
        laid_out = isinstance(element.tag, str) and element.tag not in NOT_LAID_OUT
        block = laid_out and element.tag not in INLINE
        if block:
            flows.append([])
        if laid_out:
            flows[-1].append((element, "text"))
            for child in element:
                walk(child)
        if block:
            flows.append([])
        if element is not root:
            flows[-1].append((element, "tail"))

    walk(root)
    return [flow for flow in flows if flow]


def _cut(element: etree._Element, kind: str, text: str, offsets: list[int]) -> None:
    """Split the slot's ``text`` at ``offsets``, a ``<wbr>`` before each piece after the first."""
    bounds = [0, *offsets, len(text)]
    first, *rest = (text[begin:end] for begin, end in itertools.pairwise(bounds))
    breaks = [_wbr(piece) for piece in rest]
    if kind == "text":
        element.text = first
        for index, wbr in enumerate(breaks):
            element.insert(index, wbr)
    else:
        element.tail = first
        for wbr in reversed(breaks):
            element.addnext(wbr)


def _wbr(tail: str) -> etree._Element:
    """A ``<wbr>`` followed by ``tail``."""
    wbr = etree.Element(tag("wbr"))
    wbr.tail = tail
    return wbr
