"""The profile's RELAX NG schema (``schema/brief.rng``) read into tables for clear messages.

Follows RELAX NG (ISO/IEC 19757-2) for the patterns brief.rng uses. Each ``<element>`` pattern
becomes an :class:`ElementRule`: its names, its attributes (required or not, enumerated values
or datatype), whether it holds text, and an automaton over the names of its child elements.
The tables describe the schema as it is, so messages follow a schema change; libxml2 remains
the validator, the tables only say what a refusal means. ``interleave`` is read as any order of
its parts (looser, never stricter); datatypes are named, not checked.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

from ..shared.xmlnames import XML_NS
from .schema_file import schema_document
from .tokens import RNG, collapse

# ("elem", rule key) | ("seq" | "alt", [Expr, ...]) | ("opt" | "star" | "plus", Expr)
Expr = tuple[object, ...]
EMPTY: Expr = ("seq", [])
TYPE_WORDS = {  # the XML Schema datatypes brief.rng uses
    "string": "text",
    "NCName": "a name (a letter or _, then letters, digits, -, _ or .)",
    "positiveInteger": "a whole number from 1",
    "language": 'a language tag such as "en"',
    "anyURI": "a URI",
}
PATTERN_WORDS = {  # the schema's patterns in words; \s* around a value: XML white space
    r"\s*\S(\s|\S)*": "text that is not only blanks",  # required.text, over any lines
    r"\s*https://orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]\s*": (
        "an ORCID iD written as its URL, such as https://orcid.org/0000-0002-1825-0097"
    ),
    r"\s*[^@\s]+@[^@\s]+\s*": "an e-mail address such as name@example.org",
    r"\s*\d{1,2}\s*": "a number of one or two digits, such as 5 or 05",
    r"\s*\d{4}\s*": "a year of four digits",
    r"\s*\d{4}-\d{2}-\d{2}\s*": "a date written YYYY-MM-DD",
    r"\s*\d{4}(-\d{2}(-\d{2})?)?\s*": "a date written YYYY, YYYY-MM or YYYY-MM-DD",
}


@dataclass(frozen=True)
class AttributeRule:
    """One attribute an element pattern allows."""

    shown: str  # as the schema writes it: ``xml:lang``
    required: bool
    values: tuple[str, ...] | None  # the enumerated values, or None for any of ``datatype``
    datatype: str
    wanted: str = "text"  # what the datatype takes, in words
    pattern: str | None = None  # its XML Schema pattern, if it has one
    maximum: int | None = None  # its ``maxInclusive``, if it has one


@dataclass
class ElementRule:
    """One ``<element>`` pattern: its names, attributes, text and child automaton."""

    names: frozenset[str]  # Clark names
    attributes: dict[str, AttributeRule] = field(default_factory=dict)
    text: bool = False
    wanted: str | None = None  # what a typed text content takes, in words
    pattern: str | None = None  # the XML Schema pattern of a typed text content
    moves: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # state: (rule, to)
    eps: dict[int, list[int]] = field(default_factory=dict)
    final: int = 1
    closed: dict[int, frozenset[int]] = field(default_factory=dict, repr=False)  # by state

    def closure(self, states: set[int]) -> frozenset[int]:
        """``states`` and every state reached from them without reading an element."""
        return frozenset().union(*(self._closure_of(state) for state in states))

    def _closure_of(self, state: int) -> frozenset[int]:
        if state not in self.closed:
            todo, seen = [state], {state}
            while todo:
                for following in self.eps.get(todo.pop(), ()):
                    if following not in seen:
                        seen.add(following)
                        todo.append(following)
            self.closed[state] = frozenset(seen)
        return self.closed[state]


class Schema:
    """Every element pattern of the schema, indexed by key, with the root's patterns."""

    def __init__(self, document: etree._Element) -> None:
        self.rules: list[ElementRule] = []
        self.prefixes = {XML_NS: "xml"} | {
            uri: prefix for prefix, uri in document.nsmap.items() if prefix and uri
        }
        self._defines = {d.get("name", ""): d for d in document.iter(f"{RNG}define")}
        self._seen: dict[etree._Element, int] = {}
        start = document.find(f"{RNG}start")
        assert start is not None
        self.start = self._keys(self._walk_all(start, None, optional=False))

    def shown(self, clark: str) -> str:
        """A Clark name as the schema writes it (``{ns}lang`` as ``xml:lang``)."""
        if "{" not in clark:
            return clark
        qname = etree.QName(clark)
        prefix = self.prefixes.get(qname.namespace or "")
        return f"{prefix}:{qname.localname}" if prefix else qname.localname

    def named(self, clark: str) -> list[int]:
        """Keys of every element pattern named ``clark``."""
        return [key for key, rule in enumerate(self.rules) if clark in rule.names]

    def _keys(self, expr: Expr) -> frozenset[int]:
        if expr[0] == "elem":
            return frozenset({int(str(expr[1]))})
        parts = expr[1] if isinstance(expr[1], list) else [expr[1]]
        return frozenset().union(*(self._keys(cast(Expr, part)) for part in parts))

    def _element(self, node: etree._Element) -> int:
        if node in self._seen:
            return self._seen[node]
        key = len(self.rules)
        self._seen[node] = key
        rule = ElementRule(frozenset(self._names(node)))
        self.rules.append(rule)
        content = self._walk_all(node, rule, optional=False)
        _compile(rule, content)
        return key

    def _names(self, node: etree._Element) -> list[str]:
        if node.get("name"):
            return [self._clark(node.get("name", ""), node, attribute=False)]
        first = _children(node)[0]
        names = [first] if first.tag == f"{RNG}name" else first.iter(f"{RNG}name")
        return [self._clark((n.text or "").strip(), n, attribute=False) for n in names]

    def _clark(self, name: str, node: etree._Element, *, attribute: bool) -> str:
        prefix, _, local = name.rpartition(":")
        if prefix == "xml":
            return f"{{{XML_NS}}}{local}"
        if prefix:
            return f"{{{node.nsmap[prefix]}}}{local}"
        return local if attribute else name

    def _walk_all(self, node: etree._Element, rule: ElementRule | None, *, optional: bool) -> Expr:
        parts = [self._walk(child, rule, optional=optional) for child in _patterns(node)]
        return ("seq", parts)

    def _walk(self, node: etree._Element, rule: ElementRule | None, *, optional: bool) -> Expr:
        tag = etree.QName(node).localname
        if tag == "element":
            return ("elem", self._element(node))
        if tag == "ref":
            return self._walk_all(self._defines[node.get("name", "")], rule, optional=optional)
        if rule is not None and tag == "attribute":
            self._attribute(node, rule, optional=optional)
        if rule is not None and tag in ("text", "data", "value", "list", "mixed"):
            rule.text = True
        if rule is not None and tag == "data":
            rule.wanted, rule.pattern = _wanted(node), _param(node, "pattern")
        if tag in ("attribute", "text", "data", "value", "list", "empty"):
            return EMPTY
        return self._combine(tag, node, rule, optional=optional)

    def _combine(
        self, tag: str, node: etree._Element, rule: ElementRule | None, *, optional: bool
    ) -> Expr:
        loose = optional or tag in ("choice", "optional", "zeroOrMore", "interleave")
        parts = [self._walk(child, rule, optional=loose) for child in _patterns(node)]
        if tag == "choice":
            return ("alt", parts)
        if tag == "interleave":
            return ("star", ("alt", parts))
        if tag in ("optional", "zeroOrMore", "oneOrMore"):
            kind = {"optional": "opt", "zeroOrMore": "star", "oneOrMore": "plus"}[tag]
            return (kind, ("seq", parts))
        if tag == "notAllowed":
            return ("alt", [])
        return ("seq", parts)  # group, mixed; empty, text, data, value and attribute add none

    def _attribute(self, node: etree._Element, rule: ElementRule, *, optional: bool) -> None:
        name = self._clark(node.get("name", ""), node, attribute=True)
        values, data = self._value_space(node)
        datatype = data.get("type", "") if data is not None else "string"
        shown = self.shown(name)
        wanted = _wanted(data) if data is not None else "text"
        pattern = _param(data, "pattern") if data is not None else None
        maximum = _param(data, "maxInclusive") if data is not None else None
        rule.attributes[name] = AttributeRule(
            shown,
            not optional,
            values,
            datatype,
            wanted,
            pattern,
            int(maximum) if maximum else None,
        )

    def _value_space(
        self, node: etree._Element
    ) -> tuple[tuple[str, ...] | None, etree._Element | None]:
        """The enumerated values of an attribute pattern, or None; its ``data`` pattern."""
        while (ref := node.find(f"{RNG}ref")) is not None:
            node = self._defines[ref.get("name", "")]
        values = [collapse(v.text or "") for v in node.iter(f"{RNG}value")]
        data = node.find(f".//{RNG}data")
        return (tuple(values) if values and data is None else None), data


