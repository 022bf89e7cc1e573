"""Odd but valid briefs export to every format (cases found by fuzzing the command line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefexport.cli import main
from support.small_brief import BRIEF

CASES = {
    "nested-sub-sup": "<sub><sup>" * 30 + "deep" + "</sup></sub>" * 30,
    "long-word": "x" * 5000,
    "bidi-marks": "\u200f\u202b\u0645\u0631\u062d\u0628\u0627\u202c\u200e and e\u0301\u200d",
}


@pytest.mark.parametrize("inline", list(CASES.values()), ids=list(CASES))
@pytest.mark.usefixtures("shared_pdfs")  # the PDF is written once, for the packages too
def test_odd_inline_content_exports_everywhere(tmp_path: Path, inline: str) -> None:
    brief = tmp_path / "odd.xml"
    brief.write_text(
        BRIEF.replace("Walls need care", f"Walls {inline} need care"), encoding="utf-8"
    )
    assert main([str(brief), "--to", "all", "-q", "-o", str(tmp_path / "out")]) == 0
