"""The Word styles the DOCX writer uses, looked up by name in the template's ``word/styles.xml``.

Built-in styles are found by their Word name whatever the template's language (a German template
calls the style id of "heading 1" ``berschrift1``), so the writer never assumes a style id. A
style the template lacks is copied from the shipped reference document (ECMA-376 Part 1, 17.7).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from docx.document import Document
from docx.oxml.ns import qn

from ...errors import OutputError
from .xml import Element

# Word's built-in styles (names as Word spells them; matched case-insensitively).
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
BODY_TEXT = "Body Text"
LIST_BULLET = "List Bullet"
LIST_NUMBER = "List Number"
LIST_CONTINUE = "List Continue"
QUOTE = "Quote"
CAPTION = "Caption"  # Word's Insert Caption uses it; ours are based on it
FOOTNOTE_TEXT = "Footnote Text"
FOOTNOTE_REFERENCE = "Footnote Reference"
HYPERLINK = "Hyperlink"

# Our own paragraph styles, so editors can restyle the front matter in one place.
SERIES = "Series"
BYLINE = "Byline"
AUTHOR = "Author"
AUTHOR_ROLE = "Author Role"
AFFILIATION = "Affiliation"
EDITOR = "Editor"
PUBLICATION_DATE = "Publication Date"
DISCLAIMER = "Disclaimer"
LEAD = "Lead Paragraph"
ABSTRACT_TITLE = "Abstract Title"
ABSTRACT = "Abstract"
KEYWORDS = "Keywords"
ATTRIBUTION = "Quote Attribution"
FIGURE_CAPTION = "Figure Caption"
TABLE_CAPTION = "Table Caption"
FIGURE = "Figure"
TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"
REFERENCE_ENTRY = "Reference Entry"
RIGHTS = "Rights"
CONTACT = "Author Contact"
IDENTITY = "Identity Line"
CITATION_LABEL = "Citation Label"
SUGGESTED_CITATION = "Suggested Citation"
RUNNING_HEAD = "Running Head"
# Our own character styles and table style.
CITATION_TITLE = "Citation Title"
CITATION_SOURCE = "Citation Source"
VERBATIM = "Verbatim Char"
CAPTION_LABEL = "Caption Label"
# The number at the head of a note (the call is raised), under the name LibreOffice gives its
# footnote-area number style: LibreOffice draws that number itself, ignoring the formatting of
# the w:footnoteRef run, in the style of that name if the document has one, else as the call.
FOOTNOTE_NUMBER = "Footnote Characters"
KEYWORDS_LABEL = "Keywords Label"
TABLE = "Brief Table"

ALL_STYLES = (
    TITLE, SUBTITLE, *HEADINGS, BODY_TEXT, LIST_BULLET, LIST_NUMBER, LIST_CONTINUE, QUOTE,
    CAPTION, FOOTNOTE_TEXT, FOOTNOTE_REFERENCE, HYPERLINK, SERIES, BYLINE, AUTHOR, AUTHOR_ROLE,
    AFFILIATION, EDITOR, PUBLICATION_DATE, DISCLAIMER, LEAD, ABSTRACT_TITLE, ABSTRACT, KEYWORDS,
    ATTRIBUTION, FIGURE_CAPTION, TABLE_CAPTION, FIGURE, TABLE_TEXT, TABLE_HEADING,
    REFERENCE_ENTRY, RIGHTS, CONTACT, IDENTITY, CITATION_LABEL, SUGGESTED_CITATION, CITATION_TITLE,
    CITATION_SOURCE, VERBATIM, CAPTION_LABEL, FOOTNOTE_NUMBER, KEYWORDS_LABEL, TABLE,
)  # fmt: skip


def style_elements(document: Document) -> list[Element]:
    """Every ``w:style`` of a document."""
    return list(document.styles.element.iterchildren(qn("w:style")))


def style_name(style: Element) -> str:
    """The name of a ``w:style`` (``w:name/@w:val``), lower-cased for comparison."""
    name = style.find(qn("w:name"))
    return (name.get(qn("w:val")) or "").lower() if name is not None else ""


def _by_name(styles: Iterable[Element]) -> dict[str, Element]:
    found: dict[str, Element] = {}
    for style in styles:
        found.setdefault(style_name(style), style)
    return found


class StyleMap:
    """Style ids of the output document, by style name."""

    def __init__(self, document: Document, fallback: Callable[[], Document]) -> None:
        """``fallback`` opens the shipped reference; it is called only when a style is missing."""
        present = _by_name(style_elements(document))
        missing = [name.lower() for name in ALL_STYLES if name.lower() not in present]
        spare = _by_name(style_elements(fallback())) if missing else {}
        for key in missing:
            if key not in spare:
                raise OutputError(f"the reference document has no Word style {key!r}")
            clone = copy.deepcopy(spare[key])
            document.styles.element.append(clone)
            present[key] = clone
        self._ids = {key: style.get(qn("w:styleId")) or "" for key, style in present.items()}
        renamed = {_id(spare[key]): self._ids[key] for key in spare if key in present}
        for key in missing:
            _fit(present[key], renamed)

    def id(self, name: str) -> str:
        """The style id of the style called ``name``."""
        return self._ids[name.lower()]

    def find(self, name: str) -> str | None:
        """The style id of an optional style (one a template may lack), or None."""
        return self._ids.get(name.lower())


def _id(style: Element) -> str:
    return style.get(qn("w:styleId")) or ""


def _fit(style: Element, renamed: dict[str, str]) -> None:
    """Make a style copied from the shipped reference fit its new document.

    Its parent and next styles are named by their ids in the new document (a German template
    calls "Body Text" ``Textkrper``); links to styles it lacks and list numbering (which names
    the other document's numbering) are dropped.
    """
    for tag in ("w:basedOn", "w:next", "w:link"):
        for pointer in style.findall(qn(tag)):
            target = renamed.get(pointer.get(qn("w:val")) or "")
            if target:
                pointer.set(qn("w:val"), target)
            else:
                style.remove(pointer)
    for numbering in list(style.iter(qn("w:numPr"))):
        parent = numbering.getparent()
        if parent is not None:
            parent.remove(numbering)
