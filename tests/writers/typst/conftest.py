"""Fixtures of the Typst engine's tests: skipped, with the reason, where ``typst`` is missing.

``typst`` is in the ``test`` extra, so CI always runs these tests; a developer without it sees
them skipped, never passed. Helpers shared by the test modules are in ``typst_support`` (the
folder is a package, as ``tests/deposit`` is, so this conftest never shadows the top-level one).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

pytest.importorskip("typst", reason="the Typst engine needs the typst package (test extra)")


@pytest.fixture
def pdf_text(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bytes], str]:
    """The text of a whole PDF as poppler's pdftotext reads it."""

    def read(data: bytes) -> str:
        path = tmp_path_factory.mktemp("pdf") / "out.pdf"
        path.write_bytes(data)
        command = ["pdftotext", str(path), "-"]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    return read
