"""Titles extracted from a PDF set in capitals, turned into title case.

A brief's title page often sets the title in capitals; the capitals are styling, not spelling,
and a title kept in capitals shouts in every format and in every catalogue. The rules are the
Chicago Manual of Style's headline style (8.159-8.161), as far as they can be applied without a
dictionary: every word capitalised except articles, coordinating conjunctions and short
prepositions (unless first, last or after a colon or question mark); in a hyphenated compound the
part after a prefix that cannot stand alone ("Re-evaluation") stays lower case; the letter after
an apostrophe stays lower case ("Russia's"). Words in parentheses of up to five letters stay in
capitals, as they are usually abbreviations ("(ISSI)").
"""

from __future__ import annotations

import re

MINOR_WORDS = frozenset((
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
    "of", "off", "on", "per", "to", "up", "via", "from", "into", "onto", "over", "with", "than",
    "vs",
))  # fmt: skip
PREFIXES = frozenset((
    "anti", "co", "de", "inter", "intra", "multi", "non", "post", "pre", "pro", "re", "semi",
    "sub", "super", "un",
))  # fmt: skip
WORD = re.compile(r"[^\W\d_][\w'\u2019]*(?:-[\w'\u2019]+)*|\S")
BREAK_AFTER = (":", "?", "!", "\u2014", "\u2013")
ABBREVIATION = re.compile(r"\(([A-Z]{2,5})\)")


def is_all_caps(text: str) -> bool:
    """Whether ``text`` has at least two words of cased letters and no lower-case letter."""
    letters = [char for char in text if char.isalpha() and (char.isupper() or char.islower())]
    words = [word for word in text.split() if any(char.isalpha() for char in word)]
    return len(words) >= 2 and bool(letters) and all(char.isupper() for char in letters)


def title_case(text: str) -> str:
    """``text`` (in capitals) in headline-style title case."""
    keep = {found.start(1) for found in ABBREVIATION.finditer(text)}
    tokens = list(WORD.finditer(text))
    words = [token for token in tokens if token.group(0)[0].isalpha()]
    out, last = [], 0
    for token in tokens:
        out.append(text[last : token.start()])
        word = token.group(0)
        if token.start() in keep or not word[0].isalpha():
            out.append(word)
        else:
            previous = text[: token.start()].rstrip()
            starts = token is words[0] or token is words[-1] or previous.endswith(BREAK_AFTER)
            out.append(_case_word(word, minor_allowed=not starts))
        last = token.end()
    out.append(text[last:])
    return "".join(out)


def _case_word(word: str, minor_allowed: bool) -> str:
    lower = word.lower()
    if minor_allowed and lower in MINOR_WORDS:
        return lower
    parts = lower.split("-")
    cased = [_capitalise(parts[0])]
    for part in parts[1:]:
        prefix_only = parts[0] in PREFIXES
        cased.append(part if prefix_only or part in MINOR_WORDS else _capitalise(part))
    return "-".join(cased)


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]
