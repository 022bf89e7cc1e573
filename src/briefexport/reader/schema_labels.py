"""Names for the patterns of one element name a parent takes several of, told apart by what they
hold (RELAX NG allows it; the profile's authors' and editors' ``contrib-group``): where the parent
holds several of that name, a message about order says ``<contrib-group> of editors``, not a
bare name that could be either.
"""

from __future__ import annotations

from lxml import etree

from .schema_attributes import narrowed
from .schema_rules import ElementRule, Schema

Parent = etree._Element | None


def pattern_label(tables: Schema, key: int, shown: str, allowed: set[int], parent: Parent) -> str:
    """``<shown>``, or ``<shown> of {value}s`` when the parent holds several of that name, takes
    another pattern of it, and this one's children all need one attribute value
    (``contrib-type="editor"``)."""
    rule = tables.rules[key]
    others = [c for c in allowed if c != key and rule.names & tables.rules[c].names]
    several = len(parent.findall(next(iter(rule.names)))) > 1 if parent is not None else False
    value = _held_value(tables.rules, rule) if others and several and len(rule.names) == 1 else None
    return f"<{shown}> of {value}s" if value else f"<{shown}>"


def element_label(tables: Schema, element: etree._Element, shown: str, allowed: set[int]) -> str:
    """The element as :func:`pattern_label` names the one pattern what it holds tells."""
    named = [c for c in allowed if str(element.tag) in tables.rules[c].names]
    own = narrowed(element, named, tables.rules)
    if own is None or len(own) != 1:
        return f"<{shown}>"
    return pattern_label(tables, next(iter(own)), shown, allowed, element.getparent())


def _held_value(rules: list[ElementRule], rule: ElementRule) -> str | None:
    """The one value a required attribute of every child ``rule`` starts with must have."""
    starts = {key for state in rule.closure({0}) for key, _ in rule.moves.get(state, ())}
    values = {
        value
        for key in starts
        for attribute in rules[key].attributes.values()
        if attribute.required and attribute.values and len(attribute.values) == 1
        for value in attribute.values
    }
    return next(iter(values)) if len(values) == 1 else None
