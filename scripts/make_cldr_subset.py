#!/usr/bin/env python3
"""Regenerate ``src/briefexport/shared/cldr.tsv`` from the installed Babel's CLDR data.

Usage: ``.venv/bin/python scripts/make_cldr_subset.py``. The output depends only on the Babel
version (recorded in the file) and is byte-identical from run to run; the tests in
``tests/shared/test_cldr_subset.py`` fail when it no longer agrees with Babel.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import babel
from babel import localedata
from babel.core import Locale
from babel.dates import tokenize_pattern

TARGET = Path(__file__).resolve().parents[1] / "src" / "briefexport" / "shared" / "cldr.tsv"
FIELDS = {"y", "M", "d", "G"}  # what briefexport.shared.cldr can print
ERA_WIDTHS = {1: "abbreviated", 2: "abbreviated", 3: "abbreviated", 4: "wide", 5: "narrow"}
MONTH_WIDTHS = {3: "abbreviated", 4: "wide", 5: "narrow"}


def record(locale: Locale) -> dict[str, Any]:
    """What the package stores of one locale."""
    tokens: list[tuple[str, str, int]] = []
    for _kind, value in tokenize_pattern(locale.date_formats["long"].pattern):
        if isinstance(value, str):
            tokens.append(("chars", value, 0))
            continue
        letter, repeat = value
        if letter not in FIELDS:
            raise SystemExit(f"{locale}: long date field {letter * repeat!r} is not supported")
        tokens.append(("field", letter, repeat))
    used = {(letter, repeat) for kind, letter, repeat in tokens if kind == "field"}
    months = {
        str(repeat): [locale.months["format"][MONTH_WIDTHS[repeat]][m] for m in range(1, 13)]
        for letter, repeat in sorted(used)
        if letter == "M" and repeat >= 3
    }
    eras = {ERA_WIDTHS[repeat] for letter, repeat in used if letter == "G"}
    if len(eras) > 1:
        raise SystemExit(f"{locale}: the long date prints the era in two widths")
    lists = locale.list_patterns["standard"]
    found: dict[str, Any] = {
        "order": locale.character_order,
        "long_date": tokens,
        "months": months,
        "list": [lists["2"], lists["start"], lists["middle"], lists["end"]],
    }
    if eras:
        found["era"] = locale.eras[eras.pop()][1]  # the common era: briefs are dated AD
    return found


def subset() -> list[str]:
    """One line per primary language: the language, a tab, and its locales as a JSON object."""
    languages: dict[str, dict[str, Any]] = {}
    for identifier in sorted(localedata.locale_identifiers()):
        locale = Locale.parse(identifier)
        if str(locale) != identifier:
            continue  # Babel reads this tag as another locale: leave it to Babel
        languages.setdefault(identifier.split("_")[0], {})[identifier] = record(locale)
    lines = [f"# CLDR subset from Babel {babel.__version__}, made by scripts/make_cldr_subset.py"]
    for language, locales in languages.items():
        lines.append(f"{language}\t{_compact(locales)}")
    return lines


def _compact(locales: dict[str, Any]) -> str:
    """``{"locales": {identifier: index}, "records": [...]}``: regional variants share records."""
    records: list[str] = []
    index: dict[str, int] = {}
    for identifier, found in locales.items():
        text = json.dumps(found, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        if text not in records:
            records.append(text)
        index[identifier] = records.index(text)
    shared = {"locales": index, "records": [json.loads(text) for text in records]}
    return json.dumps(shared, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def main() -> int:
    TARGET.write_text("".join(f"{line}\n" for line in subset()), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
