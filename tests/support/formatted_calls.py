"""A brief read from JATS whose footnote calls stand inside formatting, in English or in Urdu.

It goes through the strict reader, so it holds what the reader makes of the source: the first
paragraph has ``<sup>`` around a call beside a bare one, the second ``<italic>`` and ``<bold>``
(around ``<sup>``) each around one call, the third a call at the end of ``<bold>`` that also holds
a word, beside a bare call, then a bare call beside ``<italic>`` that starts with a call. Notes
are numbered by first call: 1 and 2, 3 and 4, then 5 (1, 2 and 3 again). Every pair of calls
side by side prints the language's separator: "1,2" in English, "1،2" in Urdu.

(``<sup>`` that holds a word and a call is kept too, but both PDF engines raise such a call
above the raised word, so pdftotext puts it on a line of its own: ``<bold>`` keeps the test to
the separators.)
"""

from __future__ import annotations

import re

from briefexport.model import Brief
from briefexport.reader import parse_brief

from .small_brief import edited

ARABIC_COMMA = "\u060c"  # written out, not imported, so these tests run against older code too


def _call(number: int) -> str:
    return f'<xref ref-type="fn" rid="fn{number}">{number}</xref>'


# The words of each paragraph, around the calls (the fourth is the word in bold).
WORDS = {
    "en": ("Tides rose", "Storms came", "Walls held ", "up", " and dunes", " again", "."),
    "ur": ("بارش ہوئی", "پانی آیا", "دیوار ", "اوپر", " اور ریت", " پھر", "۔"),  # noqa: RUF001
}
NOTE_TEXT = {"en": "Harbour works record number {}.", "ur": "بندرگاہ کا ریکارڈ نمبر {}۔"}  # noqa: RUF001


def _paragraphs(language: str) -> tuple[str, ...]:
    first, second, third, raised, dunes, again, stop = WORDS[language]
    return (
        f"{first}<sup>{_call(1)}</sup>{_call(2)}{stop}",
        f"{second}<italic>{_call(3)}</italic><bold><sup>{_call(4)}</sup></bold>{stop}",
        f"{third}<bold>{raised}{_call(5)}</bold>{_call(1)}{dunes}{_call(2)}"
        f"<italic>{_call(3)}{again}</italic>{stop}",
    )


def formatted_calls_source(language: str = "en") -> str:
    """The brief as JATS text."""
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in _paragraphs(language))
    notes = "\n".join(
        f'<fn id="fn{n}"><p>{NOTE_TEXT[language].format(n)}</p></fn>' for n in range(1, 6)
    )
    source = edited('xml:lang="en"', f'xml:lang="{language}"')
    source = edited('<p>Walls need care<xref ref-type="fn" rid="fn1">1</xref>.</p>', body, source)
    start, end = source.index("<fn-group>"), source.index("</fn-group>")
    return source[: start + len("<fn-group>")] + notes + source[end:]


def formatted_calls_brief(language: str = "en") -> Brief:
    """The brief as the strict reader reads it (it has no warnings to give)."""
    brief, warnings = parse_brief(formatted_calls_source(language).encode())
    assert warnings == [], warnings
    return brief


PAIRS = ("12", "34", "51", "23")  # the calls side by side, in reading order
# Bidi controls pdftotext puts around right-to-left lines and left-to-right pieces in them.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def separator(language: str) -> str:
    return ARABIC_COMMA if language == "ur" else ","


def missing_and_misprinted(text: str, language: str) -> tuple[list[str], list[str]]:
    """The pairs of calls ``text`` lacks with the language's separator, and those it prints
    without a separator or with the other language's. In Urdu a pair may read either way round:
    WeasyPrint and LibreOffice order the calls right to left, Typst left to right."""
    text = BIDI_CONTROLS.sub("", text)
    mark, other = separator(language), ("," if language == "ur" else ARABIC_COMMA)
    orders = {pair: [pair, pair[::-1]] if language == "ur" else [pair] for pair in PAIRS}
    missing = [pair for pair in PAIRS if not any(mark.join(o) in text for o in orders[pair])]
    wrong = [
        sep.join(order)
        for pair in PAIRS
        for order in orders[pair]
        for sep in ("", other)
        if sep.join(order) in text
    ]
    return missing, wrong


# What each paragraph's calls are in the XHTML (see ``note_calls.calls_by_paragraph``).
MARKED = [
    [("1", False), ("2", True)],
    [("3", False), ("4", True)],
    [("5", False), ("1", True), ("2", False), ("3", True)],
]
