"""Compile Typst source to PDF in this process, sandboxed; ask Typst where things landed.

Each write gets a private temporary folder that is the Typst project root: it holds the
generated ``main.typ``, the figures under made-up names and the canonical JATS to attach, and
nothing else, so Typst can read no other file (absolute paths resolve inside the root). The
local package folders are empty ones inside it and no source the writer makes imports a
package, so nothing is fetched from the network. Fonts come only from :mod:`.fonts`. The
binding's ``eval`` and ``query`` need the main file on disk, hence ``main.typ`` (Typst Python
binding 0.15: a source given as bytes cannot be queried).

Standards (Typst 0.15 ``--pdf-standard``): ``a-3b``, ``a-3a``, ``ua-1`` and ``a-3b`` with
``ua-1`` at once. Attachments are refused under PDF/A-2, hence A-3.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, assert_never

import typst

from ...errors import OutputError
from ...options import PdfStandard
from ...shared.brand import Brand
from .fonts import BrandFonts, FontChoice, brand_fonts, choose_fonts, typst_fonts
from .scratch import private_folder, remove_folder

LOGGER = logging.getLogger(__name__)
MAIN = "main.typ"
# One query for the checks: where each page note and its call landed, where the colophon starts
# (page, and points from the top of the page), and the page of each line of a calling paragraph.
PLACES = (
    '(query(footnote.entry).map(e => (str(e.note.at("label", default: "")), '
    "e.note.location().page(), e.location().page())), "
    "query(<colophon>).map(c => (c.location().page(), c.location().position().y.pt())), "
    "query(<line-of>).map(m => (m.value, m.location().page())))"
)


def standards(standard: PdfStandard) -> list[typst.PDFStandard]:
    """Typst's names of the PDF standards ``standard`` asks for."""
    match standard:
        case PdfStandard.PDF_A_3B:
            return ["a-3b"]
        case PdfStandard.PDF_A_3A:
            return ["a-3a"]
        case PdfStandard.PDF_UA_1:
            return ["ua-1"]
        case PdfStandard.PDF_A_3B_UA_1:
            return ["a-3b", "ua-1"]
        case PdfStandard.NONE:
            return []
        case _:
            assert_never(standard)


class NotePage(NamedTuple):
    """Where Typst printed a note (``page``) and its first call (``call_page``)."""

    label: str
    call_page: int
    page: int


class Places(NamedTuple):
    """Where the last compile put the page notes and the colophon."""

    notes: list[NotePage]
    colophon: tuple[int, float] | None
    lines: list[tuple[int, int]]  # (paragraph, page) of each line of a paragraph calling a note


class Workspace:
    """A private project root with one reusable compiler; use it as a context manager.

    The compiler is made by :meth:`use_fonts`, once the text to print says which fonts it needs.
    """

    def __init__(self, brand: Brand, style_dir: Path) -> None:
        self._folder = private_folder("briefexport-typst-")
        self.root, self._packages = self._folder / "root", self._folder / "packages"
        self.root.mkdir()
        self._packages.mkdir()
        self._main = self.root / MAIN
        self._main.write_text("", encoding="utf-8")
        self._brand, self._style_dir = brand, style_dir
        self._choice: FontChoice | None = None
        self._listed: BrandFonts | None = None  # the brand's font folders, listed once
        self._fonts: typst.Fonts | None = None
        self._compiler: typst.Compiler | None = None

    def use_fonts(self, text: str, code: bool, language: str = "") -> FontChoice:
        """Index the fonts ``text`` in ``language`` needs (``code``: it has monospace runs); a
        new set of files makes a new compiler."""
        if self._listed is None:
            self._listed = brand_fonts(self._brand, self._style_dir)
        choice = choose_fonts(self._brand, self._style_dir, text, code, language, self._listed)
        if choice != self._choice:
            self._choice, self._fonts = choice, typst_fonts(choice)
            self._compiler = typst.Compiler(
                input=self._main,
                root=self.root,
                font_paths=self._fonts,
                ignore_system_fonts=True,
                package_path=self._packages,
                package_cache_path=self._packages,
            )
        return choice

    @property
    def fonts(self) -> typst.Fonts:
        """Typst's index of the fonts in use (those of an empty text before :meth:`use_fonts`)."""
        return self._fonts or typst_fonts(self.use_fonts("", code=False))

    @property
    def families(self) -> frozenset[str]:
        """The font families Typst can use, in lower case."""
        return frozenset(family.lower() for family in self.fonts.families())

    @property
    def compiler(self) -> typst.Compiler:
        if self._compiler is None:
            self.use_fonts("", code=False)
        assert self._compiler is not None
        return self._compiler

    def add_files(self, files: dict[str, bytes]) -> None:
        """Put files (figures, the source to attach) in the project root under their names."""
        for name, data in files.items():
            target = self.root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        remove_folder(self._folder)

    def compile(self, source: str, standard: PdfStandard, moment: dt.datetime) -> bytes:
        """The PDF of ``source``; Typst's warnings go to the log, its errors raise OutputError."""
        self._main.write_text(source, encoding="utf-8")
        try:
            pdf, warnings = self.compiler.compile_with_warnings(
                format="pdf", pdf_standards=standards(standard), timestamp=moment
            )
        except typst.TypstError as error:
            raise OutputError(f"PDF (Typst): {error.message}") from None
        except RuntimeError as error:
            raise OutputError(f"PDF (Typst): {error}") from None
        for warning in warnings:
            LOGGER.warning("PDF (Typst): %s", warning.message)
        if not isinstance(pdf, bytes):
            raise OutputError("PDF (Typst): the compiler returned no PDF")
        return pdf

    def places(self) -> Places:
        """From the last compile: the page of each page note and of its first call, and the
        colophon's page and how far down it starts (points; None without a colophon), and the
        page of each line of the paragraphs that call notes."""
        notes, colophon, lines = json.loads(self.compiler.eval(PLACES, format="json"))
        pages = [NotePage(str(name), int(call), int(page)) for name, call, page in notes]
        top = (int(colophon[0][0]), float(colophon[0][1])) if colophon else None
        return Places(pages, top, [(int(paragraph), int(page)) for paragraph, page in lines])