def _patterns(node: etree._Element) -> list[etree._Element]:
    """The pattern children of ``node`` (not name classes, params or foreign elements)."""
    skip = {f"{RNG}name", f"{RNG}anyName", f"{RNG}nsName", f"{RNG}param", f"{RNG}except"}
    first_is_name = node.tag == f"{RNG}element" and not node.get("name")
    children = _children(node)
    if first_is_name and children:
        children = children[1:]
    return [c for c in children if c.tag not in skip]


def _param(data: etree._Element, name: str) -> str | None:
    found = data.findtext(f"{RNG}param[@name='{name}']")
    return found.strip() if found is not None else None


def _wanted(data: etree._Element) -> str:
    """What a ``data`` pattern takes, in words: its type, its upper limit, its pattern."""
    params = {p.get("name"): (p.text or "").strip() for p in data.iter(f"{RNG}param")}
    datatype = data.get("type", "")
    words = TYPE_WORDS.get(datatype, f"a valid {datatype}")
    if "maxInclusive" in params:
        words += f" up to {params['maxInclusive']}"
    if params.get("pattern") in PATTERN_WORDS:
        words = PATTERN_WORDS[params["pattern"]]
    elif "pattern" in params:
        words += f" matching {params['pattern']}"
    return words


def _children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(RNG)]


