"""Word documents to briefs (work in progress)."""

from __future__ import annotations

from ...model import Brief
from ..defaults import Fallbacks
from ..problems import Problems


def import_docx(data: bytes, problems: Problems, fallbacks: Fallbacks) -> Brief:
    """Not yet."""
    problems.error(1, "DOCX import is not available yet")
    problems.raise_if_errors()
    raise AssertionError
