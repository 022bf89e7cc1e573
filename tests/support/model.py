"""One walk over the typed model (``briefexport.model``), written independently of the code under
test, so tests can find every node of a kind without hand-written recursion per test.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeVar, cast

from briefexport.model import Block, CitationRef, FootnoteRef, Section

if TYPE_CHECKING:
    from typing_extensions import TypeForm

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


def find(root: object, kind: TypeForm[Node]) -> list[Node]:
    """Every node of ``kind`` (a class or a union of them, as ``Inline``) under ``root``, in
    document order."""
    classes = cast(type[Node], kind)  # what isinstance takes: a class or a union of classes
    return [node for node in nodes(root) if isinstance(node, classes)]


def section_depth(blocks: tuple[Block, ...]) -> int:
    """How deep sections nest in ``blocks`` (0 when there is no section)."""
    return max(
        (1 + section_depth(b.blocks) for b in blocks if isinstance(b, Section)),
        default=0,
    )
