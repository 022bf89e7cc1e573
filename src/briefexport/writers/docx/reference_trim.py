"""Keep only the Word styles the reference document needs (ECMA-376 Part 1, 17.7).

python-docx's default template, which the reference document starts from, defines some two
hundred styles, most of them table designs; its ``word/styles.xml`` came to 390 kB. Every output
carries, parses, serializes and compresses that part, so it cost more than the brief itself. The
reference keeps:

- the document defaults (the styles marked ``w:default``);
- the styles the writer uses (:data:`.stylemap.ALL_STYLES`);
- every style a part of the reference names (headers and footers, numbering);
- and, repeatedly, the styles those are based on, linked to or followed by.

Word still offers every built-in style it knows (``w:latentStyles`` stays); it adds the
definition to a document when a style is first applied.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn

from .stylemap import ALL_STYLES, style_elements, style_name
from .xml import Element

NAMING = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")
POINTERS = ("w:basedOn", "w:link", "w:next")


def drop_unused_styles(document: Document) -> None:
    """Remove every style of ``document`` that nothing needs."""
    styles = style_elements(document)
    by_id = {style.get(qn("w:styleId")) or "": style for style in styles}
    wanted = {name.lower() for name in ALL_STYLES}
    needed = [style for style in styles if _is_default(style) or style_name(style) in wanted]
    needed += [by_id[name] for name in _named_in_parts(document) if name in by_id]
    kept: set[str] = set()
    while needed:
        style = needed.pop()
        style_id = style.get(qn("w:styleId")) or ""
        if style_id in kept:
            continue
        kept.add(style_id)
        needed += [by_id[target] for target in _pointers(style) if target in by_id]
    for style in styles:
        if (style.get(qn("w:styleId")) or "") not in kept:
            document.styles.element.remove(style)


def _is_default(style: Element) -> bool:
    return style.get(qn("w:default")) in ("1", "true", "on")


def _pointers(style: Element) -> list[str]:
    """The ids of the styles ``style`` is based on, linked to or followed by."""
    return [node.get(qn("w:val")) or "" for tag in POINTERS for node in style.findall(qn(tag))]


def _named_in_parts(document: Document) -> set[str]:
    """Style ids named anywhere in the package's XML parts other than the styles part."""
    styles_part = document.styles.element
    names: set[str] = set()
    for part in document.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is None or element is styles_part:
            continue
        for tag in NAMING:
            names.update(node.get(qn("w:val")) or "" for node in element.iter(qn(tag)))
    return names
