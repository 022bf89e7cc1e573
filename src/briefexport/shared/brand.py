"""The brand file (``brand.toml``): one typed, validated description of the house style.

Every writer reads the same :class:`Brand`: the CSS custom properties of HTML, EPUB and PDF, the
Word reference document and the PDF page box all come from it. The file is TOML (v1.0) with the
tables ``[identity]``, ``[colors]``, ``[fonts]``, ``[sizes]``, ``[page]`` and ``[word]``; a key
left out keeps the house value, so a style folder may carry only what it changes (one without
a brand file has the house brand). An unknown table or key, a wrong type or a value out of
range is reported as ``brand.toml:LINE:COL: error: ...`` before anything is written (the checks
are in :mod:`.brand_values`).
"""

from __future__ import annotations

import enum
import functools
import re
from pathlib import Path
from typing import Literal, TypeAlias

from ..errors import Diagnostic, InvalidStyleError
from ..model.record import Record, record
from .brand_values import checked_brand
from .caches import STYLE_CACHES, FileStamp, file_stamp
from .styles import BRAND_FILE, default_style_dir, is_style_folder, not_a_style_folder
from .toml_files import toml_value

FontRole: TypeAlias = Literal["body", "heading", "monospace"]


class Placement(enum.Enum):
    """Where the title page's identity lines or the suggested citation are printed."""

    TITLE_PAGE = "title-page"
    COLOPHON = "colophon"
    NONE = "none"


class Paper(enum.Enum):
    """Page sizes of the printed brief (``[page] size`` here, ``--paper`` on the command line)."""

    A4 = "A4"
    LETTER = "Letter"

    @property
    def millimetres(self) -> tuple[float, float]:
        """Width and height."""
        return (210.0, 297.0) if self is Paper.A4 else (215.9, 279.4)


@record
class Identity(Record):
    """Who the style belongs to; ``name`` titles the Word reference document."""

    name: str = "briefexport house style"
    generator: str = "briefexport"


@record
class Front(Record):
    """What every format prints about the brief's identity, and where (``[front]``).

    ``identifiers``: the publisher, the series with the report number and the DOI as a link;
    ``citation``: the suggested citation (see :mod:`briefexport.shared.citation`); ``orcid`` and
    ``email``: the authors' linked ORCID iDs and e-mail addresses on the title page.
    """

    identifiers: Placement = Placement.TITLE_PAGE
    citation: Placement = Placement.COLOPHON
    orcid: bool = True
    email: bool = True


@record
class Colors(Record):
    """Hex RGB colours (``#1F4E79``)."""

    accent: str = "#1F4E79"
    text: str = "#1A1A1A"
    muted: str = "#555555"
    rule: str = "#8A8A8A"
    link: str = "#1F4E79"
    table_header_fill: str = "#E8EEF4"


