"""Which fonts, in which faces, the Word copy's text is set in (ECMA-376 Part 1, 17.7.2).

A run's properties are those of the document defaults, then of its paragraph's style and the
styles that one is based on, then of its character style and its bases, then its own: the last
``w:rFonts``, ``w:b`` and ``w:i`` given win (the toggles of 17.7.3 are taken as plain settings,
which is how the reference document and the writer use them). Latin text is set in the
``w:ascii``/``w:hAnsi`` font with ``w:b``/``w:i``; right-to-left text, and any run marked
``w:rtl`` or ``w:cs``, in the ``w:cs`` font with ``w:bCs``/``w:iCs`` (17.3.2.26). A font given
through the theme (``w:asciiTheme``, ``w:cstheme``) is none of the brand's and is not followed.
East Asian text (``w:eastAsia``) is left out: the brand's CJK fonts are collections of
PostScript outlines, tens of megabytes, which Word does not embed.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document
from docx.opc.part import XmlPart
from lxml import etree

from ...shared.bidi import Direction, char_direction, text_directions
from ...shared.xmlnames import W_NS
from .style_chain import StyleChain

Face = tuple[bool, bool]  # bold, italic
Props = dict[str, object]
RunKind = tuple[str | None, bytes, bool, bool]
"""A run's paragraph style, its ``w:rPr`` as written, whether its text has right-to-left letters
and whether it has no others: all that decides the fonts and faces it is set in."""
STORY_TYPES = ("document.main+xml", "footnotes+xml", "endnotes+xml", "header+xml", "footer+xml")
FONT_KEYS = {"ascii": "latin font", "hAnsi": "latin font", "cs": "complex font"}
THEMES = {"asciiTheme": "latin font", "hAnsiTheme": "latin font", "cstheme": "complex font"}
TOGGLES = ("b", "i", "bCs", "iCs", "rtl", "cs")
OFF = {"0", "false", "off"}


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, R, T, VAL = _w("p"), _w("r"), _w("t"), _w("val")
PPR, PSTYLE, RPR = _w("pPr"), _w("pStyle"), _w("rPr")


def read_props(rpr: etree._Element | None, props: Props) -> None:
    """Lay the fonts and toggles ``rpr`` (a ``w:rPr``) sets over ``props``."""
    if rpr is None:
        return
    fonts = rpr.find(_w("rFonts"))
    if fonts is not None:
        for attr, slot in FONT_KEYS.items():
            if fonts.get(_w(attr)):
                props[slot] = fonts.get(_w(attr))
        for attr, slot in THEMES.items():
            if fonts.get(_w(attr)):
                props[slot] = None
    for tag in TOGGLES:
        node = rpr.find(_w(tag))
        if node is not None:
            props[tag] = node.get(_w("val"), "true").lower() not in OFF


class Styles:
    """The document defaults' and each style's run properties, through ``w:basedOn``
    (:mod:`.style_chain`)."""

    def __init__(self, chain: StyleChain) -> None:
        self.chain = chain
        self.default_paragraph = self.chain.default_id("paragraph")
        self.defaults: Props = {}
        read_props(self.chain.defaults("rPr"), self.defaults)
        self._resolved: dict[str, Props] = {}

    def props(self, style_id: str | None) -> Props:
        """What style ``style_id`` and its bases set, bases first (a loop in ``w:basedOn`` ends)."""
        if style_id is None:
            return {}
        if style_id not in self._resolved:
            props: Props = {}
            for link in reversed(self.chain.chain(style_id)):
                read_props(link.find(_w("rPr")), props)
            self._resolved[style_id] = props
        return self._resolved[style_id]


def stories(document: Document) -> Iterator[etree._Element]:
    """The root elements of the parts that hold text: body, notes, headers and footers."""
    for part in document.part.package.iter_parts():
        if part.content_type.endswith(STORY_TYPES):
            yield part.element if isinstance(part, XmlPart) else etree.fromstring(part.blob)


def run_faces(props: Props, directions: set[Direction]) -> Iterator[tuple[str, Face]]:
    """The fonts and faces a run's text, with letters of ``directions``, is drawn in."""
    complex_run = bool(props.get("rtl") or props.get("cs"))
    right_to_left = complex_run or "rtl" in directions
    left_to_right = not complex_run and (directions != {"rtl"})
    complex_font, latin_font = props.get("complex font"), props.get("latin font")
    if right_to_left and isinstance(complex_font, str):
        yield complex_font, (bool(props.get("bCs")), bool(props.get("iCs")))
    if left_to_right and isinstance(latin_font, str):
        yield latin_font, (bool(props.get("b")), bool(props.get("i")))


