"""The cover of the book: its image and its page (EPUB 3.3 manifest item properties; the
``cover`` term of the EPUB Structural Semantics Vocabulary; DPUB-ARIA ``doc-cover``).

The image is the manifest item with the ``cover-image`` property; the package also names it in
an EPUB 2 ``<meta name="cover">``, which EPUB 3 reading systems ignore and older ones still
read. The image is the style folder's own ``cover.png`` or ``cover.jpg`` when it has one,
else drawn from the brief (:mod:`.cover_drawing`); ``[cover] enabled = false`` in ``brand.toml``
leaves the cover out. The cover page (``epub:type="cover"``, first in the spine, listed as the
``cover`` landmark but not in the table of contents) shows the image alone; its ``alt`` gives
the title, as WCAG 1.1.1 (which EPUB Accessibility 1.1 builds on) asks of a picture of text.
"""

from __future__ import annotations

import logging
import unicodedata

from ...errors import Diagnostic, InvalidStyleError
from ...inlines import plain_text
from ...model import Brief
from ...model.record import Record, record
from ...options import WriteOptions
from ...shared.i18n import is_rtl
from ...shared.styles import style_file
from ...shared.xmlnames import XML_LANG
from ..xhtml import serialize
from ..xhtml.markup import EPUB_TYPE, child, element
from . import cover_fonts
from .cover_drawing import cover_png

LOGGER = logging.getLogger(__name__)
COVER_PAGE = "cover.xhtml"
COVER_ID = "cover-image"
# a style folder's own cover: file name, media type, the signature its bytes start with
OWN_COVERS = (
    ("cover.png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("cover.jpg", "image/jpeg", b"\xff\xd8\xff"),
)


@record
class CoverImage(Record):
    """The cover's file name inside the book, media type and bytes."""

    name: str
    media_type: str
    data: bytes


def cover_image(brief: Brief, options: WriteOptions) -> CoverImage | None:
    """The book's cover: the style folder's own, else one drawn from the brief; None when the
    brand turns the cover off, or when Pillow cannot shape the brief's script."""
    if not options.brand.cover.enabled:
        return None
    own = own_cover(options)
    if own is not None:
        return own
    if not cover_fonts.shapes_complex_text() and needs_shaping(brief):
        LOGGER.warning("EPUB: no cover: this Pillow has no raqm to set the brief's script")
        return None
    drawn = cover_png(brief, options.brand, options.style_dir)
    return CoverImage("images/cover.png", "image/png", drawn)


def own_cover(options: WriteOptions) -> CoverImage | None:
    """The style folder's ``cover.png`` or ``cover.jpg``, checked to be what its name says."""
    for name, media_type, signature in OWN_COVERS:
        if not (options.style_dir / name).is_file():
            continue
        path = style_file(options.style_dir, name)
        data = path.read_bytes()
        if not data.startswith(signature):
            kind = media_type.split("/")[1].upper()
            raise InvalidStyleError([Diagnostic(str(path), 1, 1, f"{name} is not a {kind} image")])
        return CoverImage(f"images/{name}", media_type, data)
    return None


def needs_shaping(brief: Brief) -> bool:
    """Whether the cover's text has letters that take shaping (Arabic joining, Indic vowel
    signs) or run right to left: Pillow's basic layout would draw them unjoined or reversed."""
    meta = brief.meta
    texts = (meta.series_label, plain_text(meta.title), plain_text(meta.subtitle),
             meta.publisher, *(person.name.display for person in meta.authors))  # fmt: skip
    if is_rtl(meta.language):
        return True
    return any(complex_letter(char) for text in texts for char in text)


def complex_letter(char: str) -> bool:
    """A right-to-left letter, or a combining mark of a script that shapes (not Latin accents)."""
    if unicodedata.bidirectional(char) in {"R", "AL"}:
        return True
    return unicodedata.category(char) in {"Mn", "Mc"} and ord(char) >= 0x0590


def cover_page(brief: Brief, image: CoverImage, title: str) -> bytes:
    """The XHTML page that shows the cover image alone, its ``alt`` the brief's title."""
    lang = brief.meta.language
    direction = "rtl" if is_rtl(lang) else "ltr"
    html = element("html", {"lang": lang, XML_LANG: lang, "dir": direction})
    head = child(html, "head")
    child(head, "meta", {"charset": "utf-8"})
    child(head, "title", text=title)
    child(head, "link", {"rel": "stylesheet", "href": "style/brief.css"})
    body = child(html, "body", {"class": "cover"})
    section = child(body, "section", {EPUB_TYPE: "cover", "class": "cover"})
    child(section, "img", {"src": image.name, "alt": title, "role": "doc-cover"})
    return serialize(html, in_place=True)
