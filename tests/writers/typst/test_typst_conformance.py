"""The shared conformance tool (pdfinfo, pdffonts, pdftotext) on the Typst engine's PDFs.

The tool runs ``briefexport`` from PATH with its own arguments; a wrapper put first on PATH adds
``--pdf-engine typst``. Skipped where the shared folder (beside the repository) is absent.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from support.paths import CONFORMANCE, EXAMPLES, SEED, URDU, require_shared


@pytest.mark.slow
def test_conformance_passes_for_the_typst_engine(tmp_path: Path) -> None:
    require_shared(CONFORMANCE)
    require_shared(SEED)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    seed = tmp_path / "seed.xml"
    importing = [sys.executable, "-m", "briefexport", "import", str(SEED), "-o", str(seed), "-q"]
    subprocess.run(importing, env=env, check=True, capture_output=True)
    wrapper = tmp_path / "bin" / "briefexport"
    wrapper.parent.mkdir()
    wrapper.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m briefexport "$@" --pdf-engine typst\n'
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    env["PATH"] = f"{wrapper.parent}{os.pathsep}{env['PATH']}"
    briefs = [*sorted(EXAMPLES.glob("*.xml")), URDU, seed]
    kept = tmp_path / "out"
    command = [sys.executable, str(CONFORMANCE), "--formats", "pdf", "--keep", str(kept)]
    result = subprocess.run(
        [*command, *map(str, briefs)], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    assert "0 failed" in result.stdout
    assert result.stdout.count("PASS") == 3 * len(briefs)
    for brief in briefs:
        with pikepdf.open(kept / f"{brief.stem}.pdf") as document:
            assert str(document.docinfo.Creator).startswith("Typst"), brief.name
