"""The characters no brief may hold, whichever way it comes in: the reader and every importer
(Markdown and its YAML front matter, extracted text, JATS, Word) refuse them with one message.

They are the C0 controls XML 1.0 forbids (section 2.2: all below U+0020 but tab, line feed and
carriage return), DEL and the C1 controls it discourages (U+007F-U+0084 and U+0086-U+009F,
usually Windows-1252 punctuation decoded wrongly), and the non-characters U+FFFE and U+FFFF.
U+0085 (NEL) is allowed, as in XML 1.0. ``docs/format.md`` lists them among what the reader
refuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

TYPE_CHECKING = False  # as typing.TYPE_CHECKING: lxml is not imported for the text importers
if TYPE_CHECKING:
    from lxml import etree

FORBIDDEN_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def first_forbidden(text: str | None) -> re.Match[str] | None:
    """Where the first character of ``text`` no brief may hold is, or None."""
    return FORBIDDEN_CHARACTERS.search(text) if text else None


def forbidden_message(found: str) -> str:
    """The message for the forbidden character ``found``."""
    return f"control character U+{ord(found):04X} cannot appear in a brief"


def forbidden_in_tree(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """The first forbidden character of each text, tail and attribute value in the tree, with
    the element to report it at: the holder's own, or for a tail its parent's."""
    from lxml import etree

    # one search of the serialised tree (which writes every character as itself) first: most
    # briefs hold none, and the walk below costs a Python step per text
    if not FORBIDDEN_CHARACTERS.search(etree.tostring(root, encoding="unicode")):
        return
    for element in root.iter():
        parent = element.getparent()
        held = [(element.tail, parent if parent is not None else element)]
        if isinstance(element.tag, str):  # not a comment or processing instruction
            held += [(element.text, element), *((v, element) for v in element.attrib.values())]
        for text, where in held:
            found = first_forbidden(text)
            if found:
                yield where, found.group()
