"""One walk over the typed model (``briefexport.model``), written independently of the code under
test, so tests can find every node of a kind without hand-written recursion per test.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TypeVar

from briefexport.model import Block, CitationRef, FootnoteRef, Section

Node = TypeVar("Node")


def nodes(root: object) -> Iterator[object]:
    """Every model object under ``root`` (``root`` included), depth first, in document order.

    The walk does not enter the note behind a footnote call nor the reference behind a citation
    call: those belong to the notes and the reference list, which are walked when given as root.
    """
    if isinstance(root, tuple):
        for item in root:
            yield from nodes(item)
    elif dataclasses.is_dataclass(root) and not isinstance(root, type):
        yield root
        if isinstance(root, FootnoteRef | CitationRef):
            return
        for field in dataclasses.fields(root):
            yield from nodes(getattr(root, field.name))


def find(root: object, kind: type[Node]) -> list[Node]:
    """Every node of ``kind`` under ``root``, in document order."""
    return [node for node in nodes(root) if isinstance(node, kind)]


def section_depth(blocks: tuple[Block, ...]) -> int:
    """How deep sections nest in ``blocks`` (0 when there is no section)."""
    return max(
        (1 + section_depth(b.blocks) for b in blocks if isinstance(b, Section)),
        default=0,
    )
