"""Smart typography over the model, once for every presentation format.

PDF, EPUB, DOCX and HTML print the brief after :func:`typeset`; the archival JATS and the
Markdown writer keep the source's characters, as they are source formats a later edit starts
from (``--no-smart`` keeps them in every format). What changes, in text only (never in code,
URLs, e-mail addresses, link targets, alt texts or dates):

* straight quotes become the language's quotation marks (CLDR's delimiters, from ``labels.toml``:
  U+201C/U+201D and U+2018/U+2019 in English, guillemets in French, CLDR's pairs in Urdu and
  Arabic, English marks around English words in those); an apostrophe becomes U+2019 (in
  "region's" and "'90s" alike);
* ``---`` becomes an em dash, ``--`` and a hyphen between spaces an en dash, ``...`` an ellipsis;
* the space between a number and its unit ("32 °C", "100 m", "5 %") and after "No." becomes a
  no-break space, so a line never ends between them.

Quotes are decided across formatting (``"<i>Title</i>"``): the text of a paragraph is looked at
as one string, of which code and URLs are opaque parts.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import assert_never

from ..inlines import plain_text, with_children
from ..model import (
    Citation,
    CitationPart,
    CitationRef,
    CitedDate,
    Footnote,
    FootnoteRef,
    Inline,
    Link,
    Styled,
    Text,
    TextStyle,
)
from ..model.record import Record, record
from .bidi import char_direction
from .i18n import FALLBACK_LANGUAGE, is_rtl, label

OPAQUE = "\ufffc"  # stands for code and URLs while quotes are decided
NBSP = "\u00a0"
COMPOUND_HYPHEN = re.compile(r"(?<=\w)([-\u2010])(?=\w)")
"""A compound's own hyphen ("re-evaluation"): the display titles (title and subtitle) break no
line there, in every format that lays out lines."""
APOSTROPHE = "\u2019"
URL = re.compile(r"(?:https?://|www\.|mailto:)\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
# Each alternative of URL holds one of these: a text with none of them has no address in it.
URL_MARKS = ("://", "www.", "mailto:", "@")
STRAIGHT_QUOTE = re.compile("[\"']")
OPENING_CONTEXT = set("([{<\u2014\u2013-/\u00ab\u201c\u2018\u201e\u201a")
UNIT = (
    r"%|‰|°[CFK]?|[kMGT]?Wh?|[kMG]?W|[kcm]?m[²³23]?|ha|[kmµ]?g|t|[mµ]?[lL]|[kMG]?Hz|dB"
    r"|ppm|ppb|min|h|s|ms|km/h|bn"
)
# a space after a digit and before a unit; the space comes first so the search skips to spaces
NUMBER_UNIT = re.compile(rf" (?<=\d )(?=(?:{UNIT})(?![\w]))")
NUMBER_SIGN = re.compile(r"\b(No|no|Nos|nos)\. (?=\d)")
DASHES = ((re.compile(r"(?<!-)---(?!-)"), "\u2014"), (re.compile(r"(?<!-)--(?!-)"), "\u2013"))
SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")
ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)")


@record
class QuoteMarks(Record):
    """Opening and closing marks, outer (double) and inner (single)."""

    outer: tuple[str, str]
    inner: tuple[str, str]

    @classmethod
    def of(cls, language: str) -> QuoteMarks:
        """The language's marks from the shipped ``labels.toml``."""
        return _quote_marks(language)


@functools.cache  # asked for every paragraph; the shipped labels never change
def _quote_marks(language: str) -> QuoteMarks:
    def mark(key: str) -> str:
        return label(language, key)

    outer = (mark("quote_open"), mark("quote_close"))
    return QuoteMarks(outer, (mark("quote_inner_open"), mark("quote_inner_close")))


class _Quoter:
    """Decides each straight quote of one string, left to right."""

    def __init__(self, language: str) -> None:
        self.marks = QuoteMarks.of(language)
        self.latin_marks = QuoteMarks.of(FALLBACK_LANGUAGE) if is_rtl(language) else self.marks
        self.open: list[str] = []  # closing marks of the quotes still open, innermost last

    def curl(self, text: str) -> str:
        spans = [found.span() for found in addresses(text)]
        pieces: list[str] = []
        last, before = 0, ""
        for quote in STRAIGHT_QUOTE.finditer(text):
            index = quote.start()
            if any(start <= index < end for start, end in spans):
                continue
            if index != last:  # the character before, as decided so far
                before = text[index - 1]
            mark = self._decide(text, index, before)
            pieces += (text[last:index], mark)
            last, before = index + 1, mark
        pieces.append(text[last:])
        return "".join(pieces)

    def _decide(self, text: str, index: int, before: str) -> str:
        after = text[index + 1] if index + 1 < len(text) else ""
        opening = (not before or before.isspace() or before in OPENING_CONTEXT) and bool(
            after.strip()
        )
        if text[index] == '"':
            return self._open(after, outer=True) if opening else self._close(outer=True)
        if (before.isalnum() and after.isalpha()) or (opening and after.isdigit()):
            return APOSTROPHE
        if opening:
            return self._open(after, outer=False)
        return self._close(outer=False)

    def _open(self, after: str, outer: bool) -> str:
        marks = self.latin_marks if char_direction(after) == "ltr" else self.marks
        pair = marks.outer if outer else marks.inner
        self.open.append(("outer" if outer else "inner") + pair[1])
        return pair[0]

    def _close(self, outer: bool) -> str:
        kind = "outer" if outer else "inner"
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position].startswith(kind):
                closing = self.open.pop(position)
                return closing[len(kind) :]
        return (self.marks.outer[1]) if outer else APOSTROPHE


