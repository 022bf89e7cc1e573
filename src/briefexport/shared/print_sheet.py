"""The print stylesheet's numbers for writers that follow the PDF (the Word styles first):
``pdf.css`` read with tinycss2 (CSS Syntax Level 3), so they take spacing, leading, indents and
rules from the sheet the PDF is laid out with, not from copies of its numbers.

A value is named by one selector of a rule, as the sheet writes it (``main h2``), and a property
(:class:`Css`). A longhand is also found in its shorthand (``margin-top`` in ``margin``), a logical
side as its left-to-right physical one (``padding-inline-start`` is ``padding-left``; Word mirrors
indents for right-to-left text itself), and the last declaration of the rules with that selector
wins, an ``!important`` one over the others. No cascade is computed: the selector names the rule
whose value the Word style copies; :class:`Sum` adds values up (a container's margin and the
padding inside it, above its first line). A value the sheet lacks is an error that names it, so
a reworked house sheet stops the reference document from being built instead of letting it
drift; a style folder's own sheet is read over the shipped one, which gives what it leaves out.
"""

from __future__ import annotations

import functools
from typing import Any

import tinycss2
from tinycss2.ast import (
    AtRule,
    Declaration,
    DimensionToken,
    FunctionBlock,
    IdentToken,
    NumberToken,
    QualifiedRule,
)

from ..errors import BriefexportError
from ..model.record import Record, record
from .styles import PRINT_SHEET

