"""Fingerprints of the reviewed library functions without tokenizing their source at each start.

Every pinned adaptation (:mod:`.pinned`) compares the SHA-256 of a library function's source
text, as ``inspect.getsource`` gives it, with the one recorded when it was reviewed. Getting
that text is not cheap: ``inspect`` finds the function's first line in its file, then runs
Python's pure-Python tokenizer from there to the end of the block; for the sixteen functions a
PDF checks, some long (WeasyPrint's ``table_layout``), about 60 ms of every cold PDF.

The text depends only on the file's text and the line the function starts on
(``__code__.co_firstlineno``, after ``inspect.unwrap``, as ``inspect.getsource`` reads them).
:mod:`.source_memo_table` keeps, by SHA-256 of the whole file and first line, the fingerprints
of the functions the adaptations check. :func:`known_fingerprint` hashes the function's file
(once per file and process, a fraction of a millisecond) and answers from the table when that
file is a kept one: a file with the same SHA-256 has the same text, so ``inspect.getsource``
would give the same text from the same line. Anything else (another file, a function not
kept, a function with no file) is left to ``inspect.getsource``, and noted in
:data:`COMPUTED`. The test of this module prints the examples as PDF with an empty table and
compares what was noted with the table; run as a script it rewrites the table::

    PYTHONPATH=src:tests python tests/writers/pdf/test_pdf_source_memo.py
"""

from __future__ import annotations

import functools
import hashlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .source_memo_table import KNOWN

COMPUTED: list[tuple[Callable[..., Any], str]] = []
"""Functions whose fingerprint was computed with ``inspect.getsource``, and the fingerprint."""


@functools.cache
def file_sha256(path: str) -> str | None:
    """SHA-256 of the file at ``path``, or None if it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def source_key(function: Callable[..., Any]) -> tuple[str, int] | None:
    """(SHA-256 of the file, first line) of the code ``inspect.getsource`` would read."""
    code = getattr(inspect.unwrap(function), "__code__", None)
    if code is None:
        return None
    digest = file_sha256(code.co_filename)
    return None if digest is None else (digest, code.co_firstlineno)


def known_fingerprint(function: Callable[..., Any]) -> str | None:
    """The kept fingerprint of ``function``'s source, or None when it is not kept."""
    key = source_key(function)
    return None if key is None else KNOWN.get(key[0], {}).get(key[1])


def computed(function: Callable[..., Any], fingerprint: str) -> None:
    """Note a fingerprint computed with ``inspect.getsource``."""
    COMPUTED.append((function, fingerprint))