def addresses(text: str) -> Iterator[re.Match[str]]:
    """The URLs and e-mail addresses in ``text`` (none is looked for without a mark of one)."""
    return URL.finditer(text) if _may_hold_address(text) else iter(())


def _may_hold_address(text: str) -> bool:
    return any(map(text.__contains__, URL_MARKS))


def local_marks(text: str) -> str:
    """Dashes, ellipses and no-break spaces, outside URLs and e-mail addresses."""
    if not _may_hold_address(text):
        return _local(text)
    pieces, last = [], 0
    for found in URL.finditer(text):
        pieces += [_local(text[last : found.start()]), found.group(0)]
        last = found.end()
    return "".join([*pieces, _local(text[last:])])


def _local(text: str) -> str:
    # each pattern is tried only when the text holds the characters every match of it holds
    if "--" in text:
        for pattern, dash in DASHES:
            text = pattern.sub(dash, text)
    if " - " in text:
        text = SPACED_HYPHEN.sub(" \u2013 ", text)
    if "..." in text:
        text = ELLIPSIS.sub("\u2026", text)
    text = NUMBER_UNIT.sub(NBSP, text)
    if "o. " in text or "os. " in text:
        text = NUMBER_SIGN.sub(lambda found: f"{found[1]}.{NBSP}", text)
    return text


def smart_text(text: str, language: str) -> str:
    """One line of plain text (a role, an affiliation, a licence sentence) made typographic."""
    return local_marks(_curled(text, language))


def _curled(text: str, language: str) -> str:
    """``text`` with its straight quotes decided, by a quoter of its own."""
    if '"' not in text and "'" not in text:
        return text  # most texts: no quoter is made
    return _Quoter(language).curl(text)


def smart_inlines(
    inlines: tuple[Inline, ...], language: str, notes: Mapping[str, Footnote] | None = None
) -> tuple[Inline, ...]:
    """A paragraph's inlines made typographic, quotes decided across their formatting.

    ``notes`` maps note ids to notes already made typographic, for the calls to point at.
    """
    leaves: list[tuple[str, bool]] = []
    _texts(inlines, True, leaves)
    joined = "".join([text if ok else OPAQUE for text, ok in leaves])
    curled = _curled(joined, language)
    # each text is a piece of the whole, which curling gives no address: none there, none in it
    marks = local_marks if _may_hold_address(curled) else _local
    results, position = [], 0
    for text, ok in leaves:
        width = len(text) if ok else 1
        results.append(marks(curled[position : position + width]) if ok else text)
        position += width
    return _rebuild(inlines, iter(results), notes or {})


def _texts(inlines: Iterable[Inline], eligible: bool, out: list[tuple[str, bool]]) -> None:
    """Every text node's value, and whether it may change, in document order, added to ``out``."""
    for inline in inlines:
        match inline:
            case Text():
                out.append((inline.value, eligible))
            case Styled():
                monospace = inline.style is TextStyle.MONOSPACE
                _texts(inline.children, eligible and not monospace, out)
            case Link():
                _texts(inline.children, eligible and not _shows_address(inline), out)
            case Citation() | CitationPart():
                _texts(inline.children, eligible, out)
            case FootnoteRef() | CitationRef() | CitedDate():
                pass
            case _:
                assert_never(inline)


def _rebuild(
    inlines: tuple[Inline, ...], values: Iterator[str], notes: Mapping[str, Footnote]
) -> tuple[Inline, ...]:
    """``inlines`` with the text values in ``values`` (in the order of :func:`_texts`); an
    inline that comes out equal is kept, and so is the tuple when all are."""
    out = [_rebuilt(inline, values, notes) for inline in inlines]
    if all(map(operator.is_, out, inlines)):
        return inlines
    return tuple(out)


def _rebuilt(inline: Inline, values: Iterator[str], notes: Mapping[str, Footnote]) -> Inline:
    match inline:
        case Text():
            value = next(values)
            return inline if value == inline.value else Text(value)
        case Styled() | Link() | Citation() | CitationPart():
            return with_children(inline, _rebuild(inline.children, values, notes))
        case FootnoteRef():
            typeset = notes.get(inline.note.id, inline.note)
            return inline if typeset is inline.note else FootnoteRef(typeset)
        case CitationRef() | CitedDate():
            return inline
        case _:
            assert_never(inline)


def _shows_address(link: Link) -> bool:
    """Whether a link prints its own URL or e-mail address (which stays as written)."""
    text = plain_text(link.children).strip()
    address = link.href.removeprefix("mailto:")
    return text in (link.href, address) or bool(URL.fullmatch(text))
