"""Invalid selectors of a stylesheet, each placed at its line and column (Selectors Level 4's
grammar, read with cssselect2, the selector parser WeasyPrint uses).

A style rule whose selector list does not parse is dropped whole, by WeasyPrint and by
browsers alike (CSS Syntax Level 3, "parse a style rule"; a selector list is not forgiving):
``p..note``, ``h2 >``, ``a,,b``. Only the grammar is checked, never whether an engine supports
a selector, so nothing valid is reported: a pseudo-class cssselect2 does not know parses (a
browser may know it), a pseudo-element it does not know (``::-webkit-scrollbar``) or a
namespace prefix declared in another sheet is left alone, and so are the rules nested in a
style rule (CSS Nesting) and the keyframes of ``@keyframes``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

GROUPS = frozenset({"media", "supports", "layer", "container"})
"""At-rules whose block holds style rules."""
NOT_GRAMMAR = ("supported pseudo-element", "pseudo-element name", "undefined namespace prefix")
"""What cssselect2 refuses at a name that another engine may read (``::part(x)``): not
reported."""
NESTING = "&"

Place = tuple[int, int]


def selector_errors(css: str) -> list[tuple[Place, str]]:
    """Each style rule of a sheet's text whose selector is invalid: where the selector goes
    wrong and what is wrong, in order."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return [found for rule in _style_rules(rules) if (found := _invalid(rule)) is not None]


def _style_rules(rules: Iterable[Any]) -> Iterable[Any]:
    """The style rules among ``rules`` and in the blocks of their grouping at-rules."""
    import tinycss2

    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPS and rule.content:
            yield from _style_rules(tinycss2.parse_rule_list(rule.content, True, True))


def _invalid(rule: Any) -> tuple[Place, str] | None:
    """Where and why the rule's selector list does not parse; None when it does."""
    import tinycss2
    from cssselect2.parser import SelectorError, parse

    if any(_nesting_or_error(token) for token in rule.prelude):
        return None  # a syntax error is reported as such
    try:
        list(parse(rule.prelude))
    except SelectorError as error:
        token, reason = (*error.args, None, None)[:2]
        named = token is not None and token.type in ("ident", "function")
        if named and any(part in str(reason) for part in NOT_GRAMMAR):
            return None
        written = " ".join(tinycss2.serialize(rule.prelude).split())
        shown = written if len(written) <= 60 else written[:57] + "..."
        if token is None:
            return (rule.source_line, rule.source_column), f"`{shown}` ends too soon"
        unexpected = "a space" if token.type == "whitespace" else f"`{tinycss2.serialize([token])}`"
        return (token.source_line, token.source_column), f"`{shown}`: {unexpected} not expected"
    return None


def _nesting_or_error(token: Any) -> bool:
    return bool(token.type == "error" or (token.type == "literal" and token.value == NESTING))
