"""``--to epub``: an EPUB 3.3 book with a cover, popup footnotes, full metadata and a
reproducible zip.

ebooklib 0.20 is used only as a packager: the content documents are our own XHTML, stored in
plain ``EpubItem`` objects so ebooklib never re-parses them, and the navigation document is ours
too. ebooklib writes the package document, the NCX and the entries in their order, but into a
list (:class:`EntryWriter`): the zip is ours, with fixed dates (ebooklib's would have the
current time) and each entry compressed once.
"""

from __future__ import annotations

import datetime as dt

from ebooklib import epub
from lxml import etree

from ...inlines import plain_text
from ...model import Brief, Image
from ...options import WriteOptions
from ...shared import i18n
from ...shared.typeset import typeset
from ...shared.xmlnames import XML_LANG
from ..xhtml import NotePlacement, brief_to_xhtml, serialize
from ..xhtml.stylesheet import format_css
from ..zippack import pack
from .cover import COVER_ID, COVER_PAGE, CoverImage, cover_image, cover_page
from .documents import (
    LANDMARKS,
    NAV,
    TEXT,
    TITLE_PAGE,
    Heading,
    headings,
    nav_document,
    split_documents,
)
from .metadata import accessibility, describe

STYLESHEETS = ("common.css", "epub.css")
NAV_LABELS = ("contents", "title_page", "text", "cover")
STYLE_FILE = "style/brief.css"
XHTML_TYPE = "application/xhtml+xml"
EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif"}
EXTENSIONS |= {"image/svg+xml": ".svg", "image/webp": ".webp"}


class ImageFiles:
    """Names figure files ``images/figure-N.ext`` as the renderer meets them."""

    def __init__(self) -> None:
        self.names: dict[str, tuple[str, Image]] = {}

    def src(self, image: Image) -> str:
        if image.href not in self.names:
            number = len(self.names) + 1
            name = f"images/figure-{number}{EXTENSIONS.get(image.media_type, '')}"
            self.names[image.href] = (name, image)
        return self.names[image.href][0]


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as an EPUB 3 file."""
    brief = typeset(brief, options.smart)
    cover = cover_image(brief, options)
    book = epub.EpubBook()
    describe(book, brief)
    accessibility(book, brief, cover=cover is not None)
    images = ImageFiles()
    root = brief_to_xhtml(
        brief,
        NotePlacement.AFTER_BLOCK,
        css=[STYLE_FILE],
        image_src=images.src,
        style_dir=options.style_dir,
        modified=options.timestamp,
        brand=options.brand,
    )
    documents = split_documents(root)
    add_resources(book, options, images)
    pages = {name: serialize(page, in_place=True) for name, page in documents.items()}
    title_page = add_page(book, "titlepage", TITLE_PAGE, pages[TITLE_PAGE])
    text = add_page(book, "text", TEXT, pages[TEXT])
    words = {key: i18n.label(brief.meta.language, key, options.style_dir) for key in NAV_LABELS}
    words["title"] = plain_text(brief.meta.title)
    nav = add_navigation(book, brief, documents[TEXT], words, cover=cover is not None)
    book.spine = [title_page, (nav, "no"), text]
    if cover is not None:
        book.spine.insert(0, add_cover(book, brief, cover, words["title"]))
    return package(book, options.timestamp)


def add_cover(book: epub.EpubBook, brief: Brief, cover: CoverImage, title: str) -> epub.EpubItem:
    """The cover image (``cover-image``, also named for EPUB 2 readers) and its page."""
    image = epub.EpubItem(COVER_ID, cover.name, cover.media_type, cover.data)
    image.properties = ["cover-image"]
    book.add_item(image)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": COVER_ID})
    return add_page(book, "cover", COVER_PAGE, cover_page(brief, cover, title))


def add_resources(book: epub.EpubBook, options: WriteOptions, images: ImageFiles) -> None:
    """The stylesheet (brand values filled in) and the figure files with their media types."""
    css = format_css(options.style_dir, options.brand, STYLESHEETS, resolve=True)
    book.add_item(epub.EpubItem("style", STYLE_FILE, "text/css", css.encode("utf-8")))
    for index, (name, image) in enumerate(images.names.values(), 1):
        book.add_item(epub.EpubItem(f"figure-{index}", name, image.media_type, image.data))


def add_page(book: epub.EpubBook, uid: str, name: str, content: bytes) -> epub.EpubItem:
    item = epub.EpubItem(uid, name, XHTML_TYPE, content)
    book.add_item(item)
    return item


def add_navigation(
    book: epub.EpubBook,
    brief: Brief,
    text: etree._Element,
    words: dict[str, str],
    *,
    cover: bool,
) -> epub.EpubItem:
    """Our navigation document (outside the reading order) plus an NCX for EPUB 2 readers;
    the cover page is a landmark, not an entry of the table of contents."""
    # A brief without section headings still lists its text after the title page.
    sections = headings(text) or [Heading(TEXT, words["text"], 1)]
    title = words["title"]
    marks = (("cover", COVER_PAGE, "cover"), *LANDMARKS) if cover else LANDMARKS
    nav = epub.EpubItem("nav", NAV, XHTML_TYPE, nav_document(brief, words, sections, marks))
    nav.properties = ["nav"]
    book.add_item(nav)
    book.toc = [epub.Link(TITLE_PAGE, title, "nav-title")]
    book.toc += [epub.Link(s.href, s.title, f"nav-{i}") for i, s in enumerate(sections, 1)]
    book.add_item(epub.EpubNcx())
    return nav


def package(book: epub.EpubBook, modified: dt.datetime) -> bytes:
    """Write with ebooklib, then pack: ``mimetype`` first and stored, fixed dates."""
    options = {"mtime": modified.astimezone(dt.UTC), "epub3_pages": False}
    options |= {"epub3_landmark": False, "epub2_guide": False, "raise_exceptions": True}
    writer = EntryWriter(None, book, options)
    writer.process()
    writer.write()
    return pack(writer.out.entries, modified, stored=frozenset({"mimetype"}), level=9)


class Entries:
    """Takes the place of ebooklib's zip file: the entries' names and bytes, in order."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, bytes]] = []

    def writestr(self, name: str, data: str | bytes, **_: object) -> None:
        self.entries.append((name, data.encode("utf-8") if isinstance(data, str) else data))


class EntryWriter(epub.EpubWriter):  # type: ignore[misc]
    """ebooklib's writer, its entries kept for :func:`.zippack.pack` (which gives them fixed
    dates and order) instead of zipped once to be read back and zipped again."""

    out: Entries

    def write(self) -> None:
        """As ``EpubWriter.write`` (ebooklib 0.20) does, into :class:`Entries`."""
        self.out = Entries()
        self.out.writestr("mimetype", "application/epub+zip")
        self._write_container()
        self._write_opf()
        self._write_items()

    def _write_opf_file(self, root: etree._Element) -> None:
        """The package document with the book's language on its root (EPUB 3.3 section 5.3:
        ``xml:lang`` on ``package`` is the language of the metadata; Ace by DAISY requires it)."""
        root.set(XML_LANG, self.book.language)
        super()._write_opf_file(root)
