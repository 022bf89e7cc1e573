"""The print stylesheets: the brand's custom properties, the page box and ``styles/pdf.css``.

The house style is CSS in the style folder. The brand file becomes the same ``:root`` custom
properties every format uses (from the shared renderer's stylesheet helpers; the font stacks
without the brand's emoji families) plus the ``@page`` size and margins. Paper:
``options.paper`` wins over the brand's ``[page] size``. The generated block also sets the
notes' ``footnote-policy`` (:mod:`.notes_stay`) before the style folder's sheet, which may
override it. Every sheet is parsed with the sandboxed fetcher, so an ``@import`` or ``url()``
can only reach ``data:`` URIs and the style folder.
"""

from __future__ import annotations

from pathlib import Path

from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration

from ...options import WriteOptions
from ...shared.brand import Page
from ...shared.styles import read_style_text
from ..xhtml.stylesheet import brand_properties, root_rule
from .fetcher import SandboxedFetcher
from .notes_stay import NOTE_POLICY_CSS

PDF_CSS = "pdf.css"


def page_rule(page: Page, options: WriteOptions) -> str:
    """The ``@page`` size (``options.paper``, else the brand's) and margins in millimetres."""
    width, height = (options.paper or page.size).millimetres
    sides = (page.margin_top, page.margin_outer, page.margin_bottom, page.margin_inner)
    margins = " ".join(f"{side:g}mm" for side in sides)
    return f"@page {{ size: {width:g}mm {height:g}mm; margin: {margins}; }}\n"


def style_root(options: WriteOptions) -> Path:
    """The folder every stylesheet, font and logo must come from."""
    return options.style_dir.resolve()


def stylesheets(
    options: WriteOptions, fetcher: SandboxedFetcher, fonts: FontConfiguration
) -> list[CSS]:
    """The brand block and the style folder's ``pdf.css``, both fetched through ``fetcher``."""
    root = style_root(options)
    brand = options.brand
    # No emoji family in the stacks: Pango then set digits and spaces in Noto Color Emoji
    # (keycap bases). It picks a colour emoji font through fontconfig by itself.
    generated = root_rule(brand_properties(brand, emoji=False)) + page_rule(brand.page, options)
    generated += NOTE_POLICY_CSS
    base_url = root.as_uri() + "/"
    return [
        CSS(string=text, base_url=base_url, url_fetcher=fetcher, font_config=fonts)
        for text in (generated, read_style_text(root, PDF_CSS))
    ]
