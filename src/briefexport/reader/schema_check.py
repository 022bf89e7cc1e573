"""Our own pass over a brief the profile's RELAX NG schema refused, for messages a brief's author
can act on (the tables come from the schema itself, :mod:`.schema_rules`).

It reports, each at the offending element's own start tag: an element the profile does not know
or that its parent does not take, with the close spelling where there is one; an element out of
order (one such line per parent: the rest of that parent is read on as best it can); a parent
missing what it needs; text where only elements may stand; an attribute not allowed, missing, or
with a value outside its list. A child is read as the patterns of its name its attributes fit, as
RELAX NG tells two patterns of one name apart. Datatypes (patterns, ids, language tags) are
judged by libxml2 alone (:mod:`.schema_values` words what it refuses).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..errors import Diagnostic
from ..shared.locate import written_name
from .locate import Locator
from .schema_attributes import Attrib, attribute_problems, attributes_fit
from .schema_rules import Schema, schema
from .schema_words import bracketed, close_name
from .tokens import XML_SPACE

NEEDS = {
    "tr": "a table row needs at least one cell (<td> or <th>)",
    "thead": "a table header needs at least one row (<tr>)",
    "tbody": "a table body needs at least one row (<tr>)",
    "list": "a list needs at least one <list-item>",
    "list-item": "a list item needs at least one paragraph (<p>)",
    "fn-group": "<fn-group> needs at least one footnote (<fn>)",
    "fn": "a footnote needs at least one paragraph (<p>)",
    "ref-list": "a reference list needs at least one <ref>",
    "disp-quote": "a quotation needs at least one paragraph (<p>)",
    "abstract": "an abstract needs at least one paragraph (<p>)",
}

State = tuple[int, int]  # (element rule, automaton state)


@dataclass
class Findings:
    """The pass's diagnostics and, per element, what kind of problem it has."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    flagged: dict[etree._Element, set[str]] = field(default_factory=dict)
    rules: dict[etree._Element, frozenset[int]] = field(default_factory=dict)  # as read
    cut: bool = False  # the walk stopped at its limit

    def add(self, element: etree._Element, kind: str, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)
        self.flagged.setdefault(element, set()).add(kind)


def check_structure(root: etree._Element, at: Locator, limit: int | None = None) -> Findings:
    """Every structural problem of the tree under ``root`` the schema's tables can name, in
    document order; with ``limit``, the walk stops once more than ``limit`` are found (every
    problem at an element before the last one read is then found, but for a parent's missing
    children, which are known only at its end)."""
    walk = _Walk(schema(), at)
    keys = frozenset(k for k in walk.schema.start if root.tag in walk.schema.rules[k].names)
    frames = [walk.enter(root, keys)] if keys else []
    while frames:
        element, reading, children = frames[-1]
        child = next(children, None)
        if child is None:
            frames.pop()
            walk.leave(element, reading)
        elif fits := walk.read(element, child, reading):
            frames.append(walk.enter(child, fits))
        if limit is not None and len(walk.found.diagnostics) > limit:
            walk.found.cut = True
            break
    return walk.found


Frame = tuple[etree._Element, "_Reading", Iterator[etree._Element]]


