"""The styles of the reference document being built, looked up by name (ECMA-376 Part 1, 17.7.4:
a ``w:style``'s ``w:name``).

python-docx finds a style by walking every ``w:style`` of the styles part, and its default
template, which the reference document starts from, has some two hundred of them: the forty-odd
styles the build looks up and adds cost it most of its time. The index is read once and kept up
to date as styles are added; it finds the style python-docx would (the first of the name in
document order), so the reference document is the same file.
"""

from __future__ import annotations

from typing import Any, cast

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.styles import CT_Style, CT_Styles
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, StyleFactory


class StyleIndex:
    """The ``w:style`` elements of one document, by their exact and their lower-cased name."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.element = cast(CT_Styles, document.styles.element)
        self.exact: dict[str, CT_Style] = {}
        self.folded: dict[str, CT_Style] = {}
        for style in self.element.iterchildren(qn("w:style")):
            self._note(cast(CT_Style, style))

    def _note(self, style: CT_Style) -> None:
        name = style.name_val
        if name is not None:  # Word's UI names differ from the stored ones in case only
            self.exact.setdefault(name, style)
            self.folded.setdefault(name.lower(), style)

    def __getitem__(self, name: str) -> BaseStyle:
        """The style called ``name`` (a UI name, "Heading 1"), as ``document.styles[name]``."""
        style = self.exact.get(BabelFish.ui2internal(name))
        if style is None:
            return cast(BaseStyle, self.document.styles[name])  # its error, or its id lookup
        return StyleFactory(style)

    def find(self, name: str) -> BaseStyle | None:
        """The first style whose name is ``name`` in any case, or None."""
        style = self.folded.get(name.lower())
        return None if style is None else StyleFactory(style)

    def add(self, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
        """A new custom style called ``name``, as ``document.styles.add_style``."""
        internal = BabelFish.ui2internal(name)
        if internal in self.exact:
            raise ValueError(f"document already contains style '{name}'")
        styles: Any = self.element  # python-docx leaves add_style_of_type unannotated
        style: CT_Style = styles.add_style_of_type(internal, kind, False)
        self._note(style)
        return StyleFactory(style)

    def rename(self, style: BaseStyle, name: str) -> None:
        """Give an added style another stored name (a Word built-in's internal name)."""
        element = cast(CT_Style, style.element)
        old = element.name_val or ""
        for names, key in ((self.exact, old), (self.folded, old.lower())):
            if names.get(key) is element:
                del names[key]
        element.name_val = name
        self._note(element)
