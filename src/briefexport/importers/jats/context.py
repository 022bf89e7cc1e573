"""What the parts of the JATS importer share while they convert one article."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from lxml import etree

from ...model import Block, Citation, Footnote, Paragraph, Reference
from ...shared.xmlnames import MATHML_NS
from ..ids import IdRegistry
from .notices import Notices


class Level(enum.IntEnum):
    """What inline content a place of the brief may hold (see docs/format.md)."""

    PHRASE = 1  # titles, link text, citation parts: text and formatting
    LINKED = 2  # captions, table cells, attributions: also links
    NOTE = 3  # paragraphs of notes, the abstract: also reference calls and citations
    BODY = 4  # paragraphs of the body: also footnote calls


@dataclass
class JatsContext:
    """The article being converted: where to report, ids, notes and references."""

    notices: Notices
    base_dir: Path
    ids: IdRegistry
    references: dict[str, Reference] = field(default_factory=dict)
    notes: dict[str, Footnote] = field(default_factory=dict)
    build_note: Callable[[etree._Element], Footnote] | None = None
    build_citation: Callable[[etree._Element], Citation] | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """Where inline content is being converted: its level, and whether it is directly in a ``p``
    (a citation may only sit there)."""

    ctx: JatsContext
    level: Level
    top: bool = True

    def inner(self, level: Level | None = None) -> Scope:
        """The scope of an element's children: never wider than this one."""
        narrowed = self.level if level is None else min(level, self.level)
        return replace(self, level=narrowed, top=False)


class Builder(Protocol):
    """What converters of one kind of block need from the block builder."""

    ctx: JatsContext
    scope: Scope

    def container(self, element: etree._Element, depth: int) -> list[Block]:
        """The blocks of ``element``'s children, its headings skipped."""
        ...

    def block(self, element: etree._Element, depth: int) -> list[Block]:
        """One block element."""
        ...

    def flat_paragraphs(
        self, element: etree._Element, where: str, skip: frozenset[str] = ...
    ) -> tuple[Paragraph, ...]:
        """The paragraphs of ``element``, other blocks flattened into paragraphs."""
        ...


def local_name(element: etree._Element) -> str:
    """The tag without namespace; MathML elements keep an ``mml:`` prefix."""
    if not isinstance(element.tag, str):
        return ""
    qname = etree.QName(element.tag)
    return f"mml:{qname.localname}" if qname.namespace == MATHML_NS else qname.localname


def text_of(element: etree._Element | None) -> str:
    """The element's text with XML whitespace collapsed ("" when absent)."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())