class _Walk:
    """The checks of one element at a time, collecting what they find."""

    def __init__(self, tables: Schema, at: Locator) -> None:
        self.schema, self.at, self.found = tables, at, Findings()
        self._rank: dict[str, int] = {}

    def name(self, element: etree._Element) -> str:
        """An element's name as the schema writes it, or, in a namespace the schema does not
        use, as the brief writes it (with its prefix, or its ``xmlns``)."""
        namespace = etree.QName(element).namespace
        if namespace is None or namespace in self.schema.prefixes:
            return self.schema.shown(str(element.tag))
        if element.prefix:
            return written_name(element)
        return f'{etree.QName(element).localname} xmlns="{namespace}"'

    def _alike(self, child: etree._Element, reading: _Reading) -> list[str]:
        """The names the parent takes that are in the child's namespace (a close spelling is
        never guessed across namespaces)."""
        namespace = etree.QName(child).namespace
        rules = [self.schema.rules[k] for k in reading.allowed]
        alike = {self.schema.shown(n) for r in rules for n in r.names if _namespace(n) == namespace}
        return [shown for shown in self.names(reading.allowed) if shown in alike]

    def names(self, keys: set[int] | frozenset[int]) -> list[str]:
        """The shown names of element rules ``keys``, in schema order (the names of one
        pattern alphabetically, so that the message is the same from run to run), each once."""
        shown = (self.schema.shown(n) for k in sorted(keys) for n in self.schema.rules[k].names)
        return list(dict.fromkeys(sorted(shown, key=lambda name: (self._order(name), name))))

    def _order(self, shown: str) -> int:
        if not self._rank:  # each name's first place in the schema
            for key, rule in enumerate(self.schema.rules):
                for name in rule.names:
                    self._rank.setdefault(self.schema.shown(name), key)
        return self._rank[shown]

    def enter(self, element: etree._Element, keys: frozenset[int]) -> Frame:
        """Check an element's attributes and text; start reading its children."""
        self.found.rules[element] = keys
        self.attributes(element, keys)
        self.text(element, keys)
        return element, _Reading(self.schema, keys), element.iterchildren(tag=etree.Element)

    def attributes(self, element: etree._Element, keys: frozenset[int]) -> None:
        rules = [self.schema.rules[k] for k in keys]
        for clark, message in attribute_problems(element, rules, self.name(element)):
            self.found.add(element, f"@{clark}", self.at.error(element, message))

    def text(self, element: etree._Element, keys: frozenset[int]) -> None:
        if any(self.schema.rules[k].text for k in keys):
            return
        pieces = [element.text, *(child.tail for child in element)]
        if any(piece and piece.strip(XML_SPACE) for piece in pieces):
            message = f"text is not allowed directly in <{self.name(element)}>"
            self.found.add(element, "text", self.at.error(element, message))

    def read(
        self, element: etree._Element, child: etree._Element, reading: _Reading
    ) -> frozenset[int]:
        """Read one child through the parent's automata: the child's own rules, to check it."""
        fits = reading.step(str(child.tag), child.attrib)
        if not fits:
            fits = reading.resync(self.misplaced(element, child, reading), child.attrib)
        reading.previous = child
        return fits

    def leave(self, element: etree._Element, reading: _Reading) -> None:
        """After the last child: what the parent still misses."""
        if not reading.complete() and not reading.disordered:
            self.incomplete(element, reading)

    def misplaced(self, element: etree._Element, child: etree._Element, reading: _Reading) -> str:
        """Report a child its parent does not take there; the name to read it on as (an
        unknown element as the name it most likely misspells)."""
        parent, name, tag = self.name(element), self.name(child), str(child.tag)
        allowed = self.names(reading.allowed)
        expected = self.names(reading.expected())
        guess = close_name(name, self._alike(child, reading))
        if not self.schema.named(tag):
            tag = self._clark(guess, reading) if guess else tag
            if guess and expected == [guess] and reading.previous is None:
                message = f"<{parent}> must start with <{guess}>; found <{name}>"
            else:
                message = f"<{name}> is not an element of this profile; " + (
                    f"did you mean <{guess}>?" if guess else self._holds(parent, allowed)
                )
        elif name not in allowed:
            message = f"<{name}> is not allowed in <{parent}>; " + self._holds(parent, allowed)
        elif reading.disordered:
            return tag  # one line on order per parent: the first misplacement says it
        else:
            message = self._out_of_order(parent, name, reading, expected)
            reading.disordered = True
        self.found.add(child, "place", self.at.error(child, message))
        self.found.flagged.setdefault(element, set()).add("content")
        return tag

    def _clark(self, shown: str, reading: _Reading) -> str:
        rules = (self.schema.rules[k] for k in reading.allowed)
        return next(n for rule in rules for n in rule.names if self.schema.shown(n) == shown)

    def _holds(self, parent: str, allowed: list[str]) -> str:
        if not allowed:
            return f"<{parent}> holds no elements"
        return f"allowed here: {bracketed(allowed)}"

    def _out_of_order(self, parent: str, name: str, reading: _Reading, expected: list[str]) -> str:
        if reading.previous is None:
            return f"<{parent}> must start with {bracketed(expected)}; found <{name}>"
        before = self.name(reading.previous)
        then = f"expected {bracketed(expected)}" if expected else f"<{before}> must come last"
        return f"<{name}> cannot come after <{before}> in <{parent}>; {then}"

    def incomplete(self, element: etree._Element, reading: _Reading) -> None:
        tag = self.name(element)
        needed = self.names(reading.needed())
        if tag in NEEDS and len(element) == 0:
            message = NEEDS[tag]
        elif needed:
            message = f"<{tag}> is missing {bracketed(needed, 'and')}"
        else:
            message = f"<{tag}> is missing one of {bracketed(self.names(reading.expected()))}"
        self.found.add(element, "content", self.at.error(element, message))


