"""C type names parsed against the typedefs they mention, not against all of WeasyPrint's.

WeasyPrint 70 reaches Pango, HarfBuzz and fontconfig through one cffi ``FFI`` object, and asks
it for types by name while it lays out and writes a PDF (``ffi.new("hb_codepoint_t[519]")``:
one new name per embedded font and glyph count, ``"PangoRectangle *"``...). cffi 2.1 parses each
new name with pycparser after a preamble that declares, as ``typedef int NAME;``, every typedef
the object knows: several hundred for WeasyPrint, some 5 ms a name, about 0.1 s of every
PDF and more for briefs with more fonts.

cffi's ``Parser._parse`` says why the preamble is there: a name's presence as a typedef changes
how C is parsed, what it stands for does not. A typedef the parsed text never mentions cannot
change its parse, so :func:`install` gives WeasyPrint's parser a ``_parse`` that shows cffi's
own ``_parse`` only the typedefs whose names occur in the text (every identifier-like word,
comments and all, so never fewer than the parse can use). What is parsed, and every type made
from it, is unchanged.

The declarations are swapped for the length of that call only. cffi calls ``_parse`` with the
``FFI`` object's lock held, and every other reader of the declarations (``cdef``, ``typeof``,
``new``, library attributes) takes the same lock.

Pinned like :mod:`.notes_stay`: installed only on WeasyPrint's ``FFI`` object, and only when
cffi's ``Parser._parse`` is the one reviewed (cffi 2.1.1, SHA-256 of its source).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

from .pinned import has_fingerprint

REVIEWED_SHA256 = "7a1e99aa364aa3c6a351c4eb2f70434367bf93cb5a1c14928fdd9aba544d9011"
TYPEDEF_PREFIX = "typedef "
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_installing = threading.Lock()


def is_reviewed(function: Callable[..., Any]) -> bool:
    """Whether ``function`` is cffi's ``Parser._parse`` exactly as reviewed here."""
    return has_fingerprint(function, REVIEWED_SHA256)


def mentioned_declarations(declarations: dict[str, Any], text: str) -> dict[str, Any]:
    """``declarations`` without the typedefs whose names ``text`` never mentions."""
    names = set(IDENTIFIER.findall(text))
    return {
        key: value
        for key, value in declarations.items()
        if not key.startswith(TYPEDEF_PREFIX) or key[len(TYPEDEF_PREFIX) :] in names
    }


def filtered_parse(parser: Any, parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """``parse`` (the parser's bound ``_parse``) run against the mentioned typedefs only."""

    def parse_with_mentioned_typedefs(csource: str) -> Any:
        everything = parser._declarations
        parser._declarations = mentioned_declarations(everything, csource)
        try:
            return parse(csource)
        finally:
            parser._declarations = everything

    parse_with_mentioned_typedefs.reviewed_replacement = True  # type: ignore[attr-defined]
    return parse_with_mentioned_typedefs


def install() -> bool:
    """Install on WeasyPrint's ``FFI`` object once, if cffi is the reviewed one and the object
    parses with pycparser (not one read ready-made, :mod:`.prebuilt_ffi`, which parses in C)."""
    from weasyprint.text.ffi import ffi

    parser = getattr(ffi, "_parser", None)
    if parser is None:
        return False
    from cffi import cparser  # type: ignore[import-untyped]

    with _installing:
        if getattr(parser.__dict__.get("_parse"), "reviewed_replacement", False):
            return True
        if "_parse" in parser.__dict__ or not is_reviewed(cparser.Parser._parse):
            return False  # someone else's replacement, or another cffi
        parser._parse = filtered_parse(parser, parser._parse)
        return True
