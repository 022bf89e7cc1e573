"""Hyphenation patterns read on first lookup give Pyphen's own break points."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pyphen  # type: ignore[import-untyped]
import pytest

import briefexport
from briefexport.model import Brief, Paragraph, Text
from briefexport.options import default_options
from briefexport.writers import pdf
from briefexport.writers.pdf import hyphenation
from support.briefs import small_brief
from support.paths import EXAMPLES, HARBOUR

PYPHEN_HYPHDICT = hyphenation.LazyHyphDict.__bases__[0]
# Long words with many break points, words with digits and apostrophes, non-Latin scripts.
EXTRA = """hyphenation internationalisation unconstitutionally electroencephalography
Donaudampfschifffahrtsgesellschaft Schifffahrt anticonstitutionnellement
onafhankelijkheidsverklaring 2024-06-14 l'ordinateur naïveté Ölförderung
гидроэлектростанция переосмысление ελληνικά Ηλεκτροεγκεφαλογράφημα
sääntöjenvastaisuus épanouissement""".split()  # noqa: SIM905


def words() -> list[str]:
    found = set(EXTRA)
    for path in EXAMPLES.glob("*.xml"):
        found |= set(re.findall(r"\w+", path.read_text("utf-8")))
    return sorted(found)


def break_points(dictionary: pyphen.HyphDict, word: str) -> list[tuple[int, object]]:
    return [(int(point), getattr(point, "data", None)) for point in dictionary.positions(word)]


def dictionaries() -> list[object]:
    """English always; every other dictionary Pyphen ships in the slow runs."""
    paths = sorted(set(pyphen.LANGUAGES.values()))
    english = {pyphen.LANGUAGES["en_US"], pyphen.LANGUAGES["en"]}
    marks = {path: () if path in english else (pytest.mark.slow,) for path in paths}
    return [pytest.param(path, id=path.name, marks=marks[path]) for path in paths]


@pytest.mark.parametrize("path", dictionaries())
def test_same_break_points_as_pyphen(path: Path) -> None:
    eager, lazy = PYPHEN_HYPHDICT(path), hyphenation.LazyHyphDict(path)
    for word in words():
        assert break_points(lazy, word) == break_points(eager, word), word


@pytest.mark.parametrize("language", ["en", "en_US", "fr", "de"])
def test_common_languages_are_read_lazily(language: str) -> None:
    lazy = hyphenation.LazyHyphDict(pyphen.LANGUAGES[pyphen.language_fallback(language)])
    assert isinstance(lazy.patterns, hyphenation.LazyPatterns)


def test_escapes_and_alternatives_are_left_to_pyphen(tmp_path: Path) -> None:
    path = tmp_path / "hyph_xx.dic"
    path.write_text("UTF-8\n1ff/f=f,1,2\n^^e9t1\nab1c\n", "utf-8")
    assert not isinstance(hyphenation.LazyHyphDict(path).patterns, hyphenation.LazyPatterns)


def test_last_weighted_line_of_a_key_wins(tmp_path: Path) -> None:
    path = tmp_path / "hyph_xx.dic"
    path.write_text("UTF-8\nLEFTHYPHENMIN 1\n% comment\na1b\na2b\nab\nc1d\n", "utf-8")
    lazy = hyphenation.LazyHyphDict(path)
    assert lazy.patterns.get("ab") == (1, (2,))
    assert lazy.patterns.get("cd") == (1, (1,))
    assert lazy.patterns.get("zz") is None


def test_installed_only_for_the_reviewed_pyphen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pyphen, "HyphDict", PYPHEN_HYPHDICT)
    monkeypatch.setattr(hyphenation, "REVIEWED_SHA256", "0" * 64)
    assert not hyphenation.install()
    assert pyphen.HyphDict is not hyphenation.LazyHyphDict
    monkeypatch.undo()
    monkeypatch.setattr(pyphen, "HyphDict", PYPHEN_HYPHDICT)
    assert hyphenation.install()
    assert pyphen.HyphDict is hyphenation.LazyHyphDict


def same_pdf_with_lazy_patterns(
    brief: Brief, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``brief``'s PDF is the same written with Pyphen's own dictionary and with the lazy one,
    the writer looks its words up in the dictionary it is given, and some word is hyphenated."""
    options = default_options(brief, pdf_standard="none")
    monkeypatch.setattr(hyphenation, "install", lambda: None)
    printed = []
    for dictionary in (PYPHEN_HYPHDICT, hyphenation.LazyHyphDict):
        monkeypatch.setattr(pyphen, "HyphDict", dictionary)
        monkeypatch.setattr(pyphen, "hdcache", {})
        printed.append(pdf.write(brief, options))
        used = pyphen.hdcache[pyphen.LANGUAGES[pyphen.language_fallback(brief.meta.language)]]
        assert type(used) is dictionary
    assert printed[0] == printed[1]
    path = tmp_path / "brief.pdf"
    path.write_bytes(printed[1])
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    assert re.search(r"\w\u2010\n", text.decode("utf-8")), "some word is hyphenated"


def test_a_page_of_long_words_is_the_same_with_lazy_patterns(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    long_words = " ".join(word for word in EXTRA[:3] for _ in range(12))
    brief = small_brief((Paragraph((Text(long_words),)),))
    same_pdf_with_lazy_patterns(brief, monkeypatch, tmp_path)


@pytest.mark.slow  # two layouts of the short example's three pages; the page above is fast
def test_pdf_is_the_same_with_lazy_patterns(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    same_pdf_with_lazy_patterns(briefexport.load(HARBOUR), monkeypatch, tmp_path)
