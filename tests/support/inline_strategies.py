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
        st.characters(
            codec="utf-8",
            exclude_categories=("Cs", "Cc", "Co"),
            exclude_characters="\ufffe\uffff",
        ),
    ),
    "arabic": (
        ["ar", "ur"],
        st.sampled_from(ARABIC_LETTERS + URDU_LETTERS)
        | st.sampled_from(ARABIC_MARKS + ARABIC_OTHER)
        | st.sampled_from(string.ascii_letters),
    ),
}
URL = st.builds(
    "https://{}.example.org/{}".format,
    st.text(string.ascii_lowercase, min_size=1, max_size=8),
    st.text(string.ascii_letters + string.digits + "-_./?=&", max_size=15),
) | st.just("mailto:office@example.org")


# ------------------------------------------------------------------ text and inlines


@functools.cache
def xml_text(script: str) -> st.SearchStrategy[str]:
    """Text as XML carries it: any spacing, possibly empty."""
    return st.text(alphabet=SCRIPTS[script][1] | st.sampled_from(" \n\t"), max_size=12)


@functools.cache
def required(script: str) -> st.SearchStrategy[str]:
    """A value that must show something (the reader refuses Unicode white space and invisible
    format characters alone, such as U+2009 or U+200B), with its spaces collapsed."""
    return st.builds(collapse_space, xml_text(script)).filter(
        lambda value: any(not c.isspace() and unicodedata.category(c) != "Cf" for c in value)
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


def inlines(inline: Strategy, min_text: bool = False) -> Strategy:
    """Up to five of ``inline`` in normal form; ``min_text`` asks for a letter or digit."""
    built = st.lists(inline, max_size=5).map(canonical)
    return built.filter(lambda xs: any(c.isalnum() for c in plain_text(xs))) if min_text else built


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
