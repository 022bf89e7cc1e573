"""Helpers of the importer tests: reading an imported brief back, comparing what a source kind
can carry (ids, citations' tagging)."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

from PIL import Image

from briefexport.errors import Diagnostic
from briefexport.inlines import canonical
from briefexport.model import (
    Block,
    Brief,
    Citation,
    CitationPart,
    CitationRef,
    CitedDate,
    Figure,
    Footnote,
    FootnoteRef,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Styled,
    Table,
    Text,
)
from briefexport.options import default_options
from briefexport.output import write_figures
from briefexport.reader import parse_brief
from briefexport.writers import jats

from . import paths

DATA = paths.DATA / "importers"


def copy_estuary(folder: Path) -> Path:
    """Copy the eLife-style test article into ``folder`` with its PNG figure (named without
    extension in the XML) and a TIFF figure the profile cannot take; returns the article."""
    article = folder / "estuary-article.xml"
    shutil.copy(DATA / "jats" / "estuary-article.xml", article)
    Image.new("RGB", (60, 30), (20, 90, 160)).save(folder / "estuary-fig1.png")
    Image.new("RGB", (60, 30), (160, 90, 20)).save(folder / "estuary-fig2.tif")
    return article


def copy_pandoc_sources(folder: Path) -> Path:
    """Copy the pandoc test files (Markdown, pandoc's JATS and DOCX of it, the figure)."""
    for source in (DATA / "pandoc").iterdir():
        shutil.copy(source, folder / source.name)
    return folder


def read_back(brief: Brief) -> tuple[Brief, list[Diagnostic], bytes]:
    """The brief written as canonical JATS and read by the strict reader (figures staged)."""
    data = jats.write(brief, default_options(brief))
    with tempfile.TemporaryDirectory() as staging:
        write_figures(brief, Path(staging))
        again, warnings = parse_brief(data, name="imported.xml", base_dir=Path(staging))
    return again, warnings, data


# ------------------------------------------------------------------ comparing imported briefs


def without_ids(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Blocks with section, table and figure ids and figure paths blanked: a Word document
    carries neither, so a round trip through DOCX compares what it can carry."""
    return tuple(_blank(block) for block in blocks)


def _blank(block: Block) -> Block:
    if isinstance(block, Section):
        return dataclasses.replace(block, id=None, blocks=without_ids(block.blocks))
    if isinstance(block, Table):
        return dataclasses.replace(block, id=None)
    if isinstance(block, Figure):
        image = dataclasses.replace(block.image, href="")
        return dataclasses.replace(block, id=None, image=image)
    return block


def flat_citations(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Blocks with citations reduced to their printed text and reference calls to their number:
    Word keeps a citation's text, not its tagging (publication type, names, dates)."""
    return tuple(_flat_block(block) for block in blocks)


def flat_notes(notes: tuple[Footnote, ...]) -> tuple[tuple[int, tuple[Paragraph, ...]], ...]:
    """Notes as (number, paragraphs) with citations reduced to their text."""
    return tuple((n.number, tuple(_flat_paragraph(p) for p in n.paragraphs)) for n in notes)


def _flat_block(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return _flat_paragraph(block)
    if isinstance(block, Section):
        return dataclasses.replace(block, blocks=flat_citations(block.blocks))
    if isinstance(block, ListBlock):
        items = tuple(
            ListItem(tuple(_flat_paragraph(p) for p in i.paragraphs)) for i in block.items
        )
        return dataclasses.replace(block, items=items)
    if isinstance(block, Quote):
        return dataclasses.replace(
            block, paragraphs=tuple(_flat_paragraph(p) for p in block.paragraphs)
        )
    return block


def _flat_paragraph(paragraph: Paragraph) -> Paragraph:
    return Paragraph(canonical(_flat(paragraph.children)), paragraph.lead)


def _flat(inlines: tuple[Inline, ...]) -> list[Inline]:
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Citation | CitationPart):
            out.extend(_flat(inline.children))
        elif isinstance(inline, CitedDate):
            out.append(Text(inline.text))
        elif isinstance(inline, CitationRef):
            out.append(Text(f"[{inline.reference.number}]"))
        elif isinstance(inline, FootnoteRef):
            paragraphs = tuple(_flat_paragraph(p) for p in inline.note.paragraphs)
            out.append(FootnoteRef(dataclasses.replace(inline.note, paragraphs=paragraphs)))
        elif isinstance(inline, Styled | Link):
            out.append(dataclasses.replace(inline, children=tuple(_flat(inline.children))))
        else:
            out.append(inline)
    return out
