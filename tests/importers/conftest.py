"""Fixtures of the importer tests: test articles copied with their figures into a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.importers import copy_estuary, copy_pandoc_sources


@pytest.fixture
def estuary(tmp_path: Path) -> Path:
    """The eLife-style test article with its figures (see :func:`copy_estuary`)."""
    return copy_estuary(tmp_path)


@pytest.fixture
def pandoc_sources(tmp_path: Path) -> Path:
    """The pandoc test files (Markdown, pandoc's JATS and DOCX of it) with the figure."""
    return copy_pandoc_sources(tmp_path)