@record
class Fonts(Record):
    """Font families, best first; ``rtl_*`` for Arabic-script and Hebrew briefs, ``urdu_*`` for
    Urdu (Nastaliq is the convention there, Naskh elsewhere). Latin words inside a right-to-left
    brief are set in the Latin families of the same role.

    ``urdu_in_print``: whether the PDF and the Word copy (which is printed and turned into PDF)
    also set Urdu in the ``urdu_*`` families. Off by default: the text poppler and screen
    readers extract from a PDF set in Nastaliq falls apart (letters split by spaces or lost, in
    WeasyPrint's PDFs and in LibreOffice's PDFs of the Word copy alike), so those keep the
    ``rtl_*`` families (Naskh) unless a brand asks otherwise. EPUB and HTML, whose text stays
    text in the reader, use the ``urdu_*`` families.

    ``scripts``, ``cjk`` and ``emoji`` are the families for what the role's own families lack:
    other scripts (Devanagari, Bengali, Tamil, Thai, Hebrew), Chinese, Japanese and Korean
    (also Word's east-Asian font), and emoji. After a role's own families, HTML and EPUB try
    ``fallback``, ``scripts``, ``cjk``, the generic family, then ``emoji`` (before the generic
    family, a reader without the role's fonts took digits and spaces from the emoji font); the
    PDF through WeasyPrint the same without ``emoji`` (named in CSS, Pango took digits from it;
    it finds colour emoji through fontconfig by itself); Typst, which takes the first family
    that has a glyph and reads no other font, tries ``emoji`` first (else emoji come from
    ``fallback``'s black outlines). A PDF embeds only the glyphs a brief uses, so only a brief
    with such text pays for them.

    ``folders`` are extra font folders (relative to the style folder unless absolute) that the
    Typst engine reads whole; WeasyPrint finds fonts through fontconfig instead.

    ``embed_in_word``: whether the Word copy carries the faces of these families that its text
    is set in (a typing subset of each, where the font's licence allows editing with it), so
    that an editor without them sees and keeps typing in the house fonts. On by default: the
    Noto fonts come with neither Windows nor macOS, and Word would set the copy in its own
    substitutes; it adds about 30 kB per face to the file.
    """

    body: tuple[str, ...] = ("Noto Serif", "DejaVu Serif")
    heading: tuple[str, ...] = ("Noto Sans", "DejaVu Sans")
    monospace: tuple[str, ...] = ("Noto Sans Mono", "DejaVu Sans Mono")
    rtl_body: tuple[str, ...] = ("Noto Naskh Arabic",)
    rtl_heading: tuple[str, ...] = ("Noto Naskh Arabic",)
    urdu_body: tuple[str, ...] = ("Noto Nastaliq Urdu", "Noto Naskh Arabic")
    urdu_heading: tuple[str, ...] = ("Noto Nastaliq Urdu", "Noto Naskh Arabic")
    urdu_in_print: bool = False
    fallback: str = "DejaVu Sans"
    scripts: tuple[str, ...] = (
        "Noto Sans Devanagari",
        "Noto Sans Bengali",
        "Noto Sans Tamil",
        "Noto Sans Thai",
        "Noto Sans Hebrew",
    )
    cjk: tuple[str, ...] = ("Noto Sans CJK SC",)
    emoji: tuple[str, ...] = ("Noto Color Emoji",)
    folders: tuple[str, ...] = ()
    embed_in_word: bool = True

    def fallbacks(self, *, emoji_first: bool = False) -> tuple[str, ...]:
        """The families tried after a role's own: ``fallback``, other scripts, CJK, emoji."""
        rest = (self.fallback, *self.scripts, *self.cjk)
        order = (*self.emoji, *rest) if emoji_first else (*rest, *self.emoji)
        return tuple(dict.fromkeys(order))

    def latin(self, role: FontRole) -> tuple[str, ...]:
        """The families of a role (body, heading, monospace) for left-to-right scripts."""
        match role:
            case "body":
                return self.body
            case "heading":
                return self.heading
            case "monospace":
                return self.monospace

    def stack(self, key: str) -> tuple[str, ...]:
        """The families of field ``key``; a right-to-left field (``rtl_body``, ``urdu_heading``)
        continues with the Latin families of its role, so Latin words in such a brief are set
        in the house Latin fonts, not in whatever the script's font happens to carry."""
        families: tuple[str, ...] = getattr(self, key)
        script, _, role = key.partition("_")
        if script in ("rtl", "urdu") and role in ("body", "heading"):
            latin = self.body if role == "body" else self.heading
            return tuple(dict.fromkeys((*families, *latin)))
        return families

    def rtl(self, role: FontRole, language: str = "") -> tuple[str, ...]:
        """The families of a role for Arabic-script and Hebrew text (Urdu's own for ``ur``)."""
        urdu = language.lower().replace("_", "-").split("-")[0] == "ur"
        match role:
            case "body":
                return self.urdu_body if urdu else self.rtl_body
            case "heading":
                return self.urdu_heading if urdu else self.rtl_heading
            case "monospace":
                return self.monospace


@record
class Sizes(Record):
    """Type sizes in points; ``line_height`` is a multiple of the body size."""

    body: float = 10.5
    line_height: float = 1.4
    title: float = 20
    subtitle: float = 13
    heading_1: float = 13
    heading_2: float = 11.5
    heading_3: float = 10.5
    series: float = 10
    footnote: float = 8
    caption: float = 9
    running_header: float = 8


