"""The top-level paragraphs and tables of a Word document, each with its role and number.

Diagnostics of the DOCX importer are located by paragraph: ``FILE:N:1`` names the N-th paragraph
or table of the document body. A paragraph in a list numbering is a list item (a numbered
heading stays a heading); a paragraph that holds an image and no text is a figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .inline import Reading
from .styles import Role, role_of


@dataclass(frozen=True, slots=True)
class Item:
    """One paragraph or table of the document body."""

    line: int
    element: Any
    role: Role
    level: int = 0

    @property
    def is_table(self) -> bool:
        """True for a table."""
        return type(self.element).__name__ == "Table"

    @property
    def numbering(self) -> Any:
        """mammoth's numbering level of a list paragraph (None otherwise)."""
        return getattr(self.element, "numbering", None)


def body_items(document: Any, reading: Reading) -> list[Item]:
    """Every top-level paragraph and table, in order, with its role."""
    items: list[Item] = []
    for element in document.children:
        kind = type(element).__name__
        if kind == "Table":
            items.append(Item(len(items) + 1, element, Role.BODY))
        elif kind == "Paragraph":
            reading.line = len(items) + 1
            items.append(Item(len(items) + 1, element, *_paragraph_role(element, reading)))
    return items


def _paragraph_role(paragraph: Any, reading: Reading) -> tuple[Role, int]:
    known = role_of(paragraph.style_name)
    if known is None:
        reading.repeated(f"paragraph style {paragraph.style_name!r} is unknown; read as body text")
        known = (Role.BODY, 0)
    role, level = known
    if has_image(paragraph) and not plain_text(paragraph).strip():
        return Role.FIGURE, 0
    if paragraph.numbering is not None and role not in (Role.HEADING, Role.CONTINUE):
        ordered = paragraph.numbering.is_ordered
        return (Role.NUMBER if ordered else Role.BULLET), int(paragraph.numbering.level_index or 0)
    return role, level


def has_image(element: Any) -> bool:
    """True when an image sits anywhere inside ``element``."""
    if type(element).__name__ == "Image":
        return True
    return any(has_image(child) for child in getattr(element, "children", None) or ())


def images(element: Any) -> list[Any]:
    """The images inside ``element``, in order."""
    if type(element).__name__ == "Image":
        return [element]
    return [image for child in getattr(element, "children", None) or () for image in images(child)]


def plain_text(element: Any) -> str:
    """The text of ``element`` as Word shows it (tabs and breaks as spaces)."""
    kind = type(element).__name__
    if kind == "Text":
        return str(element.value)
    if kind in ("Tab", "Break"):
        return " "
    return "".join(plain_text(child) for child in getattr(element, "children", None) or ())


def bookmarks(element: Any) -> list[str]:
    """Names of the bookmarks inside ``element``."""
    if type(element).__name__ == "Bookmark":
        return [str(element.name)]
    return [name for child in getattr(element, "children", None) or () for name in bookmarks(child)]


def note_bookmarks(document: Any) -> dict[str, tuple[str, str]]:
    """Bookmarks placed on a footnote call (what Word cross-references point at)."""
    found: dict[str, tuple[str, str]] = {}
    pending: list[str] = []

    def walk(element: Any) -> None:
        kind = type(element).__name__
        if kind == "Bookmark":
            pending.append(str(element.name))
        elif kind == "NoteReference":
            found.update(dict.fromkeys(pending, (element.note_type, element.note_id)))
            pending.clear()
        elif kind == "Text" and str(element.value).strip():
            pending.clear()
        for child in getattr(element, "children", None) or ():
            walk(child)

    walk(document)
    return found
