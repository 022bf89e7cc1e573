"""Footnote definitions of a Markdown document, numbered in the order of their first call.

A note defined but never called is kept (numbered after the called ones) with a warning; a note
whose single paragraph reads as a web citation gets a structured ``mixed-citation``.
"""

from __future__ import annotations

import dataclasses
import re

from markdown_it.tree import SyntaxTreeNode

from ..model import Footnote, Paragraph
from ..rules.citations import citation_from_text
from .mdblocks import BlockConverter
from .mdcontext import BodyContext

_NCNAME = re.compile(r"[A-Za-z_][\w.-]*")
DUPLICATE = "\x00again"  # the label of a second definition (control characters are refused)


def footnote_id(label: str) -> str:
    """The XML id of the note written ``[^label]``: the label itself when it is a valid id."""
    if _NCNAME.fullmatch(label):
        return label
    return "fn-" + re.sub(r"[^\w.-]", "-", label)


def number_footnotes(
    blocks: list[SyntaxTreeNode], definitions: list[SyntaxTreeNode], context: BodyContext
) -> tuple[Footnote, ...]:
    """The notes defined in ``definitions``, numbered by first call in ``blocks``.

    Each note is also recorded in ``context.notes`` under its label, for the calls.
    """
    defined = _definitions(definitions, context)
    order = _call_order(blocks)
    for label in defined:
        if label not in order:
            context.problems.warning(
                _definition_line(defined[label], context), f"footnote [^{label}] is never called"
            )
            order.append(label)
    converter = BlockConverter(dataclasses.replace(context, no_notes_in="a footnote"))
    notes = []
    for number, label in enumerate((label for label in order if label in defined), start=1):
        definition = defined[label]
        paragraphs = tuple(_cited(p) for p in converter.paragraphs(definition.children))
        where = context.position(definition.children[0] if definition.children else definition)
        note = Footnote(footnote_id(label), number, paragraphs, where)
        context.notes[label] = note
        context.claim_id(note.id, where)
        notes.append(note)
    return tuple(notes)


def _definitions(blocks: list[SyntaxTreeNode], context: BodyContext) -> dict[str, SyntaxTreeNode]:
    """Each label's definition; a label defined again is an error (CommonMark keeps the first
    definition of a link label; the footnote plugin would keep the last one silently)."""
    defined: dict[str, SyntaxTreeNode] = {}
    for node in (node for block in blocks for node in block.children):
        label = str(node.meta.get("label", ""))
        if label.startswith(DUPLICATE):
            label = label.split(":", 1)[1]
            first = _definition_line(defined[label], context)
            message = f"footnote [^{label}] is defined twice (first on line {first}); keep one"
            context.problems.error(_definition_line(node, context), message)
        else:
            defined[label] = node
    return defined


def _call_order(blocks: list[SyntaxTreeNode]) -> list[str]:
    order: list[str] = []
    for block in blocks:
        for node in block.walk():
            label = str(node.meta.get("label", "")) if node.type == "footnote_ref" else None
            if label is not None and label not in order:
                order.append(label)
    return order


def _definition_line(node: SyntaxTreeNode, context: BodyContext) -> int:
    return context.line(node.children[0]) if node.children else 1


def _cited(paragraph: Paragraph) -> Paragraph:
    """The paragraph with its text as a structured citation when it reads as one."""
    citation = citation_from_text(paragraph.children)
    return Paragraph((citation,)) if citation else paragraph
