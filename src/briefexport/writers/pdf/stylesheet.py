"""The print stylesheets: the brand's custom properties, the page box and ``pdf.css``.

The house style is CSS: the shipped ``pdf.css`` with the style folder's own after it
(:mod:`...shared.sheets`). The brand file becomes the same ``:root`` custom
properties every format uses (from the shared renderer's stylesheet helpers; the font stacks
without the brand's emoji families) plus the ``@page`` size and margins. Paper:
``options.paper`` wins over the brand's ``[page] size``. The generated block also sets the
notes' ``footnote-policy`` (:mod:`.notes_stay`) before the sheets, which may override it.
Every sheet is parsed with the sandboxed fetcher, so an ``@import`` or ``url()`` can only reach
``data:`` URIs, the style folder and the house style's folder.

Parsing the sheets and loading their ``@font-face`` fonts into a WeasyPrint
``FontConfiguration`` is the same work for every brief of a style: :func:`house_style` keeps
both, per thread (Pango's font map is not safe to share between threads), keyed by the sheets'
text, the style folder and the size and time of each of its files, and gives them to the next
brief with the same key. A ``CSS`` object is only read while a document is laid out; the font
configuration keeps the fonts of its ``@font-face`` rules and caches of text measures, which do
not change what is laid out.
"""

from __future__ import annotations

import shutil
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import url_join

from ...errors import UnsafeResourceError
from ...options import WriteOptions
from ...shared.brand import Page
from ...shared.sheet_urls import css_urls
from ...shared.sheets import layered_sheets
from ...shared.styles import PRINT_SHEET, FolderStamp, default_style_dir, folder_stamp
from ..xhtml.stylesheet import brand_properties, root_rule
from .fetcher import RefusedFetchError, SandboxedFetcher
from .notes_stay import NOTE_POLICY_CSS


def page_rule(page: Page, options: WriteOptions) -> str:
    """The ``@page`` size (``options.paper``, else the brand's) and margins in millimetres."""
    width, height = (options.paper or page.size).millimetres
    sides = (page.margin_top, page.margin_outer, page.margin_bottom, page.margin_inner)
    margins = " ".join(f"{side:g}mm" for side in sides)
    return f"@page {{ size: {width:g}mm {height:g}mm; margin: {margins}; }}\n"


def style_root(options: WriteOptions) -> Path:
    """The style folder, where the style's own sheets, fonts and logos come from."""
    return options.style_dir.resolve()


def style_roots(options: WriteOptions) -> tuple[Path, ...]:
    """The folders every stylesheet, font and logo must come from: the style folder, and the
    house style's, whose sheets come before the folder's own."""
    return tuple(dict.fromkeys((style_root(options), default_style_dir().resolve())))


STYLES_KEPT = 2
"""Parsed house styles each thread keeps."""

StyleKey = tuple[str, tuple[tuple[Path, str], ...], FolderStamp]


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """Parsed stylesheets and the font configuration their ``@font-face`` rules filled."""

    fonts: FontConfiguration
    sheets: list[CSS]


class _KeptStyles(threading.local):
    def __init__(self) -> None:
        self.styles: OrderedDict[StyleKey, HouseStyle] = OrderedDict()


_KEPT = _KeptStyles()


def house_style(options: WriteOptions, fetcher: SandboxedFetcher) -> HouseStyle:
    """The parsed print style of ``options``, parsed for an earlier brief when nothing changed."""
    root = style_root(options)
    texts = sheet_texts(options)
    key: StyleKey = (str(root), texts, folder_stamp(root))
    kept = _KEPT.styles
    style = kept.get(key)
    if style is None:
        fonts = FontConfiguration()
        style = HouseStyle(fonts, parse_sheets(texts, fetcher, fonts))
        remove_fonts_at_exit(fonts)
        kept[key] = style
        while len(kept) > STYLES_KEPT:
            kept.popitem(last=False)
    kept.move_to_end(key)
    return style


def remove_fonts_at_exit(fonts: FontConfiguration) -> None:
    """Remove the folder where WeasyPrint put the ``@font-face`` fonts of a kept configuration
    when the process ends, as WeasyPrint does when the configuration is collected.

    A kept configuration lives as long as the process, and worker processes end with
    ``os._exit``, which runs no ``__del__`` and no ``atexit``: multiprocessing's finalizers with
    an exit priority do run, in workers and at a normal interpreter exit alike.
    """
    folder = getattr(fonts, "_folder", None)  # WeasyPrint 70: made on the first @font-face
    if folder is not None:
        from multiprocessing.util import Finalize  # not imported by a style without fonts

        Finalize(fonts, shutil.rmtree, args=(str(folder),), kwargs={"ignore_errors": True},
                 exitpriority=0)  # fmt: skip


def sheet_texts(options: WriteOptions) -> tuple[tuple[Path, str], ...]:
    """The generated brand block, then the print stylesheets (:mod:`...shared.sheets`), each
    with the folder it reads files from."""
    root = style_root(options)
    brand = options.brand
    # No emoji family in the stacks: Pango then set digits and spaces in Noto Color Emoji
    # (keycap bases). It picks a colour emoji font through fontconfig by itself.
    generated = root_rule(brand_properties(brand, emoji=False)) + page_rule(brand.page, options)
    generated += NOTE_POLICY_CSS
    sheets = layered_sheets(options.style_dir, PRINT_SHEET)
    return ((root, generated), *((sheet.folder.resolve(), sheet.text) for sheet in sheets))


def parse_sheets(
    texts: tuple[tuple[Path, str], ...], fetcher: SandboxedFetcher, fonts: FontConfiguration
) -> list[CSS]:
    """Each text parsed as a sheet of its folder, fetching through ``fetcher``."""
    return [
        CSS(string=text, base_url=folder.as_uri() + "/", url_fetcher=fetcher, font_config=fonts)
        for folder, text in texts
    ]


def stylesheets(
    options: WriteOptions, fetcher: SandboxedFetcher, fonts: FontConfiguration
) -> list[CSS]:
    """The brand block and the print stylesheets, parsed afresh into ``fonts``."""
    return parse_sheets(sheet_texts(options), fetcher, fonts)


def placed_refusal(refused: UnsafeResourceError, options: WriteOptions) -> UnsafeResourceError:
    """The refusal of a URL named at the print sheet's line and column where it is written
    (WeasyPrint says only which URL), as the HTML and EPUB writers name it; as it is when no
    print sheet names it (an imported sheet's URL, the brief's own)."""
    if isinstance(refused, RefusedFetchError):
        for sheet in reversed(layered_sheets(options.style_dir, PRINT_SHEET)):
            base = sheet.folder.resolve().as_uri() + "/"
            for found in css_urls(sheet.text):
                if url_join(base, found.target, False, "") == refused.url:
                    place = f"{sheet.name}:{found.line}:{found.column}"
                    return UnsafeResourceError(f"style {place}: {refused}")
    return UnsafeResourceError(str(refused))
