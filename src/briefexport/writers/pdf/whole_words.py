"""Words hyphenated only to save a loose line: names and a paragraph's last word.

The house style keeps capitalised words (names: "Harbourside") and the last word of a
justified paragraph (hyphenated, it leaves a fragment such as "able." alone on the last line)
whole. Kept whole at any cost, such a word sometimes leaves the line before it with spaces
three times their width: WeasyPrint breaks lines one at a time and only stretches spaces. So
these words are hyphenated only when keeping them whole would leave more than
``LOOSE_SHARE`` (10%) of the line empty, about 48 pt of a 470 pt measure: spaces stretched
to some two and a half times their width, as a penalty for breaking them would in a
paragraph-wide line breaker. Ordinary words are hyphenated from ``hyphenate-limit-zone`` (5%).

Done inside WeasyPrint 70's ``split_first_line`` by :mod:`.hyphen_lines`, which wraps it:

* names: WeasyPrint looks the word it would hyphenate up in a Pyphen dictionary it keeps per
  layout in ``context.dictionaries``, keyed by language and ``hyphenate-limit-chars``; a
  :class:`NamesWhole` put there first gives a capitalised word no break points, unless
  :data:`NAMES_ALLOWED` is set. Languages that capitalise every noun (German,
  Luxembourgish) keep WeasyPrint's own dictionary;
* last words: the PDF writer puts each in a ``span.last-word`` (:mod:`.word_marks`), which
  ``styles/pdf.css`` gives ``hyphens: manual`` and the custom property ``--keep-whole``;
* when the line made so is too loose, the line is split again with names allowed, or with
  ``hyphens: auto`` for a marked word. The line's width comes from ``iter_line_boxes``
  (:data:`LINE_WIDTH`, set by :mod:`.hyphen_lines`).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from typing import Any

import pyphen  # type: ignore[import-untyped]

LOOSE_SHARE = 0.10
NOUNS_CAPITALISED = frozenset({"de", "lb"})
KEEP_WHOLE = "__keep_whole"  # how WeasyPrint 70 keys the custom property --keep-whole
NAMES_ALLOWED: contextvars.ContextVar[bool] = contextvars.ContextVar("names", default=False)
LINE_WIDTH: contextvars.ContextVar[float | None] = contextvars.ContextVar("line", default=None)


class NamesWhole:
    """A Pyphen dictionary as WeasyPrint uses it (``iterate``) that gives a capitalised word
    no break points unless :data:`NAMES_ALLOWED` is set."""

    __slots__ = ("_dictionary",)

    def __init__(self, dictionary: Any) -> None:
        self._dictionary = dictionary

    def iterate(self, word: str) -> Iterator[tuple[str, str]]:
        if word[:1].isupper() and not NAMES_ALLOWED.get():
            return iter(())
        found: Iterator[tuple[str, str]] = self._dictionary.iterate(word)
        return found


def dictionary_key(style: Any) -> tuple[Any, ...] | None:
    """WeasyPrint 70's key of the dictionary hyphenating text of ``style``, when names in that
    language are kept whole."""
    lang = style["lang"] and pyphen.language_fallback(style["lang"])
    if not lang or lang.split("_")[0].lower() in NOUNS_CAPITALISED:
        return None
    total, left, right = style["hyphenate_limit_chars"]
    return (lang, left, right, total)


def install_dictionary(context: Any, key: tuple[Any, ...]) -> None:
    """Make the layout's dictionary for ``key`` one that keeps names whole."""
    if not isinstance(context.dictionaries.get(key), NamesWhole):
        lang, left, right, _ = key
        context.dictionaries[key] = NamesWhole(pyphen.Pyphen(lang=lang, left=left, right=right))


def _too_loose(room: float) -> bool:
    width = LINE_WIDTH.get()
    return width is not None and room > LOOSE_SHARE * width


def _goes_down(text: str, found: Any, max_width: float) -> bool:
    """Whether the word of ``text`` (a marked word, with the space before it) does not fit."""
    resume = found[2]
    before = text if resume is None else text.encode()[:resume].decode()
    return found[3] > max_width or (resume is not None and not before.strip())


def _room_before_name(text: str, found: Any, max_width: float) -> float:
    """The room a line would keep empty because the name after it stays whole (0 when what
    follows is no name)."""
    width, resume = found[3], found[2]
    if width > max_width:  # not even the first word fits: it goes to the next line
        room, rest = max_width, text
    elif resume is not None:
        room, rest = max_width - width, text.encode()[resume:].decode()
    else:
        return 0.0
    return room if rest.lstrip()[:1].isupper() else 0.0


def split_saving_loose_lines(
    split: Callable[..., Any],
    loosened: Callable[[Any], Any],
    text: str,
    style: Any,
    *args: Any,
    **named: Any,
) -> Any:
    """``split(text, style, context, max_width, ...)``, split again when a word kept whole
    leaves the line too loose; ``loosened(style)`` is ``style`` with ``hyphens: auto``."""
    found = split(text, style, *args, **named)
    max_width = args[1]
    if max_width is None:
        return found
    if style[KEEP_WHOLE] and style["hyphens"] == "manual":
        if _goes_down(text, found, max_width) and _too_loose(max_width):
            retried = split(text, loosened(style), *args, **named)
            return retried if retried[3] <= max_width else found
        return found
    if style["hyphens"] == "auto" and _too_loose(_room_before_name(text, found, max_width)):
        token = NAMES_ALLOWED.set(True)
        try:
            return split(text, style, *args, **named)
        finally:
            NAMES_ALLOWED.reset(token)
    return found
