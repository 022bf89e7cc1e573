"""Briefs imported from other tools' files go through every writer and the shared conformance
checks (the formats' own validators), like the examples do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefexport
from briefexport.cli import main
from briefexport.formats import FORMATS
from briefexport.options import default_options
from briefexport.output import export_brief, output_path
from support.importers import copy_estuary, copy_pandoc_sources
from support.paths import CONFORMANCE, require_shared

SOURCES = {
    "elife-style JATS": ("estuary", "estuary-article.xml"),
    "pandoc JATS": ("pandoc", "dock-cooling.jats.xml"),
    "pandoc DOCX": ("pandoc", "dock-cooling.docx"),
}


@pytest.fixture(scope="module", params=list(SOURCES), ids=list(SOURCES))
def imported_brief(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The source imported with the command line into its own folder, figures beside it; once
    per source for the module (the tests only read it)."""
    folder, name = SOURCES[request.param]
    sources = tmp_path_factory.mktemp(folder)
    (copy_estuary if folder == "estuary" else copy_pandoc_sources)(sources)
    source = sources / name
    output = tmp_path_factory.mktemp("imported") / f"{source.stem.replace('.', '-')}.xml"
    status = main(["import", str(source), "-o", str(output), "-q",
                   "--series", "Policy Brief", "--publisher", "Northwind Institute"])  # fmt: skip
    assert status == 0
    return output


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "pdf"])
def test_every_writer_but_pdf(imported_brief: Path, fmt: str, tmp_path: Path) -> None:
    brief = briefexport.load(imported_brief)
    path = export_brief(
        brief, fmt, output_path(imported_brief, fmt, tmp_path / "out"), default_options(brief)
    )
    assert path.stat().st_size > 0


@pytest.mark.slow
def test_pdf(imported_brief: Path, tmp_path: Path) -> None:
    brief = briefexport.load(imported_brief)
    path = export_brief(brief, "pdf", tmp_path / "brief.pdf", default_options(brief))
    assert path.read_bytes().startswith(b"%PDF-")


@pytest.mark.slow
def test_conformance(imported_brief: Path) -> None:
    tool = require_shared(CONFORMANCE)
    environment = dict(
        os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    )
    done = subprocess.run(
        [sys.executable, str(tool), str(imported_brief)],
        capture_output=True, text=True, timeout=900, env=environment,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 failed" in done.stdout
