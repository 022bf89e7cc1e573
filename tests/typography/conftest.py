"""Fixtures of the typography tests: the outputs of the briefs, written once (the briefs are
the session's, from the top ``conftest.py``)."""

from __future__ import annotations

import pytest

from briefexport.formats import get_writer
from briefexport.model import Brief
from briefexport.options import WriteOptions, default_options
from support.typography import Writer
from support.written_pdfs import written_pdf


@pytest.fixture(scope="session")
def written() -> Writer:
    """``written(brief, fmt)``: the bytes of a format, each written once per session."""
    # The brief is kept with its bytes: a brief that was freed could leave its id to a new one,
    # which would then be given the old brief's output.
    cache: dict[tuple[int, str], tuple[Brief, bytes]] = {}

    def write(brief: Brief, fmt: str, options: WriteOptions | None = None) -> bytes:
        key = (id(brief), fmt)
        if options is not None:
            return get_writer(fmt)(brief, options)
        if fmt == "pdf":  # shared with the PDF writer's tests
            return written_pdf(brief)
        if key not in cache:
            cache[key] = (brief, get_writer(fmt)(brief, default_options(brief)))
        return cache[key][1]

    return write