POINTS_PER = {"pt": 1.0, "px": 0.75, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pc": 12.0}
SIDES = ("top", "right", "bottom", "left")
LOGICAL = {
    "block-start": "top",
    "inline-end": "right",
    "block-end": "bottom",
    "inline-start": "left",
}
BOX_SHORTHANDS = ("margin", "padding")


class MissingValueError(BriefexportError):
    """The sheet (and its fallback) has no declaration of the value asked for."""


@record
class Css(Record):
    """One value of the print stylesheet: a selector of a rule and a property."""

    selector: str
    property: str


@record
class Sum(Record):
    """Lengths of the print stylesheet added up."""

    parts: tuple[Css, ...]


class PrintSheet:
    """The rules of one print stylesheet, looked up by selector; a value it lacks is looked up
    in ``fallback`` when there is one (a style folder's own sheet over the shipped one)."""

    def __init__(self, css: str, fallback: PrintSheet | None = None) -> None:
        self.declarations = _declarations(css)
        self.fallback = fallback

    def points(self, value: float | Css | Sum, em: float) -> float:
        """A length in points (``em``: the font size of the element it belongs to); a number
        that is not a :class:`Css` is the Word style's own, in points."""
        if isinstance(value, Sum):
            return sum(self.points(part, em) for part in value.parts)
        if not isinstance(value, Css):
            return value
        token = _first(self._tokens(value), DimensionToken | NumberToken, value)
        if isinstance(token, NumberToken) and token.value == 0:
            return 0.0
        unit = getattr(token, "lower_unit", "")
        if unit == "em":
            return float(token.value) * em
        if unit not in POINTS_PER:
            raise BriefexportError(f"{PRINT_SHEET}: {_name(value)} is not a length")
        return float(token.value) * POINTS_PER[unit]

    def number(self, value: float | Css) -> float:
        """A plain number (a line height) or a count of ems (letter spacing)."""
        if not isinstance(value, Css):
            return value
        token = _first(self._tokens(value), DimensionToken | NumberToken, value)
        if isinstance(token, DimensionToken) and token.lower_unit != "em":
            raise BriefexportError(f"{PRINT_SHEET}: {_name(value)} is not a number or ems")
        return float(token.value)

    def dimension(self, value: Css) -> tuple[float, str]:
        """A number as the sheet writes it, with its unit in lower case (``em``, ``pt``,
        ``rem``; empty for a plain number): for a writer with units of its own (Typst)."""
        token = _first(self._tokens(value), DimensionToken | NumberToken, value)
        return float(token.value), getattr(token, "lower_unit", "")

    def keywords(self, value: Css) -> frozenset[str]:
        """Every keyword of a declaration, lower-cased (``dotted`` and ``underline`` in
        ``text-decoration: dotted underline``, where the line comes second)."""
        tokens = self._tokens(value)
        _first(tokens, IdentToken, value)  # none: not of the kind needed
        return frozenset(
            str(token.lower_value) for token in tokens if isinstance(token, IdentToken)
        )

    def color(self, value: str | Css) -> str:
        """The brand colour a declaration names (``var(--table-header-fill)``:
        ``table_header_fill``); a string that is not a :class:`Css` is a brand colour already."""
        if not isinstance(value, Css):
            return value
        call = _first(self._tokens(value), FunctionBlock, value)
        name = tinycss2.serialize(call.arguments).strip()
        if call.lower_name != "var" or not name.startswith("--"):
            raise BriefexportError(f"{PRINT_SHEET}: {_name(value)} names no brand colour")
        return str(name[2:]).replace("-", "_")

    def _tokens(self, value: Css) -> list[Any]:
        """The component values of the winning declaration, whitespace left out."""
        found: tuple[bool, list[Any]] | None = None
        for declaration in self.declarations.get(value.selector, ()):
            tokens = _longhand(declaration, value.property)
            if tokens is not None and (found is None or declaration.important or not found[0]):
                found = (declaration.important, tokens)
        if found is not None:
            return found[1]
        if self.fallback is not None:
            return self.fallback._tokens(value)
        raise MissingValueError(f"{PRINT_SHEET}: no {_name(value)}")


@functools.lru_cache(maxsize=4)
def print_sheet(css: str, fallback_css: str | None = None) -> PrintSheet:
    """The sheet of this text, parsed once, over the sheet of ``fallback_css`` if given."""
    fallback = print_sheet(fallback_css) if fallback_css is not None else None
    return PrintSheet(css, fallback)


def _name(value: Css) -> str:
    return f"{value.property} in the rule for {value.selector!r}"


def _first(tokens: list[Any], kind: Any, value: Css) -> Any:
    for token in tokens:
        if isinstance(token, kind):
            return token
    raise BriefexportError(f"{PRINT_SHEET}: {_name(value)} has no value of the kind needed")


def _declarations(css: str) -> dict[str, list[Declaration]]:
    """Each selector of the sheet's top-level rules with their declarations, in order."""
    found: dict[str, list[Declaration]] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if isinstance(rule, QualifiedRule):
            declarations = _contents(rule, found, "")
            for selector in _selectors(rule.prelude):
                found.setdefault(selector, []).extend(declarations)
        elif isinstance(rule, AtRule) and rule.lower_at_keyword == "page" and rule.content:
            page = _page_name(rule)
            found.setdefault(page, []).extend(_contents(rule, found, page))
    return found


def _contents(
    rule: QualifiedRule | AtRule, found: dict[str, list[Declaration]], page: str
) -> list[Declaration]:
    """The declarations of a rule; a margin box or the footnote area of a page rule is named
    after its page (``@page @footnote``, ``@page :first @top-left``)."""
    declarations = []
    for item in tinycss2.parse_blocks_contents(rule.content, True, True):
        if isinstance(item, Declaration):
            declarations.append(item)
        elif isinstance(item, AtRule) and page and item.content:
            box = f"{page} @{item.lower_at_keyword}"
            found.setdefault(box, []).extend(_contents(item, found, ""))
    return declarations


def _page_name(rule: AtRule) -> str:
    """``@page`` and its selector as the sheet writes them, spaces made single."""
    return " ".join(["@page", *tinycss2.serialize(rule.prelude).split()])


def _selectors(prelude: list[Any]) -> list[str]:
    """The selectors of a rule's selector list, whitespace made single spaces (a comma inside
    ``:is()`` belongs to a function's arguments, not to the list), each followed by the
    selectors it stands for when it holds ``:is()`` (``a :is(b, c)`` is ``a b`` and ``a c``), so
    that a value can be named by the element it is for."""
    selectors: list[list[Any]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    spelled = (_spelling(tokens) for written in selectors for tokens in _forms(written))
    return list(dict.fromkeys(spelled))


def _spelling(tokens: list[Any]) -> str:
    return " ".join(tinycss2.serialize(tokens).split())


def _forms(tokens: list[Any]) -> list[list[Any]]:
    """A selector as written, then each selector its ``:is()`` functions stand for."""
    forms: list[list[Any]] = [[]]
    for at, token in enumerate(tokens):
        after_colon = at > 0 and tokens[at - 1].type == "literal" and tokens[at - 1].value == ":"
        if token.type == "function" and token.lower_name == "is" and after_colon:
            choices = _selectors(token.arguments)
            forms = [
                [*form[:-1], *tinycss2.parse_component_value_list(choice)]
                for form in forms
                for choice in choices
            ]
        else:
            forms = [[*form, token] for form in forms]
    return [tokens, *forms]


def _longhand(declaration: Declaration, name: str) -> list[Any] | None:
    """The value of property ``name`` this declaration sets, itself or through its shorthand."""
    tokens = [token for token in declaration.value if token.type not in ("whitespace", "comment")]
    base, _, side = name.partition("-")
    side = LOGICAL.get(side, side)
    if declaration.lower_name in (name, f"{base}-{side}"):
        return tokens
    if declaration.lower_name != base or base not in BOX_SHORTHANDS or side not in SIDES:
        return None
    # One to four values: top, right, bottom, left; a missing one repeats its opposite side.
    top = tokens[0]
    right = tokens[1] if len(tokens) > 1 else top
    bottom = tokens[2] if len(tokens) > 2 else top
    left = tokens[3] if len(tokens) > 3 else right
    return [dict(zip(SIDES, (top, right, bottom, left), strict=True))[side]]
