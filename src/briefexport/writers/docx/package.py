"""Byte-identical DOCX files: python-docx stamps every zip entry with the clock, so the package
is written again with one fixed timestamp, fixed permissions and python-docx's part order
(``[Content_Types].xml`` first, as OPC Part 2 recommends).
"""

from __future__ import annotations

import datetime as dt
import io

from docx.document import Document

from ..zippack import repack


def save_reproducibly(document: Document, when: dt.datetime) -> bytes:
    """The document as a ``.docx`` whose bytes depend only on its content and ``when``."""
    first = io.BytesIO()
    document.save(first)
    return repack(first.getvalue(), when)