def _compile(rule: ElementRule, content: Expr) -> None:
    """Thompson's construction of the child automaton: state 0 starts, ``rule.final`` accepts."""
    _Builder(rule).build(content, 0, rule.final)


class _Builder:
    def __init__(self, rule: ElementRule) -> None:
        self.rule = rule
        self.count = 2

    def fresh(self) -> int:
        self.count += 1
        return self.count - 1

    def link(self, source: int, target: int) -> None:
        self.rule.eps.setdefault(source, []).append(target)

    def build(self, expr: Expr, source: int, target: int) -> None:
        kind, body = expr
        if kind == "elem":
            self.rule.moves.setdefault(source, []).append((int(str(body)), target))
        elif kind == "alt":
            for part in body:  # type: ignore[attr-defined]
                self.build(part, source, target)
        elif kind == "seq":
            for part in body:  # type: ignore[attr-defined]
                middle = self.fresh()
                self.build(part, source, middle)
                source = middle
            self.link(source, target)
        else:
            self.repeat(str(kind), body, source, target)  # type: ignore[arg-type]

    def repeat(self, kind: str, body: Expr, source: int, target: int) -> None:
        middle, back = self.fresh(), self.fresh()
        self.link(source, middle)
        self.build(body, middle, back)
        self.link(back, target)
        if kind in ("star", "plus"):
            self.link(back, middle)
        if kind in ("opt", "star"):
            self.link(source, target)


@functools.cache
def schema() -> Schema:
    """The profile's schema as tables (read once)."""
    return Schema(schema_document())
