"""Same content everywhere: every paragraph and footnote of a brief reaches every format.

The PDF is checked from both layout engines: WeasyPrint (``pdf``) and Typst (``pdf-typst``).

Each registered format is written once per brief, then read back with a tool that is not ours
where one exists (pdftotext, zip + lxml for EPUB and DOCX, lxml for HTML). Text is compared
letter by letter: case, spacing, punctuation and digits (footnote calls print as digits) are
ignored, so line breaks, hyphenation and typography cannot hide a missing paragraph.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree, html

import briefexport
from briefexport import output
from briefexport.deposit import renditions
from briefexport.formats import FORMATS, Writer, get_writer
from briefexport.importers import import_file
from briefexport.inlines import plain_text
from briefexport.model import Block, Brief, Cell, Paragraph, Section
from briefexport.options import PdfEngine, WriteOptions, default_options
from briefexport.output import export_brief, output_path
from briefexport.shared.i18n import is_rtl
from support.model import nodes
from support.paths import URDU, example_paths, seed_param
from support.pdf import pdf_text
from support.skips import skip_missing
from support.written_pdfs import pdfs_written_once

SOURCES = [*example_paths(), URDU, seed_param()]
WINDOW = 40


def letters(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", text).casefold()


def without_marks(text: str) -> str:
    return "".join(char for char in text if not unicodedata.category(char).startswith("M"))


def tokens(text: str) -> list[str]:
    return [letters(token) for token in re.split(r"\W+", text) if letters(token)]


def paragraphs(blocks: tuple[Block, ...]) -> Iterator[str]:
    """Paragraphs (in lists and quotes too), section titles and table cells, in document order."""
    for node in nodes(blocks):
        if isinstance(node, Paragraph | Cell):
            yield plain_text(node.children)
        elif isinstance(node, Section):
            yield plain_text(node.title)


def expected_texts(brief: Brief) -> list[str]:
    texts = [plain_text(brief.meta.title)]
    texts += (
        part for a in brief.meta.authors for part in (a.name.surname, a.name.given_names) if part
    )
    texts += paragraphs(brief.body)
    texts += (plain_text(p.children) for note in brief.footnotes for p in note.paragraphs)
    return [text for text in texts if letters(text)]


def _zip_xml_text(path: Path, pattern: str) -> str:
    with zipfile.ZipFile(path) as package:
        names = [n for n in package.namelist() if re.fullmatch(pattern, n)]
        return " ".join(" ".join(etree.fromstring(package.read(n)).itertext()) for n in names)


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "jats": lambda p: " ".join(
        etree.parse(str(p), etree.XMLParser(load_dtd=False, no_network=True)).getroot().itertext()
    ),
    "markdown": lambda p: " ".join(expected_texts(import_file(p))),
    "html": lambda p: html.fromstring(p.read_bytes()).text_content(),
    "epub": lambda p: _zip_xml_text(p, r".*\.xhtml"),
    "docx": lambda p: _zip_xml_text(p, r"word/(document|footnotes)\.xml"),
    "pdf": pdf_text,
    "pdf-typst": pdf_text,
    # the packages carry the content in their JATS; the other renditions are tested on their own
    "bag": lambda p: _zip_xml_text(p, r"[^/]+/data/[^/]+\.jats\.xml"),
    "dspace-saf": lambda p: _zip_xml_text(p, r"[^/]+/item_000/[^/]+\.jats\.xml"),
}
TYPST_PDF = "pdf-typst"


def test_every_registered_format_has_an_extractor() -> None:
    assert set(FORMATS) <= set(EXTRACTORS), "add a text extractor for the new format"


@contextlib.contextmanager
def each_rendition_written_once() -> Iterator[None]:
    """Within the block, a format's writer called again with the same brief and options gives
    the bytes it gave the first time: the packages carry the PDF, EPUB, DOCX and HTML written
    for their own formats just before (the writers are reproducible), not a second rendering."""
    written: dict[tuple[str, Brief, WriteOptions], bytes] = {}

    def remembering_writer(fmt: str) -> Writer:
        writer = get_writer(fmt)

        def write(brief: Brief, options: WriteOptions) -> bytes:
            if (fmt, brief, options) not in written:
                written[fmt, brief, options] = writer(brief, options)
            return written[fmt, brief, options]

        return write

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(output, "get_writer", remembering_writer)
        patch.setattr(renditions, "get_writer", remembering_writer)
        yield


@pytest.fixture(scope="module", params=SOURCES, ids=lambda p: p.name)
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Brief, dict[str, Path]]:
    source: Path = request.param
    brief = import_file(source) if source.suffix == ".txt" else briefexport.load(source)
    folder = tmp_path_factory.mktemp(source.stem)
    options = default_options(brief)
    named = source.with_suffix(".xml")
    with pdfs_written_once(), each_rendition_written_once():
        files = {
            fmt: export_brief(brief, fmt, output_path(named, fmt, folder), options)
            for fmt in FORMATS
        }
        if importlib.util.find_spec("typst") is not None:
            typst_options = replace(options, pdf_engine=PdfEngine.TYPST)
            target = folder / f"{source.stem}.typst.pdf"
            files[TYPST_PDF] = export_brief(brief, "pdf", target, typst_options)
    return brief, files


@pytest.mark.parametrize("fmt", list(EXTRACTORS))
def test_every_paragraph_and_footnote_reaches_the_format(
    exported: tuple[Brief, dict[str, Path]], fmt: str
) -> None:
    brief, files = exported
    if fmt == TYPST_PDF and fmt not in files:
        skip_missing("the Python package typst", "test extra")
    if fmt not in files:
        pytest.fail(f"format {fmt} is not registered")
    extracted = EXTRACTORS[fmt](files[fmt])
    found = letters(extracted)
    words = set(tokens(without_marks(extracted)))
    missing = []
    for text in expected_texts(brief):
        if fmt.startswith("pdf") and is_rtl(brief.meta.language):
            # pdftotext may order right-to-left lines differently, and may put a combining mark
            # (a kasra) on the letter before its own: every word, marks aside, must be there
            present = set(tokens(without_marks(text))) <= words
        else:
            wanted = letters(text)
            present = wanted[:WINDOW] in found and wanted[-WINDOW:] in found
        if not present:
            missing.append(text[:70])
    assert missing == [], f"{len(missing)} texts missing from {fmt}"
