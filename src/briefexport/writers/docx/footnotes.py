"""Real Word footnotes (ECMA-376 Part 1, 17.11): the ``word/footnotes.xml`` part and the calls.

python-docx 1.2 has no footnote API, so the part is built here. The template's separator notes
(ids -1 and 0, or whatever the template uses) are kept, so an institution's own note separator
survives; every other note of the template is dropped.

A note called twice: the first call is the real ``w:footnoteReference``, wrapped in a hidden
bookmark ``_RefNoteN``; every later call is a ``NOTEREF _RefNoteN \\f \\h`` field, which is
what Word inserts for *Insert > Cross-reference > Footnote number (formatted)*. It shows the
same number in the Footnote Reference style, follows renumbering when fields are updated and
links to the note.

Two calls side by side get a comma between them in the Footnote Reference style (a run of its
own, as a ``w:footnoteReference`` run holds nothing else): Word would print "45" for notes 4
and 5. The comma and every later call also carry the call's look directly, for LibreOffice
(:mod:`.call_look`).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from ...model import Footnote
from .xml import Element, RunFormat, bookmark, text_run, w

SEPARATOR_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
PARTNAME = "/word/footnotes.xml"
# Settings children that follow w:footnotePr (CT_Settings sequence), for inserting it in place.
_SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
    "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


def separator_notes(rule: Element | None = None) -> Element:
    """The separator notes (ids -1 and 0): Word's separator marks, or with ``rule`` (a
    ``w:top`` border) a paragraph as wide as the text with that rule above it.

    Word draws its separator mark (17.11.23) as a short line of its own, so with a rule the
    mark is hidden (``w:vanish``): a reader that draws its own separator line wherever the
    mark stands (LibreOffice) still has one, and Word shows the rule alone.
    """
    root: Element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}/>")
    for note_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        note = w("footnote", type=kind, id=note_id)
        para = w("p")
        properties = w("pPr")
        para.append(properties)
        run = w("r")
        if rule is None:
            properties.append(w("spacing", after="0", line="240", lineRule="auto"))
        else:
            borders = w("pBdr")
            borders.append(copy.deepcopy(rule))
            properties.append(borders)
            # one point high, so the notes start the rule's gap below it
            properties.append(w("spacing", after="0", line="20", lineRule="exact"))
            hidden = w("rPr")
            hidden.append(w("vanish"))
            run.append(hidden)
        run.append(w(kind))
        para.append(run)
        note.append(para)
        root.append(note)
    return root


def _template_separators(document: Document) -> Element | None:
    """The template's footnotes part with only its separator notes, detached from the package."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            old: Part = rel.target_part
            document.part.drop_rel(rel_id)
            root: Element = parse_xml(old.blob)
            for note in root.findall(qn("w:footnote")):
                if note.get(qn("w:type")) not in SEPARATOR_TYPES:
                    root.remove(note)
            return root
    return None


def new_footnotes_part(document: Document, separators: Element | None = None) -> XmlPart:
    """A fresh footnotes part related from the main document, with the template's separator
    notes, else ``separators``, else Word's plain separator marks."""
    root = _template_separators(document)
    if root is None:
        root = separators if separators is not None else separator_notes()
    package = document.part.package
    part = XmlPart(PackURI(PARTNAME), CT.WML_FOOTNOTES, root, package)
    document.part.relate_to(part, RT.FOOTNOTES)
    _declare_separators(document, root)
    return part


def _declare_separators(document: Document, root: Element) -> None:
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    declaration = w("footnotePr")
    for note in root.findall(qn("w:footnote")):
        declaration.append(w("footnote", id=note.get(qn("w:id")) or "0"))
    settings.insert_element_before(declaration, *_SETTINGS_AFTER_FOOTNOTEPR)


class NoteCalls:
    """Which notes were called already, and the style of the call marks."""

    __slots__ = ("called", "id_base", "look", "next_bookmark", "part", "reference_style")

    def __init__(self, part: XmlPart, reference_style: str, look: Sequence[Element] = ()) -> None:
        """``look``: the run properties the comma between calls and a later call of a note
        carry besides the call's style (:mod:`.call_look`)."""
        self.part = part
        self.reference_style = reference_style
        self.look = tuple(look)
        self.called: set[int] = set()
        self.next_bookmark = 1
        # Word 2007 numbered its separators 0 and 1 where later versions use -1 and 0, so a
        # template's separators may take id 1: note ids start above them.
        separator_ids = [int(n.get(qn("w:id")) or 0) for n in self.part.element.iterchildren()]
        self.id_base = max([0, *separator_ids])

    def note_id(self, note: Footnote) -> str:
        """The ``w:id`` of a note: its number, above the separators' ids."""
        return str(note.number + self.id_base)

    def call(self, note: Footnote, rtl: bool) -> list[Element]:
        """The elements for one call of ``note`` (see the module docstring)."""
        fmt = RunFormat(style_id=self.reference_style, rtl=rtl)
        name = f"_RefNote{note.number}"
        if note.number in self.called:
            cross = w("fldSimple", instr=f" NOTEREF {name} \\f \\h ")
            cross.append(text_run(str(note.number), self.looking_like_a_call(rtl)))
            return [cross]
        self.called.add(note.number)
        run = w("r")
        run.append(fmt.properties())
        run.append(w("footnoteReference", id=self.note_id(note)))
        start, end = self.bookmark(name)
        return [start, run, end]

    def separator(self, mark: str, rtl: bool) -> Element:
        """The comma ``mark`` between two calls side by side ("4,5"), raised like them."""
        return text_run(mark, self.looking_like_a_call(rtl))

    def looking_like_a_call(self, rtl: bool) -> Element:
        """The run properties of a run in the call's style that is not a ``w:footnoteReference``:
        the style and the call's look as direct formatting."""
        properties = RunFormat(style_id=self.reference_style, rtl=rtl).properties()
        properties[1:1] = [copy.copy(setting) for setting in self.look]  # after w:rStyle
        return properties

    def bookmark(self, name: str) -> tuple[Element, Element]:
        """A new bookmark pair with a document-unique id."""
        pair = bookmark(self.next_bookmark, name)
        self.next_bookmark += 1
        return pair

    def add_note(self, note: Footnote, paragraphs: list[Element]) -> None:
        """Append a note's body (paragraphs already rendered) to the footnotes part."""
        body = w("footnote", id=self.note_id(note))
        body.extend(paragraphs)
        self.part.element.append(body)


def note_mark(number_style: str, rtl: bool) -> list[Element]:
    """The number at the head of a note's text (``w:footnoteRef``) in the note number's style
    (:data:`.stylemap.FOOTNOTE_NUMBER`), on the line as the PDF prints it; then a tab.

    Word sets the mark in its run's style. LibreOffice drops the mark and the tab after it and
    draws the number itself, in the style it finds under that style's name. The PDF's full stop
    after the number is left out: Word's mark shows the number alone, a full stop typed after
    it would be the note's first character to every program that reads the notes' text, and
    LibreOffice would set it apart from its number, at the text's indent. The Footnote Text
    style has a hanging indent, so the number hangs in the margin and the text lines up; a tab
    also keeps the number apart from right-to-left text that follows it.
    """
    mark = w("r")
    mark.append(RunFormat(style_id=number_style, rtl=rtl).properties())
    mark.append(w("footnoteRef"))
    tab = w("r")
    tab_format = RunFormat(rtl=rtl).properties()
    if len(tab_format):
        tab.append(tab_format)
    tab.append(w("tab"))
    return [mark, tab]
