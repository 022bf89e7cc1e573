"""Words the printed brief keeps whole, marked in the shared XHTML tree before layout.

WeasyPrint 70 implements neither CSS Text 4's ``hyphenate-limit-last`` nor ``text-wrap:
balance``, so two breaking rules of the house style are given to it in the tree:

* the last word of a justified paragraph or list item goes into a ``span.last-word`` when the
  hyphenation dictionary of its language has a break in it: hyphenated, it would leave a
  fragment such as "able." alone on the block's last line.
  ``styles/pdf.css`` gives it ``hyphens: manual`` and ``--keep-whole``, which lets
  :mod:`.whole_words` hyphenate it only to save a very loose line. The space before the word
  goes into the span too: WeasyPrint 70 measures a text ending in a space, followed by another
  inline box, with that space, and when only the space overflows it puts the text's first
  word alone on the line. A last word inside a link, underlined text or code is left as it is
  (none of those is hyphenated), and a note's text (``span.footnote``) is not part of the
  paragraph's words;
* in the title and subtitle, a word joined by its own hyphens ("Re-evaluation") gets a WORD
  JOINER (U+2060, UAX #14 class WJ: no break on either side) after each hyphen, so that a
  display line breaks between words, never at the word's hyphen. The joiner draws nothing and
  is not in the PDF's text ("Re-evaluation" is extracted and found as written); a compound
  wider than the line still breaks (``overflow-wrap: break-word``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import pyphen  # type: ignore[import-untyped]
from lxml import etree

from ...shared.typography import COMPOUND_HYPHEN
from ...shared.xmlnames import XML_LANG
from ..xhtml.longruns import Slot
from ..xhtml.markup import XHTML_NS, tag

LAST_WORD_CLASS = "last-word"
MIN_PART = 3  # letters before and after a break: hyphenate-limit-chars in styles/pdf.css
WORD_JOINER = "\u2060"
UNHYPHENATED = frozenset({"a", "u", "code"})
LAST_WORD = re.compile(r"\s*[^\s]*\w")


def mark_words(root: etree._Element) -> None:
    """Mark the last word of every justified block; join the compounds of the display titles."""
    for block in _justified_blocks(root):
        _mark_last_word(block)
    for title in _display_titles(root):
        _join_compounds(title)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _justified_blocks(root: etree._Element) -> list[etree._Element]:
    """Paragraphs of the body and abstract, and list items holding text without paragraphs
    (``main p``, ``main li`` and ``section.abstract p`` in ``styles/pdf.css``)."""
    found: dict[etree._Element, None] = {}
    for host in root.iter(tag("main"), tag("section")):
        if _local(host) == "section" and "abstract" not in _classes(host):
            continue
        for element in host.iter(tag("p"), tag("li")):
            if _local(element) == "p" or element.find(tag("p")) is None:
                found[element] = None
    return list(found)


def _display_titles(root: etree._Element) -> Iterator[etree._Element]:
    for element in root.iter(tag("h1"), tag("p")):
        if {"title", "subtitle"} & set(_classes(element)):
            yield element


def _slots(element: etree._Element) -> Iterator[Slot]:
    """The element's text runs in document order: a note's text is left out, and the text of
    a link, underline or code is one ``protected`` run, never marked."""
    yield element, "text"
    for child in element:
        if not isinstance(child.tag, str) or "footnote" in _classes(child):
            pass
        elif _local(child) in UNHYPHENATED:
            yield child, "protected"
        else:
            yield from _slots(child)
        yield child, "tail"


def _read(slot: Slot) -> str:
    element, where = slot
    if where == "protected":
        return "".join(element.itertext())
    return (element.text if where == "text" else element.tail) or ""


def _mark_last_word(block: etree._Element) -> None:
    for slot in reversed(list(_slots(block))):
        found = list(LAST_WORD.finditer(_read(slot)))
        if found and slot[1] == "protected":
            return
        if found:
            if _hyphenates(found[-1][0], _language(block)):
                _wrap(slot, found[-1].start(), found[-1].end(), LAST_WORD_CLASS)
            return


def _language(element: etree._Element) -> str:
    for ancestor in (element, *element.iterancestors()):
        lang = ancestor.get("lang") or ancestor.get(XML_LANG)
        if lang:
            return lang
    return ""


@functools.cache
def _dictionary(lang: str) -> Any:
    found = pyphen.language_fallback(lang.replace("-", "_")) if lang else None
    return pyphen.Pyphen(lang=found, left=MIN_PART, right=MIN_PART) if found else None


def _hyphenates(word: str, lang: str) -> bool:
    """Whether WeasyPrint could hyphenate ``word`` in ``lang`` at all: only then it is
    marked (a span of its own splits the text run for nothing otherwise)."""
    dictionary = _dictionary(lang)
    letters = max(re.findall(r"\w+", word), key=len, default="")
    return dictionary is not None and bool(dictionary.positions(letters))


def _join_compounds(title: etree._Element) -> None:
    for element, where in list(_slots(title)):
        if where == "text" and element.text:
            element.text = COMPOUND_HYPHEN.sub(rf"\1{WORD_JOINER}", element.text)
        elif where == "tail" and element.tail:
            element.tail = COMPOUND_HYPHEN.sub(rf"\1{WORD_JOINER}", element.tail)


def _wrap(slot: Slot, start: int, end: int, css_class: str) -> None:
    """Put characters ``start:end`` of a text run into a ``span`` of ``css_class``."""
    element, where = slot
    text = _read(slot)
    span = etree.Element(f"{{{XHTML_NS}}}span", {"class": css_class})
    span.text, span.tail = text[start:end], text[end:]
    if where == "text":
        element.text = text[:start]
        element.insert(0, span)
    else:
        element.tail = text[:start]
        element.addnext(span)
