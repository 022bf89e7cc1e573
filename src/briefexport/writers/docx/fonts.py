"""Complex-script fonts of the Word copy by language (``w:rFonts/@w:cs``, ECMA-376 Part 1,
17.3.2.26): the reference document names the brand's right-to-left fonts (Naskh); an Urdu brief
gets the brand's Urdu fonts (Nastaliq) in their place. Latin runs keep ``w:ascii``/``w:hAnsi``,
the house Latin fonts."""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn

from ...shared.brand import Fonts


def use_language_fonts(document: Document, fonts: Fonts, language: str) -> None:
    """Swap the right-to-left fonts for the language's own in every style and default."""
    swaps = {}
    for role in ("body", "heading"):
        general, own = fonts.rtl(role)[0], fonts.rtl(role, language)[0]
        if general != own:
            swaps[general] = own
    if not swaps:
        return
    for node in document.styles.element.iter(qn("w:rFonts")):
        current = node.get(qn("w:cs"))
        if current in swaps:
            node.set(qn("w:cs"), swaps[current])
