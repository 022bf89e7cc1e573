"""Whether an imported language tag can be a brief's ``xml:lang``, so that a bad one is reported
at its place in the source rather than in the canonical XML written from it.

The brief's schema types ``xml:lang`` as XML Schema's ``language`` (BCP 47 syntax: subtags of 1
to 8 letters or digits, the first of letters only), and the reader wants a primary language
Babel (CLDR) knows.
"""

from __future__ import annotations

import re

from ..shared.languages import knows_language

_SYNTAX = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


def language_problem(tag: str) -> str | None:
    """Why ``tag`` cannot be a brief's language, or None when it can."""
    if not _SYNTAX.fullmatch(tag):
        hint = f"; write {tag.replace('_', '-')!r}" if "_" in tag else ""
        return f"language {tag!r} is not a BCP 47 language tag such as 'en-GB'{hint}"
    if not knows_language(tag):
        return f"language {tag!r} does not name a known language"
    return None
