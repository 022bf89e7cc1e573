"""The look of a note call, given as direct formatting to the calls LibreOffice would set as a
note's number (ECMA-376 Part 1, 17.3.2 run properties; 17.7.2 style hierarchy).

LibreOffice (checked with 7.4) draws the number at the head of a note itself, in its footnote-area
character style. It reads Word's Footnote Reference style as that style and a style named as its
own ("Footnote Characters", :data:`.stylemap.FOOTNOTE_NUMBER`) over it, so the number is set as
in print: bold, on the line. The first call of a note (``w:footnoteReference``) gets
LibreOffice's anchor style, a copy of Footnote Reference, but every other run in the Footnote
Reference style, the comma between two calls and a later call of a note (a ``NOTEREF`` field's
result), would get the number's look. Those runs carry the Footnote Reference style's settings
where the number's style differs (raised, not bold) as direct formatting: raised calls in both
programs, and in Word no change, as the settings are its style's own.
"""

from __future__ import annotations

from ...shared.xmlnames import W_NS
from .style_chain import ON, StyleChain
from .xml import Element, w

# What can tell a call from a note's number, in the order of CT_RPr (17.3.2.28).
LOOK = ("b", "bCs", "i", "iCs", "caps", "smallCaps", "color", "vertAlign")
TOGGLES = frozenset(LOOK[:6])
UNSET = {"color": "auto", "vertAlign": "baseline"}  # what a style that sets none shows


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def setting(chain: StyleChain, style_id: str, tag: str) -> str:
    """What a character style and its bases set for ``tag``: "1" or "0" for a toggle, else
    the value (``UNSET``'s where none sets it)."""
    node = chain.nearest_set(style_id, "rPr", tag)
    if node is None:
        return "0" if tag in TOGGLES else UNSET[tag]
    value = node.get(_w("val"))
    if tag in TOGGLES:
        return "1" if value is None or value.lower() in ON else "0"
    return value or UNSET[tag]


def call_look(chain: StyleChain, reference_style: str, number_style: str) -> list[Element]:
    """The run properties, in schema order, where the call's style (Footnote Reference) and the
    note number's style differ, each with the call's value."""
    look: list[Element] = []
    for tag in LOOK:
        call = setting(chain, reference_style, tag)
        if call != setting(chain, number_style, tag):
            look.append(w(tag, val=call))
    return look
