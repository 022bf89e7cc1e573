"""The elements open at a place of an XML file (XML 1.0, section 3.1: start and end tags), read
from the text before it when libxml2 has found it not well-formed there: up to the error, the
file is well-formed, so the tags, comments, CDATA sections and processing instructions before it
are read as XML reads them.
"""

from __future__ import annotations

import re

_NAME = r"[^\s/>!?\"'=<]+"
_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE[^>]*>"
    rf"|</(?P<end>{_NAME})\s*>"
    rf"|<(?P<start>{_NAME})(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?P<empty>/?)>",
    re.S,
)


def open_elements(text: str, end: int) -> list[tuple[str, int]]:
    """The elements open at offset ``end`` of ``text``, outermost first, each with the line of
    its start tag."""
    stack: list[tuple[str, int]] = []
    line, counted = 1, 0
    for token in _TOKEN.finditer(text, 0, end):
        if token["end"] and stack:
            stack.pop()
        elif token["start"] and not token["empty"]:
            line, counted = line + text.count("\n", counted, token.start()), token.start()
            stack.append((token["start"], line))
    return stack


def root_name(text: str) -> str:
    """The name of the file's first element, or ``?``."""
    for token in _TOKEN.finditer(text):
        if token["start"]:
            return token["start"]
    return "?"
