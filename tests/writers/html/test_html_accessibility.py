"""``--to html`` checked by axe-core in Chromium, WCAG 2.0 to 2.2 level A and AA rules, in the
page's light and dark colours: no violation at all, whatever its impact, on any page of the
corpus; and a page broken on purpose is caught, so that a checker gone blind fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.writers.html import write
from support.accessibility import axe_violations


@pytest.mark.slow
def test_axe_finds_no_violation(corpus: dict[str, Brief], tmp_path: Path) -> None:
    pages = []
    for stem, brief in corpus.items():
        pages.append(tmp_path / f"{stem}.html")
        pages[-1].write_bytes(write(brief, default_options(brief)))
    assert axe_violations(pages) == []


@pytest.mark.slow
def test_axe_catches_images_without_alt_and_a_missing_language(tour: Brief, tmp_path: Path) -> None:
    page = html.document_fromstring(write(tour, default_options(tour)))
    for image in page.iter("img"):
        del image.attrib["alt"]
    del page.attrib["lang"]
    broken = tmp_path / "broken.html"
    broken.write_bytes(html.tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8"))
    rules = {" ".join(line.split()[2:4]) for line in axe_violations([broken])}
    assert {"critical image-alt", "serious html-has-lang"} <= rules, rules
