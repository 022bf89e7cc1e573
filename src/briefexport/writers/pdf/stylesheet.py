"""The print stylesheets: the brand's custom properties, the page box and ``styles/pdf.css``.

The house style is CSS in the style folder. The brand file becomes the same ``:root`` custom
properties every format uses (from the shared renderer's stylesheet helpers) plus the ``@page``
size and margins. Paper: ``options.paper`` wins over the brand's ``[page] size``; both accept
"A4" and "Letter". The generated block also sets the notes' ``footnote-policy``
(:mod:`.notes_stay`) before the style folder's sheet, which may override it. Every sheet is
parsed with the sandboxed fetcher, so an ``@import`` or ``url()`` can only reach ``data:`` URIs
and the style folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration

from ...errors import BriefexportError
from ...options import WriteOptions
from ...styles import load_brand
from ..xhtml.stylesheet import brand_properties, read_style, root_rule
from .fetcher import SandboxedFetcher
from .notes_stay import NOTE_POLICY_CSS

PDF_CSS = "pdf.css"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
MARGIN_SIDES = ("margin_top", "margin_outer", "margin_bottom", "margin_inner")


def paper_size(options: WriteOptions, brand: Mapping[str, Any]) -> str:
    """The CSS page size keyword for the options or the brand (A4 by default)."""
    wanted = options.paper.value if options.paper else brand.get("page", {}).get("size", "A4")
    try:
        return PAPER_SIZES[str(wanted).lower()]
    except KeyError:
        raise BriefexportError(f"unknown paper size {wanted!r} (use A4 or Letter)") from None


def page_rule(brand: Mapping[str, Any], size: str) -> str:
    """The ``@page`` size and margins (millimetres in the brand)."""
    page = brand.get("page", {})
    margins = " ".join(f"{float(page.get(side, 22))}mm" for side in MARGIN_SIDES)
    return f"@page {{ size: {size}; margin: {margins}; }}\n"


def style_root(options: WriteOptions) -> Path:
    """The folder every stylesheet, font and logo must come from."""
    return options.style_dir.resolve()


def stylesheets(
    options: WriteOptions, fetcher: SandboxedFetcher, fonts: FontConfiguration
) -> list[CSS]:
    """The brand block and the style folder's ``pdf.css``, both fetched through ``fetcher``."""
    root = style_root(options)
    brand = load_brand(root)
    generated = root_rule(brand_properties(brand)) + page_rule(brand, paper_size(options, brand))
    generated += NOTE_POLICY_CSS
    base_url = root.as_uri() + "/"
    return [
        CSS(string=text, base_url=base_url, url_fetcher=fetcher, font_config=fonts)
        for text in (generated, read_style(root, PDF_CSS))
    ]
