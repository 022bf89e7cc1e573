"""Which format stylesheets each file of a style folder imports or links (CSS Syntax 3, read
with tinycss2, as the writers' sandbox reads the sheets: :mod:`briefexport.writers.xhtml.cssurls`).

A reference is the target of an ``@import`` (a string or ``url()``), of a ``url()`` anywhere,
or a string in an ``image-set()``: what a sheet can make a writer read. A name in a comment,
in a ``content`` string or in a selector is none. Every file is read this way, whatever its
name, since a sheet may import a file of any name (``@import "house.inc"``). A target names a
format sheet when its last path segment does, after CSS escapes and percent-encoding are undone
and in any case (a disk may ignore case): a target in a subfolder of that name costs a rebuild,
never a stale output. Only a file whose plain text holds a format sheet's name and one of
:data:`MARKERS` is parsed.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.DOTALL)
IMAGE_SETS = ("image-set", "-webkit-image-set")
MARKERS = ("@import", "url(", "image-set(")
"""What the plain text of a file that references another holds (a CSS function's name is
followed by its parenthesis, with no space between)."""


def style_links(
    style_dir: Path, files: Iterable[str], sheets: frozenset[str]
) -> dict[str, frozenset[str]]:
    """For each file of the style folder (paths from there; absolute ones, outside it, are
    skipped), the names among ``sheets`` that it imports or links, when there are any."""
    links = {}
    for name in files:
        if Path(name).is_absolute():
            continue
        text = (style_dir / name).read_bytes().decode("utf-8", errors="replace")
        others = sheets - {name}
        plain = _plain(text)
        if not any(other in plain for other in others) or not _may_refer(plain):
            continue
        named = frozenset(others & {_last_segment(target) for target in references(text)})
        if named:
            links[name] = named
    return links


def references(css: str) -> Iterator[str]:
    """The targets of the ``@import`` rules, ``url()`` and ``image-set()`` strings of ``css``,
    with CSS escapes undone (percent-encoding not)."""
    import tinycss2

    for node in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if node.type == "at-rule" and node.lower_at_keyword == "import":
            yield from _first_target(node.prelude)
        yield from _nested_targets(node)


def _first_target(prelude: list[Any]) -> Iterator[str]:
    for token in prelude:
        if token.type == "string":
            yield token.value
            return
        if token.type in ("url", "function"):
            return  # a url() is found with every other one
        if token.type not in ("whitespace", "comment"):
            return


def _nested_targets(node: Any) -> Iterator[str]:
    """Every ``url()`` target below ``node``, and the strings of its ``image-set()``."""
    for child in _children(node):
        if child.type == "url":
            yield child.value
        elif child.type == "function":
            name = child.lower_name
            if name == "url" or name in IMAGE_SETS:
                yield from (item.value for item in child.arguments if item.type == "string")
        yield from _nested_targets(child)


def _children(node: Any) -> list[Any]:
    found: list[Any] = []
    for attribute in ("prelude", "content", "arguments"):
        value = getattr(node, attribute, None)
        if isinstance(value, list):
            found.extend(value)
    return found


def _may_refer(plain: str) -> bool:
    return any(marker in plain for marker in MARKERS)


def _last_segment(target: str) -> str:
    """The file name a target ends with: no query or fragment, percent-decoded, case-folded."""
    path = urllib.parse.unquote(target.split("#")[0].split("?")[0])
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].casefold()


def _plain(text: str) -> str:
    """``text`` with CSS escapes (``p\\64 f.css``) and percent-encoding (``pdf%2Ecss``) undone,
    case-folded: the quick look for a name, before any parsing."""

    def unescaped(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group(2)
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"

    return urllib.parse.unquote(CSS_ESCAPE.sub(unescaped, text)).casefold()
