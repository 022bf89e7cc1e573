"""Wording shared by the reader's schema messages: element names in angle brackets, lists that
end in "or", ordinals ("the second <p>"), and the close spelling of a misspelt or abbreviated
name (``i`` for ``italic``), what an empty parent needs."""

from __future__ import annotations

import difflib

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
NEEDS = {  # what an empty parent needs, in words
    "tr": "a table row needs at least one cell (<td> or <th>)",
    "thead": "a table header needs at least one row (<tr>)",
    "tbody": "a table body needs at least one row (<tr>)",
    "list": "a list needs at least one <list-item>",
    "list-item": "a list item needs at least one paragraph (<p>)",
    "fn-group": "<fn-group> needs at least one footnote (<fn>)",
    "fn": "a footnote needs at least one paragraph (<p>)",
    "ref-list": "a reference list needs at least one <ref>",
    "disp-quote": "a quotation needs at least one paragraph (<p>)",
    "abstract": "an abstract needs at least one paragraph (<p>)",
}


def bracketed(names: list[str], last: str = "or") -> str:
    """``<a>``, ``<a> or <b>``, ``<a>, <b> or <c>``."""
    return joined([f"<{name}>" for name in names], last)


def quoted(values: list[str]) -> str:
    """``"a"``, ``"a" or "b"``."""
    return joined([f'"{value}"' for value in values], "or")


def joined(shown: list[str], last: str) -> str:
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {last} {shown[-1]}"


def nth(index: int) -> str:
    """The ordinal of the element at ``index`` (from 0): ``first``, ..., ``ninth``, ``10th``,
    ``11th``, ``21st``."""
    if index < len(ORDINALS):
        return ORDINALS[index]
    number = index + 1
    suffix = "th" if number % 100 in (11, 12, 13) else SUFFIXES.get(number % 10, "th")
    return f"{number}{suffix}"


def close_name(name: str, choices: list[str]) -> str | None:
    """The choice ``name`` most likely misspells, or abbreviates when one of them is short."""
    short = [c for c in choices if min(len(c), len(name)) <= 2 and _prefixed(c, name)]
    found = difflib.get_close_matches(name, short or choices, n=1, cutoff=0.0 if short else 0.6)
    return found[0] if found else None


def _prefixed(one: str, other: str) -> bool:
    return one.startswith(other) or other.startswith(one)
