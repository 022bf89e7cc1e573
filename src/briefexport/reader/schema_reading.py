"""The reading of one parent's children through its element patterns' automata
(:mod:`.schema_rules`), for :mod:`.schema_check`: the states reached, what may come next, what
is still needed, and which children are out of order (:mod:`.schema_order`).
"""

from __future__ import annotations

import functools

from lxml import etree

from .schema_attributes import Read, attributes_fit, narrowed
from .schema_order import Child, misplaced_children
from .schema_rules import Schema

State = tuple[int, int]  # (element rule, automaton state)


class Reading:
    """The states of the parent's automata while its children are read."""

    def __init__(self, tables: Schema, keys: frozenset[int]) -> None:
        self.rules = tables.rules
        self.states = {(k, s) for k in keys for s in self.rules[k].closure({0})}
        self.start = frozenset(self.states)
        self.keys = keys
        self.previous: etree._Element | None = None
        self.disordered = False
        self.index = 0  # of the next child
        self.dropped: set[int] = set()  # children out of order
        self.children: list[etree._Element] = []

    def plan(self, as_read: list[Child], children: list[etree._Element]) -> None:
        """Find the children out of order, to report each where it stands."""
        self.dropped = misplaced_children(self.rules, self.keys, as_read)
        self.children = children

    @property
    def moved(self) -> list[etree._Element]:
        return [self.children[index] for index in sorted(self.dropped)]

    def next_in_place(self) -> etree._Element | None:
        """The first child after the current one that is not out of order."""
        following = range(self.index, len(self.children))
        return next((self.children[i] for i in following if i not in self.dropped), None)

    def first_unread(self, children: list[etree._Element]) -> etree._Element | None:
        """The first child the parent takes that cannot be read after those before it, ignoring
        the others: the one libxml2 names; None spares the search for the best reading."""
        states = self.states
        for child in children:
            taken = self._taken(str(child.tag), child, states)
            if not taken and any(str(child.tag) in self.rules[c].names for c in self.allowed):
                return child
            states = self._targets(taken) if taken else states
        return None

    def belongs_before(self, tag: str, read: Read) -> etree._Element | None:
        """The last child read in place before the current one that a child named ``tag``
        could stand just before, that child then read after it (elements missing there
        assumed); None when there is none."""
        states, before = self.reachable(set(self.start)), None
        for index, child in enumerate(self.children[: self.index - 1]):
            if index in self.dropped:
                continue
            taken = self._taken(str(child.tag), child, states)
            if (moved := self._taken(tag, read, states)) and self._taken(
                str(child.tag), child, self.reachable(self._targets(moved))
            ):
                before = child
            states = self.reachable(self._targets(taken)) if taken else states
        return before

    def readable(self, tag: str, child: Read) -> bool:
        """Whether a child of this name could be read next, where it stands."""
        return bool(self._taken(tag, child, self.states))

    def anywhere(self, tag: str, child: Read) -> frozenset[int]:
        """The child rules of this name the parent takes somewhere (those its attributes fit,
        when any do, and what it holds first tells), without moving on."""
        named = [c for c in self.allowed if tag in self.rules[c].names]
        own = narrowed(child, named, self.rules)
        if own is not None:
            return own
        return frozenset([c for c in named if attributes_fit(child, self.rules[c])] or named)

    @functools.cached_property
    def allowed(self) -> set[int]:
        """Every child rule the parent takes somewhere."""
        return {c for k in self.keys for ms in self.rules[k].moves.values() for c, _ in ms}

    def _moves(self, states: set[State]) -> list[tuple[int, int, int]]:
        """(rule, child rule, target state) for every move out of ``states``."""
        return [(k, c, to) for k, s in states for c, to in self.rules[k].moves.get(s, ())]

    def step(self, tag: str, child: Read, states: set[State] | None = None) -> frozenset[int]:
        """Read a child: the rules it may follow (those its attributes fit, when any do)."""
        taken = self._taken(tag, child, self.states if states is None else states)
        if taken:
            self.states = self._targets(taken)
        return frozenset(c for _, c, _ in taken)

    def _taken(self, tag: str, child: Read, states: set[State]) -> list[tuple[int, int, int]]:
        """The moves reading the child: of the patterns of its name, those what it holds first
        tells (:func:`.narrowed`), else those its attributes fit when any do."""
        taken = [(k, c, to) for k, c, to in self._moves(states) if tag in self.rules[c].names]
        named = [c for c in self.allowed if tag in self.rules[c].names]
        own = narrowed(child, named, self.rules)
        if own is not None:
            return [m for m in taken if m[1] in own]
        return [m for m in taken if attributes_fit(child, self.rules[m[1]])] or taken

    def _targets(self, taken: list[tuple[int, int, int]]) -> set[State]:
        return {(k, s) for k, _, to in taken for s in self.rules[k].closure({to})}

    def resync(self, tag: str, child: Read) -> frozenset[int]:
        """After a misplaced child: read it where it could stand later, or skip it."""
        fits = self.step(tag, child, self.reachable(self.states))
        return fits or frozenset(c for c in self.allowed if tag in self.rules[c].names)

    def past_moved(self) -> set[State]:
        """The states reached by assuming, where they are missing, the children out of order."""
        return self.reachable(self.states, only={str(child.tag) for child in self.moved})

    def reachable(
        self, states: set[State], without: str | None = None, only: set[str] | None = None
    ) -> set[State]:
        """The states reached from ``states`` by assuming elements (but ``without``, or only
        those named in ``only``)."""
        seen, todo = set(states), list(states)
        while todo:
            k, s = todo.pop()
            ahead = [
                to
                for c, to in self.rules[k].moves.get(s, ())
                if without not in self.rules[c].names
                and (only is None or not only.isdisjoint(self.rules[c].names))
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
