"""Seeded random briefs through every writer and the formats' own validators (slow suite).

Briefs 0 to 239 of seed 14 (``support.random_briefs``: nested sections, lists, spanning tables,
figures, notes called several times, references, twelve scripts, URLs that need encoding) are
written as JATS, read back, and written by every fast writer; one in ten also as PDF and one in ten
Word files opened by LibreOffice. Checked by the JATS DTD, both round trips (JATS, Markdown),
EPUBCheck, the Nu Html Checker, LibreOffice and pdftotext, each validator started once per chunk
of 60 briefs, two chunks at a time (``support.robustness``). The same seed and indices give the
same briefs every run; ``scripts/robustness.py --seed 14 --only INDEX`` checks one again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.paths import JATS_DTD, require_shared
from support.random_briefs import generated_brief, script_of
from support.random_text import SCRIPTS
from support.robustness import Plan, check_all

SEED = 14
COUNT = 240


@pytest.mark.slow
def test_generated_briefs_pass_every_validator(tmp_path: Path) -> None:
    plan = Plan(SEED, tmp_path, pdf_every=10, docx_every=10, dtd_file=require_shared(JATS_DTD))
    outcome = check_all(plan, list(range(COUNT)), jobs=2, chunk=60)
    assert outcome.briefs == COUNT
    assert dict(outcome.checked) == {
        "round-trip": COUNT,
        "dtd": COUNT,
        "markdown": COUNT,
        "epubcheck": COUNT,
        "nu": COUNT,
        "libreoffice": COUNT // 10,
        "pdftotext": COUNT // 10,
    }
    failures = [f"{f.index} ({f.script}) {f.check}: {f.detail}" for f in outcome.failures]
    assert failures == []


def test_a_brief_is_the_same_for_the_same_seed_and_index() -> None:
    assert generated_brief(SEED, 5) == generated_brief(SEED, 5)
    assert generated_brief(SEED, 5) != generated_brief(SEED, 6)
    assert generated_brief(SEED, 5) != generated_brief(SEED + 1, 5)


def test_the_suite_covers_every_script_in_its_languages() -> None:
    assert {script_of(SEED, index) for index in range(COUNT)} == {s.name for s in SCRIPTS}
    languages = {generated_brief(SEED, index).meta.language for index in range(COUNT)}
    for script in SCRIPTS:
        assert languages & set(script.languages), script.name