@record
class Page(Record):
    """Paper size and margins in millimetres (inner and outer for facing pages)."""

    size: Paper = Paper.A4
    margin_top: float = 22
    margin_bottom: float = 24
    margin_inner: float = 22
    margin_outer: float = 22


@record
class Word(Record):
    """Spacing of the Word copy's own, in points: where the print stylesheet has no value a
    Word style could take (``writers/docx/reference_styles.py`` takes every other one from
    ``pdf.css``).

    ``caption_after``: after a caption in Word's Caption style, which an editor's Insert
    Caption sets above or below (the writer's figure and table captions are in styles based
    on it, spaced as the PDF spaces each);
    ``table_text_after``: after each paragraph in a table cell (the cell padding is the print
    stylesheet's); ``running_head_after``: after the running head, which Word places by the
    page margins, not by a margin of its own.
    """

    caption_after: float = 10
    table_text_after: float = 0
    running_head_after: float = 0


@record
class Cover(Record):
    """The EPUB cover image drawn from the brief (``[cover]``): pixel size, colours and layout.

    ``enabled`` false gives a book without a cover. Colours are ``#RRGGBB`` or the name of a
    ``[colors]`` key (``"accent"``). Lengths and type sizes are per cent of the cover's width,
    ``band_height`` per cent of its height; ``line_height`` is a multiple of the type size.
    The band at the top holds the series label, the title and the subtitle; the authors follow
    below it, the publisher and the date sit at the foot above a rule. A title too long for
    ``title_lines`` lines at ``title_size`` is set smaller, down to ``title_min_size``.
    """

    enabled: bool = True
    width: int = 1400
    height: int = 2100
    background: str = "#FFFFFF"
    band: str = "accent"
    band_text: str = "#FFFFFF"
    band_muted: str = "#C8D5E3"
    text: str = "text"
    muted: str = "muted"
    rule: str = "accent"
    band_height: float = 58
    margin: float = 9
    rule_width: float = 0.4
    series_size: float = 2.7
    title_size: float = 7.4
    title_min_size: float = 4.4
    title_lines: int = 6
    subtitle_size: float = 3.7
    authors_size: float = 3.4
    imprint_size: float = 2.7
    line_height: float = 1.2


@record
class Brand(Record):
    """The whole brand file."""

    identity: Identity = Identity()
    front: Front = Front()
    colors: Colors = Colors()
    fonts: Fonts = Fonts()
    sizes: Sizes = Sizes()
    page: Page = Page()
    word: Word = Word()
    cover: Cover = Cover()

    def color(self, value: str) -> str:
        """A colour of the brand file: ``#RRGGBB`` as it is, a ``[colors]`` key's name by value."""
        return value if value.startswith("#") else str(getattr(self.colors, value))


def load_brand(style_dir: Path) -> Brand:
    """The brand of a style folder (the shipped one when it has no brand file of its own);
    raises InvalidStyleError listing every problem."""
    path = style_dir / BRAND_FILE
    stamp = file_stamp(path)
    if stamp is None:
        if not is_style_folder(style_dir):
            raise InvalidStyleError([Diagnostic(str(path), 1, 1, not_a_style_folder(style_dir))])
        return load_brand(default_style_dir())
    return _load(path.resolve(), stamp)


@functools.lru_cache(maxsize=16)
def _load(path: Path, _stamp: FileStamp) -> Brand:
    """The brand file at ``path``, read again once its state (``_stamp``) changes."""
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = toml_value(text)
    except ValueError as error:  # tomllib.TOMLDecodeError
        line, column = _decode_error_position(str(error))
        raise InvalidStyleError(
            [Diagnostic(str(path), line, column, f"not TOML: {error}")]
        ) from None
    return checked_brand(Brand(), data, str(path), text)


STYLE_CACHES.append(_load.cache_clear)


def _decode_error_position(message: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)
