"""The separator between calls side by side follows the brief's language: the Arabic comma in
languages written in the Arabic script, the Latin comma elsewhere (``shared.notes``)."""

from __future__ import annotations

import pytest
from babel.core import get_global

from briefexport.shared.cldr import DATA_FILE
from briefexport.shared.notes import ARABIC_COMMA, ARABIC_SCRIPT, call_separator


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ur", ARABIC_COMMA),
        ("ar-EG", ARABIC_COMMA),
        ("fa_IR", ARABIC_COMMA),
        ("ps", ARABIC_COMMA),
        ("pa-Arab", ARABIC_COMMA),  # Punjabi in Shahmukhi: the script subtag decides
        ("ks-Deva", ","),  # Kashmiri in Devanagari
        ("he", ","),  # right to left, but not the Arabic script
        ("en", ","),
        ("fr-CA", ","),
    ],
)
def test_the_separator_follows_the_script_of_the_language(language: str, expected: str) -> None:
    assert call_separator(language) == expected


def test_the_table_names_the_stored_languages_cldr_writes_in_the_arabic_script() -> None:
    likely = get_global("likely_subtags")
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines()
    stored = {line.split("\t")[0] for line in lines if not line.startswith("#")}
    arabic = {language for language in stored if "_Arab" in likely.get(language, "")}
    assert arabic == ARABIC_SCRIPT
