"""Small builders for WordprocessingML elements (ECMA-376 Part 1, 17) over python-docx's oxml.

Child order inside ``w:pPr`` and ``w:rPr`` is fixed by the schema (17.3.1.26, 17.3.2.28); the
builders below emit children in that order so Word never reports the file as damaged.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import fields, replace
from operator import attrgetter
from typing import Any, TypeAlias, cast

from docx.oxml.parser import oxml_parser
from docx.oxml.xmlchemy import BaseOxmlElement

from ...model.record import Record, record
from ...shared.typography import COMPOUND_HYPHEN
from ...shared.xmlnames import W_NS

# python-docx types its elements as BaseOxmlElement; plain lxml elements behave the same.
Element: TypeAlias = BaseOxmlElement
W_NSMAP = {"w": W_NS}


class Prototypes(threading.local):
    """One empty element of each ``w:`` tag, and one ``w:rPr`` of each run format, made once per
    thread and copied for each new one: a copy costs a third of what making an element costs
    (per thread, as lxml trees are used)."""

    def __init__(self) -> None:
        self.made: dict[str, Any] = {}  # lxml elements, whose __copy__ lxml's stubs leave out
        self.formats: dict[object, Any] = {}  # the w:rPr of each RunFormat's fields

    def element(self, tag: str) -> Element:
        """A new empty ``w:tag`` element."""
        prototype: Any = self.made.get(tag)
        if prototype is None:
            if len(self.made) >= PROTOTYPES_KEPT:
                self.made.clear()
            prototype = oxml_parser.makeelement(f"{{{W_NS}}}{tag}", nsmap=W_NSMAP)
            self.made[tag] = prototype
        return cast(Element, prototype.__copy__())  # copy.copy would add a fifth


PROTOTYPES_KEPT = 256
"""More tags than the writer uses: the prototypes only ever go when a caller invents tags."""
PROTOTYPES = Prototypes()


def w(tag: str, **attrs: str) -> Element:
    """A ``w:`` element; ``attrs`` are ``w:`` attributes given without prefix (``val="x"``).

    Made as python-docx's ``OxmlElement("w:...")`` makes it (its parser, so its element
    classes, and the ``w`` namespace declared), without parsing the prefixed name each time.
    """
    node = PROTOTYPES.element(tag)
    for name, value in attrs.items():
        node.set(f"{{{W_NS}}}{name}", value)
    return node


def text_run(text: str, properties: Element | None = None) -> Element:
    """A ``w:r`` holding ``text`` (spaces kept)."""
    run = w("r")
    if properties is not None and len(properties):
        run.append(properties)
    run.append(text_node(text))
    return run


def code_run(text: str, properties: Element | None = None) -> Element:
    """A ``w:r`` of code: its hyphens are Word's non-breaking hyphens (``w:noBreakHyphen``,
    17.3.3.18), so a name like ``pe-heat-v2`` is never split at a line end."""
    run = text_run("", properties)
    run.remove(run[-1])
    for index, piece in enumerate(text.split("-")):
        if index:
            run.append(w("noBreakHyphen"))
        if piece:
            run.append(text_node(piece))
    return run


def whole_compounds(paragraph: Element) -> Element:
    """``paragraph`` with the hyphen of each compound in its text made a non-breaking hyphen
    (``w:noBreakHyphen``, which Word and LibreOffice never end a line at), as the PDF keeps a
    display title's compounds whole; a hyphen-minus only, so the text reads back the same."""
    for node in list(paragraph.iter(f"{{{W_NS}}}t")):
        text, pieces, last = node.text or "", [], 0
        for match in COMPOUND_HYPHEN.finditer(text):
            if match.group() == "-":
                pieces += [text_node(text[last : match.start()]), w("noBreakHyphen")]
                last = match.end()
        parent = node.getparent()
        if pieces and parent is not None:
            at = parent.index(node)
            parent[at : at + 1] = [*pieces, text_node(text[last:])]
    return paragraph


def text_node(text: str) -> Element:
    """A ``w:t`` holding ``text``, its spaces kept."""
    node = w("t")
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


@record
class RunFormat(Record):
    """Character formatting of a run: a character style plus direct formatting."""

    style_id: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    small_caps: bool = False
    vertical: str | None = None  # "superscript" or "subscript"
    rtl: bool = False

    def for_text(self, text: str) -> RunFormat:
        """This format for ``text``: a run of Latin text in a right-to-left brief is not marked
        ``w:rtl`` (that would give it the complex-script font and reorder its digits)."""
        if self.rtl and is_left_to_right(text):
            return replace(self, rtl=False)
        return self

    def properties(self) -> Element:
        """The ``w:rPr`` for this format, children in schema order: a copy of the one made for
        the format's first run in this thread (a copy costs a third of making one)."""
        key = _format_key(self)
        made: Any = PROTOTYPES.formats.get(key)
        if made is None:
            if len(PROTOTYPES.formats) >= PROTOTYPES_KEPT:
                PROTOTYPES.formats.clear()
            made = PROTOTYPES.formats[key] = self._made_properties()
        return cast(Element, made.__copy__())

    def _made_properties(self) -> Element:
        rpr = w("rPr")
        if self.style_id:
            rpr.append(w("rStyle", val=self.style_id))
        # Bold is doubled with its complex-script twin (bCs) so that Arabic and Urdu runs show
        # it too; italic is not (no iCs): Arabic script has no italics, a slanted Naskh is a
        # synthetic oblique, and Word and LibreOffice take the complex-script flag for it.
        if self.bold:
            rpr.extend((w("b"), w("bCs")))
        if self.italic:
            rpr.append(w("i"))
        if self.small_caps:
            rpr.append(w("smallCaps"))
        if self.underline:
            rpr.append(w("u", val="single"))
        if self.vertical:
            rpr.append(w("vertAlign", val=self.vertical))
        if self.rtl:
            rpr.append(w("rtl"))
        return rpr


_format_key = attrgetter(*(item.name for item in fields(RunFormat)))  # every field, in a C call


def is_left_to_right(text: str) -> bool:
    """True when ``text`` has left-to-right letters and no right-to-left ones."""
    classes = {unicodedata.bidirectional(char) for char in text}
    return "L" in classes and not classes & {"R", "AL"}


def paragraph(style_id: str | None, rtl: bool, num_id: int | None = None) -> Element:
    """An empty ``w:p`` with its style, list numbering and direction."""
    para = w("p")
    ppr = w("pPr")
    if style_id:
        ppr.append(w("pStyle", val=style_id))
    if num_id is not None:
        numpr = w("numPr")
        numpr.append(w("ilvl", val="0"))
        numpr.append(w("numId", val=str(num_id)))
        ppr.append(numpr)
    if rtl:
        ppr.append(w("bidi"))
    if len(ppr):
        para.append(ppr)
    return para


def bookmark(bookmark_id: int, name: str) -> tuple[Element, Element]:
    """A ``w:bookmarkStart`` and ``w:bookmarkEnd`` pair."""
    start = w("bookmarkStart", id=str(bookmark_id), name=name)
    return start, w("bookmarkEnd", id=str(bookmark_id))
