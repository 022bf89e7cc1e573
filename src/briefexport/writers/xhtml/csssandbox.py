"""The style folder's CSS for HTML and EPUB, held to the same sandbox as the PDF's fetcher.

A web page or e-book fetches what its CSS names when it is opened, so a style's ``@import`` and
``url()`` may only reach what the PDF writer may read: ``data:`` URIs, which are kept, and files
inside the style folder, which are inlined; everything else is refused (:mod:`.cssurls`).

Most sheets name no URL at all. A sheet can only hold an ``@import``, a ``url()`` or an
``image-set()`` if its text, once every escape is decoded (CSS Syntax 3, section 4.3.7, "consume an
escaped code point"), contains ``@import``, ``url(`` or ``image-set`` in any letter case: an
at-keyword or function name is its decoded letters followed directly by ``(``. Text without them is
kept as it is, without loading the tokenizer; any other text goes through :mod:`.cssurls`.
"""

from __future__ import annotations

import re
from pathlib import Path

ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6})(?:\r\n|[ \t\n\r\f])?|(.))", re.DOTALL)
REACHING_OUT = ("@import", "url(", "image-set")
REPLACEMENT_CHARACTER = "\ufffd"


def sandboxed_css(css: str, root: Path, name: str) -> str:
    """``css`` (read from ``name`` in the style folder ``root``) with every URL made safe."""
    if not may_reach_out(css):
        return css
    from .cssurls import rewritten_css

    return rewritten_css(css, root, name)


def sandboxed_value(value: str, root: Path, name: str) -> str:
    """A brand value bound for CSS (a colour, a font list) with every URL made safe."""
    if not may_reach_out(value):
        return value
    from .cssurls import rewritten_value

    return rewritten_value(value, root, name)


def may_reach_out(css: str) -> bool:
    """Whether ``css`` could hold an ``@import``, ``url()`` or ``image-set()``; never False
    for text that holds one."""
    text = ESCAPE.sub(_decoded, css) if "\\" in css else css
    lowered = text.lower()
    return any(marker in lowered for marker in REACHING_OUT)


def _decoded(escape: re.Match[str]) -> str:
    digits, character = escape.group(1), escape.group(2)
    if digits is None:
        return str(character)
    code = int(digits, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return REPLACEMENT_CHARACTER
    return chr(code)
