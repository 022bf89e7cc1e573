"""Fixtures of the importer tests: test articles copied with their figures into a folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from support.importers import DATA


@pytest.fixture
def estuary(tmp_path: Path) -> Path:
    """The eLife-style test article, its PNG figure (named without extension in the XML) and a
    TIFF figure the profile cannot take."""
    article = tmp_path / "estuary-article.xml"
    shutil.copy(DATA / "jats" / "estuary-article.xml", article)
    Image.new("RGB", (60, 30), (20, 90, 160)).save(tmp_path / "estuary-fig1.png")
    Image.new("RGB", (60, 30), (160, 90, 20)).save(tmp_path / "estuary-fig2.tif")
    return article


@pytest.fixture
def pandoc_sources(tmp_path: Path) -> Path:
    """The pandoc test files (Markdown, pandoc's JATS and DOCX of it) with the figure."""
    for source in (DATA / "pandoc").iterdir():
        shutil.copy(source, tmp_path / source.name)
    return tmp_path
