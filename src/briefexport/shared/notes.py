"""Footnote calls for every renderer: the ids of notes and calls, and which calls need a separator.

A note is known by its number (its order of first call), never by the brief's own id, so ids
stay valid and unique whatever the source called its notes.

Two calls side by side would print as one number ("45" for notes 4 and 5), so print puts a
comma between them ("4,5"). Side by side means nothing at all between the two calls: not even
a space. A space already keeps the numbers apart and is printed as the author wrote it, as are
words or a citation call between two calls. Formatting that holds nothing but calls is dropped
when a brief is read (:func:`briefexport.inlines.canonical`); a call at the edge of formatting
that also holds text (``<sup>a<xref/></sup><xref/>``) is still beside the call across that edge.
Each writer prints the separator its own way: a character of the text in Word and Typst, the
stylesheet's generated text in HTML, EPUB and WeasyPrint's PDF (where it is drawn as text, so
it is extracted with the rest); Markdown and JATS need none, as their calls are distinct markup.

The separator follows the brief's language: the Arabic comma U+060C in languages written in the
Arabic script (``ur`` "4،5"), else the Latin comma. CLDR's list patterns do not say it (Arabic
joins a list with "و", Sorani and Uyghur with a Latin comma), so the script decides: a script
subtag when the tag has one (``pa-Arab``), else the script CLDR's likely subtags give the language
(for the languages of the stored CLDR subset; any other gets the Latin comma).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Footnote, FootnoteRef, Inline, Styled

LATIN_COMMA = ","
ARABIC_COMMA = "\u060c"
# Languages whose likely script in CLDR is Arabic, among those of the stored CLDR subset (cldr.tsv);
# tests/shared checks the list against Babel.
ARABIC_SCRIPT = frozenset(
    {"apc", "ar", "ary", "bal", "bgn", "bqi", "brh", "ckb", "fa", "ks", "lrc", "mzn", "ps", "sd",
     "sdh", "skr", "trw", "ug", "ur"}
)  # fmt: skip
CALL_SEPARATORS = frozenset({LATIN_COMMA, ARABIC_COMMA})


def note_id(note: Footnote) -> str:
    """The id of a note's text."""
    return f"fn-{note.number}"


def call_id(note: Footnote, ordinal: int) -> str:
    """The id of the ``ordinal``-th call (1-based) of ``note``."""
    return f"fnref-{note.number}-{ordinal}"


def call_separator(language: str) -> str:
    """The mark between two calls side by side in a brief in ``language`` (a BCP 47 tag)."""
    subtags = language.replace("_", "-").lower().split("-")
    scripts = [tag for tag in subtags[1:] if len(tag) == 4 and tag.isalpha()]
    arabic = scripts[0] == "arab" if scripts else subtags[0] in ARABIC_SCRIPT
    return ARABIC_COMMA if arabic else LATIN_COMMA


def with_call_separators(
    inlines: Iterable[Inline], after_call: bool = False
) -> Iterator[tuple[Inline, bool]]:
    """Each of ``inlines`` with whether it starts with a footnote call right after another call,
    which then prints a separator before its number (see the module docstring). ``after_call``
    says the run itself starts right after a call (the run inside formatting that follows one)."""
    for inline in inlines:
        yield inline, after_call and _edge_call(inline, 0)
        after_call = _edge_call(inline, -1)


def _edge_call(inline: Inline, edge: int) -> bool:
    """Whether ``inline`` is a call or formatting whose first (0) or last (-1) inline is one."""
    while isinstance(inline, Styled) and inline.children:
        inline = inline.children[edge]
    return isinstance(inline, FootnoteRef)
