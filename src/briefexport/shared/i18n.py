"""Language-dependent words, dates and writing direction around a brief's own text.

Labels ("By", "Edited by", "Notes") come from ``labels.toml`` in the style folder; dates are
formatted with CLDR data ("June 14, 2024", "14 juin 2024", "14 جون، 2024"): from the subset stored
with the package (:mod:`.cldr`) when the tag is one of Babel's locale identifiers, else by Babel,
which is then imported.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from .caches import STYLE_CACHES, FileStamp, file_stamp
from .cldr import locale_subset
from .styles import default_style_dir
from .toml_files import toml_value

if TYPE_CHECKING:
    from babel.core import Locale

LABELS_FILE = "labels.toml"
FALLBACK_LANGUAGE = "en"


def primary_language(language: str) -> str:
    """The primary subtag of a BCP 47 tag: "en-GB" gives "en"."""
    return language.replace("_", "-").split("-")[0].lower()


def _labels(style_dir: Path) -> dict[str, dict[str, str]]:
    """The style's labels (the shipped ones where it has none), read again once the file
    changes (a long-lived process may serve one style folder while it is edited)."""
    path = style_dir / LABELS_FILE
    stamp = file_stamp(path)
    if stamp is None:
        path = default_style_dir() / LABELS_FILE
        stamp = file_stamp(path)
    return _read_labels(path, stamp)


@functools.lru_cache(maxsize=8)
def _read_labels(path: Path, _stamp: FileStamp | None) -> dict[str, dict[str, str]]:
    return toml_value(path.read_bytes().decode("utf-8"))  # as tomllib.load reads it


STYLE_CACHES.append(_read_labels.cache_clear)


def label(language: str, key: str, style_dir: Path | None = None) -> str:
    """The word for ``key`` in ``language``: the style's, else the shipped one, key by key;
    in the brief's language, and only when neither has it there, in English."""
    tables = [_labels(style_dir or default_style_dir()), _labels(default_style_dir())]
    for lang in (primary_language(language), FALLBACK_LANGUAGE):
        for table in tables:
            if key in table.get(lang, {}):
                return table[lang][key]
    raise KeyError(f"no label {key!r} in {LABELS_FILE}")


@functools.cache
def is_rtl(language: str) -> bool:
    """True when CLDR writes the language right to left (Arabic, Urdu, Persian, Hebrew, ...)."""
    stored = locale_subset(language.replace("-", "_"))
    if stored is not None:
        return stored.character_order == "right-to-left"
    from babel.core import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            locale = Locale.parse(primary_language(language))
        except (UnknownLocaleError, ValueError):
            return False
    return bool(locale.character_order == "right-to-left")


@functools.cache
def babel_locale(language: str) -> Locale:
    """CLDR's locale for a BCP 47 tag: the tag, else its primary language, else English."""
    from babel.core import Locale, UnknownLocaleError

    for tag in (language.replace("-", "_"), primary_language(language), FALLBACK_LANGUAGE):
        try:
            return Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("CLDR has no English")  # pragma: no cover


def long_date(date: dt.date, language: str) -> str:
    """The publication date in long form in the brief's language."""
    stored = locale_subset(language.replace("-", "_"))
    if stored is not None:
        return stored.format_date(date)
    from babel.dates import format_date

    return format_date(date, format="long", locale=babel_locale(language))


def join_list(items: list[str], language: str) -> str:
    """Items joined as the language lists them: "A, B and C", "A، B، اور C" (CLDR list patterns)."""
    if not items:
        return ""
    stored = locale_subset(language.replace("-", "_"))
    if stored is not None:
        return stored.format_list(items)
    from babel.lists import format_list

    return format_list(items, style="standard", locale=babel_locale(language))