def _namespace(clark: str) -> str | None:
    return etree.QName(clark).namespace


class _Reading:
    """The states of the parent's automata while its children are read."""

    def __init__(self, tables: Schema, keys: frozenset[int]) -> None:
        self.rules = tables.rules
        self.states = {(k, s) for k in keys for s in self.rules[k].closure({0})}
        self.keys = keys
        self.previous: etree._Element | None = None
        self.disordered = False

    @functools.cached_property
    def allowed(self) -> set[int]:
        """Every child rule the parent takes somewhere."""
        return {c for k in self.keys for ms in self.rules[k].moves.values() for c, _ in ms}

    def _moves(self, states: set[State]) -> list[tuple[int, int, int]]:
        """(rule, child rule, target state) for every move out of ``states``."""
        return [(k, c, to) for k, s in states for c, to in self.rules[k].moves.get(s, ())]

    def step(self, tag: str, attrib: Attrib, states: set[State] | None = None) -> frozenset[int]:
        """Read a child: the rules it may follow (those its attributes fit, when any do)."""
        taken = [
            (k, c, to)
            for k, c, to in self._moves(self.states if states is None else states)
            if tag in self.rules[c].names
        ]
        taken = [m for m in taken if attributes_fit(attrib, self.rules[m[1]])] or taken
        if taken:
            self.states = {(k, s) for k, _, to in taken for s in self.rules[k].closure({to})}
        return frozenset(c for _, c, _ in taken)

    def resync(self, tag: str, attrib: Attrib) -> frozenset[int]:
        """After a misplaced child: read it where it could stand later, or skip it."""
        fits = self.step(tag, attrib, self.reachable(self.states))
        return fits or frozenset(c for c in self.allowed if tag in self.rules[c].names)

    def reachable(self, states: set[State], without: str | None = None) -> set[State]:
        seen, todo = set(states), list(states)
        while todo:
            k, s = todo.pop()
            ahead = [
                to for c, to in self.rules[k].moves.get(s, ()) if without not in self.rules[c].names
            ]
            for following in (*self.rules[k].closure({s}), *ahead):
                if (k, following) not in seen:
                    seen.add((k, following))
                    todo.append((k, following))
        return seen

    def complete(self, states: set[State] | None = None) -> bool:
        return any(s == self.rules[k].final for k, s in (self.states if states is None else states))

    def expected(self) -> set[int]:
        return {c for _, c, _ in self._moves(self.states)}

    def needed(self) -> set[int]:
        """Child rules every way to the end passes through."""
        ahead = {c for _, c, _ in self._moves(self.reachable(self.states))}
        names = {n for c in ahead for n in self.rules[c].names}
        must = {n for n in names if not self.complete(self.reachable(self.states, without=n))}
        return {c for c in ahead if self.rules[c].names & must}
