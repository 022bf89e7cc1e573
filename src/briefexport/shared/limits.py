"""The largest brief file briefexport reads (canonical XML) or imports (Markdown, extracted
text), and how a larger one is refused.

Apart from :mod:`.safexml` and the importers, which read briefs, so that what only needs the
limits (a batch that hashes a brief before a worker reads it) need not import them. A file is
refused from its size alone, before any of its bytes is read.
"""

from __future__ import annotations

from ..errors import Diagnostic

MAX_INPUT_BYTES = 20 * 2**20
MAX_SOURCE_BYTES = 100 * 2**20


def size_refusal(name: str, size: int, noun: str = "briefs") -> Diagnostic | None:
    """Why the file ``name`` of ``size`` bytes is not read (placed at its start), or None when
    it is small enough."""
    if size <= MAX_INPUT_BYTES:
        return None
    limit = MAX_INPUT_BYTES // 2**20
    return Diagnostic(name, 1, 1, f"file is {size} bytes; {noun} over {limit} MiB are refused")


def source_size_refusal(name: str, size: int) -> Diagnostic | None:
    """Why the source ``name`` of ``size`` bytes is not imported (placed at its start), or None
    when it is small enough."""
    if size <= MAX_SOURCE_BYTES:
        return None
    return Diagnostic(name, 1, 1, f"the file is larger than {MAX_SOURCE_BYTES // 2**20} MiB")
