"""PDFs kept for the rest of the test process, by brief and options.

Several test modules write the same brief with the same options (the feature tour with the
defaults, a long brief with notes) before comparing it with a PDF written another way. The
writer is reproducible, so each is written once in a process: call :func:`written_pdf` before a
test changes anything the writer uses (a monkeypatched module), never after.
"""

from __future__ import annotations

from briefexport.model import Brief
from briefexport.options import WriteOptions, default_options
from briefexport.writers import pdf_engine

_WRITTEN: dict[tuple[Brief, WriteOptions], bytes] = {}


def written_pdf(brief: Brief, options: WriteOptions | None = None) -> bytes:
    """``brief``'s PDF with ``options`` (the defaults if None), written once per process."""
    key = (brief, options if options is not None else default_options(brief))
    if key not in _WRITTEN:
        _WRITTEN[key] = pdf_engine.write(*key)
    return _WRITTEN[key]
