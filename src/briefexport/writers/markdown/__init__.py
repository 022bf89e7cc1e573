"""Write a brief as Markdown (CommonMark with YAML front matter), the reverse of the importer.

The output follows the conventions in ``docs/markdown.md`` so that ``briefexport import`` reads it
back to an equal brief, except what Markdown cannot carry (a warning is logged for each): table
header rows other than exactly one, spanning cells, and blocks after a subsection inside the same
section. Image paths are written as in the brief, relative to its folder.
"""

from __future__ import annotations

from ...model import Brief
from ...options import WriteOptions
from .blocks import blocks_to_markdown, footnotes_to_markdown
from .front import front_matter


def brief_to_markdown(brief: Brief) -> str:
    """The whole brief as one Markdown document."""
    chunks = [
        front_matter(brief),
        *blocks_to_markdown(brief.body),
        *footnotes_to_markdown(brief.footnotes),
    ]
    return "\n\n".join(chunks) + "\n"


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as UTF-8 Markdown (``--to markdown``, file ``<stem>.md``)."""
    del options  # Markdown output has no style, paper or timestamp to honour
    return brief_to_markdown(brief).encode("utf-8")
