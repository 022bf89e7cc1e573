"""The CLDR subset stored with the package answers as Babel does (Babel is the oracle here).

The fast tests compare a sample of locales, chosen to cover every kind of long-date pattern the
file holds (eras, abbreviated and numeric months, two-digit days) plus right-to-left languages;
the slow one compares every locale and regenerates the file.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest
from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list

from briefexport.shared import i18n
from briefexport.shared.cldr import DATA_FILE, locale_subset

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_cldr_subset.py"
DATES = [dt.date(2024, month, 14) for month in range(1, 13)]
DATES += [dt.date(5, 1, 1), dt.date(1999, 12, 9), dt.date(2031, 2, 28)]
LISTS = [["A"], ["A", "B"], ["A", "B", "C"], ["A", "B", "C", "D", "E"]]
RIGHT_TO_LEFT_AND_OTHERS = ["en", "en_GB", "fr_CA", "ar", "ur", "fa", "he", "ps", "ja", "zh_Hant"]


def stored_identifiers() -> list[str]:
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines()[1:]
    return [name for line in lines for name in json.loads(line.split("\t", 1)[1])["locales"]]


def sample() -> list[str]:
    """Named locales, and for each kind of date field the file holds, the first locale using it."""
    chosen = list(RIGHT_TO_LEFT_AND_OTHERS)
    kinds: set[tuple[str, int]] = set()
    for identifier in stored_identifiers():
        stored = locale_subset(identifier)
        assert stored is not None
        fields = {(letter, repeat) for kind, letter, repeat in stored.long_date if kind == "field"}
        if fields - kinds:
            kinds |= fields
            chosen.append(identifier)
    return chosen


def assert_agrees(identifier: str) -> None:
    stored = locale_subset(identifier)
    assert stored is not None, identifier
    locale = Locale.parse(identifier)
    assert stored.character_order == locale.character_order, identifier
    for date in DATES:
        assert stored.format_date(date) == format_date(date, "long", locale=locale), identifier
    for items in LISTS:
        assert stored.format_list(items) == format_list(items, locale=locale), identifier


@pytest.mark.parametrize("identifier", sample())
def test_stored_locale_agrees_with_babel(identifier: str) -> None:
    assert_agrees(identifier)


@pytest.mark.parametrize(
    "tag", ["en", "en-GB", "EN", "iw", "zh-TW", "pa-PK", "qaa", "", "x", "en-XX", "ar-SA", "ur"]
)
def test_i18n_answers_as_babel_for_any_tag(tag: str) -> None:
    """Stored or not, the answers are Babel's (the tag, else its primary language, else English)."""
    locale = None
    for candidate in (tag.replace("-", "_"), i18n.primary_language(tag), "en"):
        try:
            locale = Locale.parse(candidate)
            break
        except (UnknownLocaleError, ValueError):
            continue
    assert locale is not None
    assert i18n.long_date(DATES[5], tag) == format_date(DATES[5], "long", locale=locale)
    assert i18n.join_list(["A", "B", "C"], tag) == format_list(["A", "B", "C"], locale=locale)


def test_tags_babel_does_not_know_as_they_are_are_left_to_babel() -> None:
    for tag in ("EN", "iw", "zh_TW", "en_XX", "", "en\tfr", "../en"):
        assert locale_subset(tag) is None


@pytest.mark.slow
def test_every_stored_locale_agrees_with_babel() -> None:
    for identifier in stored_identifiers():
        assert_agrees(identifier)


@pytest.mark.slow
def test_the_file_is_what_the_script_makes() -> None:
    spec = importlib.util.spec_from_file_location("make_cldr_subset", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    made = "".join(f"{line}\n" for line in script.subset())
    assert DATA_FILE.read_text(encoding="utf-8") == made
