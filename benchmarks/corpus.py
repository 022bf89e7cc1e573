"""The benchmark's briefs, written for both tools, and where a PDF prints each note.

briefexport reads canonical brief XML; pandoc reads the Markdown that briefexport's Markdown
writer makes from the same model, without the block attribute lines (``{.lead}``, ``{#tab1
...}``) that are briefexport's own dialect and that pandoc would print as text.

Notes on the calling page are found from the text alone, so the same check serves both PDFs:
each page's text from ``pdftotext`` is reduced to its letters (this drops call numbers,
hyphenation and line breaks); a note is on its call's page when the page holding the letters
around the call also holds the first letters and digits of the note.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import briefexport
from briefexport.importers import import_file
from briefexport.model import Block, Brief, Footnote, FootnoteRef, Paragraph, Section, Text
from briefexport.options import default_options
from briefexport.output import export_brief

REPO = Path(__file__).resolve().parents[1]
ATTRIBUTE_LINE = re.compile(r"^\{[^}]*\}[ \t]*\n", re.MULTILINE)
NEEDLE = 30
WINDOW = 40  # text pieces looked at on each side of a call


@dataclasses.dataclass
class Case:
    """One brief on disk in both forms, with its model for the note check."""

    name: str
    xml: Path
    markdown: Path
    brief: Brief
    pages: int = 0
    """Pages asked of a generated brief (0 for the others)."""


def generated(pages: int) -> Brief:
    """The tests' generated brief: about ``pages`` A4 pages, two notes a page.

    Its lead paragraph opens the first section, which the reader refuses in a brief file
    (a lead paragraph must open the body): here it is an ordinary paragraph.
    """
    sys.path.insert(0, str(REPO / "tests"))
    from support.briefs import long_brief

    brief = long_brief(pages=pages, notes=2 * pages)
    return dataclasses.replace(brief, body=tuple(_no_lead(block) for block in brief.body))


def _no_lead(block: Block) -> Block:
    if isinstance(block, Section):
        return dataclasses.replace(block, blocks=tuple(_no_lead(b) for b in block.blocks))
    if isinstance(block, Paragraph):
        return dataclasses.replace(block, lead=False)
    return block


def write_case(
    name: str, brief: Brief, folder: Path, xml: Path | None = None, pages: int = 0
) -> Case:
    """Canonical XML (unless ``xml`` exists already) and pandoc's Markdown in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    options = default_options(brief)
    if xml is None:
        xml = export_brief(brief, "jats", folder / "brief.xml", options)
    markdown = export_brief(brief, "markdown", folder / "brief.md", options)
    markdown.write_text(ATTRIBUTE_LINE.sub("", markdown.read_text("utf-8")), "utf-8")
    return Case(name, xml, markdown, brief, pages)


def cases(folder: Path, pages: list[int], seed: Path) -> list[Case]:
    """Examples, the seed brief when present, then generated briefs."""
    found = []
    for path in sorted((REPO / "examples").glob("*.xml")):
        found.append(write_case(path.stem, briefexport.load(path), folder / path.stem, path))
    if seed.is_file():
        found.append(write_case("seed", import_file(seed, "text"), folder / "seed"))
    for count in pages:
        name = f"generated {count} pp"
        found.append(write_case(name, generated(count), folder / f"gen{count}", pages=count))
    return found


def pdf_page_texts(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8", errors="replace").split("\f")[:-1]


def letters(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalpha())


def letters_and_digits(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def text_and_calls(node: Any, out: list[str | Footnote]) -> list[str | Footnote]:
    """The brief's text and note calls in reading order (note texts left out)."""
    if isinstance(node, Text):
        out.append(node.value)
    elif isinstance(node, FootnoteRef):
        out.append(node.note)
    elif isinstance(node, tuple):
        for child in node:
            text_and_calls(child, out)
    elif dataclasses.is_dataclass(node) and not isinstance(node, Footnote):
        for item in dataclasses.fields(node):
            text_and_calls(getattr(node, item.name), out)
    return out


def page_holding(pages: list[str], needle: str, start: int) -> int | None:
    """The first page from ``start`` on that holds ``needle`` (calls come in reading order)."""
    for number in range(start, len(pages) + 1):
        if needle and needle in pages[number - 1]:
            return number
    return None


def call_pages(pages: list[str], brief: Brief) -> dict[str, int | None]:
    """The page of each note's first call.

    The call sits on the page that holds the letters just before it; when a page break falls
    among those letters, on the page that holds the letters just after it.
    """
    items = text_and_calls(brief.body, [])
    found: dict[str, int | None] = {}
    page = 1
    for index, item in enumerate(items):
        if isinstance(item, str) or item.id in found:
            continue
        near = items[max(0, index - WINDOW) : index], items[index + 1 : index + 1 + WINDOW]
        before, after = (letters("".join(i for i in part if isinstance(i, str))) for part in near)
        where = page_holding(pages, before[-NEEDLE:], page)
        where = where or page_holding(pages, after[:NEEDLE], page)
        found[item.id] = where
        page = where or page
    return found


def notes_on_call_page(pdf: Path, brief: Brief) -> tuple[int, int]:
    """(notes printed on the page of their first call, notes) of a PDF of ``brief``."""
    texts = pdf_page_texts(pdf)
    calls = call_pages([letters(text) for text in texts], brief)
    pages = [letters_and_digits(text) for text in texts]
    kept = 0
    for note in brief.footnotes:
        start = letters_and_digits(" ".join(_note_text(note)))[:NEEDLE]
        note_page = page_holding(pages, start, 1)
        kept += note_page is not None and note_page == calls.get(note.id)
    return kept, len(brief.footnotes)


def _note_text(note: Footnote) -> list[str]:
    return [item for item in text_and_calls(note.paragraphs, []) if isinstance(item, str)]


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True)
    for line in out.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0
