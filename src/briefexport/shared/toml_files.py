"""TOML text read as :mod:`tomllib` reads it, the package's own files without tomllib.

Importing tomllib compiles its regular expressions, and parsing walks a file character by
character: for the shipped ``brand.toml`` and ``labels.toml``, which every export reads, that
was about a fortieth of a cold run. Their values are stored in :mod:`.toml_files_table`
(written by its test, which checks them against tomllib), keyed by the length and CRC-32 of
the file's UTF-8 bytes: a detector of changes to the package's own files, not a defence
against forgery. Any other text is parsed by tomllib, imported then.
"""

from __future__ import annotations

import zlib
from typing import Any

from .toml_files_table import STORED


def stored_key(data: bytes) -> tuple[int, int]:
    """The key of a file's stored value: its length and CRC-32."""
    return len(data), zlib.crc32(data)


def toml_value(text: str) -> dict[str, Any]:
    """The value of the TOML document ``text`` (a new one at each call); raises ValueError
    (``tomllib.TOMLDecodeError``) when the text is not TOML."""
    stored = STORED.get(stored_key(text.encode("utf-8", "surrogatepass")))  # any str has a key
    if stored is not None:
        return stored()
    import tomllib

    return tomllib.loads(text)
