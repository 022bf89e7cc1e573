"""Every URL a stylesheet names, with its line and column (CSS Syntax Level 3 tokens, read with
tinycss2): an ``@import``'s sheet, a ``url()`` and an ``image-set()`` string.

For messages about a URL that an engine read from the sheet without saying where: a refused
fetch of the PDF writer, a ``url()`` the Typst engine does not use. An ``@import`` is placed at
the rule, as the HTML and EPUB writers' sandbox places it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

IMAGE_SETS = ("image-set", "-webkit-image-set")


class SheetUrl(NamedTuple):
    """A URL as a sheet writes it, where it is written."""

    line: int
    column: int
    target: str
    imports: bool = False
    """Named by an ``@import``."""


def css_urls(css: str) -> list[SheetUrl]:
    """The URLs of a sheet's text, in order."""
    import tinycss2

    found = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "import":
            target = next(_urls(rule.prelude, strings=True), None)
            if target is not None:
                found.append(SheetUrl(rule.source_line, rule.source_column, target.target, True))
        elif rule.type in ("at-rule", "qualified-rule"):
            found += _urls([*rule.prelude, *(rule.content or ())], strings=False)
    return found


def imported_sheets(css: str) -> list[SheetUrl]:
    """The sheets a sheet's text imports (its ``@import`` rules), in order."""
    return [found for found in css_urls(css) if found.imports]


def _urls(tokens: list[Any], strings: bool) -> Iterator[SheetUrl]:
    """The URLs among ``tokens`` and inside their blocks; ``strings``: a string is one too."""
    for token in tokens:
        if token.type == "url" or (strings and token.type == "string"):
            yield SheetUrl(token.source_line, token.source_column, str(token.value))
        elif token.type == "function" and token.lower_name == "url":
            quoted = [argument for argument in token.arguments if argument.type == "string"]
            if quoted:
                yield SheetUrl(token.source_line, token.source_column, str(quoted[0].value))
        elif token.type == "function":
            yield from _urls(token.arguments, strings=token.lower_name in IMAGE_SETS)
        elif token.type in ("{} block", "[] block", "() block"):
            yield from _urls(token.content, strings=False)