def used_faces(document: Document, chain: StyleChain) -> tuple[dict[str, set[Face]], str]:
    """Every font the text is set in with the faces it is set in, and all the text; ``chain``
    reads the document's styles."""
    fonts = RunFonts(Styles(chain))
    kinds, text = run_kinds(document, fonts)
    faces: dict[str, set[Face]] = {}
    for kind in kinds:
        for font, face in fonts.faces(kind):
            faces.setdefault(font, set()).add(face)
    return faces, text


def run_kinds(document: Document, fonts: RunFonts) -> tuple[set[RunKind], str]:
    """The kinds of the runs that hold text, and all their text.

    The one walk over every run: it asks each run only what tells its kind, leaving the fonts
    to be worked out once per kind (a brief has hundreds of runs and a handful of kinds).
    """
    kinds: set[RunKind] = set()
    texts: list[str] = []
    default = fonts.styles.default_paragraph
    for story in stories(document):
        for paragraph in story.iter(P):
            style = _child(_child(paragraph, PPR), PSTYLE)
            style_id = default if style is None else style.get(VAL)
            for run in paragraph.iter(R):
                text, properties = _text_and_properties(run)
                if text.strip():
                    texts.append(text)
                    rpr = b"" if properties is None else etree.tostring(properties, with_tail=False)
                    kinds.add((style_id, rpr, *fonts.sides(text)))
    return kinds, "".join(texts)


def _text_and_properties(run: etree._Element) -> tuple[str, etree._Element | None]:
    """The text of a run's ``w:t`` children, and its ``w:rPr``: one look at each child costs
    about half what ``itertext`` and ``find`` cost."""
    pieces: list[str] = []
    properties = None
    for child in run:
        tag = child.tag
        if tag == T:
            pieces.append(child.text or "")
        elif tag == RPR:
            properties = child
    return "".join(pieces), properties


def _child(parent: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child of ``parent`` with ``tag`` (``find`` without its path parser)."""
    return None if parent is None else next(parent.iterchildren(tag), None)


class RunFonts:
    """The faces of each kind of run, worked out once: the runs of a document repeat a few
    ``w:rPr`` many times, and each character's direction is looked up once."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self._strong: dict[Direction, set[str]] = {"ltr": set(), "rtl": set()}
        self._read: set[str] = set()

    def faces(self, kind: RunKind) -> Iterator[tuple[str, Face]]:
        """The fonts and faces a run of ``kind`` is set in."""
        style_id, rpr, right_to_left, only_right_to_left = kind
        properties = etree.fromstring(rpr) if rpr else None
        directions: set[Direction] = {"rtl"} if only_right_to_left else {"ltr"}
        if right_to_left:
            directions.add("rtl")
        return run_faces(_run_props(properties, style_id, self.styles), directions)

    def sides(self, text: str) -> tuple[bool, bool]:
        """Whether ``text`` holds right-to-left letters, and whether those are all its letters:
        what decides between a run's Latin and complex-script fonts (:func:`run_faces`)."""
        if text.isascii():
            return False, False
        directions = self.directions(text)
        return "rtl" in directions, directions == {"rtl"}

    def directions(self, text: str) -> set[Direction]:
        """The strong directions of ``text``'s letters (as :func:`text_directions` finds them)."""
        if text.isascii():
            return text_directions(text)  # its own quick answer: only letters are strong
        chars = set(text)
        unread = chars - self._read
        for char in unread:
            direction = char_direction(char)
            if direction is not None:
                self._strong[direction].add(char)
        self._read |= unread
        return {side for side, letters in self._strong.items() if not letters.isdisjoint(chars)}


def _run_props(rpr: etree._Element | None, style_id: str | None, styles: Styles) -> Props:
    style = rpr.find(_w("rStyle")) if rpr is not None else None
    props = {**styles.defaults, **styles.props(style_id)}
    props.update(styles.props(style.get(VAL) if style is not None else None))
    read_props(rpr, props)
    return props
