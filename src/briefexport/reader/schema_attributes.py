"""Attribute problems of one element against the profile's RELAX NG element patterns
(:mod:`.schema_rules`): an attribute the patterns do not allow, a required one missing, or a
value outside an enumeration (compared as RELAX NG compares a ``token``: XML's blanks collapsed,
a no-break space kept). A close spelling is guessed only within the attribute's namespace.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .schema_rules import AttributeRule, ElementRule
from .schema_words import close_name, quoted
from .tokens import collapse

HINTS = {"language": 'a language tag such as "en"'}
Read = etree._Element  # a child as read: by its attributes, and what it holds first


def attributes_fit(child: Read, rule: ElementRule) -> bool:
    """Whether the child's attributes are all allowed by ``rule``, with values from its lists,
    and hold every attribute it requires (how RELAX NG tells apart two patterns of one name)."""
    for clark, value in child.attrib.items():
        allowed = rule.attributes.get(str(clark))
        if allowed is None or _bad_value(str(value), [allowed], "") is not None:
            return False
    return all(name in child.attrib for name, a in rule.attributes.items() if a.required)


def narrowed(child: Read, named: list[int], rules: list[ElementRule]) -> frozenset[int] | None:
    """Of the patterns ``named`` (those of the child's name its parent takes), the ones its
    first element can begin, when its attributes fit several and that element tells them apart
    (the authors' and the editors' ``contrib-group``); None when it does not."""
    fitting = [key for key in named if attributes_fit(child, rules[key])]
    first = next(child.iterchildren(etree.Element), None)
    if len(fitting) < 2 or first is None:
        return None
    begun = frozenset(key for key in fitting if _begins(first, rules[key], rules))
    return begun if 0 < len(begun) < len(fitting) else None


def _begins(first: Read, rule: ElementRule, rules: list[ElementRule]) -> bool:
    starts = (key for state in rule.closure({0}) for key, _ in rule.moves.get(state, ()))
    return any(
        str(first.tag) in rules[key].names and attributes_fit(first, rules[key]) for key in starts
    )


def attribute_problems(
    element: etree._Element, rules: list[ElementRule], tag: str
) -> Iterator[tuple[str, str]]:
    """(Clark name, message) for each attribute problem of ``element`` under any of ``rules``;
    a missing attribute an unknown one most likely misspells is not said twice."""
    allowed: dict[str, list[AttributeRule]] = {}
    for rule in rules:
        for clark, attribute in rule.attributes.items():
            allowed.setdefault(clark, []).append(attribute)
    guessed = set()
    for clark, value in element.attrib.items():
        if clark not in allowed:
            message, guess = _unknown(_shown(element, str(clark)), str(clark), tag, allowed)
            guessed.add(guess)
            yield str(clark), message
        elif bad := _bad_value(str(value), allowed[clark], tag):
            yield str(clark), bad
    for clark, declared in allowed.items():
        needed = len(declared) == len(rules) and all(a.required for a in declared)
        if needed and clark not in element.attrib and declared[0].shown not in guessed:
            yield clark, _missing(declared, tag)


def _unknown(
    name: str, clark: str, tag: str, allowed: dict[str, list[AttributeRule]]
) -> tuple[str, str | None]:
    """An attribute ``tag`` does not take; the close spelling is looked for in its namespace."""
    shown = sorted(declared[0].shown for declared in allowed.values())
    if not shown:
        return f"<{tag}> takes no attributes; found {name}", None
    namespace = etree.QName(clark).namespace
    alike = [d[0].shown for c, d in allowed.items() if etree.QName(c).namespace == namespace]
    guess = close_name(name, sorted(alike))
    hint = f"did you mean {guess}?" if guess else f"it takes {', '.join(shown)}"
    return f"attribute {name} is not allowed on <{tag}>; {hint}", guess


def _bad_value(value: str, declared: list[AttributeRule], tag: str) -> str | None:
    if any(a.values is None for a in declared):
        return None  # a datatype, not a list: libxml2 judges it
    values = list(dict.fromkeys(v for a in declared for v in a.values or ()))
    if collapse(value) in values:
        return None
    return f'{declared[0].shown}="{value}" on <{tag}> must be {quoted(values)}'


def _missing(declared: list[AttributeRule], tag: str) -> str:
    first = declared[0]
    values = list(dict.fromkeys(v for a in declared for v in a.values or ()))
    if any(a.values is None for a in declared):
        hint = HINTS.get(first.datatype)
        return f"<{tag}> needs the attribute {first.shown}" + (f" ({hint})" if hint else "")
    if len(values) == 1:
        return f'<{tag}> needs the attribute {first.shown}="{values[0]}"'
    return f"<{tag}> needs the attribute {first.shown} ({quoted(values)})"


def _shown(element: etree._Element, clark: str) -> str:
    """An attribute's name with the prefix the brief gives its namespace."""
    qname = etree.QName(clark)
    prefixes = {uri: prefix for prefix, uri in element.nsmap.items()}
    prefixes["http://www.w3.org/XML/1998/namespace"] = "xml"
    prefix = prefixes.get(qname.namespace or "")
    return f"{prefix}:{qname.localname}" if prefix else qname.localname
