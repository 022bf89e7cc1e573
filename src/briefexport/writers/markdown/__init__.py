"""Write a brief as Markdown (CommonMark with YAML front matter), the reverse of the importer.

The output follows the conventions in ``docs/markdown.md`` so that ``briefexport import`` reads it
back to an equal brief, except what Markdown cannot carry (a warning is logged for each): table
header rows other than exactly one, header cells in body rows but the first column, and blocks
after a subsection inside the same section. Spanning cells are carried (``{colspan=2}``).
Image paths are written as in the brief, relative to its folder.
"""

from __future__ import annotations

from ...model import Block, Brief, Section, Table
from ...options import WriteOptions
from .blocks import TABLE_NUMBERS, blocks_to_markdown, footnotes_to_markdown
from .front import front_matter


def brief_to_markdown(brief: Brief) -> str:
    """The whole brief as one Markdown document."""
    numbering = TABLE_NUMBERS.set(_tables(brief.body))
    try:
        chunks = [
            front_matter(brief),
            *blocks_to_markdown(brief.body),
            *footnotes_to_markdown(brief.footnotes),
        ]
    finally:
        TABLE_NUMBERS.reset(numbering)
    return "\n\n".join(chunks) + "\n"


def _tables(blocks: tuple[Block, ...]) -> tuple[Table, ...]:
    """Every table of ``blocks``, in document order."""
    found: list[Table] = []
    for block in blocks:
        if isinstance(block, Table):
            found.append(block)
        elif isinstance(block, Section):
            found.extend(_tables(block.blocks))
    return tuple(found)


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as UTF-8 Markdown (``--to markdown``, file ``<stem>.md``)."""
    del options  # Markdown output has no style, paper or timestamp to honour
    return brief_to_markdown(brief).encode("utf-8")
