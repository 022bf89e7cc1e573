"""What counts as no text at all: a required field must show something."""

from __future__ import annotations

import unicodedata


def is_blank(text: str) -> bool:
    """True when ``text`` shows nothing: only Unicode white space (U+2009, U+3000, ...) and
    invisible format characters (U+200B, U+FEFF, ...). The schema sees only XML white space."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)
