"""Hypothesis strategies for the inline content of generated briefs, one family per script.

A script is the alphabet a brief's text is drawn from: ``any`` (every character XML and the
profile allow) or ``arabic`` (Arabic and Urdu letters, marks and digits, a few Latin letters).
Each strategy is built once per script and cached: building strategies inside every draw made
generation slow. Footnote and citation calls are placeholders that ``strategies`` resolves.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
import unicodedata
from typing import Any

from hypothesis import strategies as st

from briefexport.inlines import canonical, collapse_space, plain_text
from briefexport.model import (
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    CitedDate,
    Footnote,
    FootnoteRef,
    Link,
    PublicationType,
    Reference,
    Styled,
    Text,
    TextStyle,
)

Strategy = st.SearchStrategy[Any]

PLACEHOLDER_NOTES = 5
PENDING = Citation(PublicationType.WEBPAGE, ())  # stands for a reference's citation drawn later

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
URDU_LETTERS = list("ٹڈڑںہھیےکگپچژ")
ARABIC_MARKS = [chr(c) for c in range(0x064B, 0x0653)]
ARABIC_OTHER = list("٠١٢٣٤٥٦٧٨٩،؛؟.()-:0123456789")
SCRIPTS: dict[str, tuple[list[str], Strategy]] = {
    "any": (
        ["en", "en-GB", "ur", "ar", "fr"],
        # every character UTF-8 can carry: surrogates (Cs) are the only ones it cannot, and
        # naming no codec spares Hypothesis building a codec table in each fresh checkout
        st.characters(exclude_categories=("Cs", "Cc", "Co"), exclude_characters="\ufffe\uffff"),
    ),
    "arabic": (
        ["ar", "ur"],
        st.sampled_from(ARABIC_LETTERS + URDU_LETTERS)
        | st.sampled_from(ARABIC_MARKS + ARABIC_OTHER)
        | st.sampled_from(string.ascii_letters),
    ),
}
HTTPS = st.builds(
    "https://{}.example.org/{}".format,
    st.text(string.ascii_lowercase, min_size=1, max_size=8),
    st.text(string.ascii_letters + string.digits + "-_./?=&", max_size=15),
)
URL = HTTPS | st.just("mailto:office@example.org")


# ------------------------------------------------------------------ text and inlines


@functools.cache
def xml_text(script: str) -> st.SearchStrategy[str]:
    """Text as XML carries it: any spacing, possibly empty."""
    return st.text(alphabet=SCRIPTS[script][1] | st.sampled_from(" \n\t"), max_size=12)


def _visible(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) != "Cf"


ARABIC_ALPHABET = "".join(ARABIC_LETTERS + URDU_LETTERS + ARABIC_MARKS + ARABIC_OTHER)
ARABIC_ALPHABET += string.ascii_letters
# The characters of a script that pass a test, drawn from directly: filtering a drawn character
# retried many draws and gave up on some briefs. Under Python's Unicode data the letters (L) and
# numbers (N) are exactly the characters ``str.isalnum`` accepts, and the white space (Z) and
# format characters (Cf) exactly those ``_visible`` refuses among the ``any`` script's.
ALNUM = {
    "any": st.characters(categories=("L", "N")),
    "arabic": st.characters(
        categories=(), include_characters=[c for c in ARABIC_ALPHABET if c.isalnum()]
    ),
}
VISIBLE = {
    "any": st.characters(
        exclude_categories=("Cs", "Cc", "Co", "Cf", "Zs", "Zl", "Zp"),
        exclude_characters="\ufffe\uffff",
    ),
    "arabic": st.characters(
        categories=(), include_characters=[c for c in ARABIC_ALPHABET if _visible(c)]
    ),
}


@functools.cache
def required(script: str) -> st.SearchStrategy[str]:
    """A value that must show something (the reader refuses Unicode white space and invisible
    format characters alone, such as U+2009 or U+200B), with its spaces collapsed.

    One visible character is drawn between two pieces of any text, rather than drawing any
    text and filtering out the blank ones (which discarded many drawn briefs)."""
    return st.builds(
        lambda before, char, after: collapse_space(before + char + after),
        xml_text(script),
        VISIBLE[script],
        xml_text(script),
    )


def _styled(children: Strategy) -> st.SearchStrategy[Styled]:
    return st.builds(Styled, st.sampled_from(TextStyle), st.lists(children, max_size=3).map(tuple))


@functools.cache
def text(script: str) -> Strategy:
    return st.builds(Text, xml_text(script))


@functools.cache
def phrase(script: str) -> Strategy:
    """Titles and names: text and formatting only."""
    return st.recursive(text(script), _styled, max_leaves=6)


@functools.cache
def styled_phrase(script: str) -> Strategy:
    return _styled(phrase(script))


@functools.cache
def link(script: str) -> Strategy:
    return st.builds(Link, URL, st.lists(phrase(script), max_size=2).map(tuple))


@functools.cache
def linked(script: str) -> Strategy:
    """Captions and cells: text, formatting and links."""
    return st.recursive(text(script) | link(script), _styled, max_leaves=6)


def _note_call(k: int) -> FootnoteRef:
    return FootnoteRef(Footnote(f"fn{k}", 0, ()))


def _citation_call(k: int) -> CitationRef:
    return CitationRef(Reference(f"ref{k}", k, PENDING))


@functools.cache
def body_inline(script: str, references: int) -> Strategy:
    """Paragraph content: formatting, links, note calls and calls to one of ``references``."""
    leaves = text(script) | link(script) | st.builds(_note_call, st.integers(1, PLACEHOLDER_NOTES))
    if references:
        leaves = leaves | st.builds(_citation_call, st.integers(1, references))
    return st.recursive(leaves, _styled, max_leaves=8)


# The two helpers below are cached on the strategy they are given: pass them strategies that are
# built once (the cached ones of this module), never one built anew for each draw.
@functools.cache
def inlines(inline: Strategy) -> Strategy:
    """Up to five of ``inline`` in normal form."""
    return st.lists(inline, max_size=5).map(canonical)


@functools.cache
def maybe(value: Strategy) -> Strategy:
    """``value`` or None."""
    return st.none() | value


@functools.cache
def title(script: str) -> Strategy:
    """Titles and headings: up to five phrases in normal form with a letter or digit among them.

    A text holding one goes in at a drawn place, rather than drawing phrases and filtering out
    those without (which discarded many drawn briefs)."""
    alnum = ALNUM[script]
    word = st.builds(lambda a, c, b: Text(a + c + b), xml_text(script), alnum, xml_text(script))
    return st.builds(_with_word, st.lists(phrase(script), max_size=4), word, st.integers(0, 4))


def _with_word(phrases: list[Any], word: Text, at: int) -> tuple[Any, ...]:
    built = canonical([*phrases[:at], word, *phrases[at:]])
    assert any(c.isalnum() for c in plain_text(built)), built
    return built


@functools.cache
def citation(script: str) -> Strategy:
    words = required(script)
    name_part = st.builds(lambda v: CitationPart(CitationField.STRING_NAME, (Text(v),)), words)
    collab = st.builds(lambda v: CitationPart(CitationField.COLLAB, (Text(v),)), words)
    person_group = st.builds(
        lambda xs: CitationPart(CitationField.PERSON_GROUP, tuple(xs)),
        st.lists(name_part | collab | st.just(Text(", ")), max_size=4),
    )
    titled = st.builds(
        lambda field, xs: CitationPart(field, tuple(xs)),
        st.sampled_from([CitationField.ARTICLE_TITLE, CitationField.SOURCE]),
        st.lists(phrase(script), max_size=3),
    )
    cited_date = st.builds(
        lambda d, t: CitedDate(d.isoformat()[:t], "on " + d.isoformat()),
        st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
        st.sampled_from([4, 7, 10]),
    )
    parts = text(script) | link(script) | person_group | name_part | collab | titled | cited_date
    return st.builds(
        lambda kind, xs: Citation(kind, tuple(xs)),
        st.sampled_from(PublicationType),
        st.lists(parts | _styled(phrase(script)), max_size=6),
    )
