"""Word's style hierarchy (ECMA-376 Part 1, 17.7.2): a paragraph's or a run's properties are the
document defaults' (``w:docDefaults``, 17.7.5), then those of the styles its style is based on
(``w:basedOn``), the farthest first, then its style's own, each later one over the earlier.

One reader of that chain for the writer's questions about a finished document: a setting where
the nearest value wins (a paragraph style's spacing, :mod:`.spacing`; the code style's size,
:mod:`.code_size`; the note call's look, :mod:`.call_look`) and the fonts a run is set in
(:mod:`.font_use`, every link's properties laid over the others). A template may be damaged: a
``w:basedOn`` loop ends the chain where it comes back, a style that is not there has no chain,
and of two styles with one id the first is the one (as python-docx finds a style by id).
"""

from __future__ import annotations

from lxml import etree

from ...shared.xmlnames import W_NS

ON = ("1", "true", "on")  # ST_OnOff's true values (17.18.62)


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


class StyleChain:
    """The styles of a styles part (``w:styles``) by id, each with the styles it is based on."""

    def __init__(self, styles: etree._Element) -> None:
        self.styles = styles
        self.nodes: dict[str, etree._Element] = {}
        for node in styles.iterchildren(_w("style")):
            self.nodes.setdefault(node.get(_w("styleId"), ""), node)

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, nearest first."""
        found: list[etree._Element] = []
        node = self.nodes.get(style_id) if style_id else None
        while node is not None and node not in found:
            found.append(node)
            based = node.find(_w("basedOn"))
            node = self.nodes.get(based.get(_w("val"), "")) if based is not None else None
        return found

    def default_id(self, kind: str) -> str | None:
        """The id of the default style of a kind ("paragraph", "character"): the last one marked
        as the default (17.7.4.17); a style of no stated type is a paragraph style."""
        marked = [
            style_id
            for style_id, node in self.nodes.items()
            if node.get(_w("type"), "paragraph") == kind and node.get(_w("default")) in ON
        ]
        return marked[-1] if marked else None

    def defaults(self, properties: str) -> etree._Element | None:
        """The document defaults' ``w:pPr`` or ``w:rPr`` (``properties``), if any."""
        path = f"{_w('docDefaults')}/{_w(properties + 'Default')}/{_w(properties)}"
        return self.styles.find(path)

    def nearest_set(self, style_id: str | None, properties: str, tag: str) -> etree._Element | None:
        """The ``w:tag`` in the ``w:pPr`` or ``w:rPr`` (``properties``) of the style, else of its
        nearest base that has one; the document defaults are not asked."""
        path = f"{_w(properties)}/{_w(tag)}"
        return next(
            (found for style in self.chain(style_id) if (found := style.find(path)) is not None),
            None,
        )

    def nearest(self, style_id: str | None, properties: str, tag: str, attr: str) -> str:
        """Attribute ``w:attr`` of the ``w:tag`` in the ``w:pPr`` or ``w:rPr`` (``properties``)
        of the style, else of its nearest base that sets it, else of the document defaults;
        empty when none sets it."""
        defaults = self.defaults(properties)
        sets = [style.find(_w(properties)) for style in self.chain(style_id)]
        for node in [*sets, defaults]:
            child = node.find(_w(tag)) if node is not None else None
            found = child.get(_w(attr), "") if child is not None else ""
            if found:
                return found
        return ""
