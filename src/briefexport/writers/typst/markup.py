r"""Typst 0.15 source text from data: the one place where a user string meets Typst syntax.

Typst markup is code: ``#`` starts an expression, ``$`` maths, ``*`` and ``_`` strong and
emphasis, ``<``/``@`` labels and references, ``=``/``-``/``+`` headings and lists at the start
of a line, ``//`` comments, ``--`` and ``'`` typographic shorthands, ``https://`` a link. A
backslash before any character other than whitespace or ``u{`` prints that character itself
(Typst reference, "Syntax: escape sequences"), so :func:`escape` puts one before every ASCII
punctuation mark that can mean something: the brief's text comes out letter for letter, and no
brief can run code. Marks that are plain text inside a run of markup are left bare, because
each escape becomes an element of its own that Typst must style and merge again (a tenth of
the compile of a brief with many commas): ``, : ; ! ? % & ( )`` anywhere but first, ``-``
before an ASCII letter (``--``, ``-?`` and ``-1`` are shorthands) and ``.`` neither beside
another ``.`` (``...``) nor after a digit (``1.`` at the start of a line is a numbered item).
The first character is escaped if it is any punctuation mark, because a text may follow an
embedded expression, which ``(``, ``[``, ``.`` or ``;`` would continue or end.
Characters Typst reads as line breaks (U+000B, U+000C, U+0085, U+2028, U+2029) are written as
``\u{...}`` escapes, so they are not turned into spaces. In code mode, text only ever appears
inside string literals made by :func:`string`.
"""

from __future__ import annotations

import re
import string as _string
from collections.abc import Iterable

_QUIET = ",:;!?%&()-."  # plain inside a text, under the conditions below
_MEANINGFUL = re.compile(
    "^[" + re.escape(_string.punctuation) + "]"  # the first character: it may follow code
    "|[" + re.escape("".join(sorted(set(_string.punctuation) - set(_QUIET)))) + "]"
    r"|-(?![A-Za-z])"  # a hyphen before a letter is no shorthand
    r"|\.(?=\.)|(?<=[.\d])\."  # no ellipsis shorthand, no numbered item
)
_LINE_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")


def escape(text: str) -> str:
    """``text`` as Typst markup that prints exactly ``text``."""
    escaped = _MEANINGFUL.sub(r"\\\g<0>", text)
    return _LINE_BREAKS.sub(lambda found: f"\\u{{{ord(found.group()):x}}}", escaped)


def string(text: str) -> str:
    """``text`` as a Typst string literal."""
    return '"' + "".join(_STRING_ESCAPES.get(char, char) for char in text) + '"'


def content(markup: str) -> str:
    """A content block holding ``markup`` (already escaped)."""
    return f"[{markup}]"


def label(name: str) -> str:
    """A label the writer makes up (``fn-3``); never built from a brief's text."""
    if not _LABEL.fullmatch(name):
        raise ValueError(f"not a label name: {name!r}")
    return f"<{name}>"


def call(function: str, *args: str, **named: str) -> str:
    """``function(args..., name: value...)`` in code mode; every value is already Typst code."""
    parts = [*args, *(f"{key.replace('_', '-')}: {value}" for key, value in named.items())]
    return f"{function}({', '.join(parts)})"


def hash_call(function: str, *args: str, trailing: str | None = None, **named: str) -> str:
    """A call embedded in markup (``#strong[...]``); ``trailing`` is a content argument."""
    head = f"#{function}" if not (args or named) else "#" + call(function, *args, **named)
    return head + (content(trailing) if trailing is not None else "")


def array(items: Iterable[str]) -> str:
    """A Typst array of code values (a one-element array keeps its trailing comma)."""
    values = list(items)
    return "(" + ", ".join(values) + ("," if len(values) == 1 else "") + ")"


def dictionary(values: dict[str, str]) -> str:
    """A Typst dictionary of code values; keys are the writer's own identifiers."""
    return "(" + ", ".join(f"{key}: {value}" for key, value in values.items()) + ")"


def length(points: float, unit: str = "pt") -> str:
    """A length literal such as ``10.5pt`` or ``22mm``."""
    return f"{points:g}{unit}"


def paragraphs(blocks: Iterable[str]) -> str:
    """Markup blocks separated by blank lines (paragraph breaks)."""
    return "\n\n".join(block for block in blocks if block)
